export type { GvcErrorCode, GvcIssue } from './errors.js';
export { GvcError, isGvcError } from './errors.js';
export * from './primitives.js';
