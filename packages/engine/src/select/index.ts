export * from './kneedle.js';
