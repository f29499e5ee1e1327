import { expectTypeOf, test } from 'vitest';
import {
  type EmbodiedExportsRecord,
  embodiedInExports,
  type FootprintCountryRecord,
  type FootprintOptions,
  type FootprintSectorRecord,
  footprintAccounts,
  type Icio,
  type SatelliteInput,
  type StressorOptions,
} from '../../../src/io/index.js';

test('the options of the satellite functions accept {} and partial objects', () => {
  const empty = {};
  expectTypeOf(empty).toExtend<StressorOptions>();
  expectTypeOf<{ stressors: string[] }>().toExtend<StressorOptions>();
  expectTypeOf(empty).toExtend<FootprintOptions>();
  expectTypeOf<{ level: 'sector' }>().toExtend<FootprintOptions>();
  expectTypeOf<{ stressors: string[] }>().toExtend<FootprintOptions>();
  expectTypeOf<{ stressors: { name: string; unit: string }[]; F: number[][] }>().toExtend<SatelliteInput>();
  expectTypeOf<{
    stressors: { name: string }[];
    F: Float64Array;
    FY: Float64Array;
  }>().toExtend<SatelliteInput>();
});

test('footprintAccounts returns country or sector records by level', () => {
  const t = {} as Icio;
  expectTypeOf(footprintAccounts(t)).toEqualTypeOf<FootprintCountryRecord[]>();
  expectTypeOf(footprintAccounts(t, { level: 'sector' })).toEqualTypeOf<FootprintSectorRecord[]>();
  expectTypeOf(embodiedInExports(t)).toEqualTypeOf<EmbodiedExportsRecord[]>();
});
