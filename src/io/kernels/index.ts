export type { LuFactors } from './dense.js';
export { identityMinus, inverse, luFactor, luSolve, luSolveTransposed, matmul, transpose } from './dense.js';
