import { describe, expect, it } from 'vitest';
import { africanClusters } from '../../src/data/index.js';
import {
  assessDynamism,
  type Cluster,
  classifyDynamism,
  clusterDynamism,
  parseCluster,
} from '../../src/index.js';
import { deepFreeze, errorOf, isDeepFrozen } from '../helpers.js';
import { sampleCluster } from './fixtures.js';

// Expected numbers computed in R (.scratch/issue18/numbers.R → numbers.Rout), not by gvckit.

/** Ngong Furniture of the fixtures (local only) with no growth or upgrading flagged. */
function ngong(overrides: Record<string, unknown> = {}): Cluster {
  return parseCluster({ ...sampleCluster(), dynamism: { growth: false, upgrading: false }, ...overrides });
}

const furniture = (position: 'OEA' | 'OEM' | 'ODM' | 'OBM') => ({ chain: 'furniture', position });

describe('clusterDynamism: real growth (SNA 2008 ch. 15; McCormick 1999)', () => {
  // D1 — System of National Accounts 2008, ch. 15 (values are deflated, volumes not); Kaplinsky 2015
  // (growth is more of the same, in real terms). Illustrative numbers.
  const d1 = () =>
    ngong({
      indicators: [
        { period: 2010, sales: 100 },
        { period: 2012, sales: 116.64 },
      ],
    });

  it('D1: nominal sales up 8% a year are a real decline once deflated (R: −0.0181818181818)', () => {
    const r = clusterDynamism(d1(), { deflator: { 2010: 100, 2012: 121 } });
    expect(r.growth.realRates.sales).toBeCloseTo(-0.0181818181818, 12);
    // the base of the index cancels (SNA 2008 ch. 15: a price index is relative to any base year)
    const based1 = clusterDynamism(d1(), { deflator: { 2010: 1, 2012: 1.21 } });
    expect(based1.growth.realRates.sales).toBeCloseTo(-0.0181818181818, 12);
    expect(r.growth.weighted).toBeCloseTo(-0.0181818181818, 12);
    expect(r.growth.trend).toBe('decline');
    expect(r.growth.value).toBe(false);
    expect(r.growth.basis).toBe('indicators');
    expect(r.dynamism).toBe('static');
    // S1 precedes S2: a local-only cluster in decline is dying, not survivalist
    expect(r.staticKind).toBe('dying');
    expect(r.explanation.rules).toEqual(['G2-decline', 'U0-evidence-flag', 'S1-dying']);
    // the issue's defect: the legacy judgement sees nominal 8% ≥ 5% as growth (R: nominal 0.08)
    expect(assessDynamism(d1()).growth.value).toBe(true);
    expect(assessDynamism(d1()).growth.annualRates.sales).toBeCloseTo(0.08, 12);
  });

  it('D1: without a deflator nominal sales are excluded and the flag decides', () => {
    const r = clusterDynamism(d1());
    expect(r.growth.basis).toBe('evidence');
    expect(r.growth.excluded).toEqual(['sales: nominal, no deflator']);
    expect(r.growth.realRates).toEqual({});
    expect(r.growth.trend).toBeNull();
    expect(r.staticKind).toBe('survivalist');
    expect(r.explanation.notes).toContain('excluded sales: nominal, no deflator');
  });

  it('D3 dying (Kaplinsky 2015: static clusters are survivalist or dying): firms 100→70, employment 900→600 over 4 years', () => {
    const c = ngong({
      indicators: [
        { period: 2010, firms: 100, employment: 900 },
        { period: 2014, firms: 70, employment: 600 },
      ],
    });
    const r = clusterDynamism(c);
    // R: 0.7^(1/4) − 1 = −0.0853087807713; (600/900)^(1/4) − 1 = −0.0963979963902; mean −0.0908533885808
    expect(r.growth.realRates.firms).toBeCloseTo(-0.0853087807713, 12);
    expect(r.growth.realRates.employment).toBeCloseTo(-0.0963979963902, 12);
    expect(r.growth.weighted).toBeCloseTo(-0.0908533885808, 12);
    expect(r.staticKind).toBe('dying');
    expect(r.explanation.rules).toContain('S1-dying');
  });

  // D5 — McCormick 1999: growth by multiplication of small firms is weak evidence; weigh several
  // indicators. Illustrative numbers; R: rates 0.06, −0.02, −0.03, mean 0.00333333333333.
  const d5 = () =>
    ngong({
      indicators: [
        { period: 2010, firms: 100, employment: 1000, sales: 200 },
        { period: 2012, firms: 112.36, employment: 960.4, sales: 188.18 },
      ],
    });

  it('D5: more firms with falling employment and real sales is stagnation, not growth', () => {
    const r = clusterDynamism(d5(), { salesAreReal: true });
    expect(r.growth.realRates.firms).toBeCloseTo(0.06, 12);
    expect(r.growth.realRates.employment).toBeCloseTo(-0.02, 12);
    expect(r.growth.realRates.sales).toBeCloseTo(-0.03, 12);
    expect(r.growth.weighted).toBeCloseTo(0.00333333333333, 12);
    expect(r.growth.trend).toBe('stagnant');
    expect(r.growth.value).toBe(false);
    expect(r.explanation.rules[0]).toBe('G3-stagnant');
    // legacy: firms 6% ≥ 5% is growth
    expect(assessDynamism(d5()).growth.value).toBe(true);
    // the number of firms alone (weights 1, 0, 0): G = 0.06 → growth
    const firmsOnly = clusterDynamism(d5(), { salesAreReal: true, weights: { employment: 0, sales: 0 } });
    expect(firmsOnly.growth.weighted).toBeCloseTo(0.06, 12);
    expect(firmsOnly.growth.trend).toBe('growth');
    expect(firmsOnly.growth.excluded).toEqual(['employment: weight 0', 'sales: weight 0']);
  });

  it('D8: the benchmark moves the judgement (0.0033 > −0.02 + 0.01 → growth; the band edge is inclusive)', () => {
    expect(clusterDynamism(d5(), { salesAreReal: true, benchmark: -0.02 }).growth.trend).toBe('growth');
    // G = 0.00333…: benchmark 0.0133333… puts it exactly on the lower edge of the band → stagnant
    const edge = clusterDynamism(d5(), { salesAreReal: true, benchmark: 0.01 + 1 / 300 });
    expect(edge.growth.trend).toBe('stagnant');
    expect(clusterDynamism(d5(), { salesAreReal: true, benchmark: 0.014 }).growth.trend).toBe('decline');
  });

  it('an indicator starting at 0 grows at an infinite rate: weighted null, growth', () => {
    const c = ngong({
      indicators: [
        { period: 2000, firms: 0, employment: 50 },
        { period: 2001, firms: 5, employment: 40 },
      ],
    });
    const r = clusterDynamism(c);
    expect(r.growth.realRates.firms).toBeNull();
    expect(r.growth.weighted).toBeNull();
    expect(r.growth.trend).toBe('growth');
    expect(r.dynamism).toBe('growth');
  });
});

