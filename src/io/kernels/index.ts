export { inverse } from './inverse.js';
export { solveLinearSystem } from './linear-system.js';
export type { LuFactors } from './lu.js';
export { luFactor } from './lu.js';
export { luSolve, luSolveTransposed } from './lu-solve.js';
export { identityMinus, matmul, transpose } from './matrix.js';
