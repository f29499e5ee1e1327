import { describe, expect, it } from 'vitest';
import { isGvcError } from '../../src/core/errors.js';
import {
  backwardDepth,
  domesticValueAddedShares,
  fitLinkageCurve,
  forwardDepth,
  horizontalLinkage,
  linkageBreadth,
  projectLinkageCurve,
  summarizeLinkages,
} from '../../src/linkages/index.js';
import { deepFreeze, errorOf, isDeepFrozen } from '../helpers.js';

// Issue #14: one boundary (paths rooted at the argument's name), no raw throws, no NaN/Infinity,
// bounded work, deeply frozen results.

/** Every object and array reachable from `v` is frozen. */
const chain = (year: number, finalPrice: number, grindIn = 'NLD') => ({
  id: `cocoa-${year}`,
  name: 'Cocoa',
  family: 'additive' as const,
  currency: 'USD',
  year,
  finalStage: 'grind',
  stages: [
    { id: 'grow', name: 'Grow', country: 'GHA', output: { unit: 'kg', unitPrice: 2 } },
    {
      id: 'grind',
      name: 'Grind',
      country: grindIn,
      output: { unit: 'kg', unitPrice: finalPrice },
      inputs: [{ stage: 'grow', quantity: 1 }],
    },
  ],
});

describe('domesticValueAddedShares: degenerate and bad input', () => {
  it('refuses a final unit price of 0 with UNSUPPORTED at its path, never a NaN share', () => {
    const e = errorOf(() => domesticValueAddedShares([chain(2000, 4), chain(2010, 0)], 'GHA'));
    expect(e.code).toBe('UNSUPPORTED');
    expect(e.issues).toEqual([
      {
        path: 'chains[1].stages[1].output.unitPrice',
        // decomposeValueAdded's own refusal, rooted at the argument.
        message:
          'expected a positive unit price of the final stage "grind" to compute shares of the final value, found 0',
      },
    ]);
  });

  it('roots every path at its argument: chains, country, options', () => {
    const e = errorOf(() =>
      domesticValueAddedShares([{ ...chain(2000, 4), currency: 'usd' }], 10n as never, { tolerance: 0 }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path)).toEqual(['country', 'chains[0].currency', 'options.tolerance']);
    expect(e.issues[0]?.message).toBe('expected a string, found 10n');
    expect(errorOf(() => domesticValueAddedShares(42 as never, 'GHA')).issues).toEqual([
      { path: 'chains', message: 'expected a non-empty array of value chains, found 42' },
    ]);
  });

  it('refuses more than 10,000 chains before parsing any', () => {
    const one = chain(2000, 4);
    const e = errorOf(() => domesticValueAddedShares(new Array(10_001).fill(one), 'GHA'));
    expect(e.issues).toEqual([
      { path: 'chains', message: 'expected at most 10000 value chains, found 10001' },
    ]);
  });

  it('takes null options and returns a deeply frozen result (hand computed: GHA 2 of 4 = 0.5)', () => {
    const r = domesticValueAddedShares([chain(2000, 4)], 'GHA', null);
    expect(r).toEqual([
      { chain: 'cocoa-2000', year: 2000, domesticValueAdded: 2, finalValue: 4, share: 0.5, change: null },
    ]);
    expect(isDeepFrozen(r)).toBe(true);
  });

  it('does not mutate a frozen chain', () => {
    const c = deepFreeze(chain(2000, 4));
    expect(() => domesticValueAddedShares([c], 'GHA')).not.toThrow();
  });
});

describe('linkage metrics: overflow, paths, frozen results', () => {
  it('refuses totals past double precision with UNSUPPORTED instead of a NaN share', () => {
    const e = errorOf(() =>
      backwardDepth({ inputs: [{ category: 'a', domesticValue: 1e308, importedValue: 1e308 }] }),
    );
    expect(e.code).toBe('UNSUPPORTED');
    expect(e.issues[0]?.path).toBe('sector.inputs');
    expect(
      errorOf(() => forwardDepth({ outputs: [{ processedDomestically: 1e308, exportedUnprocessed: 1e308 }] }))
        .code,
    ).toBe('UNSUPPORTED');
    expect(
      errorOf(() =>
        horizontalLinkage({ suppliers: [{ salesToResourceSector: 1e308, salesToOtherSectors: 1e308 }] }),
      ).issues[0]?.path,
    ).toBe('base.suppliers');
  });

  it('reports a bigint with a short preview, rooted at the argument', () => {
    expect(
      errorOf(() =>
        backwardDepth({ inputs: [{ category: 'a', domesticValue: 1n as never, importedValue: 1 }] }),
      ).issues,
    ).toEqual([
      { path: 'sector.inputs[0].domesticValue', message: 'expected a finite number >= 0, found 1n' },
    ]);
  });

  it('keeps the share of a category whose values are near the largest double (1e308 of 2e308 = 1/2)', () => {
    const r = linkageBreadth(
      { inputs: [{ category: 'constructor', domesticValue: 1e308, importedValue: 1e308 }] },
      { minDomesticShare: 0.5 },
    );
    expect(r.categories).toEqual(['constructor']);
  });

  it('takes null options and freezes every result', () => {
    const inputs = [{ category: 'fuel', domesticValue: 1, importedValue: 3 }];
    expect(isDeepFrozen(backwardDepth({ inputs }))).toBe(true);
    expect(isDeepFrozen(linkageBreadth({ inputs }, null))).toBe(true);
    expect(
      isDeepFrozen(forwardDepth({ outputs: [{ processedDomestically: 1, exportedUnprocessed: 1 }] })),
    ).toBe(true);
  });
});

