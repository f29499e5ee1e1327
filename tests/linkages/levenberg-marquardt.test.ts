/**
 * The Levenberg–Marquardt iteration behind `fitLinkageCurve`, tested directly: convergence to an
 * independent fit (R's `nls`), Marquardt's damping rule on rejected and accepted steps, stalls at a
 * stationary point and where the normal equations overflow, the iteration limit, singular normal
 * equations and the start values.
 */
import { describe, expect, it } from 'vitest';
import {
  fitLogistic,
  type LogisticFitSettings,
  type LogisticParameters,
  type LogisticTrial,
  startValues,
} from '../../src/linkages/levenberg-marquardt.js';

/** Runs the fit and records every trial step. */
function traced(
  tau: readonly number[],
  y: readonly number[],
  start: LogisticParameters,
  settings: Omit<LogisticFitSettings, 'onTrial'> = { maxIterations: 200, upperK: 1 },
) {
  const trials: LogisticTrial[] = [];
  const result = fitLogistic(tau, y, start, { ...settings, onTrial: (t) => trials.push(t) });
  return { result, trials };
}

/** Σ (y − K / (1 + exp(−r (τ − τ0))))², written out again here rather than taken from the module. */
function rssAt(p: LogisticParameters, tau: readonly number[], y: readonly number[]): number {
  return tau.reduce((s, t, i) => s + ((y[i] as number) - p.K / (1 + Math.exp(-p.r * (t - p.tau0)))) ** 2, 0);
}

/*
 * Reference: R 4.2.2, stats::nls (Gauss–Newton) and the bounded "port" algorithm, run with
 *
 *   options(digits = 17)
 *   tau <- (0:9) - 4.5
 *   y <- c(0.04, 0.07, 0.12, 0.19, 0.28, 0.36, 0.43, 0.47, 0.50, 0.51)
 *   fit <- nls(y ~ K / (1 + exp(-r * (tau - tau0))), start = list(K = 0.55, r = 0.8, tau0 = 0),
 *              control = nls.control(tol = 1e-8, maxiter = 1000))
 *   coef(fit); sum(resid(fit)^2); summary(fit)$cov.unscaled
 *   coef(nls(..., algorithm = "port", upper = c(1, Inf, Inf), same control))
 *
 * which printed
 *   K 0.52865706832699888  r 0.66637281574299134  tau0 -0.66125515817105951   (port: 0.52865706848673943
 *     0.66637281473121934 -0.66125515739201524: the two agree to about 1e-9)
 *   rss 3.4567885988799819e-05
 *   cov.unscaled = (JᵀJ)⁻¹:
 *     [ 1.0075956139949569  -2.5366365024671085   8.1408194505889355
 *      -2.5366365024671085  11.816880533542594 -20.246096018231118
 *       8.1408194505889355 -20.246096018231118  98.2918680382787215 ]
 */
const tau = Array.from({ length: 10 }, (_, i) => i - 4.5);
const y = [0.04, 0.07, 0.12, 0.19, 0.28, 0.36, 0.43, 0.47, 0.5, 0.51];
const R = { K: 0.52865706832699888, r: 0.66637281574299134, tau0: -0.66125515817105951 };
const R_RSS = 3.4567885988799819e-5;
const R_COV = [
  [1.0075956139949569, -2.5366365024671085, 8.1408194505889355],
  [-2.5366365024671085, 11.816880533542594, -20.246096018231118],
  [8.1408194505889355, -20.246096018231118, 98.29186803827872],
];

function expectRFit(p: LogisticParameters, rss: number) {
  // Parameters to 1e-7 (R's relative-offset tolerance 1e-8; its two algorithms differ by 2e-10).
  expect(Math.abs(p.K - R.K)).toBeLessThan(1e-7);
  expect(Math.abs(p.r - R.r)).toBeLessThan(1e-7);
  expect(Math.abs(p.tau0 - R.tau0)).toBeLessThan(1e-7);
  expect(Math.abs(rss / R_RSS - 1)).toBeLessThan(1e-9);
}

