import * as z from 'zod/mini';
import { quote, validateOptions } from '../core/boundary.js';
import { GvcError, type GvcIssue } from '../core/errors.js';
import { solveLinearSystem } from '../io/kernels/index.js';
import { checkIdentity, shareBase } from './attribution.js';
import { finalResult, overflow } from './cache.js';
import { indexChain, parseChainAtBoundary, stagePath, unitRequirements, unitValueAdded } from './graph.js';
import { standardStageFunctions, type ValueChain, type ValueChainInput } from './model.js';

/**
 * Options of {@link smileCurve}.
 *
 * @example
 * ```ts
 * SmileCurveOptions.parse({ position: 'function' });
 * //=> { position: 'function' }
 * ```
 */
export const SmileCurveOptions = z.strictObject({
  /**
   * How stages are placed from upstream to downstream: `longest-path` (default), the number of
   * stages on the longest path from a source of the chain (a stage without chain inputs) to the
   * stage; or `function`, the index of the stage's function in `standardStageFunctions`.
   */
  position: z._default(z.enum(['longest-path', 'function']), 'longest-path'),
});
/** Options of {@link smileCurve}, as a caller passes them: every field may be left out. */
export type SmileCurveOptions = z.input<typeof SmileCurveOptions>;

/** One stage on the smile curve. */
export interface SmileStage {
  /** Stage id. */
  stage: string;
  /** The stage's function, if stated. */
  function?: string;
  /** Position from upstream (0) to downstream. */
  position: number;
  /** Value added per unit of the stage's own output. */
  valueAddedPerUnit: number;
  /** Value added per unit of the final product (unit requirement times `valueAddedPerUnit`). */
  valueAdded: number;
  /** `valueAdded / finalValue`. */
  share: number;
}

/** The stages at one position, summed. */
export interface SmilePosition {
  /** Position from upstream (0) to downstream. */
  position: number;
  /** Value added per unit of the final product of the stages at this position. */
  valueAdded: number;
  /** Their share of the final value. */
  share: number;
  /** The stages at this position. */
  stages: string[];
}

/** A least-squares quadratic `share = a · position² + b · position + c`. */
export interface QuadraticFit {
  /** Coefficient of `position²`: positive when the curve is convex (smiles). */
  a: number;
  /** Coefficient of `position`. */
  b: number;
  /** Intercept. */
  c: number;
  /**
   * Coefficient of determination, 1 − SS_res / SS_tot (1 when the shares are all equal). With
   * three positions it is 1 by construction (see {@link QuadraticFit.determined}): it then says
   * nothing about the shape, and the smile chart does not report it.
   */
  rSquared: number;
  /** `a > 0`: value added is higher at both ends than in the middle. */
  smiles: boolean;
  /** The number of positions fitted. */
  n: number;
  /**
   * Whether there are exactly three positions, as many as the quadratic's coefficients: the curve
   * then passes through every point, determined by them rather than estimated from them.
   */
  determined: boolean;
}

/** The result of {@link smileCurve}. */
export interface SmileCurve {
  /** Unit price of the final product. */
  finalValue: number;
  /** The chain's currency. */
  currency: string;
  /** How positions were assigned. */
  positioning: z.output<typeof SmileCurveOptions>['position'];
  /** Contributing stages, sorted by position then chain order. */
  stages: SmileStage[];
  /** Value added share by position, upstream to downstream. */
  byPosition: SmilePosition[];
  /**
   * The quadratic fitted to `byPosition` (share against position), or `null` with fewer than 3
   * positions (or, in theory, positions too far apart for the fit to be solved in double precision).
   */
  fit: QuadraticFit | null;
}

type ChainStage = ValueChain['stages'][number];

