/**
 * How `measureRents` attributes measured rent to the rents a chain lists (internal).
 *
 * @internal
 * @packageDocumentation
 */
import { IssueList } from '../core/boundary.js';
import type { Rent, RentFamily } from '../rents/index.js';
import type { ValueChain } from './model.js';

/** One rent's part of its holder's rent in {@link MeasuredActor.attributed}. */
export interface AttributedRent {
  /** Index of the rent in `chain.rents`. */
  rent: number;
  /** Its family. */
  family: RentFamily;
  /** Amount per unit of the final product. */
  amount: number;
  /** `measured` (from the stages' distributions) or `stated` (the rent's own `amount`). */
  basis: 'measured' | 'stated';
}

/** One actor's rents in `RentMagnitudes.byActor`; amounts per unit of the final product. */
export interface MeasuredActor {
  /** Actor id (`stage:<id>` for a stage without an actor). */
  key: string;
  /** The actor's name, when the chain lists it. */
  name?: string;
  /** The actor's country (else its first stage's). */
  country: string;
  /** Sum of its stages' rent above a normal return (net: a stage below normal offsets another above). */
  rentAboveNormal: number;
  /** Sum of its stages' land rent. */
  resourceRent: number;
  /** Sum of the stated amounts of its rents. */
  stated: number;
  /** Positive measured rent not attributed to one of its listed rents. */
  unattributed: number;
  /** Its rents' parts, measured and stated. */
  attributed: AttributedRent[];
}

type Line = {
  stage: string;
  actor: string | null;
  country: string;
  rentAboveNormal: number;
  resourceRent: number;
};
type Family = RentFamily | 'unattributed';

/**
 * Attributes each actor's measured land rent to its resource rents and its positive rent above a
 * normal return to its other rents (by `share`; a single unshared rent takes the rest; otherwise
 * unattributed), and adds the stated amounts.
 *
 * @internal
 */
export function attributeRents(
  chain: ValueChain,
  lines: readonly Line[],
  finalValue: number,
): {
  byActor: MeasuredActor[];
  byFamily: Record<Family, { amount: number; share: number }>;
  notes: string[];
  rules: string[];
} {
  const rents: readonly Rent[] = chain.rents ?? [];
  checkShares(rents);
  const declared = new Map(chain.actors.map((a) => [a.id, a]));
  const actors = new Map<string, MeasuredActor>();
  const entry = (key: string, country: string): MeasuredActor => {
    let a = actors.get(key);
    if (!a) {
      const actor = declared.get(key);
      a = {
        key,
        country: actor?.country ?? country,
        rentAboveNormal: 0,
        resourceRent: 0,
        stated: 0,
        unattributed: 0,
        attributed: [],
      };
      if (actor) a.name = actor.name;
      actors.set(key, a);
    }
    return a;
  };
  for (const l of lines) {
    const a = entry(l.actor ?? `stage:${l.stage}`, l.country);
    a.rentAboveNormal += l.rentAboveNormal;
    a.resourceRent += l.resourceRent;
  }
  const totals: Record<Family, number> = {
    resource: 0,
    endogenous: 0,
    exogenous: 0,
    monopoly: 0,
    unattributed: 0,
  };
  const notes: string[] = [];
  const rules = new Set<string>();
  for (const a of actors.values()) {
    const own = rents
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r.holder === a.key && r.amount === undefined);
    const pools: Array<[number, typeof own, string]> = [
      [a.resourceRent, own.filter(({ r }) => r.family === 'resource'), 'resource'],
      [Math.max(0, a.rentAboveNormal), own.filter(({ r }) => r.family !== 'resource'), 'non-resource'],
    ];
    if (a.rentAboveNormal < 0) {
      notes.push(`"${a.key}" earns ${a.rentAboveNormal} below a normal return: not attributed to a rent`);
      rules.add('below-normal-not-attributed');
    }
    for (const [pool, candidates, kind] of pools) {
      if (pool <= 0) continue;
      let rest = pool;
      for (const { r, i } of candidates) {
        if (r.share === undefined) continue;
        const amount = pool * r.share;
        rest -= amount;
        a.attributed.push({ rent: i, family: r.family, amount, basis: 'measured' });
        totals[r.family] += amount;
        rules.add('attributed-by-share');
      }
      const unshared = candidates.filter(({ r }) => r.share === undefined);
      if (unshared.length === 1 && rest > 0) {
        const { r, i } = unshared[0] as (typeof own)[number];
        a.attributed.push({ rent: i, family: r.family, amount: rest, basis: 'measured' });
        totals[r.family] += rest;
        rules.add('single-rent-takes-rest');
      } else if (rest > 0) {
        a.unattributed += rest;
        totals.unattributed += rest;
        rules.add('unattributed');
        notes.push(
          unshared.length === 0
            ? `"${a.key}": ${rest} of ${kind} rent unattributed (no such rent listed for it${candidates.length > 0 ? ' beyond its shares' : ''})`
            : `"${a.key}": ${rest} of ${kind} rent unattributed (${unshared.length} rents without a share: never split evenly)`,
        );
      }
    }
  }
  rents.forEach((r, i) => {
    if (r.amount === undefined) return;
    rules.add('stated-amount');
    totals[r.family] += r.amount;
    if (r.holder === undefined) {
      notes.push(`chain.rents[${i}]: stated amount ${r.amount} has no holder: counted by family only`);
      return;
    }
    const a = entry(r.holder, declared.get(r.holder)?.country ?? 'unknown');
    a.stated += r.amount;
    a.attributed.push({ rent: i, family: r.family, amount: r.amount, basis: 'stated' });
  });
  const byFamily = Object.fromEntries(
    (Object.keys(totals) as Family[]).map((f) => [f, { amount: totals[f], share: totals[f] / finalValue }]),
  ) as Record<Family, { amount: number; share: number }>;
  return { byActor: [...actors.values()], byFamily, notes, rules: [...rules] };
}

/** Shares of one holder's resource rents, and of its other rents, may not sum above 1. */
function checkShares(rents: readonly Rent[]): void {
  const issues = new IssueList();
  const sums = new Map<string, number>();
  rents.forEach((r, i) => {
    if (r.share === undefined || r.amount !== undefined) return;
    const key = `${r.holder ?? ''}\u0000${r.family === 'resource'}`;
    const sum = (sums.get(key) ?? 0) + r.share;
    sums.set(key, sum);
    if (sum > 1 + 1e-9) {
      issues.add(
        `chain.rents[${i}].share`,
        `expected the shares of ${r.holder === undefined ? 'rents without a holder' : `"${r.holder}"'s ${r.family === 'resource' ? 'resource' : 'other'} rents`} to sum to at most 1, found ${sum}`,
      );
    }
  });
  issues.throwIfAny('invalid value chain');
}
