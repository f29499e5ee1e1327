import { describe, expect, it } from 'vitest';
import { GvcError, termsOfTrade } from '../../src/index.js';

describe('termsOfTrade', () => {
  // Independent computation (python3, numpy 2.4):
  //   px = np.array([100,95,90.]); pm = np.array([100,104,110.]); q = np.array([50,60,75.])
  //   b = 100*(px/px[0])/(pm/pm[0]); print('barter', b); print('income', b*q/q[0])
  //   barter [100.          91.34615385  81.81818182]
  //   income [100.         109.61538462 122.72727273]
  // Barter terms fall while income terms rise: exporting more for less.
  const series = [
    { period: 2000, exportUnitValue: 100, importUnitValue: 100, exportVolume: 50 },
    { period: 2001, exportUnitValue: 95, importUnitValue: 104, exportVolume: 60 },
    { period: 2002, exportUnitValue: 90, importUnitValue: 110, exportVolume: 75 },
  ];

  it('computes barter and income terms of trade with the first period = 100 (tolerance 1e-8)', () => {
    const r = termsOfTrade(series);
    expect(r.map((p) => p.period)).toEqual([2000, 2001, 2002]);
    const barter = [100, 91.34615385, 81.81818182];
    const income = [100, 109.61538462, 122.72727273];
    for (const [i, p] of r.entries()) {
      expect(p.barter).toBeCloseTo(barter[i]!, 8);
      expect(p.income).toBeCloseTo(income[i]!, 8);
    }
  });

  it('omits income terms without volumes, and is 100 for a single base period', () => {
    const r = termsOfTrade(series.map(({ exportVolume: _v, ...o }) => o));
    expect(r.every((p) => p.income === undefined)).toBe(true);
    expect(termsOfTrade([series[0]!])).toEqual([{ period: 2000, barter: 100, income: 100 }]);
  });

  it('rejects empty series, non-positive unit values, partial volumes and a zero base volume, with paths', () => {
    expect(() => termsOfTrade([])).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_DATA' }));
    try {
      termsOfTrade([
        { ...series[0]!, exportUnitValue: 0 },
        { ...series[1]!, importUnitValue: -1 },
      ]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GvcError);
      expect((e as GvcError).issues).toEqual([
        { path: 'series[0].exportUnitValue', message: 'expected an export unit value > 0, found 0' },
        { path: 'series[1].importUnitValue', message: 'expected an import unit value > 0, found -1' },
      ]);
    }
    const { exportVolume: _v, ...noVolume } = series[1]!;
    try {
      termsOfTrade([{ ...series[0]!, exportVolume: 0 }, noVolume]);
      expect.unreachable();
    } catch (e) {
      expect((e as GvcError).issues.map((i) => i.path)).toEqual(['series[1].exportVolume']);
    }
    expect(() => termsOfTrade([{ ...series[0]!, exportVolume: 0 }, series[1]!])).toThrow(
      /series\[0\]\.exportVolume: expected a base export volume > 0, found 0/,
    );
  });

  it('does not mutate its input', () => {
    const input = Object.freeze(series.map((o) => Object.freeze({ ...o })));
    termsOfTrade(input);
    expect(input).toEqual(series);
  });
});
