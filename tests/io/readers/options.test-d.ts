import { expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import type {
  AdbMrioOptions as AdbSchema,
  Eora26Options as EoraSchema,
  ExiobaseOptions as ExiobaseSchema,
  FigaroOptions as FigaroSchema,
  LongRunWiodOptions as LongRunWiodSchema,
  OecdIcioOptions as OecdSchema,
  TableSource as TableSourceSchema,
  WiodOptions as WiodSchema,
} from '../../../src/io/index.js';
import {
  type AdbMrioOptions,
  type Eora26Options,
  type ExiobaseOptions,
  type FigaroOptions,
  type Icio,
  type LongRunWiodOptions,
  type OecdIcioOptions,
  readOecdIcio,
  type TableSource,
  type WiodOptions,
} from '../../../src/io/index.js';

test('every reader options type accepts {} and partial objects (the long-run WIOD needs its year)', () => {
  const empty = {};
  expectTypeOf(empty).toExtend<OecdIcioOptions>();
  expectTypeOf<{ keepSplit: true; decimal: ',' }>().toExtend<OecdIcioOptions>();
  expectTypeOf(empty).toExtend<WiodOptions>();
  expectTypeOf<{ year: 2014 }>().toExtend<WiodOptions>();
  expectTypeOf(empty).toExtend<FigaroOptions>();
  expectTypeOf(empty).toExtend<Eora26Options>();
  expectTypeOf(empty).toExtend<AdbMrioOptions>();
  expectTypeOf<{ sheet: 1 }>().toExtend<AdbMrioOptions>();
  expectTypeOf(empty).toExtend<ExiobaseOptions>();
  expectTypeOf<{ satellite: false }>().toExtend<ExiobaseOptions>();
  expectTypeOf(empty).not.toExtend<LongRunWiodOptions>();
  expectTypeOf<{ year: 2000 }>().toExtend<LongRunWiodOptions>();
});

test('each reader options type is the input type of its schema', () => {
  expectTypeOf<OecdIcioOptions>().toEqualTypeOf<z.input<typeof OecdSchema>>();
  expectTypeOf<WiodOptions>().toEqualTypeOf<z.input<typeof WiodSchema>>();
  expectTypeOf<LongRunWiodOptions>().toEqualTypeOf<z.input<typeof LongRunWiodSchema>>();
  expectTypeOf<FigaroOptions>().toEqualTypeOf<z.input<typeof FigaroSchema>>();
  expectTypeOf<Eora26Options>().toEqualTypeOf<z.input<typeof EoraSchema>>();
  expectTypeOf<AdbMrioOptions>().toEqualTypeOf<z.input<typeof AdbSchema>>();
  expectTypeOf<ExiobaseOptions>().toEqualTypeOf<z.input<typeof ExiobaseSchema>>();
  expectTypeOf<{ decimal: ';' }>().not.toExtend<OecdIcioOptions>();
});

test('a source is a path, a URL, { text }, bytes, a Blob or a stream; readers return a Promise of an Icio', () => {
  expectTypeOf<TableSource>().toEqualTypeOf<z.output<typeof TableSourceSchema>>();
  expectTypeOf<'2019.csv'>().toExtend<TableSource>();
  expectTypeOf<URL>().toExtend<TableSource>();
  expectTypeOf<{ text: string }>().toExtend<TableSource>();
  expectTypeOf<Uint8Array>().toExtend<TableSource>();
  expectTypeOf<Blob>().toExtend<TableSource>();
  expectTypeOf<ReadableStream<Uint8Array>>().toExtend<TableSource>();
  expectTypeOf<number>().not.toExtend<TableSource>();
  expectTypeOf(readOecdIcio).returns.toEqualTypeOf<Promise<Icio>>();
});
