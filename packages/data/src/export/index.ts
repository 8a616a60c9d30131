export * from './write-table.js';
