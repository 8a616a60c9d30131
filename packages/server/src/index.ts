/**
 * @segmint/server: Segmint's HTTP API (fastify + zod + OpenAPI): datasets, runs as background
 * jobs, results, models and predictions, with a DuckDB catalog that survives restarts.
 */
export * from './app.js';
export * from './store/catalog.js';
export * from './http/error-handler.js';
export * from './http/http-error.js';
export * from './http/auth.js';
export * from './datasets/paths.js';
export { requireDataset } from './routes/datasets.js';
export * from './jobs/index.js';
export * from './serve.js';
export * from './runs/index.js';
export * from './demo/demo-bootstrap.js';
export { DEFAULT_WEB_ROOT, registerStaticFiles } from './http/static-files.js';
