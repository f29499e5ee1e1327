export type { GvcErrorCode } from './errors.js';
export { GvcError, isGvcError, MAX_REPORTED_ISSUES } from './errors.js';
export { Explanation } from './explanation.js';
export * from './primitives.js';
export type { SafeParseResult } from './result.js';
export { GvcIssue } from './schema.js';
