/** Segmentation models: fit the whole path, predict new customers, save and load as JSON. */
export * from './segmentation.js';
export * from './predict-segments.js';
export * from './segmentation-json.js';
export * from './clusterers.js';
export * from './categorical-encoding.js';
export * from './relabel.js';
export * from './gower-space.js';
