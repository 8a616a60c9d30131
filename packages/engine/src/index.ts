/**
 * @segmint/engine: pure TypeScript (no I/O, no Node built-ins, no DOM).
 * Runs in a worker, a server or a browser. The Node-only thread adapters live in
 * `@segmint/engine/node`.
 */
export * from './core/index.js';
export * from './matrix/index.js';
export * from './preprocess/index.js';
export * from './cluster/index.js';
export * from './reduce/index.js';
export * from './metrics/index.js';
export * from './select/index.js';
export * from './model/index.js';
export * from './profile/index.js';
export * from './wasm/index.js';
export * from './neighbors/index.js';
export * from './density/index.js';
export * from './mixture/index.js';
export * from './mixed/index.js';
export * from './hierarchy/index.js';
export * from './embed/index.js';
export * from './stability/index.js';
export * from './explain/index.js';
