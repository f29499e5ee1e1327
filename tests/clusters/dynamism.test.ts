import { describe, expect, it } from 'vitest';
import { assessDynamism, type Cluster, classifyDynamism, parseCluster } from '../../src/index.js';
import { deepFreeze, errorOf } from '../helpers.js';
import { sampleCluster } from './fixtures.js';

function cluster(overrides: Record<string, unknown>): Cluster {
  return parseCluster({ ...sampleCluster(), ...overrides });
}

describe('classifyDynamism', () => {
  it.each([
    [false, false, 'static'],
    [true, false, 'growth'],
    [false, true, 'upgrading'],
    [true, true, 'growth-and-upgrading'],
  ] as const)('growth %s, upgrading %s → %s', (growth, upgrading, expected) => {
    expect(classifyDynamism({ growth, upgrading })).toBe(expected);
  });

  it('does not mutate its argument', () => {
    const evidence = deepFreeze({ growth: true, upgrading: true });
    expect(classifyDynamism(evidence)).toBe('growth-and-upgrading');
    expect(evidence).toEqual({ growth: true, upgrading: true });
  });

  it('rejects missing, non-boolean and unknown flags with their paths', () => {
    const e = errorOf(() => classifyDynamism({ growth: 1, extra: true } as never));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toEqual([
      { path: 'evidence.growth', message: 'expected true or false, found 1' },
      { path: 'evidence.upgrading', message: 'expected true or false, found nothing' },
      { path: 'evidence', message: 'expected only known keys, found unknown key "extra"' },
    ]);
  });
});

