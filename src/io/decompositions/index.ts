export { BmCountryRecord, BmOptions, BmSectorRecord, bmDecomposition } from './bm.js';
export { KwwRecord, kwwDecomposition } from './kww.js';
export { WwzRecord, wwzDecomposition } from './wwz.js';
