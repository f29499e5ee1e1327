import { expectTypeOf, test } from 'vitest';
import type {
  AssessDynamismOptions,
  CheckTableConsistencyOptions,
  CrossTabOptions,
  FisherExactTestOptions,
  JointActionAssociationOptions,
  OddsRatioOptions,
  ReadClustersTsvOptions,
} from '../../src/index.js';
import { crossTab } from '../../src/index.js';

// Every option type is what a caller may pass: `{}` and any subset of the fields compile.
test('each options type accepts {} and a partial object', () => {
  const empty = {};
  expectTypeOf(empty).toExtend<CrossTabOptions>();
  expectTypeOf(empty).toExtend<CrossTabOptions<'KEN' | 'ZAF'>>();
  expectTypeOf(empty).toExtend<CheckTableConsistencyOptions>();
  expectTypeOf(empty).toExtend<OddsRatioOptions>();
  expectTypeOf(empty).toExtend<FisherExactTestOptions>();
  expectTypeOf(empty).toExtend<JointActionAssociationOptions>();
  expectTypeOf(empty).toExtend<ReadClustersTsvOptions>();
  expectTypeOf(empty).toExtend<AssessDynamismOptions>();

  const rows: CrossTabOptions<'KEN' | 'ZAF'> = { rows: ['KEN', 'ZAF'] };
  const consistency: CheckTableConsistencyOptions = { clusters: 25 };
  const odds: OddsRatioOptions = { correction: 'haldane-anscombe' };
  const fisher: FisherExactTestOptions = { alternative: 'greater' };
  const joint: JointActionAssociationOptions = { outcome: 'growth' };
  const tsv: ReadClustersTsvOptions = { source: { citation: 'Kaplinsky (2015), Table 1' } };
  const dynamism: AssessDynamismOptions = { growthThreshold: 0.03 };
  expectTypeOf([rows, consistency, odds, fisher, joint, tsv, dynamism]).not.toBeNever();
});

test('the fields keep their value types', () => {
  // @ts-expect-error: a correction outside the enum
  const odds: OddsRatioOptions = { correction: 'yates' };
  // @ts-expect-error: an alternative outside the enum
  const fisher: FisherExactTestOptions = { alternative: 'both' };
  // @ts-expect-error: a row outside the key type
  const rows: CrossTabOptions<'KEN'> = { rows: ['ZAF'] };
  // @ts-expect-error: an unknown option
  const unknown: CheckTableConsistencyOptions = { total: 25 };
  expectTypeOf([odds, fisher, rows, unknown]).not.toBeNever();
});

test('crossTab still infers its row keys from options.rows', () => {
  const result = crossTab(
    [],
    (c) => (c.country === 'KEN' ? 'KEN' : undefined),
    { n: () => true },
    {
      rows: ['KEN'],
    },
  );
  expectTypeOf(result[0]!.key).toEqualTypeOf<'KEN'>();
});
