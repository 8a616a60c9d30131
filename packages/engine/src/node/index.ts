/**
 * @segmint/engine/node: Node-only adapters (worker threads over SharedArrayBuffer).
 * The kernels they run are the same pure functions the main entry exports.
 */
export * from './pool.js';
export * from './kmeans.js';
export * from './metrics.js';
export * from './reduce.js';
export * from './umap.js';
