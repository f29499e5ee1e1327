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
export { kwwDecomposition } from './kww.js';
export { KwwRecord } from './kww-record.js';
export { wwzDecomposition } from './wwz.js';
export { WwzRecord } from './wwz-record.js';
