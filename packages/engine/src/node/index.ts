/**
 * @segmint/engine/node: Node-only adapters (worker threads over SharedArrayBuffer).
 * The kernels they run are the same pure functions the main entry exports.
 */
export {};
