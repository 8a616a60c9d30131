/** UMAP maps: fit, place new points, versioned JSON. */
export { UMAP_DEFAULTS, type UMAPOptions } from './umap-options.js';
export { type UMAPModel, umap } from './umap.js';
export { umapTransform } from './umap-transform.js';
export { type UMAPModelJSON, umapFromJSON, umapToJSON } from './umap-json.js';
export type { EpochCallback } from './umap-kernel.js';
