import { describe, expect, it } from 'vitest';
import { dominicanJeans } from '../../src/data/index.js';
import { fitErosionRate, GvcError, projectRentErosion } from '../../src/index.js';
import { deepFreeze, errorOf, isDeepFrozen } from '../helpers.js';

// The Dominican jeans assembler (Kaplinsky 2015, after Kaplinsky 1993, World Development 21(11)):
// 2.18 → 2.00 → 1.87 USD a unit within 12 months. Its rate, by hand (R: (1.87/2.18)^(1/2) − 1):
const jeansRate = -0.0738260610784;
const rates = { high: 0, medium: 0.03, low: -jeansRate };

describe('fitErosionRate', () => {
  it('R8 Kaplinsky 2015 (Dominican jeans): −7.38% a step', () => {
    const r = fitErosionRate([2.18, 2.0, 1.87]);
    expect(r.rate).toBeCloseTo(jeansRate, 12);
    expect(r.steps).toBe(2);
    expect(isDeepFrozen(r)).toBe(true);
  });

  it('reads the series of the embedded dataset', () => {
    const prices = dominicanJeans.series.flatMap((p) => (p.unitPrice === undefined ? [] : [p.unitPrice]));
    expect(prices).toEqual([2.18, 2.0, 1.87]);
    expect(fitErosionRate(prices).rate).toBeCloseTo(jeansRate, 12);
  });

  it('a series that rises has a positive rate (illustrative: 1 → 1.21 in 2 steps is +10%)', () => {
    expect(fitErosionRate([1, 5, 1.21]).rate).toBeCloseTo(0.1, 12);
  });

  it('rejects non-positive values and too short a series', () => {
    const e = errorOf(() => fitErosionRate([2.18, 2, 0]));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues[0]?.path).toBe('values[2]');
    expect(errorOf(() => fitErosionRate([2.18])).code).toBe('INSUFFICIENT_DATA');
    expect(errorOf(() => fitErosionRate('x' as never))).toBeInstanceOf(GvcError);
  });
});

describe('projectRentErosion', () => {
  const low = (n: number) => Array.from({ length: n }, (_, period) => ({ period, barriers: 'low' as const }));

  it('R9 Kaplinsky 2015 (no barriers: competition erodes income) at the jeans rate', () => {
    // By hand: 10 × 0.92617…^t (R: 10 * (1.87/2.18)^(t/2)).
    const r = projectRentErosion({ amount: 10 }, low(6), { erosionRates: rates });
    const expected = [10, 9.26173938922, 8.57798165138, 7.94470305405, 7.35817692113, 6.81495170233];
    for (const [t, p] of r.points.entries()) expect(p.amount).toBeCloseTo(expected[t] as number, 9);
    expect(r.points[5]?.eroded).toBeCloseTo(10 - 6.81495170233, 9);
    expect(r.points[0]?.outlook).toBe('eroding');
    expect(r.halfLife).toBeNull();
    // ln 0.5 / ln(1 − 0.0738) = 9.04 steps: halved first at step 10 of an 11-period path.
    expect(projectRentErosion({ amount: 10 }, low(11), { erosionRates: rates }).halfLife).toBe(10);
  });

  it('R10 Kaplinsky 2015; rentOutlook rule 3: protected high barriers hold, then low ones erode', () => {
    // Each step uses the barriers of the previous period: period 3 is still behind period 2's
    // protected barrier. By hand: 292.5 × 0.7 = 204.75; × 0.7 = 143.325.
    const path = [0, 1, 2, 3, 4, 5].map((period) =>
      period < 3
        ? { period, barriers: 'high' as const, protected: true }
        : { period, barriers: 'low' as const },
    );
    const opts = { erosionRates: { high: 0.2, medium: 0.1, low: 0.3 } };
    const r = projectRentErosion({ amount: 292.5, dynamic: false }, path, opts);
    expect(r.points.map((p) => p.amount)).toEqual([
      292.5,
      292.5,
      292.5,
      292.5,
      expect.closeTo(204.75, 9),
      expect.closeTo(143.325, 9),
    ]);
    expect(r.points.map((p) => p.erosionRate)).toEqual([0, 0, 0, 0.3, 0.3, 0.3]);
    expect(r.points[0]?.outlook).toBe('sustainable');
    expect(r.points[3]?.outlook).toBe('eroding');
    expect(r.halfLife).toBe(5);
  });

  it('R11 Kaplinsky 2015 (dynamic rents sustain income): renewal replaces eroded rent up to the start', () => {
    // By hand: renewal 0.1 × 292.5 = 29.25 a step; 292.5 × 4 (capped); min(292.5, 204.75 + 29.25) = 234;
    // 234 × 0.7 + 29.25 = 193.05.
    const path = [0, 1, 2, 3, 4, 5].map((period) =>
      period < 3
        ? { period, barriers: 'high' as const, protected: true }
        : { period, barriers: 'low' as const },
    );
    const opts = { erosionRates: { high: 0.2, medium: 0.1, low: 0.3 }, renewal: 0.1 };
    const r = projectRentErosion({ amount: 292.5, dynamic: true }, path, opts);
    expect(r.points.map((p) => p.amount)).toEqual([
      292.5,
      292.5,
      292.5,
      292.5,
      expect.closeTo(234, 9),
      expect.closeTo(193.05, 9),
    ]);
    expect(r.points.every((p) => p.outlook === 'sustainable')).toBe(true);
    expect(r.explanation.rules).toContain('dynamic-renewal');
    // Not dynamic: the renewal is ignored (R10's path).
    const still = projectRentErosion({ amount: 292.5 }, path, opts);
    expect(still.points[5]?.amount).toBeCloseTo(143.325, 9);
    expect(still.explanation.notes).toContain('renewal ignored: the rent is not dynamic');
  });

  it('unprotected high barriers erode at the high rate (rentOutlook rule 5; illustrative rate)', () => {
    const r = projectRentErosion(
      { amount: 100 },
      [
        { period: '2010', barriers: 'high' },
        { period: '2011', barriers: 'high' },
      ],
      { erosionRates: { high: 0.05, medium: 0.1, low: 0.3 } },
    );
    expect(r.points[1]?.amount).toBeCloseTo(95, 12);
  });

  it('rejects an empty path, missing rates and a bad amount at once, and never mutates', () => {
    const e = errorOf(() => projectRentErosion({ amount: -1 }, [], {} as never));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path)).toEqual(['rent.amount', 'path', 'options.erosionRates']);
    const path = deepFreeze([{ period: 0, barriers: 'low' as const }]);
    const rent = deepFreeze({ amount: 1 });
    expect(projectRentErosion(rent, path, deepFreeze({ erosionRates: rates })).points).toHaveLength(1);
  });
});
