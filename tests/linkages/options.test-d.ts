import { expectTypeOf, test } from 'vitest';
import type {
  DomesticValueAddedOptions,
  LinkageBreadthOptions,
  LinkageCurveOptions,
} from '../../src/index.js';

// Every option type is what a caller may pass: `{}` and any subset of the fields compile.
test('each options type accepts {} and a partial object', () => {
  const empty = {};
  expectTypeOf(empty).toExtend<LinkageCurveOptions>();
  expectTypeOf(empty).toExtend<LinkageBreadthOptions>();
  expectTypeOf(empty).toExtend<DomesticValueAddedOptions>();

  const curve: LinkageCurveOptions = { coreThreshold: 0.4 };
  const curveLimit: LinkageCurveOptions = { maxIterations: 50 };
  const breadth: LinkageBreadthOptions = { minDomesticShare: 0.2 };
  const dva: DomesticValueAddedOptions = { tolerance: 1e-6 };
  expectTypeOf([curve, curveLimit, breadth, dva]).not.toBeNever();
});

test('the fields keep their value types', () => {
  // @ts-expect-error: a tolerance is a number
  const dva: DomesticValueAddedOptions = { tolerance: '1e-6' };
  // @ts-expect-error: an unknown option
  const curve: LinkageCurveOptions = { iterations: 10 };
  expectTypeOf([dva, curve]).not.toBeNever();
});
