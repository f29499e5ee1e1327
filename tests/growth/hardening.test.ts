import { describe, expect, it } from 'vitest';
import { classifyGrowthPath, termsOfTrade } from '../../src/growth/index.js';
import { errorOf, isDeepFrozen } from '../helpers.js';

// Issue #14: paths rooted at `series`, no NaN/Infinity, bounded checks, deeply frozen results.

describe('classifyGrowthPath: hardening', () => {
  it('refuses an income past double precision with UNSUPPORTED (1e200 × 1e200)', () => {
    const e = errorOf(() =>
      classifyGrowthPath([
        { period: 1, volume: 1e200, unitPrice: 1e200 },
        { period: 2, volume: 1, unitPrice: 1 },
      ]),
    );
    expect(e.code).toBe('UNSUPPORTED');
    expect(e.issues[0]?.path).toBe('series[0]');
  });

  it('finds a repeated string period in linear time, naming it', () => {
    const series = Array.from({ length: 50_000 }, (_, i) => ({ period: `p${i}`, volume: 1, unitPrice: 1 }));
    series.push({ period: 'p0', volume: 1, unitPrice: 1 });
    const started = Date.now();
    const e = errorOf(() => classifyGrowthPath(series));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(e.issues).toEqual([
      { path: 'series[50000].period', message: 'expected a distinct period, found "p0" again' },
    ]);
  });

  it('previews a bigint period and a bigint deflator instead of throwing', () => {
    const e = errorOf(() =>
      classifyGrowthPath([
        { period: 1, volume: 1, unitPrice: 1 },
        { period: 2n as never, volume: 1, unitPrice: 1 },
      ]),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues[0]?.path).toBe('series[1].period');
  });

  it('takes null options and freezes the result (hand computed: income 1000 → 900, activity up → immiserising)', () => {
    const r = classifyGrowthPath(
      [
        { period: 2000, volume: 100, unitPrice: 10 },
        { period: 2001, volume: 150, unitPrice: 6 },
      ],
      null,
    );
    expect(r.points.map((p) => p.income)).toEqual([1000, 900]);
    expect(r.overall).toBe('immiserising');
    expect(isDeepFrozen(r)).toBe(true);
  });
});

describe('termsOfTrade: hardening', () => {
  it('refuses an index past double precision with UNSUPPORTED', () => {
    const e = errorOf(() =>
      termsOfTrade([
        { period: 1, exportUnitValue: 1e-300, importUnitValue: 1e300 },
        { period: 2, exportUnitValue: 1e300, importUnitValue: 1e-300 },
      ]),
    );
    expect(e.code).toBe('UNSUPPORTED');
    expect(e.issues[0]?.path).toBe('series[1]');
  });

  it('roots paths at series and freezes the result (hand computed: 100 × (3/2) / (1/1) = 150)', () => {
    expect(errorOf(() => termsOfTrade([])).issues).toEqual([
      { path: 'series', message: 'expected at least 1 period, found 0' },
    ]);
    const r = termsOfTrade([
      { period: 1, exportUnitValue: 2, importUnitValue: 1 },
      { period: 2, exportUnitValue: 3, importUnitValue: 1 },
    ]);
    expect(r.map((p) => p.barter)).toEqual([100, 150]);
    expect(isDeepFrozen(r)).toBe(true);
  });
});
