import { describe, expect, it } from 'vitest';
import type { GvcError } from '../../src/core/errors.js';
import { projectLinkageCurve } from '../../src/linkages/projection.js';
import { deepFreeze, thrown } from '../helpers.js';

// Curve K = 0.5, r = 1, t0 = 0, core threshold 0.5, policy start 0 (s0 = s(0) = 0.25).
// Expected values from NumPy (independent of the code under test):
//
//   import numpy as np
//   K, r, t0 = 0.5, 1.0, 0.0
//   s = lambda t, K=K, r=r, t0=t0: K / (1 + np.exp(-r * (t - t0)))
//   s0 = s(0.0)
//   grow = lambda K2, r2, t: K2 / (1 + (K2 / s0 - 1) * np.exp(-r2 * t))
//   print(s(-1.0), s0, s(2.0)); print(grow(0.5, 2.0, 2.0)); print(grow(0.8, 1.0, 2.0))
//   print(grow(0.3, 1.0, 2.0)); print(grow(0.5, 0.5, 2.0)); print(0.1 + (s0 - 0.1) * np.exp(-2.0))
//
// printed
//   baseline -1, 0, 2: 0.13447071068499755 0.25 0.44039853898894116
//   speed 2 at t=2: 0.4910068950189542
//   depth +0.3 at t=2: 0.6164574300283558 core 0.11645743002835585
//   depth -0.2 at t=2: 0.2920938784457721
//   speed 0.5 at t=2: 0.36552928931500245
//   reverse depth -0.4 at t=2: 0.12030029248549191
const fit = { ceiling: 0.5, rate: 1, midpoint: 0, coreThreshold: 0.5, lastPeriod: 0 };
const tol = 1e-12;

describe('projectLinkageCurve', () => {
  it('is the market-led curve with no policy', () => {
    const p = projectLinkageCurve(fit, { periods: [-1, 0, 2] });
    expect(p.policies).toEqual(['market-led']);
    const expected = [0.13447071068499755, 0.25, 0.44039853898894116];
    p.points.forEach((pt, i) => {
      expect(Math.abs(pt.domesticShare - (expected[i] ?? 0))).toBeLessThan(tol);
      expect(pt.baseline).toBe(pt.domesticShare);
      expect(pt.core).toBe(0);
    });
  });

  it('speeds the build-up (speed 2)', () => {
    const p = projectLinkageCurve(fit, { periods: [-1, 2], speed: 2 });
    expect(p.policies).toEqual(['speed']);
    expect(p.rate).toBe(2);
    // before the start the path is the market-led one
    expect(Math.abs((p.points[0]?.domesticShare ?? 0) - 0.13447071068499755)).toBeLessThan(tol);
    expect(Math.abs((p.points[1]?.domesticShare ?? 0) - 0.4910068950189542)).toBeLessThan(tol);
    expect(Math.abs((p.points[1]?.baseline ?? 0) - 0.44039853898894116)).toBeLessThan(tol);
  });

  it('slows the build-up (speed 0.5)', () => {
    const p = projectLinkageCurve(fit, { periods: [2], speed: 0.5 });
    expect(p.policies).toEqual(['slow']);
    expect(Math.abs((p.points[0]?.domesticShare ?? 0) - 0.36552928931500245)).toBeLessThan(tol);
  });

  it('deepens into core competences (depth +0.3), splitting off core value added above the threshold', () => {
    const p = projectLinkageCurve(fit, { name: 'local content', periods: [2], depth: 0.3 });
    expect(p.name).toBe('local content');
    expect(p.policies).toEqual(['deepen']);
    expect(p.ceiling).toBeCloseTo(0.8, 15);
    const pt = p.points[0];
    expect(Math.abs((pt?.domesticShare ?? 0) - 0.6164574300283558)).toBeLessThan(tol);
    expect(pt?.nonCore).toBe(0.5);
    expect(Math.abs((pt?.core ?? 0) - 0.11645743002835585)).toBeLessThan(tol);
  });

  it('lowers the ceiling above the share reached: slow (depth -0.2)', () => {
    const p = projectLinkageCurve(fit, { periods: [2], depth: -0.2 });
    expect(p.policies).toEqual(['slow']);
    expect(Math.abs((p.points[0]?.domesticShare ?? 0) - 0.2920938784457721)).toBeLessThan(tol);
  });

  it('reverses linkages when the ceiling falls below the share reached (depth -0.4)', () => {
    const p = projectLinkageCurve(fit, { periods: [0, 2], depth: -0.4 });
    expect(p.policies).toEqual(['reverse']);
    expect(p.points[0]?.domesticShare).toBe(0.25); // continuous at the start
    expect(Math.abs((p.points[1]?.domesticShare ?? 0) - 0.12030029248549191)).toBeLessThan(tol);
  });

  it('tells slow from reverse at the boundary: a ceiling equal to the share reached holds it flat', () => {
    // s0 = 0.25 exactly, so depth -0.25 gives K' = s0: slow, flat at 0.25; a little more is a reversal.
    const at = projectLinkageCurve(fit, { periods: [5], depth: -0.25 });
    expect(at.policies).toEqual(['slow']);
    expect(at.points[0]?.domesticShare).toBe(0.25);
    const below = projectLinkageCurve(fit, { periods: [5], depth: -0.25 - 1e-9 });
    expect(below.policies).toEqual(['reverse']);
    expect(below.points[0]?.domesticShare).toBeLessThan(0.25);
  });

  it('combines policies and honours an explicit start', () => {
    const p = projectLinkageCurve(fit, { periods: [1, 3], speed: 1.5, depth: 0.2, start: 2 });
    expect(p.policies).toEqual(['speed', 'deepen']);
    expect(p.start).toBe(2);
    expect(p.points[0]?.domesticShare).toBe(p.points[0]?.baseline);
  });

  it('reads only the curve parameters of a fit, ignoring its other fields', () => {
    const p = projectLinkageCurve({ ...fit, quality: { n: 5 } } as never, { periods: [0] });
    expect(p.points[0]?.domesticShare).toBe(0.25);
  });

  it('rejects a depth that takes the ceiling outside [0, 1], and invalid fields, all at once', () => {
    const e = thrown(() => projectLinkageCurve(fit, { periods: [1], depth: 0.6 })) as GvcError;
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toEqual([
      {
        path: 'scenario.depth',
        message: 'expected a depth keeping the ceiling 0.5 + depth within [0, 1], found 0.6',
      },
    ]);
    const e2 = thrown(() =>
      projectLinkageCurve({ ...fit, ceiling: 1.5 }, { periods: [], speed: 0 } as never),
    ) as GvcError;
    expect(e2.issues.map((i) => i.path)).toEqual(['fit.ceiling', 'scenario.periods', 'scenario.speed']);
  });

  it('does not mutate its inputs', () => {
    const f = deepFreeze(structuredClone(fit));
    const scenario = { periods: [3, 1, 2], speed: 2 };
    const s = deepFreeze(structuredClone(scenario));
    projectLinkageCurve(f, s);
    expect(f).toEqual(fit);
    expect(s).toEqual(scenario);
  });
});
