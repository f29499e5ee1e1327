/**
 * The rents held in a chain (or listed on their own), aggregated by family, holder and outlook. It
 * reads value chains, so it lives with them: `rents/` is the rent model the chain model uses, and
 * depends on nothing of ours but `core/`.
 *
 * @packageDocumentation
 */
import { z } from 'zod';
import { IssueList, validate, validateOptions } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { Rent, type RentFamily, type RentOutlook, rentOutlook } from '../rents/index.js';
import type { ValueChainInput } from './model.js';
import { safeParseValueChain } from './parse.js';

/**
 * Options of {@link aggregateRents}.
 *
 * @example
 * ```ts
 * AggregateRentsOptions.parse({});
 * //=> { excludeMonopoly: true }
 * ```
 */
export const AggregateRentsOptions = z
  .object({
    /**
     * Leave monopoly rents out, as Kaplinsky (2015) does (default `true`); the number left out is
     * reported as `excludedMonopoly`.
     */
    excludeMonopoly: z.boolean().default(true),
  })
  .strict();
/** Options of {@link aggregateRents}, as a caller passes them: every field may be left out. */
export type AggregateRentsOptions = z.input<typeof AggregateRentsOptions>;

/** Counts of rents by outlook. */
export type OutlookCounts = Record<RentOutlook, number>;

/** One group of rents in {@link RentAggregate}: how many, and how many of each outlook. */
export interface RentGroup {
  /** Number of rents in the group. */
  count: number;
  /** Number of rents of each outlook (see {@link rentOutlook}). */
  outlooks: OutlookCounts;
}

/** The rents of one holder in {@link RentAggregate}. */
export interface HolderRents extends RentGroup {
  /** The holder's actor id, or `null` for rents whose holder is not stated. */
  holder: string | null;
  /** The holder's name, when a chain was given and lists the actor. */
  name?: string;
  /** Number of the holder's rents of each family. */
  families: Record<RentFamily, number>;
}

/** The result of {@link aggregateRents}. */
export interface RentAggregate {
  /** Number of rents counted (after any exclusion). */
  count: number;
  /** Number of monopoly rents left out (0 when `excludeMonopoly` is `false`). */
  excludedMonopoly: number;
  /** The rents counted, grouped by family. */
  byFamily: Record<RentFamily, RentGroup>;
  /** The rents counted, grouped by holder, in order of first appearance (unstated holder last). */
  byHolder: HolderRents[];
  /** The rents counted, by outlook. */
  outlooks: OutlookCounts;
}

const emptyOutlooks = (): OutlookCounts => ({ sustainable: 0, eroding: 0, absent: 0 });
const emptyFamilies = (): Record<RentFamily, number> => ({
  resource: 0,
  endogenous: 0,
  exogenous: 0,
  monopoly: 0,
});

/**
 * Aggregates rents by family and by holder, with the outlook of each (see {@link rentOutlook}). Takes
 * either an array of rents or a value chain, whose `rents` are used (a chain is validated whole; its
 * actors give the holders' names). Rents carry no amount in the model, so groups are counts. Monopoly
 * rents are left out by default, as Kaplinsky (2015) sets monopoly power aside.
 *
 * Reference: Kaplinsky, R. (2015) UNU-MERIT Working Paper 2015-027 (rent families); Kaplinsky, R. &
 * Morris, M. (2001) *A Handbook for Value Chain Research*.
 *
 * @param source - an array of rents, or a value chain
 * @param options - `{ excludeMonopoly }` (default `true`); `undefined` or `null` for the defaults
 * @returns counts by family, by holder and by outlook, and the number of monopoly rents left out
 *   (deeply frozen)
 * @throws {@link GvcError} `INVALID_INPUT` listing every invalid rent (paths such as
 *   `source[2].barriers`, or `source.rents[2].barriers` for a chain), every problem of a chain
 *   (`source.stages[0].id`, including its structure: unknown stages, cycles) or option
 *   (`options.excludeMonopoly`)
 * @example
 * ```ts
 * const r = aggregateRents([
 *   { family: 'resource', barriers: 'high', protected: true, holder: 'mine' },
 *   { family: 'monopoly', barriers: 'high', holder: 'mine' },
 * ]);
 * [r.count, r.excludedMonopoly, r.byFamily.resource.outlooks.sustainable];
 * //=> [1, 1, 1]
 * ```
 */
export function aggregateRents(
  source: ReadonlyArray<z.input<typeof Rent>> | ValueChainInput,
  options?: AggregateRentsOptions | null,
): RentAggregate {
  const parsedOptions = validateOptions(AggregateRentsOptions, options);
  let rents: Rent[];
  const names = new Map<string, string>();
  if (Array.isArray(source)) {
    rents = validate(z.array(Rent), source, 'source', 'invalid rents');
  } else {
    const issues = new IssueList();
    const parsed = issues.take(safeParseValueChain(source), 'source');
    issues.throwIfAny('invalid value chain');
    rents = parsed?.rents ?? [];
    for (const actor of parsed?.actors ?? []) names.set(actor.id, actor.name);
  }

  const { excludeMonopoly } = parsedOptions;
  const counted = excludeMonopoly ? rents.filter((r) => r.family !== 'monopoly') : rents;
  const byFamily: Record<RentFamily, RentGroup> = {
    resource: { count: 0, outlooks: emptyOutlooks() },
    endogenous: { count: 0, outlooks: emptyOutlooks() },
    exogenous: { count: 0, outlooks: emptyOutlooks() },
    monopoly: { count: 0, outlooks: emptyOutlooks() },
  };
  const holders = new Map<string | null, HolderRents>();
  const outlooks = emptyOutlooks();
  for (const rent of counted) {
    // The public rule (it checks the rent again, which cannot fail here): rents/ shares nothing else.
    const outlook = rentOutlook(rent);
    const key = rent.holder ?? null;
    let group = holders.get(key);
    if (group === undefined) {
      group = { holder: key, count: 0, outlooks: emptyOutlooks(), families: emptyFamilies() };
      const name = key === null ? undefined : names.get(key);
      if (name !== undefined) group.name = name;
      holders.set(key, group);
    }
    group.count += 1;
    group.outlooks[outlook] += 1;
    group.families[rent.family] += 1;
    byFamily[rent.family].count += 1;
    byFamily[rent.family].outlooks[outlook] += 1;
    outlooks[outlook] += 1;
  }
  const byHolder = [...holders.values()].sort(
    (a, b) => Number(a.holder === null) - Number(b.holder === null),
  );
  return deepFreeze({
    count: counted.length,
    excludedMonopoly: rents.length - counted.length,
    byFamily,
    byHolder,
    outlooks,
  });
}
