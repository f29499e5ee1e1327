import { expectTypeOf, test } from 'vitest';
import {
  type CountryGroup,
  type GroupableRecord,
  type GroupMembersOptions,
  type GroupRef,
  type GroupSumOptions,
  sumByGroup,
  type VaxRecord,
} from '../../../src/io/index.js';

test('the options of the country groups accept {} and partial objects', () => {
  const empty = {};
  expectTypeOf(empty).toExtend<GroupMembersOptions>();
  expectTypeOf<{ year: number }>().toExtend<GroupMembersOptions>();
  expectTypeOf<{ codes: 'alpha2' }>().toExtend<GroupMembersOptions>();
  expectTypeOf(empty).toExtend<GroupSumOptions>();
  expectTypeOf<{ partners: GroupRef[] }>().toExtend<GroupSumOptions>();
  expectTypeOf<{ name: string; members: string[] }>().toExtend<CountryGroup>();
  expectTypeOf<'EU27'>().toExtend<GroupRef>();
});

test('sumByGroup returns the record type it is given, year field included', () => {
  expectTypeOf(sumByGroup<VaxRecord>).returns.toEqualTypeOf<VaxRecord[]>();
  expectTypeOf<VaxRecord & { year: number }>().toExtend<GroupableRecord>();
});
