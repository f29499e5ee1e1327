import { expectTypeOf, test } from 'vitest';
import type { GrowthPathOptions } from '../../src/index.js';

// Every option type is what a caller may pass: `{}` and any subset of the fields compile.
test('GrowthPathOptions accepts {} and a partial object', () => {
  expectTypeOf({}).toExtend<GrowthPathOptions>();
  const tolerance: GrowthPathOptions = { tolerance: 0.01 };
  expectTypeOf(tolerance).not.toBeNever();
});

test('the fields keep their value types', () => {
  // @ts-expect-error: a tolerance is a number
  const text: GrowthPathOptions = { tolerance: '0.01' };
  // @ts-expect-error: an unknown option
  const unknown: GrowthPathOptions = { tol: 0.01 };
  expectTypeOf([text, unknown]).not.toBeNever();
});
