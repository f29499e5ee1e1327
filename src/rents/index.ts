export * from './model.js';
export * from './outlook.js';
