import { expectTypeOf, test } from 'vitest';
import type { ClusterDynamismOptions, CollectiveEfficiencyOptions } from '../../src/index.js';

// The option types of clusterDynamism and collectiveEfficiency (issue 18) are what a caller may pass.
test('each options type accepts {} and a partial object', () => {
  const empty = {};
  expectTypeOf(empty).toExtend<ClusterDynamismOptions>();
  expectTypeOf(empty).toExtend<CollectiveEfficiencyOptions>();
  const dynamism: ClusterDynamismOptions = { deflator: { 2010: 100 }, weights: { firms: 2 } };
  const efficiency: CollectiveEfficiencyOptions = { minTrust: 'high' };
  expectTypeOf([dynamism, efficiency]).not.toBeNever();
});

test('the fields keep their value types', () => {
  // @ts-expect-error: a minimum trust outside the enum
  const efficiency: CollectiveEfficiencyOptions = { minTrust: 'low' };
  // @ts-expect-error: an unknown weight
  const dynamism: ClusterDynamismOptions = { weights: { wages: 1 } };
  expectTypeOf([efficiency, dynamism]).not.toBeNever();
});
