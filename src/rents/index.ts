export * from './erosion.js';
export * from './model.js';
export * from './outlook.js';
export * from './resource.js';
