/**
 * Charts people can read: names instead of ids, value labels, default titles, and honest fit
 * statistics. Expected names come from the embedded chains' own stage names (src/data), numbers from
 * the published figures the chains reproduce.
 */
import { describe, expect, it } from 'vitest';
import { cocoa, iphone3g } from '../../src/data/index.js';
import {
  chainLabels,
  clusterHeatmap,
  decomposeValueAdded,
  GvcError,
  linkageCurveChart,
  smileCurveChart,
  thinningChart,
  type VegaLiteSpec,
  valueAddedChart,
} from '../../src/index.js';
import { renderSvg } from './render.js';

type Rows = { values: Array<Record<string, unknown>> };
const rows = (spec: VegaLiteSpec) => (spec.data as Rows).values;

describe('chainLabels', () => {
  it('names the stages (and stage: keys) and actors of a chain', () => {
    const labels = chainLabels(cocoa);
    expect(labels.grow).toBe('Growing and harvesting');
    expect(labels['stage:grow']).toBe('Growing and harvesting');
    expect(labels.manufacture).toBe('Chocolate manufacture');
    expect(Object.keys(chainLabels({ stages: [] }))).toEqual([]);
  });

  it('returns frozen labels, and an id such as __proto__ is a label like any other', () => {
    const labels = chainLabels({ stages: [{ id: '__proto__', name: 'Odd id' }] });
    expect(Object.isFrozen(labels)).toBe(true);
    expect(Object.hasOwn(labels, '__proto__')).toBe(true);
    expect(labels['stage:__proto__']).toBe('Odd id');
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
  });

  it('rejects a stage without a name, with its path', () => {
    try {
      chainLabels({ stages: [{ id: 'a', name: '' }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GvcError);
      expect((e as GvcError).issues.map((i) => i.path)).toEqual(['chain.stages[0].name']);
    }
  });
});

describe('valueAddedChart: names, value labels, titles', () => {
  it('shows stage names, compound keys part by part, and share labels that fit', async () => {
    const spec = valueAddedChart(decomposeValueAdded(cocoa), {
      by: 'stage',
      measure: 'share',
      labels: chainLabels(cocoa),
    });
    const names = rows(spec).map((r) => r.name);
    expect(names).toContain('Growing and harvesting');
    // purchases:manufacture:GBR, the manufacturer's purchases from Britain, named part by part
    expect(names).toContain('purchases · Chocolate manufacture · GBR');
    const svg = await renderSvg(spec);
    expect(svg).toContain('>Local buying and export trading</text>'); // legend
    expect(svg).not.toContain('>export</text>');
    // retail's share 0.442 of USD 1.00 (the cocoa chain): "44.2%" fits its 212 px segment
    expect(svg).toContain('>44.2%</text>');
    // one decomposition, no bar labels: no bar axis with a bare "full", the depth is in the subtitle
    expect(svg).not.toContain('>full</text>');
    expect(spec.title).toEqual({
      text: 'Share of the final value by stage',
      subtitle: 'full decomposition: final value $1.00',
    });
  });

  it('labels the iPhone first round with dollar amounts (Xing & Detert 2010)', async () => {
    const d = decomposeValueAdded(iphone3g, { depth: 'first-round' });
    const spec = valueAddedChart(d, { by: 'country' });
    // USA 321.04 and China 178.96 per phone: both segments are wide enough for their label
    expect(rows(spec).map((r) => r.valueLabel)).toEqual(['$321.04', '$178.96']);
    expect(rows(spec)[0]?.barName).toBe('first round at retail');
    const svg = await renderSvg(spec);
    expect(svg).toContain('>$178.96</text>');
    expect(svg).toContain('>Value added per unit (USD) by country</text>');
  });

  it('formats other currencies, and the map form of labels names depths too', () => {
    const d = {
      finalValue: 4,
      currency: 'EUR',
      depth: 'full',
      byCountry: [
        { key: 'GHA', valueAdded: 3, share: 0.75 },
        { key: 'CHE', valueAdded: 1, share: 0.25 },
      ],
    };
    const spec = valueAddedChart([d, { ...d, depth: 'first-round' }], {
      by: 'country',
      labels: { full: 'whole chain', GHA: 'Ghana' },
    });
    expect(rows(spec).map((r) => [r.barName, r.name, r.valueLabel])).toEqual([
      ['whole chain', 'Ghana', '€3.00'],
      ['whole chain', 'CHE', '€1.00'],
      ['first round', 'Ghana', '€3.00'],
      ['first round', 'CHE', '€1.00'],
    ]);
  });

  it('validates the labels map: names are non-empty strings', () => {
    try {
      valueAddedChart(
        { finalValue: 1, currency: 'USD', byCountry: [] },
        { by: 'country', labels: { a: '' } },
      );
      expect.unreachable();
    } catch (e) {
      expect((e as GvcError).issues.map((i) => i.path)).toEqual(['options.labels.a']);
    }
  });
});

const smile3 = {
  byPosition: [
    { position: 0, valueAdded: 4, share: 0.4, stages: ['design'] },
    { position: 1, valueAdded: 1, share: 0.1, stages: ['assembly'] },
    { position: 2, valueAdded: 5, share: 0.5, stages: ['retail'] },
  ],
  // through the three points by hand: c = 0.4; a + b = -0.3; 4a + 2b = 0.1 -> a = 0.35, b = -0.65
  fit: { a: 0.35, b: -0.65, c: 0.4, rSquared: 1 },
};

describe('smileCurveChart: honest fit statistics', () => {
  it('with three points reports no R²: the curve is determined', () => {
    const spec = smileCurveChart(smile3, { labels: { design: 'Design' } });
    expect(spec.title).toEqual({
      text: 'Smile curve',
      subtitle:
        'share = 0.35·x² − 0.65·x + 0.4, exact fit through 3 points: the curve is determined, not estimated; it opens upwards (smiles)',
    });
    expect(spec.usermeta).toEqual({
      fit: { n: 3, parameters: 3, determined: true, rSquared: null, smiles: true },
    });
    expect(rows(spec)[0]?.text).toEqual(['Design', '40.0%']);
  });

  it('with four points reports R² and n', () => {
    const four = {
      byPosition: [...smile3.byPosition, { position: 3, valueAdded: 3, share: 0.3, stages: ['after-sales'] }],
      fit: { a: 0.125, b: -0.385, c: 0.39, rSquared: 0.97 },
    };
    const spec = smileCurveChart(four);
    expect((spec.title as { subtitle: string }).subtitle).toBe(
      'share = 0.125·x² − 0.385·x + 0.39, R² = 0.97, n = 4: the curve smiles',
    );
    expect(spec.usermeta).toEqual({
      fit: { n: 4, parameters: 3, determined: false, rSquared: 0.97, smiles: true },
    });
  });
});

describe('the other builders: names and default titles', () => {
  it('linkageCurveChart names its paths through labels', async () => {
    const spec = linkageCurveChart(
      {
        observations: [{ period: 2000, domesticShare: 0.1 }],
        fitted: [
          { period: 2000, domesticShare: 0.1 },
          { period: 2010, domesticShare: 0.4 },
        ],
        scenarios: [{ name: 'speed', points: [{ period: 2010, domesticShare: 0.5 }] }],
      },
      { labels: { speed: 'Faster linkage (rate × 2)' } },
    );
    expect(spec.title).toBe('Linkage development: domestic share by period');
    expect(await renderSvg(spec)).toContain('>Faster linkage (rate × 2)</text>');
  });

  it('thinningChart renames kinds in its legend, keeping them in the data', async () => {
    const spec = thinningChart(
      [
        { period: 2000, valueAddedShare: 0.6 },
        { period: 2005, valueAddedShare: 0.3 },
      ],
      { transitions: [{ from: 2000, to: 2005, kind: 'thinning-out', withUpgrading: false }] },
      { labels: { 'thinning-out': 'thinning out' } },
    );
    expect(spec.title).toBe('Thinning and thickening');
    expect(rows(spec)[1]?.kind).toBe('thinning-out');
    const svg = await renderSvg(spec);
    expect(svg).toContain('>thinning out</text>');
    expect(svg).toContain('>30.0%</text>'); // the share labelled at its point
  });

  it('clusterHeatmap renames rows and columns and has a default title', async () => {
    const spec = clusterHeatmap([{ key: 'local-only', growth: 1, upgrading: 0, growthAndUpgrading: 0 }], {
      labels: { 'local-only': 'Local markets only', growth: 'Growth' },
    });
    expect(spec.title).toBe('Number of clusters by row and evidence of dynamism');
    const svg = await renderSvg(spec);
    expect(svg).toContain('>Local markets only</text>');
    expect(svg).toContain('>Growth</text>');
    expect(svg).toContain('>growth and upgrading</text>'); // unnamed: its label as given
  });
});
