export * from './classify.js';
export * from './driver.js';
export * from './model.js';
