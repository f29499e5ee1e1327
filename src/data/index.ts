export { GvcError } from '../core/errors.js';
export { africanClusters, africanClustersSource } from './african-clusters.js';
