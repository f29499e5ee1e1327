export { BmCountryRecord, BmOptions, BmSectorRecord, bmDecomposition } from './bm.js';
export {
  BmApproach,
  BmBilateralRecord,
  BmBilateralSectorRecord,
  BmPerspective,
  BmPerspectiveOptions,
  type BmPerspectiveRecord,
  bmPerspectiveDecomposition,
} from './bm-perspectives.js';
export { KwwRecord, kwwDecomposition } from './kww.js';
export { WwzRecord, wwzDecomposition } from './wwz.js';