describe('clusterDynamism: cluster-level upgrading (Kaplinsky 2015, upgrading in clusters)', () => {
  it('D2: two firms swapping places do not upgrade the cluster; the legacy count says they do', () => {
    const c = ngong({ indicators: [{ period: 2010, upgradingEvents: 2 }] });
    const events = [
      { subject: 'a', period: 2010, kind: 'product' as const, from: furniture('OEM'), to: furniture('ODM') },
      {
        subject: 'b',
        period: 2010,
        kind: 'downgrading' as const,
        from: furniture('ODM'),
        to: furniture('OEM'),
      },
    ];
    const r = clusterDynamism(c, { events });
    expect(r.upgrading).toEqual({
      value: false,
      basis: 'events',
      positionChange: 'swapping',
      // 0 firms up in place (a changed position), 1 firm down: −1
      netInPositionUpgraders: -1,
    });
    expect(r.explanation.rules).toContain('U2-swapping-excluded');
    expect(r.explanation.text).toContain('net downgrading');
    // a net downgrading in place does not make the cluster dying (only a collective downgrading does)
    expect(r.staticKind).toBe('survivalist');
    expect(assessDynamism(c).upgrading.value).toBe(true);
  });

  it('D7: three firms each moving OEA → OEM is collective upgrading (U1)', () => {
    const events = ['a', 'b', 'c'].map((subject) => ({
      subject,
      period: 2012,
      kind: 'process' as const,
      from: furniture('OEA'),
      to: furniture('OEM'),
    }));
    const r = clusterDynamism(ngong(), { events });
    expect(r.upgrading.positionChange).toBe('collective-upgrading');
    expect(r.upgrading.value).toBe(true);
    expect(r.dynamism).toBe('upgrading');
    expect(r.staticKind).toBeNull();
    expect(r.explanation.rules).toEqual(['G0-evidence-flag', 'U1-collective-upgrading']);
  });

  it('collective downgrading (U3) makes a static cluster dying', () => {
    const events = ['a', 'b'].map((subject) => ({
      subject,
      period: 2012,
      kind: 'downgrading' as const,
      from: furniture('ODM'),
      to: furniture('OEM'),
    }));
    const r = clusterDynamism(ngong(), { events });
    expect(r.upgrading.positionChange).toBe('collective-downgrading');
    expect(r.staticKind).toBe('dying');
    expect(r.explanation.rules).toEqual([
      'G0-evidence-flag',
      'U3-collective-downgrading',
      'U4-net-in-position-upgraders',
      'S1-dying',
    ]);
  });

  it('firms upgrading in place (process upgrading, Humphrey & Schmitz 2000) count net of those downgrading (U4)', () => {
    const gain = (subject: string) => ({
      subject,
      period: 2011,
      kind: 'process' as const,
      from: furniture('OEM'),
      to: { ...furniture('OEM'), efficiencyGain: true },
    });
    const r = clusterDynamism(ngong(), { events: [gain('a'), gain('b')] });
    expect(r.upgrading).toMatchObject({
      value: true,
      positionChange: 'unchanged',
      netInPositionUpgraders: 2,
    });
    // two needed net: 2 ≥ 2; three needed: not
    expect(
      clusterDynamism(ngong(), { events: [gain('a'), gain('b')], minNetUpgraders: 3 }).upgrading.value,
    ).toBe(false);
  });

  it('without events the legacy counts decide (U5) with a note that swaps cannot be excluded', () => {
    const r = clusterDynamism(ngong({ indicators: [{ period: 2010, upgradingEvents: 1 }] }));
    expect(r.upgrading).toMatchObject({ value: true, basis: 'event-counts', positionChange: null });
    expect(r.explanation.notes).toContain(
      'event counts cannot exclude firms swapping places: pass options.events',
    );
  });
});

