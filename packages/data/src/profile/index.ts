export * from './profile-table.js';
