export * from './aggregate.js';
export * from './model.js';
export * from './outlook.js';
