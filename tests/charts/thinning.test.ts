import { describe, expect, it } from 'vitest';
import { thinningChart } from '../../src/charts/index.js';
import { GvcError } from '../../src/core/errors.js';
import { thinningProfile } from '../../src/thinning/index.js';
import { deepFreeze } from '../helpers.js';
import { renderSvg } from './render.js';

// An incumbent that thins out (gives up design and brand to assemble for a lead buyer), with
// upgrading in 2005, then rebuilds its share (Kaplinsky 2015's path).
const observations = [
  { period: 1995, valueAddedShare: 0.6, functions: ['design', 'assembly'] },
  { period: 2000, valueAddedShare: 0.25 },
  { period: 2005, valueAddedShare: 0.2 },
  { period: 2010, valueAddedShare: 0.2 },
  { period: 2015, valueAddedShare: 0.35 },
];
const profile = {
  transitions: [
    { from: 1995, to: 2000, kind: 'thinning-out' as const, withUpgrading: false },
    { from: { period: 2000 }, to: { period: 2005 }, kind: 'thinning-out' as const, withUpgrading: true },
    { from: 2005, to: 2010, kind: 'stable' as const, withUpgrading: false },
    { from: 2010, to: 2015, kind: 'rebuilding' as const, withUpgrading: false },
  ],
  overall: 'thinning-then-rebuilding',
};

describe('thinningChart', () => {
  it('is valid Vega-Lite that renders the trajectory to SVG', async () => {
    const svg = await renderSvg(thinningChart(observations, profile, { participant: 'Firm A' }));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain(">Share of the product's value added (Firm A)</text>");
    expect(svg).toContain('>overall: thinning-then-rebuilding</text>');
    expect(svg).toContain('>thinning-out</text>');
    expect(svg).toContain('>rebuilding</text>');
    expect(svg).toContain('>with upgrading</text>');
    expect(svg.match(/aria-roledescription="point"/g)).toHaveLength(5);
  });

  it('colours each point by the transition arriving at it; the first is the start', () => {
    const spec = thinningChart(observations, profile);
    const values = (spec.data as { values: Array<{ kind: string; upgrading: string }> }).values;
    expect(values.map((v) => v.kind)).toEqual([
      'start',
      'thinning-out',
      'thinning-out',
      'stable',
      'rebuilding',
    ]);
    expect(values.map((v) => v.upgrading === 'with upgrading')).toEqual([false, false, true, false, false]);
  });

  it('draws the path in period order, string periods on an ordinal axis', async () => {
    const spec = thinningChart(
      [
        { period: '2000s', valueAddedShare: 0.1 },
        { period: '1990s', valueAddedShare: 0.3 },
      ],
      { transitions: [{ from: '1990s', to: '2000s', kind: 'thinning-out', withUpgrading: false }] },
    );
    const layer = (spec.layer as Array<{ encoding: { x: { type: string } } }>)[0];
    expect(layer?.encoding.x.type).toBe('ordinal');
    expect((spec.data as { values: unknown[] }).values).toEqual([
      // two periods on a 420 px axis are 210 px apart: room for their value labels
      {
        period: '1990s',
        valueAddedShare: 0.3,
        kind: 'start',
        upgrading: 'without upgrading',
        order: 0,
        valueLabel: '30.0%',
      },
      {
        period: '2000s',
        valueAddedShare: 0.1,
        kind: 'thinning-out',
        upgrading: 'without upgrading',
        order: 1,
        valueLabel: '10.0%',
      },
    ]);
    expect(await renderSvg(spec)).toContain('>2000s</text>');
    const numeric = thinningChart([...observations].reverse(), profile);
    expect((numeric.data as { values: Array<{ period: number }> }).values.map((v) => v.period)).toEqual([
      1995, 2000, 2005, 2010, 2015,
    ]);
  });

  it('charts the result of thinningProfile as it is', () => {
    // shares 0.6 -> 0.2 (fall 0.4 > 0.01, design and branding kept, assembly dropped: knowledge
    // intensity rises from (1+4+4)/3 = 3 to 4) -> thinning-out with upgrading; 0.2 -> 0.35 after a
    // thinning -> rebuilding (the example of thinningProfile's documentation, rules checked by hand)
    const obs = [
      { period: 1990, valueAddedShare: 0.6, functions: ['assembly', 'design', 'branding'] },
      { period: 2000, valueAddedShare: 0.2, functions: ['design', 'branding'] },
      { period: 2010, valueAddedShare: 0.35, functions: ['design', 'branding', 'services'] },
    ];
    const spec = thinningChart(obs, thinningProfile(obs));
    expect((spec.data as { values: Array<{ kind: string; upgrading: string }> }).values).toMatchObject([
      { kind: 'start' },
      { kind: 'thinning-out', upgrading: 'with upgrading' },
      { kind: 'rebuilding', upgrading: 'without upgrading' },
    ]);
    expect(spec.title).toEqual({ text: 'Thinning and thickening', subtitle: 'overall: rebuilding' });
  });

  it('accepts shares at 0 and 1 and rejects them just outside', () => {
    const at = (a: number, b: number) => [
      { period: 1, valueAddedShare: a },
      { period: 2, valueAddedShare: b },
    ];
    expect(() => thinningChart(at(0, 1), { transitions: [] })).not.toThrow();
    try {
      thinningChart(at(-0.001, 1.001), { transitions: [] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GvcError);
      expect((e as GvcError).issues).toEqual([
        {
          path: 'observations[0].valueAddedShare',
          message: 'expected a share between 0 and 1, found -0.001',
        },
        { path: 'observations[1].valueAddedShare', message: 'expected a share between 0 and 1, found 1.001' },
      ]);
    }
  });

  it('lists unknown transition periods, duplicate periods, bad kinds and options with their paths', () => {
    try {
      thinningChart(
        [...observations, { period: 2015, valueAddedShare: 0.3 }],
        {
          transitions: [
            { from: 1995, to: 1999, kind: 'thinning-out', withUpgrading: false },
            { from: 2000, to: 2005, kind: 'thinning' as 'stable', withUpgrading: false },
          ],
        },
        { participant: '' },
      );
      expect.unreachable();
    } catch (e) {
      expect((e as GvcError).code).toBe('INVALID_INPUT');
      expect((e as GvcError).issues.map((i) => i.path)).toEqual([
        'profile.transitions[1].kind',
        'options.participant',
      ]);
    }
    try {
      thinningChart([...observations, { period: 2015, valueAddedShare: 0.3 }], {
        transitions: [{ from: 1995, to: 1999, kind: 'thinning-out', withUpgrading: false }],
      });
      expect.unreachable();
    } catch (e) {
      expect((e as GvcError).issues).toEqual([
        { path: 'observations[5].period', message: 'expected distinct periods, found 2015 twice' },
        { path: 'profile.transitions[0].to', message: 'expected a period with an observation, found 1999' },
      ]);
    }
    expect(() => thinningChart([], { transitions: [] })).toThrow(
      /observations: expected observations, found none/,
    );
  });

  it('does not mutate its arguments', () => {
    const obs = deepFreeze(structuredClone(observations));
    const prof = deepFreeze(structuredClone(profile));
    expect(() => thinningChart(obs, prof, deepFreeze({ title: 't' }))).not.toThrow();
    expect(obs).toEqual(observations);
    expect(prof).toEqual(profile);
  });
});
