import { safeParseValueChain, type ValueChainInput } from '../chains/index.js';
import { IssueList, safeValidate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import type { Explanation } from '../core/explanation.js';
import { deepFreeze } from '../core/freeze.js';
import { type ChainFacts, chainFacts, meanRank, rankMap, total } from './chain-facts.js';
import type { ThinningKind, ThinningRuleId } from './model.js';
import { decideStep, EPS, fmt, THINNING_SOURCES } from './rules.js';
import { SnapshotOptions } from './snapshots.js';

/** How one actor or country changed between two chain snapshots ({@link compareChainSnapshots}). */
export interface SnapshotChange {
  /** The actor key (as `decomposeValueAdded().byActor`) or the country code. */
  key: string;
  /** Its share of the final value before. */
  shareBefore: number;
  /** Its share of the final value after. */
  shareAfter: number;
  /** `shareAfter − shareBefore`. */
  shareChange: number;
  /** `entrant` (only after), `incumbent` (in both) or `exit` (only before). */
  status: 'entrant' | 'incumbent' | 'exit';
  /** The thinning kind, or `exit` for one present before only. */
  kind: ThinningKind | 'exit';
  /** The rule that decided (see `ThinningRuleId`), or `X-exit`. */
  rule: ThinningRuleId | 'X-exit';
  /** Functions performed after only. */
  functionsAdded: string[];
  /** Functions performed before only. */
  functionsDropped: string[];
  /** The share fell while the mean knowledge intensity of the functions rose. */
  withUpgrading: boolean;
  /** One sentence: the status, the rule and the shares. */
  explanation: string;
}

/** One country's actors in {@link compareChainSnapshots}: entrants separated from incumbents. */
export interface CountryComposition {
  /** The country. */
  country: string;
  /** Actors with value added in the country after that had none anywhere in the chain before. */
  entrants: string[];
  /** Actors present in both chains with value added in the country after. */
  incumbents: string[];
  /** Actors with value added in the country before and none anywhere in the chain after. */
  exits: string[];
  /** Incumbents with value added in the country after but not before. */
  relocatedIn: string[];
  /** Actors present in both chains with value added in the country before but not after. */
  relocatedOut: string[];
  /** Entrants' value added in the country over the final value, after. */
  entrantsShare: number;
  /** Value added in the country before, over the final value, of the actors present in both chains. */
  incumbentsShareBefore: number;
  /** Value added in the country after, over the final value, of the actors present in both chains. */
  incumbentsShareAfter: number;
  /** Exits' value added in the country before over the final value. */
  exitsShare: number;
}

/** The result of {@link compareChainSnapshots}. */
export interface SnapshotComparison {
  /** Every country with value added in either chain, sorted by key. */
  byCountry: SnapshotChange[];
  /** Every actor key with value added in either chain, sorted by key. */
  byActor: SnapshotChange[];
  /** Per country, its entrants, incumbents, exits and relocations, with their shares. */
  composition: CountryComposition[];
  /** What the comparison found and the rules used. */
  explanation: Explanation;
}

function change(
  key: string,
  before: number | undefined,
  after: number | undefined,
  fnBefore: readonly string[],
  fnAfter: readonly string[],
  ranks: ReadonlyMap<string, number>,
  tol: number,
  entryShareMax: number,
): SnapshotChange {
  const shareBefore = before ?? 0;
  const shareAfter = after ?? 0;
  const status = before === undefined ? 'entrant' : after === undefined ? 'exit' : 'incumbent';
  const b = new Set(fnBefore);
  const a = new Set(fnAfter);
  const functionsAdded = fnAfter.filter((f) => !b.has(f));
  const functionsDropped = fnBefore.filter((f) => !a.has(f));
  if (status === 'exit') {
    return {
      key,
      shareBefore,
      shareAfter,
      shareChange: shareAfter - shareBefore,
      status,
      kind: 'exit',
      rule: 'X-exit',
      functionsAdded,
      functionsDropped,
      withUpgrading: false,
      explanation: `${key}: X-exit: value added before (share ${fmt(shareBefore)}), none after`,
    };
  }
  const d = decideStep(
    {
      from: shareBefore,
      to: shareAfter,
      newToChain: status === 'entrant',
      incumbent: false,
      thinnedBefore: false,
    },
    tol,
    entryShareMax,
  );
  const kiBefore = meanRank(fnBefore, ranks);
  const kiAfter = meanRank(fnAfter, ranks);
  const fell = shareAfter - shareBefore < -(tol + EPS);
  return {
    key,
    shareBefore,
    shareAfter,
    shareChange: shareAfter - shareBefore,
    status,
    kind: d.kind,
    rule: d.rule,
    functionsAdded,
    functionsDropped,
    withUpgrading: fell && kiBefore !== null && kiAfter !== null && kiAfter > kiBefore + EPS,
    explanation: `${key} (${status}): ${d.explanation}`,
  };
}

/**
 * Everyone at once: how each country and each actor changed between two snapshots of a chain, with
 * entrants separated from incumbents (Kaplinsky 2015; Kaplinsky & Morris 2016). Present means holding
 * value added in the chain (a key of `decomposeValueAdded().byActor` or `.byCountry`; stages without
 * an actor are `stage:<id>`, outside purchases `purchases:<country>`). An entrant is classified as an
 * entry (rule T1 `thinning-in` at a share at most `entryShareMax`, else T5 `thickening`), an incumbent
 * by the change of its share (T2 `stable`, T3 `thinning-out`, T5 `thickening`), one present before
 * only is an `exit`. A country can be an entrant while the firm that brought the value there is an
 * incumbent that relocated: `composition` separates them, with
 * `exitsShare + incumbentsShareBefore = shareBefore` and `entrantsShare + incumbentsShareAfter =
 * shareAfter` for each country.
 *
 * @param before - the earlier chain
 * @param after - the later chain
 * @param options - {@link SnapshotOptions}; `undefined` or `null` for the defaults
 * @returns `{ byCountry, byActor, composition, explanation }`, deeply frozen
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem with its path (`before.stages[0].id`,
 *   `after.stages[2].function` for a function without a knowledge-intensity rank, `options.depth`);
 *   `UNSUPPORTED` when a final unit price is 0
 * @example
 * ```ts
 * import { iphone3g } from 'gvckit/data';
 *
 * // Counterfactual: iPhone assembly first in Taiwan, then in China (Xing & Detert 2010)
 * const before = relocateStage(iphone3g, 'assembly', { country: 'TWN' });
 * const c = compareChainSnapshots(before, iphone3g);
 * c.byCountry.filter((x) => x.key === 'CHN').map((x) => [x.status, x.kind, x.shareAfter]);
 * //=> [['entrant', 'thinning-in', 0.013]]
 * ```
 */
export function compareChainSnapshots(
  before: ValueChainInput,
  after: ValueChainInput,
  options?: SnapshotOptions | null,
): SnapshotComparison {
  const summary = 'invalid chain snapshots';
  const issues = new IssueList();
  const b = issues.take(safeParseValueChain(before), 'before');
  const a = issues.take(safeParseValueChain(after), 'after');
  const opts = issues.take(safeValidate(SnapshotOptions, options ?? {}, 'options', summary));
  issues.throwIfAny(summary);
  if (b === undefined || a === undefined || opts === undefined) throw new GvcError('INVALID_INPUT', summary); // unreachable
  const ranks = rankMap(opts.knowledgeIntensity);
  const fb: ChainFacts = chainFacts(b, 'before', opts.depth, ranks, issues);
  const fa: ChainFacts = chainFacts(a, 'after', opts.depth, ranks, issues);
  issues.throwIfAny(summary);
  const tol = opts.stableTolerance;
  const sortedKeys = (x: Iterable<string>, y: Iterable<string>) => [...new Set([...x, ...y])].sort();

  const byCountry = sortedKeys(fb.byCountry.keys(), fa.byCountry.keys()).map((c) => {
    const vb = fb.byCountry.get(c);
    const va = fa.byCountry.get(c);
    return change(
      c,
      vb === undefined ? undefined : vb / fb.finalValue,
      va === undefined ? undefined : va / fa.finalValue,
      fb.countryFunctions.get(c) ?? [],
      fa.countryFunctions.get(c) ?? [],
      ranks,
      tol,
      opts.entryShareMax,
    );
  });
  const byActor = sortedKeys(fb.byActorCountry.keys(), fa.byActorCountry.keys()).map((k) => {
    const vb = fb.byActorCountry.get(k);
    const va = fa.byActorCountry.get(k);
    return change(
      k,
      vb === undefined ? undefined : total(vb) / fb.finalValue,
      va === undefined ? undefined : total(va) / fa.finalValue,
      fb.actorFunctions.get(k) ?? [],
      fa.actorFunctions.get(k) ?? [],
      ranks,
      tol,
      opts.entryShareMax,
    );
  });

  const composition: CountryComposition[] = byCountry.map(({ key: c }) => {
    const row: CountryComposition = {
      country: c,
      entrants: [],
      incumbents: [],
      exits: [],
      relocatedIn: [],
      relocatedOut: [],
      entrantsShare: 0,
      incumbentsShareBefore: 0,
      incumbentsShareAfter: 0,
      exitsShare: 0,
    };
    for (const k of sortedKeys(fb.byActorCountry.keys(), fa.byActorCountry.keys())) {
      const inBefore = fb.byActorCountry.get(k);
      const inAfter = fa.byActorCountry.get(k);
      const vb = inBefore?.get(c);
      const va = inAfter?.get(c);
      if (inBefore !== undefined && inAfter !== undefined) {
        if (va !== undefined) row.incumbents.push(k);
        if (va !== undefined && vb === undefined) row.relocatedIn.push(k);
        if (vb !== undefined && va === undefined) row.relocatedOut.push(k);
        row.incumbentsShareBefore += (vb ?? 0) / fb.finalValue;
        row.incumbentsShareAfter += (va ?? 0) / fa.finalValue;
      } else if (inAfter !== undefined && va !== undefined) {
        row.entrants.push(k);
        row.entrantsShare += va / fa.finalValue;
      } else if (inBefore !== undefined && vb !== undefined) {
        row.exits.push(k);
        row.exitsShare += vb / fb.finalValue;
      }
    }
    return row;
  });

  const entrants = byCountry.filter((x) => x.status === 'entrant').map((x) => x.key);
  const exits = byCountry.filter((x) => x.status === 'exit').map((x) => x.key);
  const relocated = [...new Set(composition.flatMap((r) => r.relocatedIn))].sort();
  const explanation: Explanation = {
    text:
      `Countries entering: ${entrants.length > 0 ? entrants.join(', ') : 'none'}; leaving: ${exits.length > 0 ? exits.join(', ') : 'none'}; ` +
      `incumbent actors relocated: ${relocated.length > 0 ? relocated.join(', ') : 'none'}`,
    rules: [...new Set([...byCountry, ...byActor].map((x) => x.rule))].sort(),
    evidence: ['before', 'after'],
    notes: [
      `stableTolerance ${fmt(tol)} and entryShareMax ${fmt(opts.entryShareMax)}: gvckit's convention, no source gives a number`,
      `shares from the ${opts.depth} decomposition of each chain; present means holding value added in the chain`,
      ...[...fb.unspecified, ...fa.unspecified].map(
        (p) => `${p} states no function: left out of the functions`,
      ),
    ],
    sources: [...THINNING_SOURCES],
  };
  return deepFreeze({ byCountry, byActor, composition, explanation });
}
