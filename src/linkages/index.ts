export * from './curve.js';
export * from './domestic-value-added.js';
export * from './metrics.js';
export * from './model.js';
export * from './projection.js';
export * from './summary.js';