describe('assessDynamism', () => {
  const noFlags = { dynamism: { growth: false, upgrading: false } };

  it('uses the evidence flags when there are no indicators, and flags static local-only clusters as survivalist', () => {
    const local = cluster(noFlags);
    expect(assessDynamism(local)).toEqual({
      dynamism: 'static',
      survivalist: true,
      marketOrientation: 'local-only',
      growth: { value: false, basis: 'evidence', annualRates: {} },
      upgrading: { value: false, basis: 'evidence' },
    });
    // static but selling nationally: not survivalist (boundary of the rule)
    expect(assessDynamism(cluster({ ...noFlags, endMarkets: ['local', 'national'] })).survivalist).toBe(
      false,
    );
    // local only but growing: not survivalist
    expect(assessDynamism(cluster({ dynamism: { growth: true, upgrading: false } })).survivalist).toBe(false);
  });

  it('judges growth at the 5% a year default threshold (compound), at its boundary', () => {
    // 100 → 110.25 over 2 years: (110.25/100)^(1/2) − 1 = 1.05 − 1 = 0.05 exactly → growth
    const at = cluster({
      ...noFlags,
      indicators: [
        { period: 2000, firms: 100 },
        { period: 2002, firms: 110.25 },
      ],
    });
    const a = assessDynamism(at);
    expect(a.growth.value).toBe(true);
    expect(a.growth.basis).toBe('indicators');
    expect(a.growth.annualRates.firms).toBeCloseTo(0.05, 12);
    expect(a.dynamism).toBe('growth');
    // 100 → 110.24 over 2 years: sqrt(1.1024) − 1 = 0.049952... < 0.05 → no growth (tolerance 1e-12)
    const below = cluster({
      ...noFlags,
      indicators: [
        { period: 2000, firms: 100 },
        { period: 2002, firms: 110.24 },
      ],
    });
    expect(assessDynamism(below).growth.value).toBe(false);
    expect(assessDynamism(below).growth.annualRates.firms).toBeCloseTo(Math.sqrt(1.1024) - 1, 12);
  });

  it('takes the earliest and latest period of each indicator, in any order, and any one indicator suffices', () => {
    // employment 1000 (2010) → 1000 (2015): 0%; sales 200 (2010) → 300 (2014): (1.5)^(1/4) − 1 = 0.106682...
    const c = cluster({
      ...noFlags,
      indicators: [
        { period: 2014, sales: 300 },
        { period: 2015, employment: 1000 },
        { period: 2010, employment: 1000, sales: 200 },
        { period: 2012, employment: 500 },
      ],
    });
    const a = assessDynamism(c);
    expect(a.growth.annualRates).toEqual({ employment: 0, sales: expect.closeTo(1.5 ** 0.25 - 1, 12) });
    expect(a.growth.value).toBe(true);
    // a custom threshold above 10.67% turns it off
    expect(assessDynamism(c, { growthThreshold: 0.11 }).growth.value).toBe(false);
  });

  it('treats an indicator rising from 0 as growth (rate null, not Infinity) and one staying at 0 as none', () => {
    const from0 = cluster({
      ...noFlags,
      indicators: [
        { period: 2000, firms: 0 },
        { period: 2001, firms: 4 },
      ],
    });
    // (4 / 0)^(1/1) − 1 is infinite: reported as null, and counted as growth.
    expect(assessDynamism(from0).growth).toEqual({
      value: true,
      basis: 'indicators',
      annualRates: { firms: null },
    });
    const zero = cluster({
      ...noFlags,
      indicators: [
        { period: 2000, firms: 0 },
        { period: 2001, firms: 0 },
      ],
    });
    expect(assessDynamism(zero).growth).toEqual({
      value: false,
      basis: 'indicators',
      annualRates: { firms: 0 },
    });
  });

  it('judges upgrading from recorded events, at the minimum-events boundary', () => {
    const events = (n: number[]) =>
      cluster({
        ...noFlags,
        indicators: n.map((upgradingEvents, i) => ({ period: 2000 + i, upgradingEvents })),
      });
    expect(assessDynamism(events([0, 0])).upgrading).toEqual({
      value: false,
      basis: 'indicators',
      events: 0,
    });
    expect(assessDynamism(events([0, 1])).upgrading).toEqual({ value: true, basis: 'indicators', events: 1 });
    expect(assessDynamism(events([1, 1]), { minUpgradingEvents: 3 }).upgrading.value).toBe(false);
    expect(assessDynamism(events([1, 2]), { minUpgradingEvents: 3 }).upgrading.value).toBe(true);
    // a single period of counts decides upgrading but not growth: growth falls back to the flag
    const a = assessDynamism(events([2]));
    expect(a.growth.basis).toBe('evidence');
    expect(a.dynamism).toBe('upgrading');
  });

  it('lets the indicators override the flags in auto mode, and not in evidence mode', () => {
    const c = cluster({
      dynamism: { growth: true, upgrading: true },
      indicators: [
        { period: 2000, employment: 100, upgradingEvents: 0 },
        { period: 2005, employment: 100 },
      ],
    });
    expect(assessDynamism(c).dynamism).toBe('static');
    expect(assessDynamism(c).survivalist).toBe(true);
    expect(assessDynamism(c, { basis: 'evidence' }).dynamism).toBe('growth-and-upgrading');
    expect(assessDynamism(c, { basis: 'indicators' }).dynamism).toBe('static');
  });

  it('fails with INSUFFICIENT_DATA when basis is indicators and they cannot decide', () => {
    const e = errorOf(() =>
      assessDynamism(cluster({ indicators: [{ period: 2000, firms: 3 }] }), { basis: 'indicators' }),
    );
    expect(e.code).toBe('INSUFFICIENT_DATA');
    expect(e.issues).toEqual([
      {
        path: 'cluster.indicators',
        message: 'expected firms, employment or sales in at least two periods, found none',
      },
      { path: 'cluster.indicators', message: 'expected upgradingEvents in some period, found none' },
    ]);
  });

  it('reports invalid clusters and options together, with prefixed paths', () => {
    const e = errorOf(() =>
      assessDynamism(
        { ...sampleCluster(), endMarkets: [] } as never,
        { growthThreshold: -0.1, basis: 'guess' } as never,
      ),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path)).toEqual([
      'cluster.endMarkets',
      'options.basis',
      'options.growthThreshold',
    ]);
  });

  it('reports a growth factor beyond the range of a double as null, counted as growth', () => {
    // 5e-324 → 1e308 in one year: the factor 1e308 / 5e-324 ≈ 2e631 has no double; the rate is null.
    // 5e-324 → 1e308 over 10 years: (ratio)^(1/10) = exp((ln 1e308 − ln 4.94e-324) / 10)
    //   = exp((709.196 + 744.440) / 10) = exp(145.364) ≈ 1.6e63, finite.
    const tiny = (years: number) =>
      cluster({
        ...noFlags,
        indicators: [
          { period: 2000, sales: 5e-324 },
          { period: 2000 + years, sales: 1e308 },
        ],
      });
    const one = assessDynamism(tiny(1));
    expect(one.growth.annualRates.sales).toBeNull();
    expect(one.growth.value).toBe(true);
    const ten = assessDynamism(tiny(10)).growth.annualRates.sales as number;
    expect(Math.abs(ten - Math.exp((709.1962086421661 + 744.4400719213812) / 10)) / ten).toBeLessThan(1e-9);
  });

  it('accepts null options as the defaults and reports rooted paths', () => {
    const c = cluster({ dynamism: { growth: true, upgrading: false } });
    expect(assessDynamism(c, null).dynamism).toBe('growth');
    const e = errorOf(() =>
      assessDynamism({ ...sampleCluster(), indicators: [{ period: 2000.5 }] } as never, {
        minUpgradingEvents: 0,
      }),
    );
    expect(e.issues).toEqual([
      { path: 'cluster.indicators[0].period', message: 'expected a year as a whole number, found 2000.5' },
      { path: 'options.minUpgradingEvents', message: 'expected a whole number >= 1, found 0' },
    ]);
  });

  it('treats constructor and __proto__ as unknown flag values and keys, never as data', () => {
    const e = errorOf(() =>
      classifyDynamism(JSON.parse('{"growth":true,"upgrading":false,"__proto__":{"x":1}}')),
    );
    expect(e.issues).toEqual([
      { path: 'evidence', message: 'expected only known keys, found unknown key "__proto__"' },
    ]);
    expect(
      errorOf(() => classifyDynamism({ growth: 'constructor', upgrading: false } as never)).issues,
    ).toEqual([{ path: 'evidence.growth', message: 'expected true or false, found "constructor"' }]);
  });

  it('returns deeply frozen assessments, and survives bigint and cyclic input', () => {
    const r = assessDynamism(
      cluster({
        indicators: [
          { period: 2000, firms: 1 },
          { period: 2001, firms: 2 },
        ],
      }),
    );
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.growth.annualRates)).toBe(true);
    expect(Object.isFrozen(r.upgrading)).toBe(true);
    const cyclic: Record<string, unknown> = { ...sampleCluster() };
    cyclic.self = cyclic;
    expect(errorOf(() => assessDynamism(cyclic as never)).issues).toEqual([
      { path: 'cluster', message: 'expected only known keys, found unknown key "self"' },
    ]);
    expect(errorOf(() => classifyDynamism({ growth: 1n, upgrading: false } as never)).issues).toEqual([
      { path: 'evidence.growth', message: 'expected true or false, found 1n' },
    ]);
  });

  it('does not mutate its arguments', () => {
    const c = deepFreeze(
      cluster({
        indicators: [
          { period: 2001, firms: 3 },
          { period: 2000, firms: 2 },
        ],
      }),
    );
    const o = deepFreeze({ growthThreshold: 0.1 });
    const copy = structuredClone(c);
    assessDynamism(c, o);
    expect(c).toEqual(copy);
    expect(o).toEqual({ growthThreshold: 0.1 });
  });
});
