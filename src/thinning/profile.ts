import { z } from 'zod';
import { GvcError, type GvcIssue } from '../core/errors.js';
import { fromZodIssues, gvcParseParams } from '../core/issues.js';
import type { EventPeriod } from '../upgrading/model.js';
import { knowledgeIntensityScale, ThinningKind, ThinningObservation, ThinningOptions } from './model.js';

/** Slack on share and intensity comparisons, so that binary rounding (0.31 − 0.30) meets a boundary. */
const EPS = 1e-12;

/** One classified transition between consecutive observations of a {@link ThinningProfile}. */
export interface ThinningTransition {
  /** The earlier period. */
  from: EventPeriod;
  /** The later period. */
  to: EventPeriod;
  /** The kind of the transition. */
  kind: ThinningKind;
  /** Whether the share fell while value added per unit, or the knowledge intensity of the functions, rose. */
  withUpgrading: boolean;
  /** The change of share, later minus earlier. */
  shareChange: number;
  /** Functions performed in the later period only. */
  functionsAdded: string[];
  /** Functions performed in the earlier period only. */
  functionsDropped: string[];
  /** Mean knowledge intensity of the functions in each period; `null` for a period with no functions. */
  knowledgeIntensity: { from: number | null; to: number | null };
  /** The change of value added per unit, when both periods state it; otherwise `null`. */
  valueAddedPerUnitChange: number | null;
}

/** The result of {@link thinningProfile}. */
export interface ThinningProfile {
  /** The transitions between consecutive observations, in period order. */
  transitions: ThinningTransition[];
  /** The whole path's classification: the kind of its last transition that is not stable, else `stable`. */
  overall: ThinningKind;
  /** The last share minus the first. */
  netChange: number;
  /** Number of transitions of each kind. */
  kinds: Record<ThinningKind, number>;
}

const params = gvcParseParams();

/**
 * The mean knowledge intensity of a set of functions on {@link knowledgeIntensityScale} (1 to 4,
 * ordinal; after Kaplinsky & Morris 2001 and Kaplinsky 2015), with `extra` ranks for other functions
 * or overriding the scale. Repeated functions count once.
 *
 * @param functions - the functions performed, e.g. `['assembly', 'design']`
 * @param extra - ranks of functions outside the standard scale, or overrides
 * @returns the mean rank, or `null` when `functions` is empty
 * @throws {@link GvcError} `INVALID_INPUT` naming each function with no rank (path `[i]`)
 * @example
 * ```ts
 * functionKnowledgeIntensity(['assembly', 'design']);
 * //=> 2.5
 * ```
 */
export function functionKnowledgeIntensity(
  functions: readonly string[],
  extra: Readonly<Record<string, number>> = {},
): number | null {
  const issues: GvcIssue[] = [];
  const value = meanIntensity(functions, extra, '', issues);
  if (issues.length > 0) throw new GvcError('INVALID_INPUT', 'invalid functions', issues);
  return value;
}

function meanIntensity(
  functions: readonly string[],
  extra: Readonly<Record<string, number>>,
  path: string,
  issues: GvcIssue[],
): number | null {
  const seen = new Set<string>();
  let sum = 0;
  functions.forEach((f, j) => {
    if (seen.has(f)) return;
    seen.add(f);
    const rank = Object.hasOwn(extra, f)
      ? extra[f]
      : (knowledgeIntensityScale as Readonly<Record<string, number>>)[f];
    if (rank === undefined) {
      issues.push({
        path: `${path}[${j}]`,
        message: `expected a standard stage function or one ranked in options.knowledgeIntensity, found ${JSON.stringify(f)}`,
      });
      return;
    }
    sum += rank;
  });
  return seen.size === 0 ? null : sum / seen.size;
}

function comparePeriods(a: EventPeriod, b: EventPeriod): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/**
 * Classifies a participant's path of value-added shares by period as thinning and thickening
 * (Kaplinsky 2015). Observations are put in period order; each pair of consecutive observations
 * (a → b, Δ = b.valueAddedShare − a.valueAddedShare, τ = `stableTolerance`) is classified by the first
 * rule that applies:
 *
 * 1. `thinning-in` — b is an entry (`newToChain: true`) at a share ≤ `entryShareMax` (an entry on the
 *    first observation has no transition to classify: precede it with the pre-entry observation, a
 *    share of 0 or the import-substitution share);
 * 2. `stable` — |Δ| ≤ τ;
 * 3. `thinning-out` — Δ < −τ (the incumbent's share falls; `functionsDropped` lists what it gave up —
 *    the share is the measure, so a fall with no function dropped is still thinning-out);
 * 4. `rebuilding` — Δ > τ after an earlier `thinning-in` or `thinning-out` transition;
 * 5. `thickening` — Δ > τ otherwise (`functionsAdded` lists new functions).
 *
 * Boundaries are inclusive as written, with a slack of 1e-12 for binary rounding. `withUpgrading`
 * (thinning with upgrading) is true when Δ < −τ and either value added per unit rose (both periods
 * state it) or the mean knowledge intensity of the functions rose ({@link knowledgeIntensityScale}).
 *
 * The whole path (`overall`) is the kind of its last transition that is not `stable` (`stable` when
 * every transition is): the phase the participant ends in. Since rising after thinning is
 * `rebuilding`, `thickening` overall means the path never thinned and `rebuilding` that it thinned and
 * then rebuilt.
 *
 * @param observations - `[{ period, valueAddedShare, functions, valueAddedPerUnit?, newToChain? }]`, at
 *   least two, with distinct periods, all numbers or all strings
 * @param options - `{ stableTolerance?, entryShareMax?, knowledgeIntensity? }` (see {@link ThinningOptions})
 * @returns `{ transitions, overall, netChange, kinds }`
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem with its path (`[2].valueAddedShare`,
 *   `[1].functions[0]` for a function with no knowledge-intensity rank, `[3].period` for a repeated
 *   period, `options.stableTolerance`); `INSUFFICIENT_DATA` with fewer than two observations
 * @example
 * ```ts
 * const profile = thinningProfile([
 *   { period: 1990, valueAddedShare: 0.6, functions: ['assembly', 'design', 'branding'] },
 *   { period: 2000, valueAddedShare: 0.2, functions: ['design', 'branding'] },
 *   { period: 2010, valueAddedShare: 0.35, functions: ['design', 'branding', 'services'] },
 * ]);
 * [profile.transitions.map((t) => [t.kind, t.withUpgrading]), profile.overall];
 * //=> [[['thinning-out', true], ['rebuilding', false]], 'rebuilding']
 * ```
 */