describe('clusterDynamism: static kinds (Kaplinsky 2015; Altenburg & Meyer-Stamer 1999)', () => {
  it('D4: Gikomba Furniture (Kaplinsky 2015 Table 1: local, no dynamism) is survivalist on the evidence', () => {
    const gikomba = africanClusters.find((c) => c.name === 'Gikomba Furniture') as Cluster;
    const r = clusterDynamism(gikomba);
    expect(r.dynamism).toBe('static');
    expect(r.staticKind).toBe('survivalist');
    expect(r.growth.basis).toBe('evidence');
    expect(r.explanation.rules).toEqual(['G0-evidence-flag', 'U0-evidence-flag', 'S2-survivalist']);
    expect(r.explanation.notes).toContain(
      'whether the cluster is dying cannot be judged without indicators or upgrading events',
    );
  });

  it('D6: agrees with classifyDynamism on all 25 clusters of Table 1; 4 static local-only clusters are survivalist, 5 stagnant', () => {
    // Recount from tests/fixtures/african-clusters-table1.tsv (evidence "none"): Dormiatt Domestic,
    // Merkato, Shiro Meda, Suame Vehicle Repair, Gerezani sell beyond their locality; Gikomba, Kibuye,
    // Eastland, Kamukunji sell locally only.
    const kinds: Record<string, string[]> = {};
    for (const c of africanClusters) {
      const r = clusterDynamism(c);
      expect(r.dynamism).toBe(classifyDynamism(c.dynamism));
      if (r.staticKind !== null) kinds[r.staticKind] = [...(kinds[r.staticKind] ?? []), c.name];
    }
    expect(kinds.survivalist).toEqual([
      'Gikomba Furniture',
      'Kibuye Furniture',
      'Eastland Garment',
      'Kamukunji Metalwork',
    ]);
    expect(kinds.stagnant).toEqual([
      'Dormiatt Furniture (Domestic)',
      'Merkato Leather Footwear',
      'Shiro Meda Handloom',
      'Suame Vehicle Repair',
      'Gerezani Metalworks',
    ]);
    expect(kinds.dying).toBeUndefined();
  });

  it('a dynamic cluster has no static kind; a result is deeply frozen and its inputs untouched', () => {
    const c = deepFreeze(ngong({ dynamism: { growth: true, upgrading: false } }));
    const options = deepFreeze({ deflator: { 2010: 100 }, weights: { firms: 2 } });
    const copy = structuredClone([c, options]);
    const r = clusterDynamism(c, options);
    expect(r.staticKind).toBeNull();
    expect(isDeepFrozen(r)).toBe(true);
    expect([c, options]).toEqual(copy);
  });
});