describe('summarizeLinkages: boundary', () => {
  const rec = (value: number, currency?: string) => ({
    type: 'fiscal' as const,
    from: { sector: 'mining' },
    to: { sector: 'government' },
    value,
    country: 'GHA',
    domestic: true,
    ...(currency === undefined ? {} : { currency }),
  });

  it('previews a long value in a message instead of serialising it', () => {
    const long = 'X'.repeat(1_000_000);
    const e = errorOf(() =>
      summarizeLinkages([rec(1, 'USD'), { ...rec(1), description: long, currency: 'EUR' }]),
    );
    expect(e.issues).toEqual([
      {
        path: 'linkages[1].currency',
        message: 'expected "USD" currency as at linkages[0].currency, found "EUR"',
      },
    ]);
    expect(e.message.length).toBeLessThan(200);
  });

  it('reports a cycle as invalid input, not a raw throw', () => {
    const cyc: Record<string, unknown> = { type: 'fiscal' };
    cyc.from = cyc;
    expect(
      isGvcError(
        errorOf(() => summarizeLinkages([cyc as never])),
        'INVALID_INPUT',
      ),
    ).toBe(true);
  });

  it('refuses values that add past double precision and freezes its result', () => {
    expect(errorOf(() => summarizeLinkages([rec(1e308), rec(1e308)])).code).toBe('UNSUPPORTED');
    // fiscal: 30 + 10 = 40, all domestic → share 1
    const r = summarizeLinkages([rec(30), rec(10)]);
    expect(r.rows).toEqual([
      { type: 'fiscal', direction: null, count: 2, value: 40, domesticValue: 40, domesticShare: 1 },
    ]);
    expect(isDeepFrozen(r)).toBe(true);
  });
});

describe('fitLinkageCurve: degenerate fits and bounds', () => {
  it('refuses a flat path (every share equal) with INSUFFICIENT_DATA', () => {
    const e = errorOf(() => fitLinkageCurve([1, 2, 3, 4].map((period) => ({ period, domesticShare: 0.5 }))));
    expect(e.code).toBe('INSUFFICIENT_DATA');
    expect(e.issues).toEqual([
      {
        path: 'observations',
        message:
          'expected shares that change over the periods, found every share equal to 0.5 (a flat path identifies neither the rate r nor the midpoint t0)',
      },
    ]);
  });

  it('refuses two points with INSUFFICIENT_DATA at observations', () => {
    const e = errorOf(() =>
      fitLinkageCurve([
        { period: 1, domesticShare: 0.1 },
        { period: 2, domesticShare: 0.2 },
      ]),
    );
    expect(e.code).toBe('INSUFFICIENT_DATA');
    expect(e.issues[0]?.path).toBe('observations');
  });

  it('refuses more than 10,000 observations (a bound on the work of the iteration)', () => {
    const obs = Array.from({ length: 10_001 }, (_, i) => ({ period: i, domesticShare: (i % 7) / 10 }));
    expect(errorOf(() => fitLinkageCurve(obs)).issues).toEqual([
      { path: 'observations', message: 'expected at most 10000 items, found 10001' },
    ]);
  });

  it('returns finite numbers for periods spanning ±1e308, whose mean would overflow a plain sum', () => {
    const fit = fitLinkageCurve(
      [
        { period: -1e308, domesticShare: 0.1 },
        { period: 0, domesticShare: 0.3 },
        { period: 1e308, domesticShare: 0.5 },
      ],
      null,
    );
    for (const v of [fit.ceiling, fit.rate, fit.midpoint, fit.quality.rss, fit.quality.rmse]) {
      expect(Number.isFinite(v)).toBe(true);
    }
    expect([fit.firstPeriod, fit.lastPeriod]).toEqual([-1e308, 1e308]);
    expect(isDeepFrozen(fit)).toBe(true);
  });

  it('stops at the iteration limit', () => {
    const obs = [0, 1, 2, 3, 4, 5].map((t) => ({
      period: t,
      domesticShare: 0.6 / (1 + Math.exp(-(t - 3))) + (t % 2) * 0.01,
    }));
    const fit = fitLinkageCurve(obs, { maxIterations: 1 });
    expect(fit.quality.iterations).toBe(1);
  });
});

describe('projectLinkageCurve: non-finite arithmetic', () => {
  it('gives K/2 at any distance from the midpoint when the rate is 0 (never 0 × ∞ = NaN)', () => {
    const p = projectLinkageCurve(
      { ceiling: 0.5, rate: 0, midpoint: -1e308, coreThreshold: 0.5, lastPeriod: 0 },
      { periods: [1e308] },
    );
    // s = K / (1 + e^0) = 0.25 before and after the start (speed 1, depth 0)
    expect(p.points).toEqual([
      { period: 1e308, domesticShare: 0.25, baseline: 0.25, nonCore: 0.25, core: 0 },
    ]);
    expect(isDeepFrozen(p)).toBe(true);
  });

  it('refuses a speed that makes the rate overflow, at scenario.speed', () => {
    const e = errorOf(() =>
      projectLinkageCurve(
        { ceiling: 0.5, rate: 1e300, midpoint: 0, coreThreshold: 0.5, lastPeriod: 0 },
        { periods: [1], speed: 1e10 },
      ),
    );
    expect(e.issues).toEqual([
      {
        path: 'scenario.speed',
        message: 'expected a speed keeping the rate 1e+300 × speed finite, found 10000000000',
      },
    ]);
  });
});
