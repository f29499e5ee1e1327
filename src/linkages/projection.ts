import * as z from 'zod/mini';
import { IssueList } from '../core/boundary.js';
import { deepFreeze } from '../core/freeze.js';
import { requireFinite, validateArguments } from './validate.js';

/**
 * The parameters of a linkage curve that {@link projectLinkageCurve} reads from a fit (the result of
 * `fitLinkageCurve`, or parameters from elsewhere); other fields of the fit are ignored.
 *
 * @example
 * ```ts
 * LinkageCurveParameters.parse({ ceiling: 0.6, rate: 0.5, midpoint: 2010, coreThreshold: 0.6, lastPeriod: 2015 });
 * //=> { ceiling: 0.6, rate: 0.5, midpoint: 2010, coreThreshold: 0.6, lastPeriod: 2015 }
 * ```
 */
export const LinkageCurveParameters = z.object({
  /** K, in (0, 1]. */
  ceiling: z.number().check(z.gt(0), z.lte(1)),
  /** r, per period. */
  rate: z.number(),
  /** t0, the period of fastest growth. */
  midpoint: z.number(),
  /** The share above which value added is core-competence value added. */
  coreThreshold: z.number().check(z.gte(0), z.lte(1)),
  /** The last observed period: the default start of a policy. */
  lastPeriod: z.number(),
});
/** The parameters of a linkage curve. */
export type LinkageCurveParameters = z.output<typeof LinkageCurveParameters>;

/**
 * A projection scenario: the periods to project and the policy, applied from `start` (default the fit's
 * last observed period; before it the path is the market-led one):
 * - `speed`: a multiplier on the rate r (default 1; above 1 speeds the build-up of linkages, below 1
 *   slows it);
 * - `depth`: a change of the ceiling K (default 0; positive deepens linkages into the lead firms' core
 *   competences, negative lowers the ceiling and, when it falls below the share already reached,
 *   reverses linkages).
 *
 * @example
 * ```ts
 * LinkageScenario.parse({ periods: [2020, 2025], speed: 1.5 });
 * //=> { periods: [2020, 2025], speed: 1.5, depth: 0 }
 * ```
 */
export const LinkageScenario = z.strictObject({
  /** A name for the scenario (for charts and reports). */
  name: z.optional(z.string().check(z.minLength(1))),
  /** The periods to project. */
  periods: z.array(z.number()).check(z.minLength(1)),
  /** Multiplier on the rate r; > 0. */
  speed: z._default(z.number().check(z.gt(0)), 1),
  /** Change of the ceiling K; the new ceiling must stay within [0, 1]. */
  depth: z._default(z.number(), 0),
  /** The period from which the policy applies; default the fit's last observed period. */
  start: z.optional(z.number()),
});
/** A projection scenario. */
export type LinkageScenario = z.input<typeof LinkageScenario>;

/**
 * The policies a projection represents (Morris, Kaplinsky & Kaplan 2012; Kaplinsky 2015):
 * `market-led` (no policy), `speed` (faster build-up), `slow` (slower build-up or a lower ceiling
 * still above the share reached), `deepen` (a higher ceiling, into core competences) and `reverse` (a
 * ceiling below the share reached: linkages unwind, as in Tanzania, South Africa and Gabon).
 *
 * @example
 * ```ts
 * LinkagePolicy.options;
 * //=> ['market-led', 'speed', 'slow', 'deepen', 'reverse']
 * ```
 */
export const LinkagePolicy = z.enum(['market-led', 'speed', 'slow', 'deepen', 'reverse']);
/** A policy a projection represents. */
export type LinkagePolicy = z.output<typeof LinkagePolicy>;

/** One projected point. */
export interface LinkageProjectionPoint {
  /** The period. */
  period: number;
  /** The projected domestic share under the scenario. */
  domesticShare: number;
  /** The market-led (fitted) share in the same period. */
  baseline: number;
  /** The part of `domesticShare` up to the core threshold: non-core value added. */
  nonCore: number;
  /** The part of `domesticShare` above the core threshold: core-competence value added. */
  core: number;
}

/** The result of {@link projectLinkageCurve}. */
export interface LinkageProjection {
  /** The scenario's name, when given. */
  name?: string;
  /** The policies the scenario represents; `['market-led']` when it changes nothing. */
  policies: LinkagePolicy[];
  /** The period from which the policy applies. */
  start: number;
  /** The ceiling after `start`: K + depth. */
  ceiling: number;
  /** The rate after `start`: r × speed. */
  rate: number;
  /** The projected points, in the order of `scenario.periods`. */
  points: LinkageProjectionPoint[];
}

/** r × d, taking 0 × ∞ (a zero rate over a distance past double precision) as 0. */
const times = (r: number, d: number): number => (r === 0 || d === 0 ? 0 : r * d);

const logisticAt = (K: number, r: number, t0: number, t: number): number =>
  K / (1 + Math.exp(-times(r, t - t0)));