describe('clusterDynamism: boundary', () => {
  it('reports a missing deflator year, a key that is not a year, and both deflator and salesAreReal', () => {
    const c = ngong({
      indicators: [
        { period: 2010, sales: 100 },
        { period: 2012, sales: 120 },
      ],
    });
    expect(errorOf(() => clusterDynamism(c, { deflator: { 2010: 100 } })).issues).toEqual([
      { path: 'options.deflator', message: 'expected a price index for 2012, found none' },
    ]);
    const e = errorOf(() =>
      clusterDynamism(c, { deflator: { 2010: 100, 2012: 110, x: 1 }, salesAreReal: true }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.message)).toEqual([
      'expected no deflator when salesAreReal is true, found one',
      'expected years as keys, found "x"',
    ]);
  });

  it('rejects all-zero weights, bad options and inconsistent events with paths under options', () => {
    expect(
      errorOf(() => clusterDynamism(ngong(), { weights: { firms: 0, employment: 0, sales: 0 } })).issues,
    ).toEqual([
      { path: 'options.weights', message: 'expected a positive weight for some indicator, found 0 for all' },
    ]);
    const e = errorOf(() => clusterDynamism({ ...ngong(), endMarkets: [] }, { band: 2, minNetUpgraders: 0 }));
    expect(e.issues.map((i) => i.path)).toEqual([
      'cluster.endMarkets',
      'options.band',
      'options.minNetUpgraders',
    ]);
    const wrongKind = [
      { subject: 'a', period: 1, kind: 'functional' as const, from: furniture('OEA'), to: furniture('OEM') },
    ];
    expect(errorOf(() => clusterDynamism(ngong(), { events: wrongKind })).issues[0]?.path).toBe(
      'options.events[0].kind',
    );
  });

  it('basis "indicators" needs indicators for growth and events or counts for upgrading', () => {
    const e = errorOf(() => clusterDynamism(ngong(), { basis: 'indicators' }));
    expect(e.code).toBe('INSUFFICIENT_DATA');
    expect(e.issues.map((i) => i.path)).toEqual(['cluster.indicators', 'options.events']);
    // basis "evidence" reads only the flags
    const c = ngong({
      indicators: [
        { period: 2010, firms: 1 },
        { period: 2011, firms: 2 },
      ],
    });
    expect(clusterDynamism(c, { basis: 'evidence' }).dynamism).toBe('static');
    expect(clusterDynamism(c).dynamism).toBe('growth');
  });
});
