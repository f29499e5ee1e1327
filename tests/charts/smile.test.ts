import { describe, expect, it } from 'vitest';
import { smileCurve } from '../../src/chains/index.js';
import { smileCurveChart } from '../../src/charts/index.js';
import { GvcError } from '../../src/core/errors.js';
import { deepFreeze } from '../helpers.js';
import { renderSvg, transformedRows } from './render.js';

// Shares by position (sum 1.0 of a final value of 10): design 0.40, components 0.10 and 0.05 at the
// same position (summed to 0.15 by smileCurve), assembly 0.10, retail 0.35 — in byPosition form.
const smile = {
  currency: 'USD',
  byPosition: [
    { position: 0, valueAdded: 4, share: 0.4, stages: ['design'] },
    { position: 1, valueAdded: 1, share: 0.1, stages: ['assembly'] },
    { position: 2, valueAdded: 1.5, share: 0.15, stages: ['chips', 'screens'] },
    { position: 3, valueAdded: 3.5, share: 0.35, stages: ['retail'] },
  ],
  // numpy: c = np.polyfit(x, y, 2) -> [0.125, -0.385, 0.39]; R² = 1 - RSS/TSS -> 0.9692307692307692 (script below)
  fit: { a: 0.125, b: -0.385, c: 0.39, rSquared: 0.9692307692307692, smiles: true },
  stages: [],
};

describe('smileCurveChart', () => {
  it('is valid Vega-Lite that renders points, labels and the fitted quadratic to SVG', async () => {
    const svg = await renderSvg(smileCurveChart(smile, { title: 'A smile' }));
    expect(svg.startsWith('<svg')).toBe(true);
    // labels are lines (tspans): the stages at one position joined, then the share
    expect(svg).toContain('<tspan>chips, screens</tspan><tspan x="0" dy="11">15.0%</tspan>');
    expect(svg).toContain('<tspan>assembly</tspan>');
    expect(svg).toContain('>A smile</text>');
    const three = {
      byPosition: [...smile.byPosition.slice(0, 2), { ...smile.byPosition[2]!, stages: ['a', 'b', 'c'] }],
    };
    expect(await renderSvg(smileCurveChart(three))).toContain(
      '<tspan>a</tspan><tspan x="0" dy="11">and 2 more</tspan>',
    );
    // four points, three parameters: R² is a statistic of the fit, reported with n
    expect(svg).toContain('>share = 0.125·x² − 0.385·x + 0.39, R² = 0.969, n = 4: the curve smiles</text>');
    expect(svg).toContain('aria-roledescription="line mark"');
    expect(svg.match(/aria-roledescription="point"/g)).toHaveLength(4);
  });

  it('draws the least-squares quadratic (checked against numpy.polyfit, tolerance 1e-9)', async () => {
    // python3:
    //   import numpy as np
    //   x=np.array([0,1,2,3.]); y=np.array([0.4,0.1,0.15,0.35])
    //   c=np.polyfit(x,y,2); print(c); print(np.polyval(c,[0,1.5,3]))
    //   r=y-np.polyval(c,x); print(1-(r@r)/((y-y.mean())@(y-y.mean())))
    // prints:
    //   [ 0.125 -0.385  0.39 ]
    //   [0.39    0.09375 0.36   ]
    //   0.9692307692307692
    const rows = await transformedRows(smileCurveChart(smile), 'regression');
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const x = row.position as number;
      expect(row.share as number).toBeCloseTo(0.125 * x * x - 0.385 * x + 0.39, 9);
    }
    const at = (x: number) => rows.find((r) => Math.abs((r.position as number) - x) < 1e-12)?.share;
    expect(at(0)).toBeCloseTo(0.39, 9);
    expect(at(1.5)).toBeCloseTo(0.09375, 9);
    expect(at(3)).toBeCloseTo(0.36, 9);
  });

  it('charts the result of smileCurve as it is', async () => {
    // design 3, make 4 (adds 1), sell 7 (adds 3): shares 3/7, 1/7, 3/7 at positions 0, 1, 2
    const stage = (id: string, p: number, input?: string) => ({
      id,
      name: id,
      country: 'CHN',
      output: { unit: 'u', unitPrice: p },
      inputs: input ? [{ stage: input, quantity: 1 }] : [],
    });
    const chain = {
      id: 'c',
      name: 'C',
      family: 'additive' as const,
      currency: 'USD',
      finalStage: 'sell',
      stages: [stage('design', 3), stage('make', 4, 'design'), stage('sell', 7, 'make')],
    };
    const spec = smileCurveChart(smileCurve(chain), { measure: 'valueAdded' });
    const values = (spec.data as { values: Array<Record<string, unknown>> }).values;
    expect(values.map((v) => [v.label, v.position, v.valueAdded])).toEqual([
      ['design', 0, 3],
      ['make', 1, 1],
      ['sell', 2, 3],
    ]);
    expect(await renderSvg(spec)).toContain('>Value added per unit of the product (USD)</text>');
  });

  it('needs three distinct positions: three pass, two are INSUFFICIENT_DATA', () => {
    expect(() => smileCurveChart({ byPosition: smile.byPosition.slice(0, 3) })).not.toThrow();
    const two = { byPosition: [...smile.byPosition.slice(0, 2), { ...smile.byPosition[2]!, position: 1 }] };
    try {
      smileCurveChart(two);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GvcError);
      expect((e as GvcError).code).toBe('INSUFFICIENT_DATA');
      expect((e as GvcError).issues).toEqual([
        { path: 'smile.byPosition', message: 'expected three or more distinct positions, found 2' },
      ]);
    }
  });

  it('lists every invalid field and option with its path', () => {
    const bad = {
      byPosition: [{ position: Number.NaN, valueAdded: 1, share: 0.1, stages: [''] }, ...smile.byPosition],
      fit: { a: 1 },
    };
    try {
      smileCurveChart(bad as never, { measure: 'price' as 'share' });
      expect.unreachable();
    } catch (e) {
      expect((e as GvcError).code).toBe('INVALID_INPUT');
      expect((e as GvcError).issues.map((i) => i.path)).toEqual([
        'smile.byPosition[0].position',
        'smile.byPosition[0].stages[0]',
        'smile.fit.b',
        'smile.fit.c',
        'smile.fit.rSquared',
        'options.measure',
      ]);
    }
  });

  it('does not mutate its arguments', () => {
    const input = deepFreeze(structuredClone(smile));
    const options = deepFreeze({ measure: 'share' as const });
    expect(() => smileCurveChart(input, options)).not.toThrow();
    expect(input).toEqual(smile);
  });
});
