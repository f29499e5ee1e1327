import { expectTypeOf, test } from 'vitest';
import {
  type ClusterTableRowLike,
  type ClusterTables,
  type CrossTabRow,
  type clusterHeatmap,
  type LinkageCurveChartInput,
  type LinkageObservation,
  type LinkagePointLike,
  type LinkageProjection,
  type LinkageScenarioLike,
  type SmileCurve,
  type SmileCurveLike,
  type SmilePosition,
  type SmilePositionLike,
  type smileCurveChart,
  type ThinningObservation,
  type ThinningObservationLike,
  type ThinningProfile,
  type ThinningProfileLike,
  type ThinningTransitionLike,
  type thinningChart,
  type ValueAddedDecomposition,
  type ValueAddedDecompositionLike,
  type ValueAddedGroup,
  type ValueAddedGroupLike,
  valueAddedChart,
} from '../../src/index.js';

// The charts are typed by the results of the analytics they draw: each accepts the result as the
// analytics return it, and what a user builds by hand with only the fields the chart reads.
test('each chart accepts the result type of its analytics', () => {
  expectTypeOf<ThinningObservation[]>().toExtend<Parameters<typeof thinningChart>[0]>();
  expectTypeOf<ThinningProfile>().toExtend<Parameters<typeof thinningChart>[1]>();
  expectTypeOf<SmileCurve>().toExtend<Parameters<typeof smileCurveChart>[0]>();
  expectTypeOf<ClusterTables['marketOrientation']>().toExtend<Parameters<typeof clusterHeatmap>[0]>();
  expectTypeOf<ClusterTables['institutionalSupport']>().toExtend<Parameters<typeof clusterHeatmap>[0]>();
  expectTypeOf<Array<CrossTabRow<'KEN' | 'ZAF', 'exporting'>>>().toExtend<
    Parameters<typeof clusterHeatmap>[0]
  >();
  expectTypeOf<{
    observations: LinkageObservation[];
    fitted: LinkageProjection;
    scenarios: LinkageProjection[];
  }>().toExtend<LinkageCurveChartInput>();
  const decomposition = {} as ValueAddedDecomposition;
  expectTypeOf(valueAddedChart(decomposition, { by: 'country' })).not.toBeNever();
  expectTypeOf(valueAddedChart([decomposition, decomposition], { by: 'stage' })).not.toBeNever();
});

test('hand-built input with only the fields read is accepted', () => {
  expectTypeOf<Array<{ period: number; valueAddedShare: number }>>().toExtend<
    Parameters<typeof thinningChart>[0]
  >();
  expectTypeOf<{
    transitions: Array<{ from: { period: string }; to: 2005; kind: 'stable'; withUpgrading: false }>;
    overall: string;
  }>().toExtend<Parameters<typeof thinningChart>[1]>();
  expectTypeOf<{ byPosition: SmilePosition[] }>().toExtend<Parameters<typeof smileCurveChart>[0]>();
  expectTypeOf<Array<{ key: string; growth: number }>>().toExtend<Parameters<typeof clusterHeatmap>[0]>();
  const byCountry = {
    finalValue: 1,
    currency: 'USD',
    depth: 'any label',
    byCountry: [] as ValueAddedGroup[],
  };
  expectTypeOf(valueAddedChart(byCountry, { by: 'country' })).not.toBeNever();
  // @ts-expect-error: a decomposition states its final value
  valueAddedChart({ currency: 'USD', byCountry: [] }, { by: 'country' });
});

test('the deprecated *Like types keep their shapes and stay accepted', () => {
  expectTypeOf<ThinningObservationLike>().toEqualTypeOf<{
    period: string | number;
    valueAddedShare: number;
  }>();
  expectTypeOf<LinkagePointLike>().toEqualTypeOf<LinkageObservation>();
  expectTypeOf<SmilePositionLike>().toEqualTypeOf<SmilePosition>();
  expectTypeOf<ValueAddedGroupLike>().toEqualTypeOf<ValueAddedGroup>();
  expectTypeOf<ThinningTransitionLike['kind']>().toEqualTypeOf<ThinningProfile['overall']>();
  expectTypeOf<ClusterTableRowLike>().toHaveProperty('clusters');
  expectTypeOf<LinkageScenarioLike['policies']>().toEqualTypeOf<string[] | undefined>();

  expectTypeOf<ThinningObservationLike[]>().toExtend<Parameters<typeof thinningChart>[0]>();
  expectTypeOf<ThinningProfileLike>().toExtend<Parameters<typeof thinningChart>[1]>();
  expectTypeOf<SmileCurveLike>().toExtend<Parameters<typeof smileCurveChart>[0]>();
  expectTypeOf<ClusterTableRowLike[]>().toExtend<Parameters<typeof clusterHeatmap>[0]>();
  const like = {} as ValueAddedDecompositionLike;
  expectTypeOf(valueAddedChart([like], { by: 'function' })).not.toBeNever();
});
