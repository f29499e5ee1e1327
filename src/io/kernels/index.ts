export { inverse } from './inverse.js';
export type { LuFactors } from './lu.js';
export { luFactor, luSolve, luSolveTransposed } from './lu.js';
export { identityMinus, matmul, transpose } from './matrix.js';