describe('fitLogistic: convergence', () => {
  it("converges from the linearised-logit start to R's nls fit, with (JᵀJ)⁻¹ = R's cov.unscaled", () => {
    const { result } = traced(tau, y, startValues(tau, y, 1));
    expectRFit(result.params, result.rss);
    expect(result.converged).toBe(true);
    expect(result.atBound).toBe(false);
    const inv = result.inverseNormal as number[][];
    for (let j = 0; j < 3; j++) {
      for (let k = 0; k < 3; k++) {
        const ref = (R_COV[j] as number[])[k] as number;
        expect(Math.abs((inv[j] as number[])[k] as number) / Math.abs(ref) - 1).toBeLessThan(1e-6);
      }
    }
  });

  it('converges from a poor start (K 0.3, r 5, τ0 3) to the same fit, lowering the sum of squares at every step', () => {
    const start = { K: 0.3, r: 5, tau0: 3 };
    const { result, trials } = traced(tau, y, start);
    expectRFit(result.params, result.rss);
    expect(result.converged).toBe(true);
    const accepted = trials.filter((t) => t.accepted).map((t) => t.rss as number);
    expect(accepted.length).toBeGreaterThan(3);
    let previous = rssAt(start, tau, y);
    for (const rss of accepted) {
      expect(rss).toBeLessThan(previous);
      previous = rss;
    }
  });

  it('stops at once, converged, when the start fits exactly (RSS below 1e-30 per observation)', () => {
    const t = [-2, -1, 0, 1, 2, 3];
    const exact = t.map((v) => 0.45 / (1 + Math.exp(-0.35 * (v - 1))));
    const { result, trials } = traced(t, exact, { K: 0.45, r: 0.35, tau0: 1 });
    expect(result.params).toEqual({ K: 0.45, r: 0.35, tau0: 1 });
    expect(result.iterations).toBe(1);
    expect(result.converged).toBe(true);
    expect(trials).toEqual([]);
  });
});

describe('fitLogistic: the damping rule (Marquardt 1963)', () => {
  it('multiplies λ by 10 after each rejected step and divides it by 10 after an accepted one', () => {
    const start = { K: 0.3, r: 5, tau0: 3 };
    const { trials } = traced(tau, y, start);
    // From this start the Gauss–Newton step overshoots: the first trial (λ = 1e-3) raises the sum of
    // squares above the start's and is rejected.
    const first = trials[0] as LogisticTrial;
    expect(first).toMatchObject({ iteration: 1, lambda: 1e-3, accepted: false });
    expect(first.rss).toBeGreaterThanOrEqual(rssAt(start, tau, y));
    let rejections = 0;
    for (let i = 1; i < trials.length; i++) {
      const before = trials[i - 1] as LogisticTrial;
      const now = trials[i] as LogisticTrial;
      if (before.accepted) {
        expect(now.iteration).toBe(before.iteration + 1);
        expect(now.lambda / Math.max(before.lambda / 10, 1e-15)).toBeCloseTo(1, 12);
      } else {
        rejections++;
        expect(now.iteration).toBe(before.iteration);
        expect(now.lambda / (before.lambda * 10)).toBeCloseTo(1, 12);
      }
    }
    expect(rejections).toBeGreaterThanOrEqual(4);
  });
});