/** Least-squares quadratic through the points, on centred x for conditioning (normal equations, 3×3). */
function fitQuadratic(xs: number[], ys: number[]): QuadraticFit | null {
  const m = xs.length;
  let mean = 0;
  for (const x of xs) mean += x / m;
  // sums of powers of centred x, and of y times them
  const s = [0, 0, 0, 0, 0];
  const t = [0, 0, 0];
  for (let i = 0; i < m; i++) {
    const x = (xs[i] as number) - mean;
    const y = ys[i] as number;
    let p = 1;
    for (let k = 0; k <= 4; k++) {
      s[k] = (s[k] as number) + p;
      if (k <= 2) t[k] = (t[k] as number) + p * y;
      p *= x;
    }
  }
  // The normal equations [[s4 s3 s2] [s3 s2 s1] [s2 s1 s0]] · [A B C] = [t2 t1 t0], solved by the
  // kernels' LU factorisation; null when they are singular to working precision.
  const [s0, s1, s2, s3, s4] = s as [number, number, number, number, number];
  const [t0, t1, t2] = t as [number, number, number];
  const sol = solveLinearSystem(
    [
      [s4, s3, s2],
      [s3, s2, s1],
      [s2, s1, s0],
    ],
    [t2, t1, t0],
  );
  if (sol === null) return null;
  const [A, B, C] = sol as [number, number, number];
  // back from centred x: A(x − μ)² + B(x − μ) + C
  const a = A;
  const b = B - 2 * A * mean;
  const c = A * mean * mean - B * mean + C;
  let yMean = 0;
  for (const y of ys) yMean += y / m;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < m; i++) {
    const x = (xs[i] as number) - mean;
    const y = ys[i] as number;
    const e = y - (A * x * x + B * x + C);
    ssRes += e * e;
    ssTot += (y - yMean) * (y - yMean);
  }
  // Numerical zero: rounding leaves |a| ~ 1e-17 on a straight line; snap below 1e-12 of the largest share.
  let yMax = 0;
  for (const y of ys) yMax = Math.max(yMax, Math.abs(y));
  const eps = 1e-12 * yMax;
  const snap = (v: number) => (Math.abs(v) <= eps ? 0 : v);
  const rSquared = ssTot <= eps * eps * m ? 1 : 1 - ssRes / ssTot;
  const aa = snap(a);
  const fit = { a: aa, b: snap(b), c: snap(c), rSquared, smiles: aa > 0, n: m, determined: m === 3 };
  // A system too ill-conditioned to solve in double precision has no fit, rather than a NaN one.
  return [fit.a, fit.b, fit.c, fit.rSquared].every(Number.isFinite) ? fit : null;
}

/**
 * Smile-curve data of a chain: value added per unit and share of the final value of every stage by
 * its position from upstream to downstream, summed by position, with a least-squares quadratic of
 * share against position whose sign says whether the curve smiles (Shih's "smile curve" of the
 * 1990s, as used by Mudambi 2008 and Baldwin, Ito & Sato 2014: value added high in upstream R&D and
 * design and downstream marketing and brands, low in the middle, in manufacturing and assembly).
 *
 * Values are those of the full {@link decomposeValueAdded}; outside purchases have no position and are
 * left out of the curve. Positions: `longest-path` (default) counts the stages on the longest path
 * from a source of the chain, so parallel components share a position; `function` uses the order of
 * `standardStageFunctions` (growing/extraction 0 … services 10) and needs every contributing stage to
 * state a standard function. The fit is over `byPosition` and needs at least 3 positions (else `null`);
 * coefficients within 1e-12 of zero (relative to the largest share) are reported as 0, so a straight
 * line (`a = 0`) neither smiles nor frowns.
 *
 * Shares need a positive final value: a final unit price of 0 raises `UNSUPPORTED` at the final
 * stage's `unitPrice`, as in {@link decomposeValueAdded}. The result is deep-frozen.
 *
 * @param chain - the value chain (validated: `INVALID_INPUT` lists every problem)
 * @param options - `position`: `longest-path` or `function`
 * @returns the stages, shares by position and the fitted quadratic, deep-frozen
 * @throws {@link GvcError} `INVALID_INPUT` for an invalid chain or options (paths rooted at `chain`
 *   and `options`), `UNSUPPORTED` when positions by function are asked and a contributing stage
 *   states no standard function (`chain.stages[i].function`), when the final unit price is 0, or
 *   when amounts overflow,
 *   `ACCOUNTING_MISMATCH` when the decomposition does not balance
 * @example
 * ```ts
 * const stage = (id: string, p: number, input?: string) => ({ id, name: id, country: 'CHN',
 *   output: { unit: 'u', unitPrice: p }, inputs: input ? [{ stage: input, quantity: 1 }] : [] });
 * const chain = parseValueChain({ id: 'c', name: 'C', family: 'additive', currency: 'USD', finalStage: 'sell',
 *   stages: [stage('design', 3), stage('make', 4, 'design'), stage('sell', 7, 'make')] });
 * smileCurve(chain).fit?.smiles;
 * //=> true
 * ```
 */
