/**
 * @segmint/data: Segmint's data layer over embedded DuckDB (the only package importing
 * @duckdb/node-api): load files, profile columns, read engine Tables, SQL feature recipes (RFM),
 * export.
 */
export * from './database.js';
export * from './query-error.js';
export * from './sources/index.js';
export * from './read/index.js';
export * from './profile/index.js';
export * from './recipes/index.js';
export * from './export/index.js';
