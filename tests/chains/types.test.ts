import { describe, expectTypeOf, it } from 'vitest';
import type {
  Actor,
  AdditiveValueChain,
  ChainEdit,
  ChainFamily,
  NewStage,
  Rent,
  SafeParseResult,
  Stage,
  ValueChain,
  VerticallySpecialisedValueChain,
} from '../../src/index.js';
import { type GvcError, parseValueChain, safeParseValueChain, updateChain } from '../../src/index.js';

// These checks run at type-check time (tsc); at run time they are no-ops.
describe('inferred types', () => {
  it('ValueChain is a union discriminated by family', () => {
    expectTypeOf<ValueChain['family']>().toEqualTypeOf<'additive' | 'vertically-specialised'>();
    expectTypeOf<ChainFamily>().toEqualTypeOf<'additive' | 'vertically-specialised'>();
    expectTypeOf<ValueChain>().toEqualTypeOf<AdditiveValueChain | VerticallySpecialisedValueChain>();
    expectTypeOf<Extract<ValueChain, { family: 'additive' }>>().toEqualTypeOf<AdditiveValueChain>();
  });

  it('defaults make fields required in the output and optional in the input', () => {
    expectTypeOf<Stage['inputs']>().toEqualTypeOf<{ stage: string; quantity: number }[]>();
    expectTypeOf<Stage['purchases']>().toEqualTypeOf<
      { description: string; value: number; country: string }[]
    >();
    expectTypeOf<ValueChain['actors']>().toEqualTypeOf<Actor[]>();
    expectTypeOf<NewStage['inputs']>().toEqualTypeOf<{ stage: string; quantity: number }[] | undefined>();
    expectTypeOf<Rent['protected']>().toEqualTypeOf<boolean>();
  });

  it('optional fields stay optional', () => {
    expectTypeOf<Stage['actor']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ValueChain['driver']>().toEqualTypeOf<'buyer' | 'producer' | undefined>();
    expectTypeOf<Rent['family']>().toEqualTypeOf<'resource' | 'endogenous' | 'exogenous' | 'monopoly'>();
  });

  it('parsers and editors have precise signatures', () => {
    expectTypeOf(parseValueChain).parameter(0).toBeUnknown();
    expectTypeOf(parseValueChain).returns.toEqualTypeOf<ValueChain>();
    expectTypeOf(safeParseValueChain).returns.toEqualTypeOf<SafeParseResult<ValueChain>>();
    expectTypeOf<
      Extract<SafeParseResult<ValueChain>, { success: false }>['error']
    >().toEqualTypeOf<GvcError>();
    expectTypeOf(updateChain).returns.toEqualTypeOf<ValueChain>();
    expectTypeOf<ChainEdit[0]>().toEqualTypeOf<ValueChain>();
  });
});
