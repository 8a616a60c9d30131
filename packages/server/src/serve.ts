/**
 * `startServer`: builds the app, listens, optionally loads the demo (dataset + run), and stops
 * cleanly on SIGINT/SIGTERM (listening stops at once; running jobs are finished or interrupted
 * per `gracefulShutdown` / `gracefulTimeoutSeconds`, then the catalog is closed). This is what
 * `segmint serve` calls.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { AppOptions } from './app.js';
import { ensureDemo } from './demo/demo-bootstrap.js';
import type { DemoOptions, DemoState } from './demo/demo-bootstrap.js';

/** Options of {@link startServer}: the app's options plus where to listen. */
export interface ServeOptions extends AppOptions {
  /** Address to bind; default '127.0.0.1' (any other requires `token`). */
  host?: string;
  /** TCP port; default 8080; 0 picks a free one. */
  port?: number;
  /** Stop on SIGINT/SIGTERM; default true. */
  handleSignals?: boolean;
  /**
   * Load the generated demo customers as the dataset "Demo customers" and start the demo run at
   * start (idempotent across restarts; see ensureDemo). Default false.
   */
  demo?: boolean | DemoOptions;
}

/** A running server. */
export interface RunningServer {
  /** Base URL, e.g. 'http://127.0.0.1:8080'. */
  url: string;
  /** The fastify app (for tests and embedding). */
  app: FastifyInstance;
  /** Stops listening, stops the runs and closes the catalog (safe to call twice). */
  close(): Promise<void>;
  /** Resolves once the server has closed (by `close()` or a signal). */
  closed: Promise<void>;
  /** The demo dataset and run (with `demo`), else null. */
  demo: DemoState | null;
}

/** Defaults of {@link ServeOptions}. */
export const SERVE_DEFAULTS = { host: '127.0.0.1', port: 8080, handleSignals: true } as const;

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Starts the HTTP server.
 * @throws SegmintError INVALID_PARAMETER for a non-loopback host without a token; the listen
 *   error (e.g. EADDRINUSE) when the port is taken.
 * @example
 * const server = await startServer({ dataDir: './segmint-data', port: 8080 });
 * console.log(server.url);
 * await server.close();
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? SERVE_DEFAULTS.host;
  const port = options.port ?? SERVE_DEFAULTS.port;
  const app = await buildApp({ ...options, host });
  try {
    await app.listen({ host, port });
  } catch (error) {
    await app.close();
    throw error;
  }
  let demo: DemoState | null = null;
  if (options.demo !== undefined && options.demo !== false) {
    try {
      demo = await ensureDemo(app, options.demo === true ? {} : options.demo);
    } catch (error) {
      await app.close();
      throw error;
    }
  }
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | null = null;
  let resolveClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  const onSignal = (): void => {
    void close();
  };
  const close = (): Promise<void> => {
    closing ??= (async () => {
      for (const signal of SIGNALS) process.off(signal, onSignal);
      try {
        await app.close();
      } finally {
        resolveClosed();
      }
    })();
    return closing;
  };
  if (options.handleSignals ?? SERVE_DEFAULTS.handleSignals) {
    for (const signal of SIGNALS) process.once(signal, onSignal);
  }
  return { url: `http://${urlHost}:${boundPort}`, app, close, closed, demo };
}
