export * from './agenda.js';
export * from './conflicts.js';
export * from './model.js';
