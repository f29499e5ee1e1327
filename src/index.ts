export * from './chains/index.js';
export * from './core/index.js';
export * from './governance/index.js';
export * from './rents/index.js';
export * from './charts/index.js';
export * from './upgrading/index.js';
export * from './clusters/index.js';
