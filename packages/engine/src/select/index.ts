export * from './kneedle.js';
export * from './vote.js';
export * from './choose-k.js';
