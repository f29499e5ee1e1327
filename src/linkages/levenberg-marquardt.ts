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
 * starts the iteration.
 *
 * @internal
 */

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

/** Settings of the iteration. */
export interface LogisticFitSettings {
  maxIterations: number;
  upperK: number;
}

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/** The model's values at `tau`. */
export function logisticValues(p: LogisticParameters, tau: readonly number[]): number[] {
  return tau.map((t) => p.K * logistic(p.r * (t - p.tau0)));
}

function residualSum(p: LogisticParameters, tau: readonly number[], y: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < tau.length; i++) {
    const e = (y[i] ?? 0) - p.K * logistic(p.r * ((tau[i] ?? 0) - p.tau0));
    s += e * e;
  }
  return s;
}

/**
 * Solves the small dense system A x = b by Gaussian elimination with partial pivoting; returns null
 * when a pivot is zero or not finite.
 */
export function solveSmall(a: readonly (readonly number[])[], b: readonly number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[piv]?.[c] ?? 0)) piv = r;
    const pivotRow = m[piv];
    const current = m[c];
    if (!pivotRow || !current) return null;
    m[c] = pivotRow;
    m[piv] = current;
    const p = pivotRow[c] ?? 0;
    if (p === 0 || !Number.isFinite(p)) return null;
    for (let r = c + 1; r < n; r++) {
      const row = m[r];
      if (!row) return null;
      const f = (row[c] ?? 0) / p;
      for (let k = c; k <= n; k++) row[k] = (row[k] ?? 0) - f * (pivotRow[k] ?? 0);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = m[r];
    if (!row) return null;
    let s = row[n] ?? 0;
    for (let k = r + 1; k < n; k++) s -= (row[k] ?? 0) * (x[k] ?? 0);
    x[r] = s / (row[r] ?? 1);
  }
  return x.every(Number.isFinite) ? x : null;
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
    const d = (tau[i] ?? 0) - p.tau0;
    const s = logistic(p.r * d);
    const slope = p.K * s * (1 - s);
    const row = [s, slope * d, -slope * p.r];
    const e = (y[i] ?? 0) - p.K * s;
    for (let j = 0; j < 3; j++) {
      g[j] = (g[j] ?? 0) + (row[j] ?? 0) * e;
      const aj = a[j] as number[];
      for (let k = 0; k < 3; k++) aj[k] = (aj[k] ?? 0) + (row[j] ?? 0) * (row[k] ?? 0);
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
  let best: LogisticParameters | null = null;
  let bestRss = Number.POSITIVE_INFINITY;
  for (const K of new Set(candidates)) {
    let n = 0;
    let sx = 0;
    let sz = 0;
    let sxx = 0;
    let sxz = 0;
    for (let i = 0; i < tau.length; i++) {
      const yi = y[i] ?? 0;
      if (!(yi > 0 && yi < K)) continue;
      const x = tau[i] ?? 0;
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
  return best ?? { K: Math.min(upperK, ymax), r: 4 / span, tau0: 0 };
}

/** Proposes a damped step; keeps K within its bound by fixing it at the bound when the step crosses it. */
function proposeStep(p: LogisticParameters, a: number[][], g: number[], lambda: number, upperK: number) {
  const damped = a.map((row, j) => row.map((v, k) => (j === k ? v + lambda * Math.max(v, 1e-12) : v)));
  const full = solveSmall(damped, g);
  if (full === null) return null;
  if (p.K + (full[0] ?? 0) <= upperK) return full;
  const dK = upperK - p.K;
  const reduced = solveSmall(
    [
      [damped[1]?.[1] ?? 0, damped[1]?.[2] ?? 0],
      [damped[2]?.[1] ?? 0, damped[2]?.[2] ?? 0],
    ],
    [(g[1] ?? 0) - (a[1]?.[0] ?? 0) * dK, (g[2] ?? 0) - (a[2]?.[0] ?? 0) * dK],
  );
  return reduced === null ? null : [dK, reduced[0] ?? 0, reduced[1] ?? 0];
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
      if (step !== null) {
        const q = { K: p.K + (step[0] ?? 0), r: p.r + (step[1] ?? 0), tau0: p.tau0 + (step[2] ?? 0) };
        const next = residualSum(q, tau, y);
        if (Number.isFinite(next) && next < rss) {
          const small =
            Math.abs(step[0] ?? 0) <= 1e-10 * (Math.abs(p.K) + 1e-10) &&
            Math.abs(step[1] ?? 0) <= 1e-10 * (Math.abs(p.r) + 1e-10) &&
            Math.abs(step[2] ?? 0) <= 1e-10 * (Math.abs(p.tau0) + 1);
          const flat = (rss - next) / Math.max(rss, tiny) <= 1e-15;
          p = q;
          rss = next;
          lambda = Math.max(lambda / 10, 1e-15);
          accepted = true;
          if (small || flat) converged = true;
          break;
        }
      }
      lambda *= 10;
    }
    if (converged) break;
    if (!accepted) {
      // No step lowers the sum of squares: a stationary point (up to rounding) when the gradient of the
      // free parameters is negligible against the scale of the problem.
      const free = p.K >= settings.upperK ? [1, 2] : [0, 1, 2];
      converged = free.every((j) => Math.abs(g[j] ?? 0) <= 1e-8 * Math.sqrt((a[j]?.[j] ?? 0) * rss + tiny));
      break;
    }
  }
  const { a } = normalEquations(p, tau, y);
  const inverse: number[][] = [];
  for (let j = 0; j < 3; j++) {
    const col = solveSmall(
      a,
      [0, 1, 2].map((k) => (k === j ? 1 : 0)),
    );
    if (col === null) break;
    inverse.push(col);
  }
  return {
    params: p,
    rss,
    iterations,
    converged,
    atBound: p.K >= settings.upperK,
    inverseNormal: inverse.length === 3 ? inverse : null,
  };
}