export function smileCurve(chain: ValueChainInput, options?: SmileCurveOptions): SmileCurve {
  const parsed = parseChainAtBoundary(chain);
  const opts = validateOptions(SmileCurveOptions, options);
  const index = indexChain(parsed);
  const { n, order, inStart, inStage, purchases } = index;
  const r = unitRequirements(index);
  const va = unitValueAdded(index);
  const finalValue = shareBase(index); // UNSUPPORTED at the final unitPrice when it is 0
  const stages = parsed.stages;

  const position = new Float64Array(n);
  if (opts.position === 'longest-path') {
    for (let t = 0; t < n; t++) {
      const s = order[t] as number;
      let p = 0;
      for (let k = inStart[s] as number; k < (inStart[s + 1] as number); k++) {
        p = Math.max(p, (position[inStage[k] as number] as number) + 1);
      }
      position[s] = p;
    }
  } else {
    const standard: readonly string[] = standardStageFunctions;
    const issues: GvcIssue[] = [];
    for (let s = 0; s < n; s++) {
      const f = (stages[s] as ChainStage).function;
      const i = f === undefined ? -1 : standard.indexOf(f);
      if (i < 0 && (r[s] as number) > 0) {
        issues.push({
          path: stagePath(index, s, '.function'),
          message: `expected one of the standard functions (${standard.join(', ')}), found ${f === undefined ? 'none' : quote(f)}`,
        });
      }
      position[s] = i;
    }
    if (issues.length > 0)
      throw new GvcError('UNSUPPORTED', 'positions by function need standard functions', issues);
  }

  const points: SmileStage[] = [];
  const byPos = new Map<number, SmilePosition>();
  let total = 0;
  for (let s = 0; s < n; s++) {
    const rs = r[s] as number;
    total += rs * (purchases[s] as number);
    if (rs === 0) continue;
    const stage = stages[s] as ChainStage;
    const v = rs * (va[s] as number);
    total += v;
    const p = position[s] as number;
    const point: SmileStage = {
      stage: stage.id,
      position: p,
      valueAddedPerUnit: va[s] as number,
      valueAdded: v,
      share: v / finalValue,
    };
    if (stage.function !== undefined) point.function = stage.function;
    points.push(point);
    const g = byPos.get(p) ?? { position: p, valueAdded: 0, share: 0, stages: [] };
    g.valueAdded += v;
    g.share = g.valueAdded / finalValue;
    g.stages.push(stage.id);
    byPos.set(p, g);
  }
  if (!Number.isFinite(total)) throw overflow('chain', ' in the sum of the value added');
  checkIdentity('value-added decomposition', total, finalValue, 1e-9, parsed.currency);
  points.sort((x, y) => x.position - y.position);
  const byPosition = [...byPos.values()].sort((x, y) => x.position - y.position);
  const fit =
    byPosition.length >= 3
      ? fitQuadratic(
          byPosition.map((g) => g.position),
          byPosition.map((g) => g.share),
        )
      : null;
  return finalResult(
    { finalValue, currency: parsed.currency, positioning: opts.position, stages: points, byPosition, fit },
    'chain',
  );
}
