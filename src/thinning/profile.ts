import * as z from 'zod/mini';
import { IssueList, preview, quote, safeValidate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import type { Explanation } from '../core/explanation.js';
import { deepFreeze } from '../core/freeze.js';
import type { Period } from '../core/primitives.js';
import {
  knowledgeIntensityScale,
  type ThinningKind,
  ThinningObservation,
  ThinningOptions,
  type ThinningRuleId,
} from './model.js';
import { checkPeriods, decideStep, EPS, fmt, THINNING_SOURCES, thins } from './rules.js';

/** One classified transition between consecutive observations of a {@link ThinningProfile}. */
export interface ThinningTransition {
  /** The earlier period. */
  from: Period;
  /** The later period. */
  to: Period;
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
  /**
   * Whether the later observation's participant is an entrant (new to the chain with no record of
   * earlier activity and not flagged `incumbent`); `null` when the transition is not an entry.
   */
  entrant: boolean | null;
  /** The rule that decided the kind (see {@link ThinningRuleId}). */
  rule: ThinningRuleId;
  /** One sentence: the rule, the shares and, for an entry, why entrant or incumbent. */
  explanation: string;
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
  /** The highest share up to the start of the first thinning transition; `null` when the path never thins. */
  peakShareBeforeThinning: number | null;
  /**
   * For a path that thinned and then rebuilt: whether the last share reached
   * {@link ThinningProfile.peakShareBeforeThinning} within `stableTolerance` (Kaplinsky 2015: rebuilt
   * "seldom to import-substitution depth"); `null` otherwise.
   */
  rebuiltToPeak: boolean | null;
  /** Which transition set `overall`, the rule of every transition and the evidence read. */
  explanation: Explanation;
}

const FunctionList = z.array(z.string().check(z.minLength(1)));
const IntensityRanks = z.record(z.string().check(z.minLength(1)), z.number());

/**
 * The mean knowledge intensity of a set of functions on {@link knowledgeIntensityScale} (1 to 4,
 * ordinal; after Kaplinsky & Morris 2001 and Kaplinsky 2015), with `extra` ranks for other functions
 * or overriding the scale. Repeated functions count once.
 *
 * Function names are plain data: `constructor` or `toString` have no rank unless `extra` gives one.
 *
 * @param functions - the functions performed, e.g. `['assembly', 'design']`
 * @param extra - ranks of functions outside the standard scale, or overrides (finite numbers);
 *   `undefined` or `null` for none
 * @returns the mean rank, or `null` when `functions` is empty
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem with its path: a function with no
 *   rank (`functions[1]`), a value that is not an array of non-empty strings, a rank that is not a
 *   finite number (`extra.design`)
 * @example
 * ```ts
 * functionKnowledgeIntensity(['assembly', 'design']);
 * //=> 2.5
 * ```
 */
export function functionKnowledgeIntensity(
  functions: readonly string[],
  extra?: Readonly<Record<string, number>> | null,
): number | null {
  const summary = 'invalid functions';
  const issues = new IssueList();
  const list = safeValidate(FunctionList, functions, 'functions', summary);
  const ranks = safeValidate(IntensityRanks, extra ?? {}, 'extra', summary);
  if (!list.success) issues.addAll(list.error.issues);
  if (!ranks.success) issues.addAll(ranks.error.issues);
  issues.throwIfAny(summary);
  if (!list.success || !ranks.success) return null; // unreachable: thrown above
  const value = meanIntensity(list.data, rankMap(ranks.data), 'functions', 'extra', issues);
  issues.throwIfAny(summary);
  return value;
}

/** The standard scale overridden and extended by `extra`, as a map (names are plain data). */
function rankMap(extra: Readonly<Record<string, number>>): Map<string, number> {
  const ranks = new Map<string, number>(Object.entries(knowledgeIntensityScale));
  for (const [f, rank] of Object.entries(extra)) ranks.set(f, rank);
  return ranks;
}

function meanIntensity(
  functions: readonly string[],
  ranks: ReadonlyMap<string, number>,
  path: string,
  ranksName: string,
  issues: IssueList,
): number | null {
  const seen = new Set<string>();
  let sum = 0;
  functions.forEach((f, j) => {
    if (seen.has(f)) return;
    seen.add(f);
    const rank = ranks.get(f);
    if (rank === undefined) {
      issues.add(
        `${path}[${j}]`,
        `expected a standard stage function or one ranked in ${ranksName}, found ${quote(f)}`,
      );
      return;
    }
    sum += rank;
  });
  if (seen.size === 0) return null;
  // Ranks are finite but may be huge: the mean of the ranks divided first cannot overflow.
  const mean = sum / seen.size;
  if (Number.isFinite(mean)) return mean;
  let scaled = 0;
  for (const f of seen) scaled += (ranks.get(f) ?? 0) / seen.size;
  return scaled;
}

function comparePeriods(a: Period, b: Period): number {
  // Compared, not subtracted: 1e308 − (−1e308) would overflow to Infinity.
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/**
 * Classifies a participant's path of value-added shares by period as thinning and thickening
 * (Kaplinsky 2015). Observations are put in period order; each pair of consecutive observations
 * (a → b, Δ = b.valueAddedShare − a.valueAddedShare, τ = `stableTolerance`) is classified by the first
 * rule that applies:
 *
 * 1. T1 `thinning-in` — b is an entry (`newToChain: true`) at a share ≤ `entryShareMax` of an
 *    **entrant**: not flagged `incumbent`, and no observation before b shows a share above τ or any
 *    function (an entry on the first observation has no transition to classify: precede it with the
 *    pre-entry observation, e.g. a share of 0 and no functions);
 * 1b. T1b `thinning-out` — such an entry of an **incumbent** (flagged, or with earlier activity on
 *    record): an incumbent, typically an import-substituting firm with its own design and brand,
 *    pushed into a narrow niche of a global chain thins out even though the chain is new to it
 *    (Kaplinsky 2015; Kaplinsky & Morris 2016);
 * 2. T2 `stable` — |Δ| ≤ τ;
 * 3. T3 `thinning-out` — Δ < −τ (the incumbent's share falls; `functionsDropped` lists what it gave up —
 *    the share is the measure, so a fall with no function dropped is still thinning-out);
 * 4. T4 `rebuilding` — Δ > τ after an earlier thinning transition (T1, T1b or T3; with
 *    `rebuildingAfter: 'thinning-out'`, T1b or T3 only);
 * 5. T5 `thickening` — Δ > τ otherwise (`functionsAdded` lists new functions).
 *
 * Boundaries are inclusive as written, with a slack of 1e-12 for binary rounding. `withUpgrading`
 * (thinning with upgrading) is true when Δ < −τ and either value added per unit rose (both periods
 * state it) or the mean knowledge intensity of the functions rose ({@link knowledgeIntensityScale}).
 *
 * The whole path (`overall`) is the kind of its last transition that is not `stable` (`stable` when
 * every transition is): the phase the participant ends in. Since rising after thinning is
 * `rebuilding`, `thickening` overall means the path never thinned and `rebuilding` that it thinned and
 * then rebuilt. `peakShareBeforeThinning` and `rebuiltToPeak` say whether a rebuilt share came back
 * to its depth before thinning. Each transition names its `rule` and `explanation`; `entrant` tells
 * entrants from incumbents on an entry.
 *
 * @param observations - `[{ period, valueAddedShare, functions, valueAddedPerUnit?, newToChain?,
 *   incumbent? }]`, at least two, with distinct periods, all numbers or all strings
 * @param options - `{ stableTolerance?, entryShareMax?, knowledgeIntensity?, rebuildingAfter? }` (see
 *   {@link ThinningOptions}); `undefined` or `null` for the defaults
 * @returns `{ transitions, overall, netChange, kinds, peakShareBeforeThinning, rebuiltToPeak,
 *   explanation }`, deeply frozen
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem with its path
 *   (`observations[2].valueAddedShare`, `observations[1].functions[0]` for a function with no
 *   knowledge-intensity rank, `observations[3].period` for a repeated period or one of another type
 *   than the first, `options.stableTolerance`); `INSUFFICIENT_DATA` with fewer than two observations; `UNSUPPORTED`
 *   when a change of value added per unit overflows double precision (values near 1.8e308)
 * @example
 * ```ts
 * const profile = thinningProfile([
 *   { period: 1990, valueAddedShare: 0.6, functions: ['assembly', 'design', 'branding'] },
 *   { period: 2000, valueAddedShare: 0.2, functions: ['design', 'branding'] },
 *   { period: 2010, valueAddedShare: 0.35, functions: ['design', 'branding', 'services'] },
 * ]);
 * [profile.transitions.map((t) => [t.kind, t.withUpgrading]), profile.overall];
 * //=> [[['thinning-out', true], ['rebuilding', false]], 'rebuilding']
 *
 * // An incumbent import-substituting firm entering a global chain as an assembler thins out
 * // (illustrative shares):
 * thinningProfile([
 *   { period: 1985, valueAddedShare: 0.7, functions: ['component-manufacture', 'assembly', 'design', 'branding'] },
 *   { period: 1995, valueAddedShare: 0.08, functions: ['assembly'], newToChain: true },
 * ]).transitions.map((t) => [t.kind, t.rule, t.entrant]);
 * //=> [['thinning-out', 'T1b-incumbent-entry', false]]
 * ```
 */
export function thinningProfile(
  observations: ReadonlyArray<z.input<typeof ThinningObservation>>,
  options?: ThinningOptions | null,
): ThinningProfile {
  const summary = 'invalid thinning observations';
  const issues = new IssueList();
  const parsed = safeValidate(z.array(ThinningObservation), observations, 'observations', summary);
  const parsedOptions = safeValidate(ThinningOptions, options ?? {}, 'options', summary);
  if (!parsed.success) issues.addAll(parsed.error.issues);
  if (!parsedOptions.success) issues.addAll(parsedOptions.error.issues);
  issues.throwIfAny(summary);
  if (!parsed.success || !parsedOptions.success) throw new GvcError('INVALID_INPUT', summary); // unreachable
  const obs = parsed.data;
  const opts = parsedOptions.data;

  const ranks = rankMap(opts.knowledgeIntensity);
  const intensity = obs.map((o, i) =>
    meanIntensity(o.functions, ranks, `observations[${i}].functions`, 'options.knowledgeIntensity', issues),
  );
  checkPeriods(obs, 'observations', issues);
  issues.throwIfAny(summary);
  if (obs.length < 2) {
    throw new GvcError('INSUFFICIENT_DATA', 'cannot classify a thinning path', [
      { path: 'observations', message: `expected at least 2 observations, found ${obs.length}` },
    ]);
  }

  const order = obs.map((_, i) => i).sort((a, b) => comparePeriods(obs[a]?.period ?? 0, obs[b]?.period ?? 0));
  const tol = opts.stableTolerance;
  const transitions: ThinningTransition[] = [];
  const evidence: string[] = [];
  let thinned = false;
  let active = false; // some observation before b shows a share above τ or a function
  let peak: number | null = null;
  let runningMax = -Infinity;
  for (let k = 1; k < order.length; k++) {
    const ia = order[k - 1] as number;
    const ib = order[k] as number;
    const a = obs[ia] as ThinningObservation;
    const b = obs[ib] as ThinningObservation;
    const change = b.valueAddedShare - a.valueAddedShare;
    if (a.valueAddedShare > tol + EPS || a.functions.length > 0) active = true;
    runningMax = Math.max(runningMax, a.valueAddedShare);
    const entry = b.newToChain === true;
    const incumbent = b.incumbent === true || active;
    const decision = decideStep(
      {
        from: a.valueAddedShare,
        to: b.valueAddedShare,
        newToChain: entry,
        incumbent,
        thinnedBefore: thinned,
      },
      tol,
      opts.entryShareMax,
    );
    const kind = decision.kind;
    if (thins(decision.rule, opts.rebuildingAfter)) thinned = true;
    if (
      peak === null &&
      (decision.rule === 'T1-entrant-low-share' ||
        decision.rule === 'T1b-incumbent-entry' ||
        decision.rule === 'T3-share-fell')
    )
      peak = runningMax;
    evidence.push(`observations[${ib}].valueAddedShare`);
    if (entry) evidence.push(`observations[${ib}].newToChain`);
    if (entry && b.incumbent === true) evidence.push(`observations[${ib}].incumbent`);

    const kiFrom = intensity[ia] ?? null;
    const kiTo = intensity[ib] ?? null;
    const vaChange =
      a.valueAddedPerUnit !== undefined && b.valueAddedPerUnit !== undefined
        ? b.valueAddedPerUnit - a.valueAddedPerUnit
        : null;
    if (vaChange !== null && !Number.isFinite(vaChange)) {
      throw new GvcError('UNSUPPORTED', 'cannot classify a thinning path', [
        {
          path: `observations[${ib}].valueAddedPerUnit`,
          message: `expected a change of value added per unit within double precision, found ${preview(a.valueAddedPerUnit)} → ${preview(b.valueAddedPerUnit)}`,
        },
      ]);
    }
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
      entrant: entry ? !incumbent : null,
      rule: decision.rule,
      explanation: `${String(a.period)} → ${String(b.period)}: ${decision.explanation}`,
    });
  }

  const kinds: Record<ThinningKind, number> = {
    'thinning-in': 0,
    'thinning-out': 0,
    thickening: 0,
    rebuilding: 0,
    stable: 0,
  };
  for (const t of transitions) kinds[t.kind] += 1;
  const last = [...transitions].reverse().find((t) => t.kind !== 'stable');
  const firstObs = obs[order[0] as number] as ThinningObservation;
  const lastObs = obs[order[order.length - 1] as number] as ThinningObservation;
  const rebuilt = transitions.some((t) => t.kind === 'rebuilding');
  const rebuiltToPeak = peak !== null && rebuilt ? lastObs.valueAddedShare >= peak - tol - EPS : null;
  const notes = [
    `stableTolerance ${fmt(tol)} and entryShareMax ${fmt(opts.entryShareMax)}: gvckit's convention, no source gives a number`,
  ];
  if (rebuiltToPeak !== null)
    notes.push(
      `rebuilt to ${fmt(lastObs.valueAddedShare)} against a peak of ${fmt(peak ?? 0)} before thinning: ${rebuiltToPeak ? 'reached' : 'not reached'}`,
    );
  const overall = last?.kind ?? 'stable';
  const explanation: Explanation = {
    text: last
      ? `Overall ${overall}: set by the last transition that is not stable, ${last.explanation}`
      : 'Overall stable: every transition changed the share by at most the tolerance',
    rules: transitions.map((t) => t.rule),
    evidence: [...new Set(evidence)],
    notes,
    sources: [...THINNING_SOURCES],
  };
  return deepFreeze({
    transitions,
    overall,
    netChange: lastObs.valueAddedShare - firstObs.valueAddedShare,
    kinds,
    peakShareBeforeThinning: peak,
    rebuiltToPeak,
    explanation,
  });
}
