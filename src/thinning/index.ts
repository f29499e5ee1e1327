export * from './model.js';
export * from './profile.js';
export * from './value-added-share.js';
