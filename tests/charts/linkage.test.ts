import { describe, expect, it } from 'vitest';
import { linkageCurveChart } from '../../src/charts/index.js';
import { GvcError } from '../../src/core/errors.js';
import { deepFreeze } from '../helpers.js';
import { renderSvg } from './render.js';

// Logistic s(t) = K / (1 + exp(-r (t - t0))) with K = 0.6, r = 0.3, t0 = 2005, evaluated by hand
// (python3: [round(0.6/(1+math.exp(-0.3*(t-2005))),4) for t in (1995,2005,2015)] -> [0.0285, 0.3, 0.5715]).
const input = {
  observations: [
    { period: 1995, domesticShare: 0.03 },
    { period: 2005, domesticShare: 0.31 },
  ],
  fitted: [
    { period: 1995, domesticShare: 0.0285 },
    { period: 2005, domesticShare: 0.3 },
    { period: 2015, domesticShare: 0.5715 },
  ],
  scenarios: [
    { name: 'deepen (K = 0.8)', points: [{ period: 2015, domesticShare: 0.762 }] },
    { name: 'reverse', points: [{ period: 2015, domesticShare: 0.2 }] },
  ],
};

describe('linkageCurveChart', () => {
  it('is valid Vega-Lite that renders observations, the fitted path and the scenarios to SVG', async () => {
    const svg = await renderSvg(linkageCurveChart(input, { title: 'Backward linkages' }));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>Backward linkages</text>');
    expect(svg).toContain('>market-led (fitted)</text>');
    expect(svg).toContain('>deepen (K = 0.8)</text>');
    expect(svg).toContain('>reverse</text>');
    expect(svg.match(/aria-roledescription="line mark"/g)).toHaveLength(3);
    expect(svg.match(/aria-roledescription="point"/g)).toHaveLength(2);
  });

  it('names the fitted path as asked and marks the scenarios as policy paths', () => {
    const spec = linkageCurveChart(input, { fittedName: 'baseline' });
    const layer = (spec.layer as Array<{ data: { values: Array<{ path: string; policy?: string }> } }>)[0];
    expect(layer?.data.values.map((v) => `${v.path}/${v.policy}`)).toEqual([
      'baseline/market-led',
      'baseline/market-led',
      'baseline/market-led',
      'deepen (K = 0.8)/policy scenario',
      'reverse/policy scenario',
    ]);
    expect(() => linkageCurveChart({ observations: [], fitted: input.fitted })).not.toThrow();
  });

  it('accepts projections: fitted as { points }, scenarios named by their policies when unnamed', () => {
    const projection = (policies: string[], share: number) => ({
      policies,
      start: 2015,
      ceiling: 0.8,
      rate: 0.3,
      points: [{ period: 2020, domesticShare: share, baseline: 0.59, nonCore: 0.6, core: share - 0.6 }],
    });
    const spec = linkageCurveChart({
      observations: input.observations,
      fitted: { ...projection(['market-led'], 0.59), points: input.fitted },
      scenarios: [projection(['deepen'], 0.7), projection(['speed', 'deepen'], 0.75)],
    });
    const layer = (spec.layer as Array<{ data: { values: Array<Record<string, unknown>> } }>)[0];
    expect(layer?.data.values.slice(3)).toEqual([
      { period: 2020, domesticShare: 0.7, path: 'deepen', pathName: 'deepen', policy: 'policy scenario' },
      {
        period: 2020,
        domesticShare: 0.75,
        path: 'speed+deepen',
        pathName: 'speed+deepen',
        policy: 'policy scenario',
      },
    ]);
    try {
      linkageCurveChart({
        observations: [],
        fitted: { points: [] },
        scenarios: [projection(['deepen'], 0.7), projection(['deepen'], 0.7)],
      });
      expect.unreachable();
    } catch (e) {
      expect((e as GvcError).issues).toEqual([
        { path: 'input.fitted.points', message: 'expected points of the fitted curve, found none' },
        {
          path: 'input.scenarios[1].policies',
          message: 'expected a distinct scenario name, found "deepen" twice',
        },
      ]);
    }
  });

  it('accepts shares at 0 and 1 and rejects them just outside, with paths', () => {
    const edge = {
      observations: [{ period: 1, domesticShare: 0 }],
      fitted: [{ period: 1, domesticShare: 1 }],
    };
    expect(() => linkageCurveChart(edge)).not.toThrow();
    try {
      linkageCurveChart({
        observations: [{ period: 1, domesticShare: -0.01 }],
        fitted: [{ period: 1, domesticShare: 1.01 }],
        scenarios: [{ name: 'x', points: [{ period: 2, domesticShare: 2 }] }],
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GvcError);
      expect((e as GvcError).issues.map((i) => i.path)).toEqual([
        'input.observations[0].domesticShare',
        'input.fitted[0].domesticShare',
        'input.scenarios[0].points[0].domesticShare',
      ]);
    }
  });

  it('rejects an empty fitted curve, repeated scenario names and unknown fields', () => {
    try {
      linkageCurveChart({
        observations: [],
        fitted: [],
        scenarios: [
          { name: 'market-led (fitted)', points: [] },
          { name: 'slow', points: [] },
          { name: 'slow', points: [] },
        ],
      });
      expect.unreachable();
    } catch (e) {
      expect((e as GvcError).issues).toEqual([
        { path: 'input.fitted', message: 'expected points of the fitted curve, found none' },
        {
          path: 'input.scenarios[0].name',
          message: 'expected a distinct scenario name, found "market-led (fitted)" twice',
        },
        { path: 'input.scenarios[2].name', message: 'expected a distinct scenario name, found "slow" twice' },
      ]);
    }
    expect(() => linkageCurveChart({ ...input, fit: {} } as never)).toThrow(
      'input: expected only known keys, found unknown key "fit"',
    );
  });

  it('does not mutate its arguments', () => {
    const frozen = deepFreeze(structuredClone(input));
    expect(() => linkageCurveChart(frozen, deepFreeze({ fittedName: 'f' }))).not.toThrow();
    expect(frozen).toEqual(input);
  });
});
