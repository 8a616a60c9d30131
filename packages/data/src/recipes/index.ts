export * from './feature-recipes.js';
export * from './rfm-segments.js';
export * from './rfm.js';
