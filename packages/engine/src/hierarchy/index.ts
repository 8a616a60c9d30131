/** Agglomerative (hierarchical) clustering: fit, cut, dendrogram, predict and JSON. */
export { agglomerative } from './agglomerative.js';
export {
  AGGLOMERATIVE_DEFAULTS,
  CONDENSED_MAX_ROWS,
  type AgglomerativeModel,
  type AgglomerativeModelOptions,
  type AgglomerativeOptions,
  type HierarchyMetric,
  type Linkage,
} from './agglomerative-options.js';
export { agglomerativePredict } from './agglomerative-predict.js';
export {
  agglomerativeToJSON,
  agglomerativeFromJSON,
  type AgglomerativeJSON,
} from './agglomerative-json.js';
export { cutTree, type CutOptions } from './cut-tree.js';
export { dendrogram, type Dendrogram, type DendrogramOptions } from './dendrogram.js';
export type { LinkageMatrix } from './linkage-matrix.js';
