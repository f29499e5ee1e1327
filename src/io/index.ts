export { GvcError } from '../core/errors.js';
export { AggregateOptions, aggregateIcio } from './aggregate.js';
export { CONDITION_LIMIT, CONDITION_WARNING } from './condition.js';
export { domesticInverses, ghoshInverse, leontiefInverse, technicalCoefficients } from './core.js';
export { IcioCsvOptions, readIcioCsv } from './csv.js';
export * from './decompositions/index.js';
export * from './groups/index.js';
export * from './indicators/index.js';
export type { LuFactors } from './kernels/index.js';
export {
  identityMinus,
  inverse,
  luFactor,
  luSolve,
  luSolveTransposed,
  matmul,
  transpose,
} from './kernels/index.js';
export { MAX_ICIO_ORDER } from './kernels/limits.js';
export { createIcio, ICIO_TOLERANCE, IcioInput } from './model.js';
export {
  type OutputMultiplier,
  outputMultipliers,
  type ValueAddedCoefficient,
  valueAddedCoefficients,
} from './multipliers.js';
export { DetailLevel, DetailOptions, LevelOptions } from './options.js';
export * from './output/index.js';
export * from './panel/index.js';
export { AdbMrioOptions, readAdbMrio } from './readers/adb.js';
export { Eora26Files, Eora26Options, readEora26 } from './readers/eora.js';
export { ExiobaseFiles, ExiobaseOptions, readExiobase } from './readers/exiobase.js';
export { FigaroOptions, readFigaro } from './readers/figaro.js';
export { LongRunWiodOptions, readLongRunWiod } from './readers/lrwiod.js';
export { OecdIcioOptions, readOecdIcio } from './readers/oecd.js';
export { TableSource } from './readers/source.js';
export { readWiod, WiodOptions } from './readers/wiod.js';
export { createIcioFromRecords, IcioRecords } from './records.js';
export * from './satellite/index.js';
export * from './tiva/index.js';
export type { Icio, IcioMeta, IcioSatellite, IcioValueAddedRow, LabelledMatrix } from './types.js';
