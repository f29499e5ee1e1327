export type { LuFactors } from './lu.js';
export { inverse, luFactor, luSolve, luSolveTransposed } from './lu.js';
export { identityMinus, matmul, transpose } from './matrix.js';
