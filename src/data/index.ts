export { africanClusters, africanClustersSource } from './african-clusters.js';
export { cocoa } from './cocoa.js';
export { cocoaGhanaGrinding } from './cocoa-ghana-grinding.js';
export { dominicanJeans, type ExportSeriesCase } from './dominican-jeans.js';
export { exampleIcio } from './icio-example.js';
export { iphone3g } from './iphone3g.js';
export { publishedClusterTables } from './published-cluster-tables.js';
