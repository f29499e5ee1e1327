export {
  type EmbodiedExportsRecord,
  type EmbodiedFlowRecord,
  embodiedInExports,
  embodiedInFinalDemand,
} from './embodied.js';
export {
  EmbodiedExportsOptions,
  type FootprintCountryRecord,
  FootprintOptions,
  type FootprintSectorRecord,
  footprintAccounts,
  type StressorKeys,
  type StressorMultiplierRecord,
  StressorOptions,
  stressorMultipliers,
} from './footprints.js';
export { attachSatellite, SatelliteInput } from './satellite.js';
