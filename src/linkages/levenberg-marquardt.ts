/**
 * Levenberg–Marquardt least squares for the three-parameter logistic s(τ) = K / (1 + exp(−r (τ − τ0)))
 * with an upper bound on K, used by `fitLinkageCurve`. Internal: not re-exported.
 *
 * Method: Marquardt's (1963) damped Gauss–Newton step (JᵀJ + λ diag(JᵀJ)) δ = Jᵀe, λ divided by 10
 * after a step that lowers the residual sum of squares and multiplied by 10 after one that does not.
 * When a step would take K above its bound, K is set to the bound and the step of r and τ0 is solved
 * with K's change moved to the right-hand side (an active-set projection). Start values come from the
 * linearised logit ln(y / (K0 − y)) = r (τ − τ0), fitted by ordinary least squares for a few candidate
 * ceilings K0 above the largest observation; the candidate with the lowest residual sum of squares
 * starts the iteration. The damped normal equations are solved with the kernels' LU
 * (`solveLinearSystem`), which refuses a system singular to working precision: such a step is
 * treated as a rejected one (more damping).
 *
 * @internal
 * @packageDocumentation
 */
import { solveLinearSystem } from '../io/kernels/index.js';

/** Parameters in the centred time scale τ = t − centre. */
export interface LogisticParameters {
  K: number;
  r: number;
  tau0: number;
}

/** What the fit reports. */
export interface LogisticFitResult {
  params: LogisticParameters;
  rss: number;
  iterations: number;
  converged: boolean;
  atBound: boolean;
  /** (JᵀJ)⁻¹ at the solution, or null when JᵀJ is singular. */
  inverseNormal: number[][] | null;
}

/** One trial step of the iteration, as {@link LogisticFitSettings.onTrial} sees it. */
export interface LogisticTrial {
  /** The iteration (from 1). */
  iteration: number;
  /** The damping λ of the trial. */
  lambda: number;
  /** The residual sum of squares at the trial point; `null` when the damped system has no solution. */
  rss: number | null;
  /** Whether the step was taken (it lowered the residual sum of squares). */
  accepted: boolean;
}

/** Settings of the iteration. */
export interface LogisticFitSettings {
  maxIterations: number;
  upperK: number;
  /** Sees every trial step, in order (for diagnostics and tests). */
  onTrial?: (trial: LogisticTrial) => void;
}

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

function residualSum(p: LogisticParameters, tau: readonly number[], y: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < tau.length; i++) {
    const e = y[i]! - p.K * logistic(p.r * (tau[i]! - p.tau0));
    s += e * e;
  }
  return s;
}

/** Normal matrix JᵀJ and gradient Jᵀe at p. */
function normalEquations(p: LogisticParameters, tau: readonly number[], y: readonly number[]) {
  const a = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const g = [0, 0, 0];
  for (let i = 0; i < tau.length; i++) {
    const d = tau[i]! - p.tau0;
    const s = logistic(p.r * d);
    const slope = p.K * s * (1 - s);
    const row = [s, slope * d, -slope * p.r];
    const e = y[i]! - p.K * s;
    for (let j = 0; j < 3; j++) {
      g[j] = g[j]! + row[j]! * e;
      const aj = a[j]!;
      for (let k = 0; k < 3; k++) aj[k] = aj[k]! + row[j]! * row[k]!;
    }
  }
  return { a, g };
}

/** Start values from the linearised logit, for a few candidate ceilings. */
export function startValues(
  tau: readonly number[],
  y: readonly number[],
  upperK: number,
): LogisticParameters {
  const ymax = Math.max(...y);
  const span = Math.max(...tau) - Math.min(...tau) || 1;
  const candidates = [1.05, 1.25, 1.5, 2, 3].map((f) => Math.min(upperK, f * ymax));
  let best: LogisticParameters = { K: Math.min(upperK, ymax), r: 4 / span, tau0: 0 };
  let bestRss = Number.POSITIVE_INFINITY;
  for (const K of new Set(candidates)) {
    let n = 0;
    let sx = 0;
    let sz = 0;
    let sxx = 0;
    let sxz = 0;
    for (let i = 0; i < tau.length; i++) {
      const yi = y[i]!;
      if (!(yi > 0 && yi < K)) continue;
      const x = tau[i]!;
      const z = Math.log(yi / (K - yi));
      n += 1;
      sx += x;
      sz += z;
      sxx += x * x;
      sxz += x * z;
    }
    const det = n * sxx - sx * sx;
    let r = 4 / span;
    let tau0 = 0;
    if (n >= 2 && det > 0) {
      const slope = (n * sxz - sx * sz) / det;
      const intercept = (sz - slope * sx) / n;
      if (slope !== 0 && Number.isFinite(slope)) {
        r = slope;
        tau0 = -intercept / slope;
      }
    }
    const p = { K, r, tau0 };
    const rss = residualSum(p, tau, y);
    if (rss < bestRss) {
      bestRss = rss;
      best = p;
    }
  }
  return best;
}

