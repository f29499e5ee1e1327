import * as z from 'zod/mini';
import {
  DecompositionDepth,
  safeParseValueChain,
  type ValueChain,
  type ValueChainInput,
} from '../chains/index.js';
import { IssueList, preview, quote, safeValidate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { CountryCode, Id, Period } from '../core/primitives.js';
import { type ChainFacts, chainFacts, rankMap, total } from './chain-facts.js';
import { type ThinningObservation, ThinningOptions } from './model.js';
import { type ThinningProfile, thinningProfile } from './profile.js';
import { checkPeriods, EPS, fmt } from './rules.js';

/**
 * One snapshot of a value chain: the period it describes and the chain (validated as a `ValueChain`
 * by the functions that read it).
 *
 * @example
 * ```ts
 * ChainSnapshot.parse({ period: 2015, chain: {} }).period;
 * //=> 2015
 * ```
 */
export const ChainSnapshot = z.strictObject({ period: Period, chain: z.unknown() });
/** One snapshot of a value chain, as a caller passes it. */
export type ChainSnapshot = { period: Period; chain: ValueChainInput };

/**
 * Whose path {@link thinningFromChains} follows: an actor (`{ actor }`) or a country (`{ country }`).
 *
 * @example
 * ```ts
 * SnapshotSubject.parse({ country: 'GHA' });
 * //=> { country: 'GHA' }
 * ```
 */
export const SnapshotSubject = z.union(
  [z.strictObject({ actor: Id }), z.strictObject({ country: CountryCode })],
  {
    error: 'expected { actor: id } or { country: code }',
  },
);
/** Whose path {@link thinningFromChains} follows. */
export type SnapshotSubject = z.input<typeof SnapshotSubject>;

/**
 * Options of {@link thinningFromChains} and {@link compareChainSnapshots}: those of
 * {@link ThinningOptions} and `depth`, the decomposition the shares come from (`'full'`, the
 * default, or `'first-round'`, as `valueAddedShare`).
 *
 * @example
 * ```ts
 * SnapshotOptions.parse({ depth: 'first-round' }).depth;
 * //=> 'first-round'
 * ```
 */
export const SnapshotOptions = z.strictObject({
  ...ThinningOptions.shape,
  /** The decomposition the shares come from: `full` (default) or `first-round`. */
  depth: z._default(DecompositionDepth, 'full'),
});
/** Options of {@link thinningFromChains} and {@link compareChainSnapshots}. */
export type SnapshotOptions = z.input<typeof SnapshotOptions>;

/** The result of {@link thinningFromChains}: a thinning profile and the observations derived from the chains. */
export interface ChainThinningProfile extends ThinningProfile {
  /** The observation derived from each snapshot, in the order of the snapshots given. */
  observations: ThinningObservation[];
}

function comparePeriods(a: Period, b: Period): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/**
 * A participant's thinning path judged from snapshots of the chains themselves (Kaplinsky 2015;
 * Kaplinsky & Morris 2016): for each snapshot, in period order,
 * - `valueAddedShare`: the subject's share of the final value (as `valueAddedShare`, with `depth`); an
 *   actor absent from a snapshot holds 0;
 * - `functions`: the distinct functions of the subject's stages (an actor's; a country's), sorted;
 *   stages without a function are left out and named in the explanation's notes;
 * - `valueAddedPerUnit`: the share times the final stage's unit price;
 * - `newToChain`: present (a share above 0 or a stage) now and absent in the previous snapshot;
 *   `incumbent`: present in an earlier snapshot (the first snapshot is never an entry).
 *
 * These observations are then classified by the rules of {@link thinningProfile} (an entrant's
 * low-share entry is thinning-in, an incumbent's thinning-out, a rise thickening or rebuilding).
 *
 * @param snapshots - `[{ period, chain }]`, at least two, distinct periods all numbers or all strings
 * @param subject - `{ actor }` or `{ country }`
 * @param options - {@link SnapshotOptions}; `undefined` or `null` for the defaults
 * @returns the profile of {@link thinningProfile} and the derived `observations`, deeply frozen
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem with its path
 *   (`snapshots[1].chain.stages[0].id`, `snapshots[1].period` for a repeated period or one of another
 *   type, `snapshots[0].chain.stages[2].function` for a function without a knowledge-intensity rank,
 *   `subject`, `options.depth`); `NOT_FOUND` for an actor in no snapshot's chain (an actor absent from
 *   some snapshots holds 0 there); `INSUFFICIENT_DATA` with fewer than two snapshots; `UNSUPPORTED`
 *   when a final unit price is 0 or a share falls outside 0 to 1 (stages selling below cost)
 * @example
 * ```ts
 * import { cocoa, cocoaGhanaGrinding } from 'gvckit/data';
 *
 * // Ghana drew grinders into the country (Kaplinsky 2015): its share of the cocoa chain rises
 * const p = thinningFromChains(
 *   [{ period: 2015, chain: cocoa }, { period: 2016, chain: cocoaGhanaGrinding }],
 *   { country: 'GHA' },
 * );
 * [p.observations.map((o) => o.valueAddedShare), p.overall, p.transitions[0]?.functionsAdded];
 * //=> [[0.13, 0.206], 'thickening', ['processing']]
 * ```
 */
export function thinningFromChains(
  snapshots: ReadonlyArray<ChainSnapshot>,
  subject: SnapshotSubject,
  options?: SnapshotOptions | null,
): ChainThinningProfile {
  const summary = 'invalid chain snapshots';
  const issues = new IssueList();
  const list = issues.take(safeValidate(z.array(ChainSnapshot), snapshots, 'snapshots', summary));
  const who = issues.take(safeValidate(SnapshotSubject, subject, 'subject', summary));
  const opts = issues.take(safeValidate(SnapshotOptions, options ?? {}, 'options', summary));
  const chains: (ValueChain | undefined)[] = (list ?? []).map((s, i) =>
    issues.take(safeParseValueChain(s.chain), `snapshots[${i}].chain`),
  );
  checkPeriods(list ?? [], 'snapshots', issues);
  issues.throwIfAny(summary);
  if (list === undefined || who === undefined || opts === undefined)
    throw new GvcError('INVALID_INPUT', summary); // unreachable
  if (list.length < 2) {
    throw new GvcError('INSUFFICIENT_DATA', 'cannot follow a thinning path', [
      { path: 'snapshots', message: `expected at least 2 snapshots, found ${list.length}` },
    ]);
  }

  if (
    'actor' in who &&
    !chains.some(
      (c) => c?.actors.some((a) => a.id === who.actor) || c?.stages.some((st) => st.actor === who.actor),
    )
  ) {
    throw new GvcError('NOT_FOUND', 'actor not found', [
      {
        path: 'subject.actor',
        message: `expected an actor of at least one snapshot's chain, found ${quote(who.actor)}`,
      },
    ]);
  }
  const ranks = rankMap(opts.knowledgeIntensity);
  const facts: ChainFacts[] = chains.map((c, i) =>
    chainFacts(c as ValueChain, `snapshots[${i}].chain`, opts.depth, ranks, issues),
  );
  issues.throwIfAny(summary);

  const notes: string[] = [];
  const measured = facts.map((f, i) => {
    const held =
      'actor' in who ? total(f.byActorCountry.get(who.actor)) : (f.byCountry.get(who.country) ?? 0);
    const share = held / f.finalValue;
    if (!(share >= -EPS && share <= 1 + EPS)) {
      throw new GvcError('UNSUPPORTED', 'cannot follow a thinning path', [
        {
          path: `snapshots[${i}].chain`,
          message: `expected a share of the final value between 0 and 1, found ${preview(share)} (stages selling below cost)`,
        },
      ]);
    }
    const clamped = Math.min(1, Math.max(0, share));
    const functions =
      ('actor' in who ? f.actorFunctions.get(who.actor) : f.countryFunctions.get(who.country)) ?? [];
    const hasStage =
      'actor' in who ? f.actorsWithStage.has(who.actor) : f.countriesWithStage.has(who.country);
    if (f.unspecified.length > 0)
      notes.push(`stages without a function left out of the functions: ${f.unspecified.join(', ')}`);
    return { share: clamped, perUnit: clamped * f.finalValue, functions, present: clamped > 0 || hasStage };
  });
  const order = list
    .map((_, i) => i)
    .sort((a, b) => comparePeriods((list[a] as ChainSnapshot).period, (list[b] as ChainSnapshot).period));
  const observations: ThinningObservation[] = new Array(list.length);
  let seenBefore = false;
  order.forEach((i, k) => {
    const m = measured[i] as (typeof measured)[number];
    const prev = k > 0 ? measured[order[k - 1] as number] : undefined;
    const entry = prev !== undefined && m.present && !prev.present;
    observations[i] = {
      period: (list[i] as ChainSnapshot).period,
      valueAddedShare: m.share,
      functions: [...m.functions],
      valueAddedPerUnit: m.perUnit,
      ...(entry ? { newToChain: true, incumbent: seenBefore } : {}),
    };
    if (m.present) seenBefore = true;
  });

  const { depth: _depth, ...thinningOpts } = opts;
  let profile: ThinningProfile;
  try {
    profile = thinningProfile(observations, thinningOpts);
  } catch (e) {
    if (!(e instanceof GvcError)) throw e;
    throw new GvcError(
      e.code,
      'cannot follow a thinning path',
      e.issues.map((x) => ({
        path: x.path.replace(/^observations\[(\d+)\]/, 'snapshots[$1].chain'),
        message: x.message,
      })),
    );
  }
  const who1 = 'actor' in who ? `actor ${who.actor}` : `country ${who.country}`;
  return deepFreeze({
    ...profile,
    transitions: profile.transitions.map((t) => ({ ...t })),
    kinds: { ...profile.kinds },
    observations,
    explanation: {
      text: `${who1}, shares ${observations.map((o) => fmt(o.valueAddedShare)).join(', ')} by snapshot: ${profile.explanation.text}`,
      rules: [...profile.explanation.rules],
      evidence: [
        ...new Set(
          profile.explanation.evidence.map((p) =>
            p.replace(/^observations\[(\d+)\].*$/, 'snapshots[$1].chain'),
          ),
        ),
      ],
      notes: [
        ...profile.explanation.notes,
        `shares from the ${opts.depth} decomposition of each chain`,
        ...new Set(notes),
      ],
      sources: [...profile.explanation.sources],
    },
  });
}