describe('fitLogistic: stalls, the iteration limit and singular normal equations', () => {
  it('stops, converged, at a stationary point where no step lowers the sum of squares', () => {
    // τ = ±0.5, ±1.5, y symmetric (0.25, 0.5, 0.5, 0.25), start K = 0.75, r = 0, τ0 = 0, by hand: the
    // model is K/2 = 0.375 everywhere, residuals ∓0.125, RSS = 4 × 0.125² = 0.0625; the gradient
    // Jᵀe is exactly 0 (Σ e / 2 = 0; Σ τ e = 0 by symmetry; the τ0 column is −slope·r = 0). Every
    // damped step is 0, so λ runs from 1e-3 to 1e16 (20 trials) without a decrease.
    const { result, trials } = traced([-1.5, -0.5, 0.5, 1.5], [0.25, 0.5, 0.5, 0.25], {
      K: 0.75,
      r: 0,
      tau0: 0,
    });
    expect(trials.length).toBe(20);
    expect(trials.every((t) => !t.accepted && t.rss === 0.0625)).toBe(true);
    expect((trials[19] as LogisticTrial).lambda / 1e16).toBeCloseTo(1, 12);
    expect(result).toMatchObject({ params: { K: 0.75, r: 0, tau0: 0 }, rss: 0.0625, iterations: 1 });
    expect(result.converged).toBe(true);
    // With r = 0 the τ0 column of J is 0: JᵀJ is singular, so there is no (JᵀJ)⁻¹.
    expect(result.inverseNormal).toBeNull();
  });

  it('does not claim convergence when the normal equations overflow and no step can be solved for', () => {
    // τ = ±1e200 with r = 1e-200: r·τ = ±1, the r column of J is about 0.2 × 1e200, and its square
    // (JᵀJ)₁₁ overflows to Infinity: every damped system is refused.
    const start = { K: 1, r: 1e-200, tau0: 0 };
    const { result, trials } = traced([-1e200, 0, 1e200], [0.1, 0.5, 0.9], start);
    expect(trials.length).toBe(20);
    expect(trials.every((t) => t.rss === null && !t.accepted)).toBe(true);
    expect(result.params).toEqual(start);
    expect(result.converged).toBe(false);
    expect(result.inverseNormal).toBeNull();
  });

  it('stops after maxIterations, not converged, having tried only that many iterations', () => {
    const { result, trials } = traced(tau, y, { K: 0.3, r: 5, tau0: 3 }, { maxIterations: 1, upperK: 1 });
    expect(result.iterations).toBe(1);
    expect(result.converged).toBe(false);
    expect(new Set(trials.map((t) => t.iteration))).toEqual(new Set([1]));
    expect(result.rss).toBeLessThan(rssAt({ K: 0.3, r: 5, tau0: 3 }, tau, y));
  });

  it('has no (JᵀJ)⁻¹ when K = 0 (every column of J but the first is 0)', () => {
    const { result } = traced(
      [0, 1, 2],
      [0.1, 0.2, 0.3],
      { K: 0, r: 1, tau0: 0 },
      { maxIterations: 0, upperK: 1 },
    );
    expect(result.iterations).toBe(0);
    expect(result.inverseNormal).toBeNull();
  });
});

describe('startValues', () => {
  it('falls back to r = 4 / span and τ0 = 0 when fewer than two shares lie inside (0, K0)', () => {
    // τ = −1, 0, 1; y = 0, 0, 0.5: only 0.5 lies inside (0, K0) for each candidate ceiling K0 ∈ {0.525,
    // 0.625, 0.75, 1}, so r = 4 / 2 = 2, τ0 = 0. RSS(K) = K²(0.1192² + 0.5²) + (0.5 − 0.8808 K)² is
    // least at K ≈ 0.42, below every candidate: the smallest, 1.05 × 0.5 = 0.525, is taken.
    const p = startValues([-1, 0, 1], [0, 0, 0.5], 1);
    expect(p.r).toBe(2);
    expect(p.tau0).toBe(0);
    expect(p.K).toBeCloseTo(0.525, 15);
  });

  it('falls back the same way when the logit line is flat (equal shares inside (0, K0))', () => {
    const p = startValues([-1, 0, 1], [0.2, 0.2, 0], 1);
    expect([p.r, p.tau0]).toEqual([2, 0]);
    expect(p.K).toBeCloseTo(0.21, 15); // 1.05 × 0.2, the candidate nearest the least-squares K ≈ 0.12
  });

  it('caps the candidate ceilings at upperK', () => {
    const p = startValues([-1, 0, 1], [0.3, 0.6, 0.9], 1);
    expect(p.K).toBeLessThanOrEqual(1);
    expect(p.K).toBeGreaterThan(0.9);
  });
});
