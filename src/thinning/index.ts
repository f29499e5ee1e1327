export * from './compare.js';
export * from './model.js';
export * from './profile.js';
export * from './snapshots.js';
export * from './value-added-share.js';
