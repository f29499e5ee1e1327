export type { GvcErrorCode, GvcIssue } from './errors.js';
export { GvcError, isGvcError, MAX_REPORTED_ISSUES } from './errors.js';
export * from './primitives.js';
