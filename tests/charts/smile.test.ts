import { describe, expect, it } from 'vitest';
import { smileCurveChart } from '../../src/charts/index.js';
import { GvcError } from '../../src/core/errors.js';
import { deepFreeze, renderSvg, transformedRows } from './render.js';

const smile = {
  points: [
    { stage: 'design', name: 'Design (USA)', position: 0, valueAddedPerUnit: 4, share: 0.4 },
    { stage: 'assembly', position: 1, valueAddedPerUnit: 1, share: 0.1 },
    { stage: 'components', position: 2, valueAddedPerUnit: 1.5, share: 0.15 },
    { stage: 'retail', position: 3, valueAddedPerUnit: 3.5, share: 0.35 },
  ],
  smiles: true,
};

describe('smileCurveChart', () => {
  it('is valid Vega-Lite that renders points, labels and the fitted quadratic to SVG', async () => {
    const svg = await renderSvg(smileCurveChart(smile, { title: 'A smile' }));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>Design (USA)</text>'); // name replaces the stage id
    expect(svg).toContain('>assembly</text>');
    expect(svg).toContain('>A smile</text>');
    expect(svg).toContain('aria-roledescription="line mark"');
    expect(svg.match(/aria-roledescription="point"/g)).toHaveLength(4);
  });

  it('draws the least-squares quadratic (checked against numpy.polyfit, tolerance 1e-9)', async () => {
    // python3:
    //   import numpy as np
    //   x=np.array([0,1,2,3.]); y=np.array([0.4,0.1,0.15,0.35])
    //   c=np.polyfit(x,y,2); print(c); print(np.polyval(c,[0,1.5,3]))
    // prints:
    //   [ 0.125 -0.385  0.39 ]
    //   [0.39    0.09375 0.36   ]
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

  it('charts value added per unit on request', () => {
    const spec = smileCurveChart(smile, { measure: 'valueAddedPerUnit' });
    const layers = spec.layer as Array<{ transform?: Array<{ regression: string }> }>;
    expect(layers[0]?.transform?.[0]?.regression).toBe('valueAddedPerUnit');
    expect(smileCurveChart(smile).$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
  });

  it('needs three distinct positions: three pass, two are INSUFFICIENT_DATA', () => {
    const three = { points: smile.points.slice(0, 3) };
    expect(() => smileCurveChart(three)).not.toThrow();
    const two = { points: [...smile.points.slice(0, 2), { ...smile.points[2]!, position: 1 }] };
    try {
      smileCurveChart(two);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GvcError);
      expect((e as GvcError).code).toBe('INSUFFICIENT_DATA');
      expect((e as GvcError).issues).toEqual([
        { path: 'points', message: 'expected points at three or more distinct positions, found 2' },
      ]);
    }
  });

  it('lists every invalid field and option with its path', () => {
    const bad = {
      points: [{ stage: '', position: Number.NaN, valueAddedPerUnit: 1, share: 0.1 }, ...smile.points],
    };
    try {
      smileCurveChart(bad, { measure: 'price' as 'share' });
      expect.unreachable();
    } catch (e) {
      expect((e as GvcError).code).toBe('INVALID_INPUT');
      expect((e as GvcError).issues.map((i) => i.path)).toEqual([
        'points[0].stage',
        'points[0].position',
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
