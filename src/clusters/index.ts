export * from './model.js';
export * from './parse.js';
export * from './table-model.js';
export * from './tsv.js';
