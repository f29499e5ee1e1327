import { describe, expect, it } from 'vitest';
import { valueAddedChart } from '../../src/charts/index.js';
import { GvcError } from '../../src/core/errors.js';
import { deepFreeze } from '../helpers.js';
import { renderSvg } from './render.js';

// First-round country totals of the iPhone 3G's factory price as published by Xing & Detert (2010):
// Japan 60.60, Germany 30.15, Korea 22.96, USA 10.75, China 6.50, others 48.00; total 178.96 USD.
// Shares by hand: 6.50 / 178.96 = 0.03632, 60.60 / 178.96 = 0.33862 (rounded).
const firstRound = {
  finalValue: 178.96,
  currency: 'USD',
  depth: 'first-round',
  byCountry: [
    { key: 'JPN', valueAdded: 60.6, share: 0.33862 },
    { key: 'DEU', valueAdded: 30.15, share: 0.16847 },
    { key: 'KOR', valueAdded: 22.96, share: 0.1283 },
    { key: 'USA', valueAdded: 10.75, share: 0.06007 },
    { key: 'CHN', valueAdded: 6.5, share: 0.03632 },
    { key: 'ROW', valueAdded: 48, share: 0.26822 },
  ],
  byStage: [{ key: 'assembly', valueAdded: 178.96, share: 1 }],
  byActor: [],
  byFunction: [],
};
// An illustrative full decomposition (the components' own sub-chains spread value differently).
const full = {
  ...firstRound,
  depth: 'full',
  byCountry: [
    { key: 'JPN', valueAdded: 50, share: 0.2794 },
    { key: 'CHN', valueAdded: 20, share: 0.11176 },
    { key: 'ROW', valueAdded: 108.96, share: 0.60885 },
  ],
};

describe('valueAddedChart', () => {
  it('is valid Vega-Lite that renders one stacked bar per decomposition to SVG', async () => {
    const spec = valueAddedChart([firstRound, full], { by: 'country', title: 'iPhone 3G' });
    const svg = await renderSvg(spec);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>iPhone 3G</text>');
    // the depths, named readably; the fixture's first round states no `at`
    expect(svg).toContain('>first round</text>');
    expect(svg).toContain('>full decomposition</text>');
    expect(svg).toContain('>CHN</text>'); // legend
    expect(svg).toContain('>Value added per unit (USD)</text>');
    // 6 + 3 segments
    expect(svg.match(/aria-roledescription="bar"/g)).toHaveLength(9);
  });

  it('emits one row per group with its value, share and order', () => {
    const spec = valueAddedChart(firstRound, { by: 'country' });
    const values = (spec.data as { values: Array<Record<string, unknown>> }).values;
    expect(values).toHaveLength(6);
    expect(values[4]).toEqual({
      bar: 'first-round',
      key: 'CHN',
      order: 4,
      valueAdded: 6.5,
      share: 0.03632,
      currency: 'USD',
      finalValue: 178.96,
      barName: 'first round',
      name: 'CHN',
      // 6.50 is 6.50 / 180 × 480 = 17.3 px on the axis to 180; "$6.50" needs 5 × 8 + 2 = 42 px
      valueLabel: '',
      middle: 60.6 + 30.15 + 22.96 + 10.75 + 6.5 / 2,
    });
    // the segments sum to the final value: 60.60 + 30.15 + 22.96 + 10.75 + 6.50 + 48.00 = 178.96
    const sum = values.reduce((s, v) => s + (v.valueAdded as number), 0);
    expect(sum).toBeCloseTo(178.96, 10);
  });

  it('uses the given labels, the stage grouping and the share measure', async () => {
    const spec = valueAddedChart([firstRound], { by: 'stage', measure: 'share', labels: ['iPhone'] });
    expect((spec.data as { values: Array<{ bar: string; key: string }> }).values).toMatchObject([
      { bar: 'iPhone', key: 'assembly' },
    ]);
    const svg = await renderSvg(spec);
    expect(svg).toContain('>Share of the final value</text>');
    expect(svg).toContain('>stage</text>'); // the legend is titled by the grouping
    const titled = valueAddedChart(firstRound, {
      by: 'country',
      legendTitle: 'origin of value',
      axisTitle: 'USD',
    });
    const titledSvg = await renderSvg(titled);
    expect(titledSvg).toContain('>origin of value</text>');
    expect(titledSvg).toContain('>USD</text>');
    expect(svg).toContain('>100%</text>');
  });

  it('stacks negative value added below zero', async () => {
    const loss = {
      finalValue: 10,
      currency: 'GHS',
      byStage: [
        { key: 'farm', valueAdded: 12, share: 1.2 },
        { key: 'trader', valueAdded: -2, share: -0.2 },
      ],
    };
    const svg = await renderSvg(valueAddedChart(loss, { by: 'stage' }));
    expect(svg).toContain('>−2</text>'); // the axis reaches below zero (vega's minus sign)
  });

  it('labels bars #1, #2 when decompositions have no depth', () => {
    const { depth: _d, ...noDepth } = firstRound;
    const spec = valueAddedChart([noDepth, noDepth], { by: 'country' });
    const bars = new Set((spec.data as { values: Array<{ bar: string }> }).values.map((v) => v.bar));
    expect([...bars]).toEqual(['#1', '#2']);
  });

  it('lists every problem with its path', () => {
    const bad = [
      { ...firstRound, byCountry: [{ key: 'CHN', valueAdded: 'x', share: 0.1 }] },
      { finalValue: 1, currency: 'EUR', depth: 'full' },
    ];
    try {
      valueAddedChart(bad as never, { by: 'country' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GvcError);
      expect((e as GvcError).code).toBe('INVALID_INPUT');
      expect((e as GvcError).issues.map((i) => i.path)).toEqual([
        'decompositions[0].byCountry[0].valueAdded',
      ]);
    }
    try {
      valueAddedChart([firstRound, { finalValue: 1, currency: 'EUR', depth: 'first-round' }], {
        by: 'country',
        labels: ['a'],
      });
      expect.unreachable();
    } catch (e) {
      expect((e as GvcError).issues).toEqual([
        { path: 'decompositions[1].byCountry', message: 'expected groups by country, found none' },
        { path: 'options.labels', message: 'expected 2 label(s), one per decomposition, found 1' },
        {
          path: 'decompositions[1].currency',
          message: 'expected every decomposition in one currency, found "USD", "EUR"',
        },
      ]);
    }
    try {
      valueAddedChart([firstRound, firstRound], { by: 'region' as 'country' });
      expect.unreachable();
    } catch (e) {
      expect((e as GvcError).issues.map((i) => i.path)).toEqual(['options.by']);
    }
  });

  it('rejects duplicate bar labels and an empty list', () => {
    expect(() => valueAddedChart([firstRound, firstRound], { by: 'country' })).toThrow(
      /decompositions\[1\]\.depth: expected a distinct label for each bar, found "first-round" twice/,
    );
    expect(() => valueAddedChart([], { by: 'country' })).toThrow(
      /expected at least one decomposition, found none/,
    );
    // different currencies are fine when charting shares
    const eur = { ...full, currency: 'EUR' };
    expect(() => valueAddedChart([firstRound, eur], { by: 'country', measure: 'share' })).not.toThrow();
  });

  it('does not mutate its arguments', () => {
    const input = deepFreeze(structuredClone([firstRound, full]));
    const options = deepFreeze({ by: 'country' as const, labels: ['a', 'b'] });
    expect(() => valueAddedChart(input, options)).not.toThrow();
    expect(input).toEqual([firstRound, full]);
  });
});
