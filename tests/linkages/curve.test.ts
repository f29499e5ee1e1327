import { describe, expect, it } from 'vitest';
import { GvcError } from '../../src/core/errors.js';
import { fitLinkageCurve } from '../../src/linkages/curve.js';
import { deepFreeze, thrown } from '../helpers.js';

const logistic = (K: number, r: number, t0: number) => (t: number) => K / (1 + Math.exp(-r * (t - t0)));

describe('fitLinkageCurve: exact data', () => {
  it('recovers the parameters of a noise-free logistic to 1e-6', () => {
    // s(t) = 0.45 / (1 + exp(-0.35 (t - 2008))), t = 1995 … 2020: the generating parameters are the answer.
    const s = logistic(0.45, 0.35, 2008);
    const obs = Array.from({ length: 26 }, (_, i) => ({ period: 1995 + i, domesticShare: s(1995 + i) }));
    const fit = fitLinkageCurve(obs);
    expect(Math.abs(fit.ceiling - 0.45)).toBeLessThan(1e-6);
    expect(Math.abs(fit.rate - 0.35)).toBeLessThan(1e-6);
    expect(Math.abs(fit.midpoint - 2008)).toBeLessThan(1e-6);
    expect(fit.quality.converged).toBe(true);
    expect(fit.quality.rss).toBeLessThan(1e-20);
    expect(fit.quality.rSquared).toBeCloseTo(1, 12);
    expect(fit.quality.n).toBe(26);
    expect(fit.quality.determined).toBe(false);
    expect(fit.quality.atBound).toBe(false);
    expect(fit.firstPeriod).toBe(1995);
    expect(fit.lastPeriod).toBe(2020);
  });

  it('recovers the parameters from exactly three points (as many as parameters)', () => {
    const s = logistic(0.8, 1.2, 1);
    const fit = fitLinkageCurve([0, 1, 2].map((t) => ({ period: t, domesticShare: s(t) })));
    expect(Math.abs(fit.ceiling - 0.8)).toBeLessThan(1e-6);
    expect(Math.abs(fit.rate - 1.2)).toBeLessThan(1e-6);
    expect(Math.abs(fit.midpoint - 1)).toBeLessThan(1e-6);
    expect(fit.quality.standardErrors).toBeNull(); // n − 3 = 0 degrees of freedom
    // Three parameters through three points: determined by construction, so no R² (issue #19).
    expect(fit.quality.determined).toBe(true);
    expect(fit.quality.rSquared).toBeNull();
  });

  it('recovers a declining (unwinding) path with a negative rate', () => {
    const s = logistic(0.5, -0.8, 5);
    const fit = fitLinkageCurve(Array.from({ length: 11 }, (_, t) => ({ period: t, domesticShare: s(t) })));
    expect(Math.abs(fit.ceiling - 0.5)).toBeLessThan(1e-6);
    expect(Math.abs(fit.rate + 0.8)).toBeLessThan(1e-6);
    expect(Math.abs(fit.midpoint - 5)).toBeLessThan(1e-6);
  });
});

