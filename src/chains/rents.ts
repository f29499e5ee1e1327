/**
 * The rents held in a chain (or listed on their own), aggregated by family, holder and outlook. It
 * reads value chains, so it lives with them: `rents/` is the rent model the chain model uses, and
 * depends on nothing of ours but `core/`.
 *
 * @packageDocumentation
 */
import * as z from 'zod/mini';
import { IssueList, validate, validateOptions } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import type { Explanation } from '../core/explanation.js';
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
export const AggregateRentsOptions = z.strictObject({
  /**
   * Leave monopoly rents out, as Kaplinsky (2015) does (default `true`); the number left out is
   * reported as `excludedMonopoly`.
   */
  excludeMonopoly: z._default(z.boolean(), true),
});
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
  /** Sum of the stated `amount`s of the group's rents (0 if none states one). */
  amount: number;
  /** How many of the group's rents state an `amount`. */
  withAmount: number;
}

/** The rents of one holder in {@link RentAggregate}. */
export interface HolderRents extends RentGroup {
  /** The holder's actor id, or `null` for rents whose holder is not stated. */
  holder: string | null;
  /** The holder's name, when a chain was given and lists the actor. */
  name?: string;
  /** Number of the holder's rents of each family. */
  families: Record<RentFamily, number>;
  /** The holder's country, when a chain was given and lists the actor. */
  country?: string;
}

/** The rents of one country in {@link RentAggregate.byCountry}. */
export interface CountryRentGroup extends RentGroup {
  /** The holders' country, or `null` for rents whose holder's country is not known. */
  country: string | null;
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
  /** The rents counted, by their holders' country (from the chain's actors), unknown (`null`) last. */
  byCountry: CountryRentGroup[];
  /** What was counted and what was left out. */
  explanation: Explanation;
}

const emptyOutlooks = (): OutlookCounts => ({ sustainable: 0, eroding: 0, absent: 0 });
const emptyGroup = (): RentGroup => ({ count: 0, outlooks: emptyOutlooks(), amount: 0, withAmount: 0 });
const emptyFamilies = (): Record<RentFamily, number> => ({
  resource: 0,
  endogenous: 0,
  exogenous: 0,
  monopoly: 0,
});

/**
 * Aggregates rents by family and by holder, with the outlook of each (see {@link rentOutlook}). Takes
 * either an array of rents or a value chain, whose `rents` are used (a chain is validated whole; its
 * actors give the holders' names and countries). Groups are counts, with the sum of the amounts the
 * rents state (`measureRents` measures them from a chain instead). Monopoly
 * rents are left out by default, as Kaplinsky (2015) sets monopoly power aside.
 *
 * Reference: Kaplinsky, R. (2015) UNU-MERIT Working Paper 2015-027 (rent families); Kaplinsky, R. &
 * Morris, M. (2001) *A Handbook for Value Chain Research*.
 *
 * @param source - an array of rents, or a value chain
 * @param options - `{ excludeMonopoly }` (default `true`); `undefined` or `null` for the defaults
 * @returns counts (and sums of stated amounts) by family, by holder, by holder country and by
 *   outlook, the number of monopoly rents left out, and an explanation (deeply frozen)
 * @throws {@link GvcError} `INVALID_INPUT` listing every invalid rent (paths such as
 *   `source[2].barriers`, or `source.rents[2].barriers` for a chain), every problem of a chain
 *   (`source.stages[0].id`, including its structure: unknown stages, cycles) or option
 *   (`options.excludeMonopoly`); `UNSUPPORTED` when the stated amounts' sums overflow
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
  const countries = new Map<string, string>();
  if (Array.isArray(source)) {
    rents = validate(z.array(Rent), source, 'source', 'invalid rents');
  } else {
    const issues = new IssueList();
    const parsed = issues.take(safeParseValueChain(source), 'source');
    issues.throwIfAny('invalid value chain');
    rents = parsed?.rents ?? [];
    for (const actor of parsed?.actors ?? []) {
      names.set(actor.id, actor.name);
      if (actor.country !== undefined) countries.set(actor.id, actor.country);
    }
  }

  const { excludeMonopoly } = parsedOptions;
  const counted = excludeMonopoly ? rents.filter((r) => r.family !== 'monopoly') : rents;
  const byFamily: Record<RentFamily, RentGroup> = {
    resource: emptyGroup(),
    endogenous: emptyGroup(),
    exogenous: emptyGroup(),
    monopoly: emptyGroup(),
  };
  const byCountry = new Map<string | null, CountryRentGroup>();
  const holders = new Map<string | null, HolderRents>();
  const outlooks = emptyOutlooks();
  for (const rent of counted) {
    // The public rule (it checks the rent again, which cannot fail here): rents/ shares nothing else.
    const outlook = rentOutlook(rent);
    const key = rent.holder ?? null;
    let group = holders.get(key);
    if (group === undefined) {
      group = { holder: key, ...emptyGroup(), families: emptyFamilies() };
      const name = key === null ? undefined : names.get(key);
      if (name !== undefined) group.name = name;
      const country = key === null ? undefined : countries.get(key);
      if (country !== undefined) group.country = country;
      holders.set(key, group);
    }
    const countryKey = group.country ?? null;
    let countryGroup = byCountry.get(countryKey);
    if (countryGroup === undefined) {
      countryGroup = { country: countryKey, ...emptyGroup() };
      byCountry.set(countryKey, countryGroup);
    }
    for (const g of [group, byFamily[rent.family], countryGroup]) {
      g.count += 1;
      g.outlooks[outlook] += 1;
      if (rent.amount !== undefined) {
        g.amount += rent.amount;
        g.withAmount += 1;
      }
    }
    group.families[rent.family] += 1;
    outlooks[outlook] += 1;
  }
  const groups: RentGroup[] = [...Object.values(byFamily), ...holders.values(), ...byCountry.values()];
  if (groups.some((g) => !Number.isFinite(g.amount))) {
    throw new GvcError('UNSUPPORTED', 'amounts out of range', [
      {
        path: 'source',
        message: 'expected stated amounts whose sums are finite, found a sum that overflows',
      },
    ]);
  }
  const withAmount = counted.filter((r) => r.amount !== undefined).length;
  const explanation: Explanation = {
    text: `${counted.length} rent${counted.length === 1 ? '' : 's'} counted by family, holder and country (${withAmount} with a stated amount)${excludeMonopoly ? `; ${rents.length - counted.length} monopoly rent${rents.length - counted.length === 1 ? '' : 's'} left out` : ''}`,
    rules: [...(excludeMonopoly ? ['exclude-monopoly'] : []), 'rent-outlook', 'sum-stated-amounts'],
    evidence: [Array.isArray(source) ? 'source' : 'source.rents'],
    notes: [
      "amounts are the rents' stated amounts only; measureRents measures them from a chain",
      ...(Array.isArray(source) ? ["no chain given: holders' countries unknown"] : []),
    ],
    sources: ['Kaplinsky 2015, section on rents', 'Kaplinsky & Morris 2001'],
  };
  const byHolder = [...holders.values()].sort(
    (a, b) => Number(a.holder === null) - Number(b.holder === null),
  );
  return deepFreeze({
    count: counted.length,
    excludedMonopoly: rents.length - counted.length,
    byFamily,
    byHolder,
    outlooks,
    byCountry: [...byCountry.values()].sort(
      (a, b) => Number(a.country === null) - Number(b.country === null),
    ),
    explanation,
  });
}
