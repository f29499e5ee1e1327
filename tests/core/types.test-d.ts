import { expectTypeOf, test } from 'vitest';
import type {
  Actor,
  Cluster,
  EventPeriod,
  GvcError,
  ParseResult,
  Period,
  Rent,
  SafeParseClusterResult,
  SafeParseResult,
  Stage,
  ValueChain,
} from '../../src/index.js';
import {
  GvcIssue,
  safeParseActor,
  safeParseCluster,
  safeParseRent,
  safeParseStage,
  safeParseValueChain,
} from '../../src/index.js';

// Issue #15: one name per concept, the old names kept as aliases of the same type.
test('every safeParse… function returns a SafeParseResult', () => {
  expectTypeOf(safeParseValueChain).returns.toEqualTypeOf<SafeParseResult<ValueChain>>();
  expectTypeOf(safeParseActor).returns.toEqualTypeOf<SafeParseResult<Actor>>();
  expectTypeOf(safeParseStage).returns.toEqualTypeOf<SafeParseResult<Stage>>();
  expectTypeOf(safeParseRent).returns.toEqualTypeOf<SafeParseResult<Rent>>();
  expectTypeOf(safeParseCluster).returns.toEqualTypeOf<SafeParseResult<Cluster>>();
  expectTypeOf<SafeParseResult<number>>().toEqualTypeOf<
    { success: true; data: number } | { success: false; error: GvcError }
  >();
});

test('the deprecated result names are the same type', () => {
  expectTypeOf<ParseResult<ValueChain>>().toEqualTypeOf<SafeParseResult<ValueChain>>();
  expectTypeOf<SafeParseClusterResult>().toEqualTypeOf<SafeParseResult<Cluster>>();
});

test('GvcIssue is one name for the schema and its type', () => {
  expectTypeOf<GvcIssue>().toEqualTypeOf<{ path: string; message: string }>();
  expectTypeOf(GvcIssue.parse).returns.toEqualTypeOf<GvcIssue>();
  expectTypeOf<GvcError['issues']>().toEqualTypeOf<GvcIssue[]>();
});

test('Period is the one period type; EventPeriod an alias of it', () => {
  expectTypeOf<Period>().toEqualTypeOf<number | string>();
  expectTypeOf<EventPeriod>().toEqualTypeOf<Period>();
});
