export * from './assess-driver.js';
export * from './classify.js';
export * from './driver.js';
export * from './dynamics.js';
export * from './links.js';
export { LinkDeterminants, LinkGovernanceOptions } from './links-model.js';
export * from './model.js';
