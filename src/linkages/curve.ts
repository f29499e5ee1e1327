import * as z from 'zod/mini';
import { GvcError } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { fitLogistic, startValues } from './levenberg-marquardt.js';
import { validateArguments } from './validate.js';

/**
 * The most observations {@link fitLinkageCurve} takes. Each Levenberg–Marquardt iteration costs a few
 * passes over the observations and there are at most `maxIterations` (≤ 10,000) of them, so a fit
 * stays within about 10⁹ evaluations of the logistic (a few seconds) at worst, and well under a
 * millisecond for the yearly series the method is meant for.
 */
const MAX_LINKAGE_OBSERVATIONS = 10_000;

/**
 * One observation of linkage development: a period (a year or an index) and the domestic share
 * reached in it (of a resource sector's inputs, or of the value added of its chain), between 0 and 1.
 *
 * @example
 * ```ts
 * LinkageObservation.parse({ period: 2005, domesticShare: 0.2 });
 * //=> { period: 2005, domesticShare: 0.2 }
 * ```
 */
export const LinkageObservation = z.strictObject({
  /** The period, as a number (a year or an index). */
  period: z.number(),
  /** The domestic share reached, from 0 to 1. */
  domesticShare: z.number().check(z.gte(0), z.lte(1)),
});
/** One observation of linkage development. */
export type LinkageObservation = z.output<typeof LinkageObservation>;

const ObservationList = z.array(LinkageObservation).check(z.maxLength(MAX_LINKAGE_OBSERVATIONS));

/**
 * Options of {@link fitLinkageCurve}:
 * - `coreThreshold`: the domestic share above which local value added reaches into the lead firms'
 *   core competences (Morris, Kaplinsky & Kaplan 2012); default: the fitted ceiling K, i.e. the
 *   market-led path stops where the core begins and only policy deepens beyond it;
 * - `maxIterations`: the Levenberg–Marquardt iteration limit (default 200).
 *
 * @example
 * ```ts
 * LinkageCurveOptions.parse({});
 * //=> { maxIterations: 200 }
 * ```
 */
export const LinkageCurveOptions = z.strictObject({
  /** Domestic share above which value added is core-competence value added; default the fitted ceiling. */
  coreThreshold: z.optional(z.number().check(z.gt(0), z.lte(1))),
  /** Iteration limit. */
  maxIterations: z._default(z.int().check(z.gte(1), z.lte(10_000)), 200),
});
/** Options of {@link fitLinkageCurve}. */
export type LinkageCurveOptions = z.input<typeof LinkageCurveOptions>;

/** How well a {@link LinkageCurveFit} fits its observations. */
export interface LinkageFitQuality {
  /** Number of observations. */
  n: number;
  /** Residual sum of squares Σ (y − ŷ)². */
  rss: number;
  /**
   * Coefficient of determination 1 − RSS / TSS; `null` when the curve is {@link LinkageFitQuality.determined}
   * (an exact fit says nothing about how well a logistic describes the path) or when TSS rounds to 0
   * (shares differing by less than 1e-154).
   */
  rSquared: number | null;
  /**
   * Whether the observations fall in exactly three distinct periods, as many as the curve's
   * parameters (K, r, t0): the curve is then determined by the points, not estimated, and no R² is
   * reported.
   */
  determined: boolean;
  /** Root mean squared error √(RSS / n). */
  rmse: number;
  /** Levenberg–Marquardt iterations used. */
  iterations: number;
  /** Whether the iteration met its convergence test before the iteration limit. */
  converged: boolean;
  /** Whether the ceiling ended at its bound of 1 (a share cannot exceed the whole). */
  atBound: boolean;
  /**
   * Asymptotic standard errors √(σ² diag((JᵀJ)⁻¹)), σ² = RSS / (n − 3); `null` with n = 3 (no degrees
   * of freedom), when the ceiling is at its bound, or when JᵀJ is singular.
   */
  standardErrors: { ceiling: number; rate: number; midpoint: number } | null;
}