/**
 * Projects a fitted linkage curve under a policy scenario (Morris, Kaplinsky & Kaplan 2012; Kaplinsky
 * 2015). Before `start` the path is the market-led curve s(t) = K / (1 + exp(−r (t − t0))). From
 * `start`, with s₀ = s(start), K′ = K + depth and r′ = r × speed:
 * - if K′ > s₀, the share follows the logistic with ceiling K′ and rate r′ that passes through s₀ at
 *   `start`: s(t) = K′ / (1 + (K′ / s₀ − 1) exp(−r′ (t − start)));
 * - otherwise (a reversal, or a ceiling already reached) it decays exponentially towards K′ at rate
 *   |r′|: s(t) = K′ + (s₀ − K′) exp(−|r′| (t − start)).
 * The path is continuous at `start`. Each point is split at the fit's `coreThreshold` into non-core and
 * core-competence value added. The policies are read from the parameters: speed > 1 → `speed`;
 * speed < 1 → `slow`; depth > 0 → `deepen`; depth < 0 → `reverse` when K′ < s₀, else `slow`.
 *
 * @param fit - the fitted curve (`fitLinkageCurve`): `{ ceiling, rate, midpoint, coreThreshold, lastPeriod }`
 * @param scenario - `{ name?, periods, speed?, depth?, start? }`
 * @returns the {@link LinkageProjection}: its policies, ceiling, rate and points (deeply frozen)
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem of both arguments with its path
 *   (`fit.ceiling`, `scenario.depth` when K + depth leaves [0, 1], `scenario.speed` when r × speed
 *   overflows)
 * @example
 * ```ts
 * const fit = { ceiling: 0.5, rate: 1, midpoint: 0, coreThreshold: 0.5, lastPeriod: 0 };
 * const p = projectLinkageCurve(fit, { periods: [0, 100], depth: 0.3 });
 * [p.policies, p.points[1]?.domesticShare.toFixed(3), p.points[1]?.core.toFixed(3)];
 * //=> [['deepen'], '0.800', '0.300']
 * ```
 */
export function projectLinkageCurve(
  fit: z.input<typeof LinkageCurveParameters>,
  scenario: LinkageScenario,
): LinkageProjection {
  const [f, s] = validateArguments(
    'invalid linkage projection',
    [LinkageCurveParameters, fit, 'fit'],
    [LinkageScenario, scenario, 'scenario'],
  );
  const issues = new IssueList();
  const K2 = f.ceiling + s.depth;
  if (!(K2 >= 0 && K2 <= 1)) {
    issues.add(
      'scenario.depth',
      `expected a depth keeping the ceiling ${f.ceiling} + depth within [0, 1], found ${s.depth}`,
    );
  }
  const r2 = f.rate * s.speed;
  if (!Number.isFinite(r2)) {
    issues.add(
      'scenario.speed',
      `expected a speed keeping the rate ${f.rate} × speed finite, found ${s.speed}`,
    );
  }
  issues.throwIfAny('invalid linkage projection');
  const { ceiling: K, rate: r, midpoint: t0, coreThreshold: c, lastPeriod } = f;
  const { periods, speed, depth, start: startOption, name } = s;
  const start = startOption ?? lastPeriod;
  const s0 = logisticAt(K, r, t0, start);
  const policies: LinkagePolicy[] = [];
  if (speed > 1) policies.push('speed');
  if (speed < 1 || (depth < 0 && K2 >= s0)) policies.push('slow');
  if (depth > 0) policies.push('deepen');
  if (depth < 0 && K2 < s0) policies.push('reverse');
  const at = (t: number): number => {
    if (t <= start) return logisticAt(K, r, t0, t);
    const decay = Math.exp(-times(r2, t - start));
    if (K2 > s0) {
      if (s0 <= 0) return 0;
      // K′ / (1 + (K′/s₀ − 1) e^{−r′Δ}), written as K′ s₀ / (s₀ + (K′ − s₀) e^{−r′Δ}) so that a tiny s₀
      // (K′/s₀ overflowing) or a vanishing exponential never gives ∞ × 0.
      const tail = decay === 0 ? 0 : (K2 - s0) * decay;
      const denominator = s0 + tail;
      return Number.isFinite(denominator) ? (K2 * s0) / denominator : 0;
    }
    return K2 + (s0 - K2) * Math.exp(-times(Math.abs(r2), t - start));
  };
  const points = periods.map((period) => {
    const domesticShare = Math.min(1, Math.max(0, at(period)));
    return {
      period,
      domesticShare,
      baseline: logisticAt(K, r, t0, period),
      nonCore: Math.min(domesticShare, c),
      core: Math.max(0, domesticShare - c),
    };
  });
  for (const p of points)
    requireFinite([p.domesticShare, p.baseline], 'cannot project the linkage curve', 'scenario.periods');
  return deepFreeze({
    ...(name === undefined ? {} : { name }),
    policies: policies.length === 0 ? (['market-led'] as LinkagePolicy[]) : [...new Set(policies)],
    start,
    ceiling: K2,
    rate: r2,
    points,
  });
}