export function thinningProfile(
  observations: ReadonlyArray<z.input<typeof ThinningObservation>>,
  options: ThinningOptions = {},
): ThinningProfile {
  const issues: GvcIssue[] = [];
  const parsed = z.array(ThinningObservation).safeParse(observations, params);
  const parsedOptions = ThinningOptions.safeParse(options ?? {}, params);
  if (!parsed.success) issues.push(...fromZodIssues(parsed.error.issues));
  if (!parsedOptions.success)
    issues.push(
      ...fromZodIssues(parsedOptions.error.issues.map((i) => ({ ...i, path: ['options', ...i.path] }))),
    );
  if (!parsed.success || !parsedOptions.success)
    throw new GvcError('INVALID_INPUT', 'invalid thinning observations', issues);
  const obs = parsed.data;
  const opts = parsedOptions.data;

  const intensity = obs.map((o, i) =>
    meanIntensity(o.functions, opts.knowledgeIntensity, `[${i}].functions`, issues),
  );
  const kindOfPeriod = typeof obs[0]?.period;
  const seen = new Map<string, number>();
  obs.forEach((o, i) => {
    if (typeof o.period !== kindOfPeriod) {
      issues.push({
        path: `[${i}].period`,
        message: `expected a ${kindOfPeriod} period like [0].period, found ${JSON.stringify(o.period)}`,
      });
    }
    const key = `${typeof o.period}:${o.period}`;
    const first = seen.get(key);
    if (first !== undefined)
      issues.push({
        path: `[${i}].period`,
        message: `expected a distinct period, found ${JSON.stringify(o.period)} as at [${first}]`,
      });
    else seen.set(key, i);
  });
  if (issues.length > 0) throw new GvcError('INVALID_INPUT', 'invalid thinning observations', issues);
  if (obs.length < 2) {
    throw new GvcError('INSUFFICIENT_DATA', 'cannot classify a thinning path', [
      { path: '', message: `expected at least 2 observations, found ${obs.length}` },
    ]);
  }

  const order = obs.map((_, i) => i).sort((a, b) => comparePeriods(obs[a]?.period ?? 0, obs[b]?.period ?? 0));
  const tol = opts.stableTolerance;
  const transitions: ThinningTransition[] = [];
  let thinned = false;
  for (let k = 1; k < order.length; k++) {
    const ia = order[k - 1] as number;
    const ib = order[k] as number;
    const a = obs[ia] as ThinningObservation;
    const b = obs[ib] as ThinningObservation;
    const change = b.valueAddedShare - a.valueAddedShare;
    let kind: ThinningKind;
    if (b.newToChain === true && b.valueAddedShare <= opts.entryShareMax + EPS) kind = 'thinning-in';
    else if (Math.abs(change) <= tol + EPS) kind = 'stable';
    else if (change < 0) kind = 'thinning-out';
    else kind = thinned ? 'rebuilding' : 'thickening';
    if (kind === 'thinning-in' || kind === 'thinning-out') thinned = true;

    const kiFrom = intensity[ia] ?? null;
    const kiTo = intensity[ib] ?? null;
    const vaChange =
      a.valueAddedPerUnit !== undefined && b.valueAddedPerUnit !== undefined
        ? b.valueAddedPerUnit - a.valueAddedPerUnit
        : null;
    const shareFell = change < -(tol + EPS);
    const upgraded =
      (vaChange !== null && vaChange > 0) || (kiFrom !== null && kiTo !== null && kiTo > kiFrom + EPS);
    const before = new Set(a.functions);
    const after = new Set(b.functions);
    transitions.push({
      from: a.period,
      to: b.period,
      kind,
      withUpgrading: shareFell && upgraded,
      shareChange: change,
      functionsAdded: [...after].filter((f) => !before.has(f)),
      functionsDropped: [...before].filter((f) => !after.has(f)),
      knowledgeIntensity: { from: kiFrom, to: kiTo },
      valueAddedPerUnitChange: vaChange,
    });
  }

  const kinds = Object.fromEntries(ThinningKind.options.map((k) => [k, 0])) as Record<ThinningKind, number>;
  for (const t of transitions) kinds[t.kind] += 1;
  const last = [...transitions].reverse().find((t) => t.kind !== 'stable');
  const firstObs = obs[order[0] as number] as ThinningObservation;
  const lastObs = obs[order[order.length - 1] as number] as ThinningObservation;
  return {
    transitions,
    overall: last?.kind ?? 'stable',
    netChange: lastObs.valueAddedShare - firstObs.valueAddedShare,
    kinds,
  };
}
