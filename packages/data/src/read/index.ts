export * from './read-table.js';
