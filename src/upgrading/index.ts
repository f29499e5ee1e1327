export * from './assess.js';
export * from './classify.js';
export * from './model.js';
export * from './trajectory.js';