/** The result of {@link fitLinkageCurve}: the fitted market-led linkage curve. */
export interface LinkageCurveFit {
  /** K: the ceiling the market-led path approaches, a share in (0, 1]. */
  ceiling: number;
  /** r: the growth rate per period (negative when linkages unwind). */
  rate: number;
  /** t0: the period of fastest growth, where the share is K / 2. */
  midpoint: number;
  /** The share above which value added is core-competence value added (see {@link LinkageCurveOptions}). */
  coreThreshold: number;
  /** The ceiling split into non-core (up to `coreThreshold`) and core-competence value added (above it). */
  split: { nonCore: number; core: number };
  /** The first observed period. */
  firstPeriod: number;
  /** The last observed period: where projections start their policies by default. */
  lastPeriod: number;
  /** Fit quality. */
  quality: LinkageFitQuality;
}

/**
 * Fits the market-led path of linkage development — fast "low-hanging fruit" first, slowing as harder
 * stages are reached (Morris, Kaplinsky & Kaplan 2012; Kaplinsky 2015) — as a logistic curve
 * s(t) = K / (1 + exp(−r (t − t0))), by nonlinear least squares (Levenberg 1944; Marquardt 1963).
 *
 * The parameters: K (`ceiling`) in (0, 1], bounded at 1 because a share cannot exceed the whole; r
 * (`rate`); t0 (`midpoint`). Start values come from the linearised logit ln(y / (K0 − y)) for a few
 * ceilings K0 above the largest share; periods are centred on their mean during the iteration.
 *
 * Non-core and core-competence value added: the local value added built up is split at
 * `coreThreshold` (default K): shares up to it are non-core activities that lead firms readily leave
 * to local suppliers, shares above it reach into their core competences. With the default, the
 * market-led path is entirely non-core and only a deepening policy (see `projectLinkageCurve`) adds
 * core-competence value added.
 *
 * Degenerate data: fewer than three distinct periods, all shares zero, or a flat path (every share
 * equal: no rate or midpoint to find) cannot identify the three parameters (`INSUFFICIENT_DATA`).
 * Data the bounded iteration does not settle is returned with `quality.converged: false`. The
 * iteration stops after `maxIterations` steps, and at most 10,000 observations are taken, so a fit is
 * bounded in time.
 *
 * @param observations - `[{ period, domesticShare }]`, at least three with three distinct periods,
 *   at most 10,000
 * @param options - `{ coreThreshold?, maxIterations? }`; `undefined` or `null` for the defaults
 * @returns the fitted {@link LinkageCurveFit}: parameters, the split and fit quality (RSS, R², RMSE,
 *   n, iterations, converged), deeply frozen
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem of both arguments with its path
 *   (`observations[2].domesticShare`, `options.coreThreshold`, more than 10,000 observations);
 *   `INSUFFICIENT_DATA` with fewer observations or distinct periods than the three parameters, when
 *   every share is zero, or when every share is equal; `UNSUPPORTED` when the periods are too far apart for a fit in double
 *   precision (the fitted numbers would not be finite)
 * @example
 * ```ts
 * const fit = fitLinkageCurve([0, 1, 2, 3, 4, 5, 6].map((t) => ({
 *   period: 2000 + t, domesticShare: 0.6 / (1 + Math.exp(-(t - 3))) })));
 * [fit.ceiling.toFixed(6), fit.rate.toFixed(6), fit.midpoint.toFixed(6)];
 * //=> ['0.600000', '1.000000', '2003.000000']
 * ```
 */
