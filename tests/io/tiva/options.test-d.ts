import { expectTypeOf, test } from 'vitest';
import {
  type MyOptions,
  type MyRecord,
  myDecomposition,
  type TivaCode,
  type TivaOptions,
  type TivaRecord,
  tivaIndicators,
} from '../../../src/io/index.js';

test('the options of the TiVA indicators and of Miroudot–Ye accept {} and partial objects', () => {
  const empty = {};
  expectTypeOf(empty).toExtend<TivaOptions>();
  expectTypeOf<{ level: 'bilateral' }>().toExtend<TivaOptions>();
  expectTypeOf<{ codes: TivaCode[] }>().toExtend<TivaOptions>();
  expectTypeOf(empty).toExtend<MyOptions>();
  expectTypeOf<{ perimeter: 'world' }>().toExtend<MyOptions>();
  expectTypeOf<{ level: 'sector' }>().toExtend<MyOptions>();
  expectTypeOf<'EXGR_DVA'>().toExtend<TivaCode>();
  expectTypeOf<'NOPE'>().not.toExtend<TivaCode>();
});

test('the functions return their record types', () => {
  expectTypeOf(tivaIndicators).returns.toEqualTypeOf<TivaRecord[]>();
  expectTypeOf(myDecomposition).returns.toEqualTypeOf<MyRecord[]>();
});
