/** @segmint/pipeline: the YAML-configured run (config, runner, report, demo data). */
export * from './report/index.js';
export * from './config/index.js';
export * from './run/index.js';
export * from './demo/index.js';