export function fitLinkageCurve(
  observations: ReadonlyArray<z.input<typeof LinkageObservation>>,
  options?: LinkageCurveOptions | null,
): LinkageCurveFit {
  const [data, opts] = validateArguments(
    'invalid linkage observations',
    [ObservationList, observations, 'observations'],
    [LinkageCurveOptions, options, 'options'],
  );
  const periods = data.map((o) => o.period);
  const distinct = new Set(periods).size;
  if (data.length < 3 || distinct < 3) {
    throw new GvcError('INSUFFICIENT_DATA', 'cannot fit a linkage curve', [
      {
        path: 'observations',
        message: `expected at least 3 observations in 3 distinct periods (one per parameter K, r, t0), found ${data.length} in ${distinct}`,
      },
    ]);
  }
  const y = data.map((o) => o.domesticShare);
  if (y.every((v) => v === 0)) {
    throw new GvcError('INSUFFICIENT_DATA', 'cannot fit a linkage curve', [
      { path: 'observations', message: 'expected some positive domestic share, found all zero' },
    ]);
  }
  if (y.every((v) => v === y[0])) {
    throw new GvcError('INSUFFICIENT_DATA', 'cannot fit a linkage curve', [
      {
        path: 'observations',
        message: `expected shares that change over the periods, found every share equal to ${y[0]} (a flat path identifies neither the rate r nor the midpoint t0)`,
      },
    ]);
  }
  let firstPeriod = Number.POSITIVE_INFINITY;
  let lastPeriod = Number.NEGATIVE_INFINITY;
  let total = 0;
  let scaledTotal = 0;
  for (const t of periods) {
    if (t < firstPeriod) firstPeriod = t;
    if (t > lastPeriod) lastPeriod = t;
    total += t;
    scaledTotal += t / periods.length;
  }
  // The mean period; summed in parts when the plain sum overflows (periods near ±1.8e308).
  const centre = Number.isFinite(total) ? total / periods.length : scaledTotal;
  const tau = periods.map((t) => t - centre);
  const upperK = 1;
  const result = fitLogistic(tau, y, startValues(tau, y, upperK), {
    maxIterations: opts.maxIterations,
    upperK,
  });
  const n = data.length;
  const mean = y.reduce((s, v) => s + v, 0) / n;
  const tss = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  const { K, r, tau0 } = result.params;
  const inv = result.inverseNormal;
  const sigma2 = n > 3 ? result.rss / (n - 3) : Number.NaN;
  const standardErrors =
    inv !== null && n > 3 && !result.atBound
      ? {
          ceiling: Math.sqrt(sigma2 * (inv[0]?.[0] ?? Number.NaN)),
          rate: Math.sqrt(sigma2 * (inv[1]?.[1] ?? Number.NaN)),
          midpoint: Math.sqrt(sigma2 * (inv[2]?.[2] ?? Number.NaN)),
        }
      : null;
  const midpoint = tau0 + centre;
  const rmse = Math.sqrt(result.rss / n);
  if (
    !(K > 0 && K <= 1) ||
    ![r, midpoint, result.rss, rmse].every(Number.isFinite) ||
    !tau.every(Number.isFinite)
  ) {
    throw new GvcError('UNSUPPORTED', 'cannot fit a linkage curve', [
      {
        path: 'observations',
        message: `expected periods and shares a logistic curve can be fitted to in double precision, found periods from ${firstPeriod} to ${lastPeriod} giving a ceiling ${K}, rate ${r}, midpoint ${midpoint}`,
      },
    ]);
  }
  const coreThreshold = opts.coreThreshold ?? K;
  return deepFreeze({
    ceiling: K,
    rate: r,
    midpoint,
    coreThreshold,
    split: { nonCore: Math.min(K, coreThreshold), core: Math.max(0, K - coreThreshold) },
    firstPeriod,
    lastPeriod,
    quality: {
      n,
      rss: result.rss,
      rSquared:
        distinct > 3 && tss > 0 && Number.isFinite(1 - result.rss / tss) ? 1 - result.rss / tss : null,
      determined: distinct === 3,
      rmse,
      iterations: result.iterations,
      converged: result.converged,
      atBound: result.atBound,
      standardErrors:
        standardErrors && Object.values(standardErrors).every(Number.isFinite) ? standardErrors : null,
    },
  });
}
