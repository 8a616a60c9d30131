export * from './kneedle.js';
export * from './vote.js';
