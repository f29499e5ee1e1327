import { expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import type {
  AggregateOptions as AggregateSchema,
  BmOptions as BmSchema,
  DetailOptions as DetailSchema,
  IcioCsvOptions as IcioCsvSchema,
  RasmussenOptions as RasmussenSchema,
  VaxOptions as VaxSchema,
} from '../../src/io/index.js';
import {
  type AggregateOptions,
  type BmCountryRecord,
  type BmOptions,
  type BmSectorRecord,
  bmDecomposition,
  type DetailLevel,
  type DetailOptions,
  type Icio,
  type IcioCsvOptions,
  type LevelOptions,
  type RasmussenOptions,
  type VaxOptions,
} from '../../src/io/index.js';

test('every options type is what a caller may pass: {} and partial objects', () => {
  const empty = {};
  expectTypeOf(empty).toExtend<DetailOptions>();
  expectTypeOf<{ level: 'sector' }>().toExtend<DetailOptions>();
  expectTypeOf(empty).toExtend<VaxOptions>();
  expectTypeOf<{ level: 'bilateral' }>().toExtend<VaxOptions>();
  expectTypeOf(empty).toExtend<RasmussenOptions>();
  expectTypeOf<{ forward: 'leontief' }>().toExtend<RasmussenOptions>();
  expectTypeOf(empty).toExtend<BmOptions>();
  expectTypeOf<{ level: 'sector' }>().toExtend<BmOptions>();
  expectTypeOf(empty).toExtend<IcioCsvOptions>();
  expectTypeOf<{ delimiter: ';' }>().toExtend<IcioCsvOptions>();
  expectTypeOf(empty).toExtend<AggregateOptions>();
  expectTypeOf<{ sectors: { goods: string[] } }>().toExtend<AggregateOptions>();
  // As annotations, the way users write them.
  const bm: BmOptions = {};
  const vax: VaxOptions = { level: 'sector' };
  const csv: IcioCsvOptions = { tolerance: 1e-6 };
  expectTypeOf(bm).toExtend<BmOptions>();
  expectTypeOf(vax).toExtend<VaxOptions>();
  expectTypeOf(csv).toExtend<IcioCsvOptions>();
});

test('each options type is the input type of its schema, and rejects what the schema rejects', () => {
  expectTypeOf<DetailOptions>().toEqualTypeOf<z.input<typeof DetailSchema>>();
  expectTypeOf<VaxOptions>().toEqualTypeOf<z.input<typeof VaxSchema>>();
  expectTypeOf<RasmussenOptions>().toEqualTypeOf<z.input<typeof RasmussenSchema>>();
  expectTypeOf<BmOptions>().toEqualTypeOf<z.input<typeof BmSchema>>();
  expectTypeOf<IcioCsvOptions>().toEqualTypeOf<z.input<typeof IcioCsvSchema>>();
  expectTypeOf<AggregateOptions>().toEqualTypeOf<z.input<typeof AggregateSchema>>();
  expectTypeOf<{ level: 'bilateral' }>().not.toExtend<DetailOptions>();
  expectTypeOf<{ level: 'bilateral' }>().not.toExtend<BmOptions>();
  expectTypeOf<{ forward: 'up' }>().not.toExtend<RasmussenOptions>();
});

test('DetailLevel names the country/sector choice; LevelOptions is its deprecated alias', () => {
  expectTypeOf<DetailLevel>().toEqualTypeOf<'country' | 'sector'>();
  expectTypeOf<LevelOptions>().toEqualTypeOf<DetailOptions>();
  expectTypeOf<DetailOptions>().toEqualTypeOf<{ level?: DetailLevel | undefined }>();
});

test('bmDecomposition: the result type follows the level', () => {
  const t = {} as Icio;
  expectTypeOf(bmDecomposition(t)).toEqualTypeOf<BmCountryRecord[]>();
  expectTypeOf(bmDecomposition(t, {})).toEqualTypeOf<BmCountryRecord[]>();
  expectTypeOf(bmDecomposition(t, { level: 'country' })).toEqualTypeOf<BmCountryRecord[]>();
  expectTypeOf(bmDecomposition(t, { level: 'sector' })).toEqualTypeOf<BmSectorRecord[]>();
  const level = 'sector' as 'country' | 'sector';
  expectTypeOf(bmDecomposition(t, { level })).toEqualTypeOf<BmCountryRecord[] | BmSectorRecord[]>();
  const options: BmOptions = { level: 'sector' };
  expectTypeOf(bmDecomposition(t, options)).toEqualTypeOf<BmCountryRecord[] | BmSectorRecord[]>();
});
