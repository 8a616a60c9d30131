/**
 * Density-based clustering: DBSCAN (with the k-distance curve for choosing eps) and HDBSCAN.
 */
export { dbscan } from './dbscan.js';
export {
  DBSCAN_DEFAULTS,
  type DbscanMetric,
  type DbscanModel,
  type DbscanOptions,
} from './dbscan-options.js';
export { dbscanPredict } from './dbscan-predict.js';
export { dbscanFromJSON, dbscanToJSON, type DbscanJSON } from './dbscan-json.js';
export { kDistanceCurve, type KDistanceCurve } from './k-distance.js';
export { hdbscan, hdbscanKernel, hdbscanPredict } from './hdbscan.js';
export {
  HDBSCAN_DEFAULTS,
  type CondensedTree,
  type HdbscanMetric,
  type HdbscanModel,
  type HdbscanModelOptions,
  type HdbscanOptions,
  type HdbscanSelectionMethod,
} from './hdbscan-options.js';
export {
  hdbscanFromJSON,
  hdbscanToJSON,
  type HdbscanJSON,
  type JsonFloat,
} from './hdbscan-json.js';
