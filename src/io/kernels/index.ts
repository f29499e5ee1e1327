export type { LuFactors } from './dense.js';
export { identityMinus, inverse, luFactor, luSolve, matmul, transpose } from './dense.js';
