export { TIVA_CODES, type TivaCode, type TivaCodeInfo, type TivaLevel } from './codes.js';
export { MyOptions, MyRecord, myDecomposition } from './miroudot-ye.js';
export { TivaOptions, TivaRecord, tivaIndicators } from './tiva.js';
