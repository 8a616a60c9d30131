export * from './format.js';
export * from './columns.js';
export * from './csv-scan.js';
export * from './csv-errors.js';
export * from './invalid-file.js';
export * from './load-source.js';
export * from './load-xlsx.js';
