export { GvcError } from '../core/errors.js';
export {
  domesticInverses,
  ghoshInverse,
  leontiefInverse,
  technicalCoefficients,
} from './core.js';
export type { LuFactors } from './kernels/index.js';
export { identityMinus, inverse, luFactor, luSolve, matmul, transpose } from './kernels/index.js';
export { createIcio, ICIO_TOLERANCE, IcioInput } from './model.js';
export type { Icio, LabelledMatrix } from './types.js';