/** A step (ΔK, Δr, Δτ0). */
type Step = [dK: number, dr: number, dt: number];

/**
 * Proposes a damped step, or `null` when the damped normal equations have no solution; keeps K within
 * its bound by fixing it at the bound when the step crosses it.
 */
function proposeStep(
  p: LogisticParameters,
  a: number[][],
  g: number[],
  lambda: number,
  upperK: number,
): Step | null {
  const damped = a.map((row, j) => row.map((v, k) => (j === k ? v + lambda * Math.max(v, 1e-12) : v)));
  const full = solveLinearSystem(damped, g) as Step | null;
  if (full === null || p.K + full[0] <= upperK) return full;
  // K fixed at its bound: (r, τ0) from the last two equations, with K's change moved to the right.
  const dK = upperK - p.K;
  const [d1, d2] = [damped[1]!, damped[2]!];
  const reduced = solveLinearSystem(
    [
      [d1[1]!, d1[2]!],
      [d2[1]!, d2[2]!],
    ],
    [g[1]! - a[1]![0]! * dK, g[2]! - a[2]![0]! * dK],
  );
  return reduced === null ? null : [dK, reduced[0]!, reduced[1]!];
}

/** Fits the logistic to (tau, y) from `start`. */
export function fitLogistic(
  tau: readonly number[],
  y: readonly number[],
  start: LogisticParameters,
  settings: LogisticFitSettings,
): LogisticFitResult {
  let p = { ...start };
  let rss = residualSum(p, tau, y);
  let lambda = 1e-3;
  let iterations = 0;
  let converged = false;
  const tiny = 1e-300;
  while (iterations < settings.maxIterations) {
    iterations += 1;
    if (rss <= 1e-30 * tau.length) {
      converged = true;
      break;
    }
    const { a, g } = normalEquations(p, tau, y);
    let accepted = false;
    while (lambda <= 1e16) {
      const step = proposeStep(p, a, g, lambda, settings.upperK);
      const q = step === null ? null : { K: p.K + step[0], r: p.r + step[1], tau0: p.tau0 + step[2] };
      const next = q === null ? null : residualSum(q, tau, y);
      accepted = next !== null && next < rss;
      settings.onTrial?.({ iteration: iterations, lambda, rss: next, accepted });
      if (accepted) {
        const [dK, dr, dt] = step as Step;
        const small =
          Math.abs(dK) <= 1e-10 * (Math.abs(p.K) + 1e-10) &&
          Math.abs(dr) <= 1e-10 * (Math.abs(p.r) + 1e-10) &&
          Math.abs(dt) <= 1e-10 * (Math.abs(p.tau0) + 1);
        const flat = (rss - (next as number)) / Math.max(rss, tiny) <= 1e-15;
        p = q as LogisticParameters;
        rss = next as number;
        lambda = Math.max(lambda / 10, 1e-15);
        if (small || flat) converged = true;
        break;
      }
      lambda *= 10;
    }
    if (converged) break;
    if (!accepted) {
      // No step lowers the sum of squares: a stationary point (up to rounding) when the gradient of the
      // free parameters is negligible against the scale of the problem; not when the normal
      // equations overflowed (then no step could be solved for, and nothing is known of the gradient).
      const free = p.K >= settings.upperK ? [1, 2] : [0, 1, 2];
      converged = free.every((j) => {
        const scale = a[j]![j]! * rss;
        return Number.isFinite(scale) && Math.abs(g[j]!) <= 1e-8 * Math.sqrt(scale + tiny);
      });
      break;
    }
  }
  // (JᵀJ)⁻¹ column by column; JᵀJ is symmetric, so the columns are also its rows.
  const { a } = normalEquations(p, tau, y);
  const inverse = [0, 1, 2].map((j) =>
    solveLinearSystem(
      a,
      [0, 1, 2].map((k) => (k === j ? 1 : 0)),
    ),
  );
  return {
    params: p,
    rss,
    iterations,
    converged,
    atBound: p.K >= settings.upperK,
    inverseNormal: inverse.every((col) => col !== null) ? (inverse as number[][]) : null,
  };
}
