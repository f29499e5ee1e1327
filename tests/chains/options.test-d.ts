import { expectTypeOf, test } from 'vitest';
import type {
  AgentAccountsOptions,
  AggregateRentsOptions,
  DecomposeOptions,
  RemoveStageOptions,
  SmileCurveOptions,
  TradeInValueAddedOptions,
} from '../../src/index.js';

// Every option type is what a caller may pass: `{}` and any subset of the fields compile.
test('each options type accepts {} and a partial object', () => {
  const empty = {};
  expectTypeOf(empty).toExtend<DecomposeOptions>();
  expectTypeOf(empty).toExtend<TradeInValueAddedOptions>();
  expectTypeOf(empty).toExtend<SmileCurveOptions>();
  expectTypeOf(empty).toExtend<AgentAccountsOptions>();
  expectTypeOf(empty).toExtend<RemoveStageOptions>();
  expectTypeOf(empty).toExtend<AggregateRentsOptions>();

  // The example: no `tolerance`, which has a default.
  const firstRound: DecomposeOptions = { depth: 'first-round', at: 'assembly' };
  const tolerance: DecomposeOptions = { tolerance: 1e-6 };
  const tiva: TradeInValueAddedOptions = { tolerance: 1e-6 };
  const smile: SmileCurveOptions = { position: 'function' };
  const accounts: AgentAccountsOptions = { basis: 'volume', domesticCountry: 'GHA' };
  const accountsTolerance: AgentAccountsOptions = { indirectValueAdded: 120 };
  const remove: RemoveStageOptions = { asPurchase: true };
  const rents: AggregateRentsOptions = { excludeMonopoly: false };
  expectTypeOf([
    firstRound,
    tolerance,
    tiva,
    smile,
    accounts,
    accountsTolerance,
    remove,
    rents,
  ]).not.toBeNever();
});

test('the fields keep their value types', () => {
  // @ts-expect-error: depth is 'full' or 'first-round'
  const depth: DecomposeOptions = { depth: 'second-round' };
  // @ts-expect-error: a tolerance is a number
  const tiva: TradeInValueAddedOptions = { tolerance: '1e-6' };
  // @ts-expect-error: position is 'longest-path' or 'function'
  const smile: SmileCurveOptions = { position: 'height' };
  // @ts-expect-error: basis is 'per-unit' or 'volume'
  const accounts: AgentAccountsOptions = { basis: 'value' };
  // @ts-expect-error: an unknown option
  const remove: RemoveStageOptions = { purchase: true };
  // @ts-expect-error: excludeMonopoly is a boolean
  const rents: AggregateRentsOptions = { excludeMonopoly: 'yes' };
  expectTypeOf([depth, tiva, smile, accounts, remove, rents]).not.toBeNever();
});
