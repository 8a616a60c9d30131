export * from './matrix.js';
export * from './stats.js';
export * from './validate.js';
