export * from './errors.js';
export * from './params.js';
export * from './random.js';
export * from './warnings.js';
