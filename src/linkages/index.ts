export * from './curve.js';
export * from './metrics.js';
export * from './model.js';
export * from './projection.js';
