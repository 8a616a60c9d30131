/**
 * Spatial indexes and neighbour queries: a flat-array kd-tree with exact k-nearest and
 * fixed-radius queries (used by DBSCAN, HDBSCAN and the k-distance curve).
 */
export { buildKdTree, KD_TREE_DEFAULTS, type KdTree, type KdTreeOptions } from './kd-tree.js';
export { kNearest, type KNearestOptions, type KNearestResult } from './k-nearest.js';
export { radiusCount, radiusNeighbors } from './radius.js';
