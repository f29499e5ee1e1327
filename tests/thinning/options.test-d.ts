import { expectTypeOf, test } from 'vitest';
import type { ThinningOptions } from '../../src/index.js';

// The option type is what a caller may pass: `{}` and any subset of the fields compile.
test('ThinningOptions accepts {} and a partial object', () => {
  const empty = {};
  expectTypeOf(empty).toExtend<ThinningOptions>();
  const tolerance: ThinningOptions = { stableTolerance: 0.02 };
  const ranks: ThinningOptions = { knowledgeIntensity: { prototyping: 3 } };
  expectTypeOf([tolerance, ranks]).not.toBeNever();
});

test('the fields keep their value types', () => {
  // @ts-expect-error: a tolerance is a number
  const bad: ThinningOptions = { stableTolerance: 'small' };
  expectTypeOf(bad).not.toBeNever();
});