describe('fitLinkageCurve: against an independent fit (SciPy)', () => {
  // Independent reference: SciPy's curve_fit (trust-region reflective, bounds K in (0, 1]), run with
  //
  //   import numpy as np
  //   from scipy.optimize import curve_fit
  //   def s(t, K, r, t0): return K / (1 + np.exp(-r * (t - t0)))
  //   t = np.arange(2000, 2016, dtype=float)
  //   rng = np.random.default_rng(42)
  //   y = np.round(s(t, 0.55, 0.6, 2006.0) + rng.normal(0, 0.02, t.size), 4)
  //   p, cov = curve_fit(s, t, y, p0=[0.5, 0.5, 2005.0], bounds=([1e-9, -np.inf, -np.inf], [1, np.inf, np.inf]),
  //                      xtol=1e-15, ftol=1e-15, gtol=1e-15, max_nfev=10000)
  //   res = y - s(t, *p); rss = float(res @ res); tss = float(((y - y.mean())**2).sum())
  //   print(p, rss, 1 - rss/tss, np.sqrt(rss/t.size), np.sqrt(np.diag(cov)))
  //
  // which printed
  //   y = 0.0207, 0.0053, 0.0608, 0.0968, 0.0883, 0.1688, 0.2776, 0.3488, 0.4224, 0.4549, 0.5218, 0.5395,
  //       0.5367, 0.5644, 0.5549, 0.5303
  //   K r t0 = 0.5564696839316029 0.6161239299007603 2006.1727231505306
  //   rss = 0.004185113817410253 R2 = 0.9940900794020223 rmse = 0.01617311391130789
  //   se = [0.00950577 0.04133252 0.13014482]
  const y = [
    0.0207, 0.0053, 0.0608, 0.0968, 0.0883, 0.1688, 0.2776, 0.3488, 0.4224, 0.4549, 0.5218, 0.5395, 0.5367,
    0.5644, 0.5549, 0.5303,
  ];
  const obs = y.map((domesticShare, i) => ({ period: 2000 + i, domesticShare }));

  it('matches the parameters to 1e-6 and the fit quality to 1e-9 (relative)', () => {
    const fit = fitLinkageCurve(obs);
    expect(Math.abs(fit.ceiling - 0.5564696839316029)).toBeLessThan(1e-6);
    expect(Math.abs(fit.rate - 0.6161239299007603)).toBeLessThan(1e-6);
    expect(Math.abs(fit.midpoint - 2006.1727231505306)).toBeLessThan(1e-6);
    expect(Math.abs(fit.quality.rss / 0.004185113817410253 - 1)).toBeLessThan(1e-9);
    expect(Math.abs((fit.quality.rSquared ?? 0) - 0.9940900794020223)).toBeLessThan(1e-9);
    expect(Math.abs(fit.quality.rmse - 0.01617311391130789)).toBeLessThan(1e-9);
    expect(fit.quality.converged).toBe(true);
  });

  it('matches the standard errors to 1e-4 (relative)', () => {
    const se = fitLinkageCurve(obs).quality.standardErrors;
    expect(se).not.toBeNull();
    expect(Math.abs((se?.ceiling ?? 0) / 0.00950577 - 1)).toBeLessThan(1e-4);
    expect(Math.abs((se?.rate ?? 0) / 0.04133252 - 1)).toBeLessThan(1e-4);
    expect(Math.abs((se?.midpoint ?? 0) / 0.13014482 - 1)).toBeLessThan(1e-4);
  });

  it('gives the same fit whatever the order of the observations', () => {
    const a = fitLinkageCurve(obs);
    const b = fitLinkageCurve([...obs].reverse());
    expect(Math.abs(a.ceiling - b.ceiling)).toBeLessThan(1e-9);
    expect(Math.abs(a.midpoint - b.midpoint)).toBeLessThan(1e-7);
  });
});

describe('fitLinkageCurve: the ceiling bound K <= 1', () => {
  // SciPy, same script with t = 0..7 and y below: unbounded curve_fit gives K = 1.0703873283120038 (a share
  // above the whole); bounded ([1e-9, -inf, -inf], [1, inf, inf]) gives
  //   K r t0 = 0.9999999999999999 0.6414704056048985 5.70611562449283   rss = 0.00015973384112997146
  const y = [0.03, 0.05, 0.09, 0.15, 0.25, 0.38, 0.55, 0.7];
  it('stops at K = 1 and fits r and t0 under that constraint (tolerance 1e-6)', () => {
    const fit = fitLinkageCurve(y.map((domesticShare, period) => ({ period, domesticShare })));
    expect(fit.ceiling).toBe(1);
    expect(fit.quality.atBound).toBe(true);
    expect(Math.abs(fit.rate - 0.6414704056048985)).toBeLessThan(1e-6);
    expect(Math.abs(fit.midpoint - 5.70611562449283)).toBeLessThan(1e-6);
    expect(Math.abs(fit.quality.rss / 0.00015973384112997146 - 1)).toBeLessThan(1e-6);
    expect(fit.quality.standardErrors).toBeNull();
  });
});

describe('fitLinkageCurve: the non-core and core split', () => {
  const s = logistic(0.6, 1, 3);
  const obs = [0, 1, 2, 3, 4, 5, 6].map((t) => ({ period: t, domesticShare: s(t) }));
  it('by default puts the whole market-led ceiling in non-core value added', () => {
    const fit = fitLinkageCurve(obs);
    expect(fit.coreThreshold).toBe(fit.ceiling);
    expect(fit.split).toEqual({ nonCore: fit.ceiling, core: 0 });
  });
  it('splits the ceiling at a given core threshold (0.6 = 0.45 non-core + 0.15 core, tolerance 1e-6)', () => {
    const fit = fitLinkageCurve(obs, { coreThreshold: 0.45 });
    expect(fit.split.nonCore).toBe(0.45);
    expect(Math.abs(fit.split.core - 0.15)).toBeLessThan(1e-6);
  });
});

