export * from './agenda.js';
export * from './conflicts.js';
export * from './fit.js';
export * from './model.js';
