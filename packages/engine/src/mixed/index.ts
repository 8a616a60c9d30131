export * from './gower.js';