describe('fitLinkageCurve: refusals', () => {
  it('refuses fewer observations than parameters with INSUFFICIENT_DATA', () => {
    const e = thrown(() =>
      fitLinkageCurve([
        { period: 1, domesticShare: 0.1 },
        { period: 2, domesticShare: 0.2 },
      ]),
    ) as GvcError;
    expect(e).toBeInstanceOf(GvcError);
    expect(e.code).toBe('INSUFFICIENT_DATA');
    expect(e.message).toBe(
      'cannot fit a linkage curve: observations: expected at least 3 observations in 3 distinct periods (one per parameter K, r, t0), found 2 in 2',
    );
  });

  it('refuses three observations in two distinct periods', () => {
    const e = thrown(() =>
      fitLinkageCurve([
        { period: 1, domesticShare: 0.1 },
        { period: 1, domesticShare: 0.12 },
        { period: 2, domesticShare: 0.2 },
      ]),
    ) as GvcError;
    expect(e.code).toBe('INSUFFICIENT_DATA');
  });

  it('refuses all-zero shares', () => {
    const e = thrown(() =>
      fitLinkageCurve([1, 2, 3].map((period) => ({ period, domesticShare: 0 }))),
    ) as GvcError;
    expect(e.code).toBe('INSUFFICIENT_DATA');
    expect(e.issues[0]?.message).toBe('expected some positive domestic share, found all zero');
  });

  it('reports every invalid observation and option at once, with paths', () => {
    const e = thrown(() =>
      fitLinkageCurve(
        [
          { period: 1, domesticShare: 1.2 },
          { period: Number.NaN, domesticShare: 0.2 },
          { period: 3, domesticShare: -0.1 },
        ],
        { coreThreshold: 0 },
      ),
    ) as GvcError;
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path)).toEqual([
      'observations[0].domesticShare',
      'observations[1].period',
      'observations[2].domesticShare',
      'options.coreThreshold',
    ]);
    expect(e.issues[0]?.message).toBe('expected a number <= 1, found 1.2');
  });

  it('does not mutate its input', () => {
    const obs = [0.1, 0.2, 0.35, 0.4].map((domesticShare, period) => ({ period, domesticShare }));
    const frozen = deepFreeze(structuredClone(obs));
    const options = deepFreeze({ coreThreshold: 0.3 });
    fitLinkageCurve(frozen, options);
    expect(frozen).toEqual(obs);
  });
});

describe('fitLinkageCurve: more independent fits and the iteration limit', () => {
  // SciPy, as above (bounded curve_fit, p0 = [0.5, 0.5, 2], tolerances 1e-15), t = 0, 1, …:
  //   y = [0.5, 0.4, 0.25, 0.1, 0.05]        → K r t0 = 0.56358821 -1.16035973 1.77763268, rss 0.00022217247655082254
  //   y = [0.1, 0.05, 0.2, 0.15, 0.3, 0.25]  → K r t0 = 0.31703829 0.63831233 2.10228137, rss 0.012830726942261075
  const fitOf = (y: number[], options = {}) =>
    fitLinkageCurve(
      y.map((domesticShare, period) => ({ period, domesticShare })),
      options,
    );

  it('fits a declining path (linkages unwinding) to 1e-6', () => {
    const fit = fitOf([0.5, 0.4, 0.25, 0.1, 0.05]);
    expect(Math.abs(fit.ceiling - 0.56358821)).toBeLessThan(1e-6);
    expect(Math.abs(fit.rate + 1.16035973)).toBeLessThan(1e-6);
    expect(Math.abs(fit.midpoint - 1.77763268)).toBeLessThan(1e-6);
    expect(Math.abs(fit.quality.rss / 0.00022217247655082254 - 1)).toBeLessThan(1e-8);
  });

  it('fits noisy data to 1e-6', () => {
    const fit = fitOf([0.1, 0.05, 0.2, 0.15, 0.3, 0.25]);
    expect(Math.abs(fit.ceiling - 0.31703829)).toBeLessThan(1e-6);
    expect(Math.abs(fit.rate - 0.63831233)).toBeLessThan(1e-6);
    expect(Math.abs(fit.midpoint - 2.10228137)).toBeLessThan(1e-6);
    expect(Math.abs(fit.quality.rss / 0.012830726942261075 - 1)).toBeLessThan(1e-8);
  });

  it('says when the iteration limit stopped it before convergence', () => {
    const fit = fitOf([0.1, 0.05, 0.2, 0.15, 0.3, 0.25], { maxIterations: 1 });
    expect(fit.quality.iterations).toBe(1);
    expect(fit.quality.converged).toBe(false);
  });
});
