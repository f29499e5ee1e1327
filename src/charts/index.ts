export * from './cluster-heatmap.js';
export { chainLabels } from './labels.js';
export * from './linkage.js';
export * from './smile.js';
export * from './thinning.js';
export * from './types.js';
export * from './value-added.js';
