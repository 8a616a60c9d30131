/**
 * The HTTP app: fastify with zod schemas (validation and OpenAPI from the same schemas), one
 * error handler, bearer-token auth, CORS off unless configured, body and upload limits, the
 * catalog in `<dataDir>/catalog.duckdb`, `/health`, `/openapi.json`, `/docs`, and the dataset
 * routes. Build it with {@link buildApp}; `app.close()` closes the catalog.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import fastifyCors from '@fastify/cors';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { SegmintError } from '@segmint/engine';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { LOOPBACK_HOSTS, registerAuth } from './http/auth.js';
import { errorBody, handleError } from './http/error-handler.js';
import { DEFAULT_WEB_ROOT, registerStaticFiles } from './http/static-files.js';
import { registerPredictCoordinates } from './results/predict-coordinates.js';
import { JobRunner } from './jobs/job-runner.js';
import { configRoutes } from './routes/config.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { datasetRoutes } from './routes/datasets.js';
import { healthRoutes } from './routes/health.js';
import { modelRoutes } from './routes/models.js';
import { resultRoutes } from './routes/results.js';
import { runRoutes } from './routes/runs.js';
import { RunService } from './runs/run-service.js';
import { Catalog } from './store/catalog.js';

/** Options of {@link buildApp}. */
export interface AppOptions {
  /** Folder for the catalog and uploaded datasets (created when absent). */
  dataDir: string;
  /** The address the server will bind; any non-loopback host requires `token`. Default '127.0.0.1'. */
  host?: string;
  /** Bearer token required on every route but /health; null/undefined: no auth (loopback only). */
  token?: string | null;
  /** Largest accepted upload in bytes; default 500 MiB. Larger uploads get 413. */
  maxUploadBytes?: number;
  /** Largest JSON body in bytes; default 10 MiB. */
  maxBodyBytes?: number;
  /** Origins allowed by CORS; default none (CORS off). */
  corsOrigins?: string[];
  /** Folders under which `POST /api/datasets/register` may point; default none. */
  allowedRoots?: string[];
  /** fastify logger option (pino); default false. The Authorization header is always redacted. */
  logger?: boolean | object;
  /** Per-client limit of `POST /api/models/:id/predict`; default 120 per minute. */
  predictRateLimit?: { max: number; timeWindow: string | number };
  /** Runs executed at once (worker threads); default 1. Others wait in a FIFO queue. */
  maxConcurrentRuns?: number;
  /**
   * On `app.close()`: true waits for running runs to finish; false (default) cancels them and
   * records them as 'interrupted' (re-runnable). Queued runs never start either way.
   */
  gracefulShutdown?: boolean;
  /**
   * With `gracefulShutdown`: how long `app.close()` lets running runs finish (seconds) before
   * interrupting them cleanly (recorded 'interrupted', re-runnable). Default: no limit.
   */
  gracefulTimeoutSeconds?: number;
  /**
   * Folder of the built dashboard served at `/` (apps/web/dist of this checkout by default);
   * null serves no dashboard. When the folder has no index.html, `/` answers 503 saying how to
   * build it.
   */
  webRoot?: string | null;
}

/** The resolved options the routes read (`app.segmint`). */
export interface ServerSettings {
  dataDir: string;
  maxUploadBytes: number;
  allowedRoots: string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The catalog of datasets, runs, models and run events. */
    catalog: Catalog;
    /** Resolved server settings. */
    segmint: ServerSettings;
    /** The worker-thread pool running pipeline runs. */
    jobs: JobRunner;
    /** Runs: create, cancel, rerun, live events. */
    runs: RunService;
  }
}

/** Defaults of {@link AppOptions}. */
export const APP_DEFAULTS = {
  host: '127.0.0.1',
  maxUploadBytes: 500 * 1024 * 1024,
  maxBodyBytes: 10 * 1024 * 1024,
  predictRateLimit: { max: 120, timeWindow: '1 minute' },
} as const;

function loggerOption(logger: boolean | object | undefined): boolean | object {
  if (logger === undefined || logger === false) return false;
  const base = logger === true ? {} : logger;
  return { ...base, redact: ['req.headers.authorization', 'headers.authorization'] };
}

/**
 * Builds (but does not start) the server app.
 * @throws SegmintError INVALID_PARAMETER when `host` is not loopback and no token is given.
 * @example
 * const app = await buildApp({ dataDir: '/var/segmint' });
 * await app.listen({ host: '127.0.0.1', port: 8080 });
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const host = options.host ?? APP_DEFAULTS.host;
  const token = options.token ?? null;
  if (!LOOPBACK_HOSTS.includes(host) && (token === null || token === '')) {
    throw new SegmintError(
      'INVALID_PARAMETER',
      `server: binding ${host} (not loopback) requires a bearer token; set one or bind 127.0.0.1.`,
      { parameter: 'token' },
    );
  }
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const settings: ServerSettings = {
    dataDir,
    maxUploadBytes: options.maxUploadBytes ?? APP_DEFAULTS.maxUploadBytes,
    allowedRoots: (options.allowedRoots ?? []).map((root) => resolve(root)),
  };

  const app = Fastify({
    logger: loggerOption(options.logger),
    bodyLimit: options.maxBodyBytes ?? APP_DEFAULTS.maxBodyBytes,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .send(
        errorBody('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0] ?? ''}.`),
      );
  });

  const catalog = await Catalog.open(dataDir);
  app.decorate('catalog', catalog);
  app.decorate('segmint', settings);
  const runs = new RunService(catalog, dataDir);
  const jobs = new JobRunner({ maxThreads: options.maxConcurrentRuns ?? 1, events: runs });
  runs.attach(jobs);
  app.decorate('jobs', jobs);
  app.decorate('runs', runs);
  app.addHook('onClose', async () => {
    // Runs first (their last statuses are written to the catalog), then the catalog.
    const graceful = options.gracefulShutdown ?? false;
    runs.beginShutdown();
    const timeout = options.gracefulTimeoutSeconds;
    await jobs.close(
      graceful && timeout !== undefined ? { graceful, timeoutMs: timeout * 1000 } : { graceful },
    );
    await runs.drain();
    await catalog.close();
  });

  if (token !== null && token !== '') registerAuth(app, token);
  registerPredictCoordinates(app);
  if (options.corsOrigins !== undefined && options.corsOrigins.length > 0) {
    await app.register(fastifyCors, { origin: options.corsOrigins });
  }
  await app.register(fastifyMultipart, {
    limits: { fileSize: settings.maxUploadBytes, files: 1, fields: 10 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Segmint API',
        description: 'Datasets, runs, results, models and predictions.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());

  await app.register(healthRoutes);
  await app.register(datasetRoutes);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      Object.assign(
        new Error(`Too many requests: at most ${context.max} per ${context.after}; retry later.`),
        { statusCode: 429 },
      ),
  });
  await app.register(resultRoutes);
  await app.register(dashboardRoutes);
  await app.register(configRoutes);
  await app.register(modelRoutes, {
    predictRateLimit: options.predictRateLimit ?? APP_DEFAULTS.predictRateLimit,
  });
  await app.register(runRoutes);
  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  if (webRoot !== null) registerStaticFiles(app, webRoot);
  return app;
}
