/**
 * `segmint serve [--host H] [--port N] [--data-dir DIR] [--token-file F] [--demo]
 * [--graceful-timeout SECONDS]`: starts the dashboard and HTTP API (@segmint/server's
 * startServer), prints its URL, and runs until Ctrl-C (or SIGTERM), then shuts down: listening
 * stops at once; running jobs may finish for up to --graceful-timeout seconds (default 0), then
 * are interrupted cleanly and can be re-run; the catalog is closed. `--demo` loads the generated
 * demo customers and segments them at start (once per data folder). The bearer token
 * comes from --token-file (trimmed) or SEGMINT_TOKEN and is never printed. The data folder
 * defaults to SEGMINT_DATA_DIR, else ./segmint-data.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SegmintError } from '@segmint/engine';
import { startServer } from '@segmint/server';
import type { ServeCommand } from '../args.js';
import type { CliIo } from '../io.js';

/** Default data folder of `segmint serve` (relative to the working folder). */
export const DEFAULT_SERVE_DATA_DIR = 'segmint-data';

async function readToken(command: ServeCommand, io: CliIo): Promise<string | null> {
  if (command.tokenFile !== undefined) {
    const path = resolve(io.cwd, command.tokenFile);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      throw new SegmintError('NOT_FOUND', `cannot read the token file '${command.tokenFile}'`, {
        path: command.tokenFile,
      });
    }
    const token = text.trim();
    if (token === '') {
      throw new SegmintError('INVALID_FILE', `the token file '${command.tokenFile}' is empty`, {
        path: command.tokenFile,
      });
    }
    return token;
  }
  const fromEnv = io.env.SEGMINT_TOKEN?.trim();
  return fromEnv === undefined || fromEnv === '' ? null : fromEnv;
}

/**
 * Runs `segmint serve` until interrupted.
 * @returns 0 after a clean shutdown.
 * @throws SegmintError INVALID_PARAMETER for a non-loopback host without a token; NOT_FOUND /
 *   INVALID_FILE for an unreadable or empty token file; the listen error for a taken port.
 */
export async function runServe(command: ServeCommand, io: CliIo): Promise<number> {
  const token = await readToken(command, io);
  const dataDir = resolve(
    io.cwd,
    command.dataDir ?? (io.env.SEGMINT_DATA_DIR || DEFAULT_SERVE_DATA_DIR), // an empty variable counts as unset
  );
  const server = await startServer({
    dataDir,
    token,
    ...(command.host === undefined ? {} : { host: command.host }),
    ...(command.port === undefined ? {} : { port: command.port }),
    ...(command.demo === true ? { demo: true } : {}),
    ...(command.gracefulTimeout === undefined || command.gracefulTimeout === 0
      ? {}
      : { gracefulShutdown: true, gracefulTimeoutSeconds: command.gracefulTimeout }),
  });
  const unregister = io.onInterrupt(() => {
    io.stderr.write('\nsegmint: stopping the server\n');
    void server.close();
  });
  io.stdout.write(`Segmint server listening on ${server.url} (data in ${dataDir})\n`);
  io.stdout.write(
    `Dashboard: ${server.url}/  API docs: ${server.url}/docs; press Ctrl-C to stop.\n`,
  );
  if (server.demo !== null) {
    io.stdout.write(
      server.demo.started
        ? `Demo: segmenting the demo customers now (run ${server.demo.runId}); open ${server.url}/ to watch.\n`
        : `Demo: the demo customers are loaded (run ${server.demo.runId}, ${server.demo.status}); open ${server.url}/\n`,
    );
  }
  try {
    await server.closed;
  } finally {
    unregister();
  }
  return 0;
}
