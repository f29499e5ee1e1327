import * as z from 'zod/mini';
import { type Actor, safeParseValueChain, type ValueChainInput } from '../chains/index.js';
import { IssueList, safeValidate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import type { Explanation } from '../core/explanation.js';
import { deepFreeze } from '../core/freeze.js';
import { CountryCode } from '../core/primitives.js';
import { policyLevers, servesFamily } from './levers.js';
import { type LeverFitCriteria, PolicyFamily } from './model.js';

/**
 * The options of {@link policyFit}: the `catalogue` (`full`, the default, or `core`), the `family`
 * whose levers to read (default: the chain's declared `family`) and the `country` whose actors the
 * policy is for (default: the country of the chain's first stage).
 *
 * @example
 * ```ts
 * PolicyFitOptions.parse({ country: 'CHN' });
 * //=> { catalogue: 'full', country: 'CHN' }
 * ```
 */
export const PolicyFitOptions = z.strictObject({
  /** `full` (default: the ten core levers and the seven of the wider catalogue) or `core`. */
  catalogue: z._default(z.enum(['core', 'full']), 'full'),
  /** The family whose levers to read; default the chain's declared `family`. */
  family: z.optional(PolicyFamily),
  /** The country whose actors the policy is for; default the country of the chain's first stage. */
  country: z.optional(CountryCode),
});
/** The options of {@link policyFit} (every field optional). */
export type PolicyFitOptions = z.input<typeof PolicyFitOptions>;

/**
 * The rule that decided one lever's fit: `fits`; `no-actor-in-country` (the chain records no actor in
 * the country); `no-matching-actor` (no actor there matches every stated dimension); `no-lead-firm`
 * (the lever needs a lead firm and the chain has none).
 */
export type LeverFitRuleId = 'fits' | 'no-actor-in-country' | 'no-matching-actor' | 'no-lead-firm';

/** How one lever fits the chain's firms. */
export interface LeverFit {
  /** The lever's id. */
  lever: string;
  /** Whether it fits. */
  fits: boolean;
  /** Actors of the country that match every stated dimension, in the order of the chain's `actors`. */
  actors: string[];
  /** Why: each dimension checked per actor, and the lead-firm check. */
  reasons: string[];
  /** Conditions to meet (the lever's `fits.conditions`, where they apply to the matching actors). */
  conditions: string[];
  /** The rule that decided. */
  rule: LeverFitRuleId;
  /** One sentence. */
  explanation: string;
}

/** The result of {@link policyFit}. */
export interface PolicyFit {
  /** The family whose levers were read. */
  family: PolicyFamily;
  /** The country whose actors the policy is for. */
  country: string;
  /** Every lever of the family, in catalogue order. */
  levers: LeverFit[];
  /** Which levers fit, what decided and the sources. */
  explanation: Explanation;
}

const DIMENSIONS = ['ownership', 'size', 'formality'] as const;

/** Whether the lever's conditions apply to the matching actors (exclusion risk for the smallest). */
function conditionsFor(criteria: LeverFitCriteria | undefined, matching: readonly Actor[]): string[] {
  const conditions = criteria?.conditions ?? [];
  if (conditions.length === 0) return [];
  return matching.some((a) => a.size === 'micro' || a.formality === 'informal') ? [...conditions] : [];
}

/**
 * Which policy levers fit the firms of a chain (Kaplinsky 2015): policy has to fit who the firms are
 * — foreign-owned firms in zones and vertically specialised chains, domestically owned and often
 * informal micro and small firms in clusters and additive chains. Reads the `ownership`, `size`,
 * `formality` and `leadFirm` the chain records for its actors against each lever's `fits`.
 *
 * The rule: a lever of the family (its `families`) fits when at least one actor of `country` matches
 * every dimension the lever states (an actor whose dimension is not recorded does not match it, and
 * the reason says so) and, when the lever needs a lead firm, some actor of the chain is one. A lever
 * stating no dimension fits any actor of the country. A lever's `conditions` (standards and
 * certification: group certification and extension support, Dolan & Humphrey 2000) are reported when
 * a matching actor is micro or informal.
 *
 * Reference: Kaplinsky, R. (2015) UNU-MERIT Working Paper 2015-027 (inclusion and sustainability;
 * policy); Morris, M., Kaplinsky, R. & Kaplan, D. (2012); Dolan, C. & Humphrey, J. (2000) Journal of
 * Development Studies 37(2), 147–176.
 *
 * @param chain - a value chain of either family, with its `actors`
 * @param options - {@link PolicyFitOptions}: `catalogue`, `family`, `country`
 * @returns the family, the country, each lever's fit in catalogue order and an explanation (deeply
 *   frozen)
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem of the chain (paths under `chain`) and
 *   the options (paths under `options`)
 * @example
 * ```ts
 * import { cocoa, iphone3g } from 'gvckit/data';
 * policyFit(cocoa).levers.find((l) => l.lever === 'marketing-institutions')?.actors;
 * //=> ['smallholders']
 * policyFit(iphone3g, { country: 'CHN' }).levers.find((l) => l.lever === 'export-processing-zones')?.actors;
 * //=> ['foxconn']
 * ```
 */
export function policyFit(chain: ValueChainInput, options?: PolicyFitOptions): PolicyFit {
  const summary = 'invalid policy fit';
  const issues = new IssueList();
  const parsed = issues.take(safeParseValueChain(chain), 'chain');
  const opts = issues.take(safeValidate(PolicyFitOptions, options ?? {}, 'options', summary));
  issues.throwIfAny(summary);
  if (parsed === undefined || opts === undefined) throw new GvcError('INVALID_INPUT', summary); // unreachable

  const family = opts.family ?? parsed.family;
  const country = opts.country ?? parsed.stages[0]?.country ?? '';
  const local = parsed.actors.filter((a) => a.country === country);
  const leads = parsed.actors.filter((a) => a.leadFirm === true).map((a) => a.id);
  const levers = policyLevers().filter(
    (l) => servesFamily(l, family) && (opts.catalogue === 'full' || l.tier !== 'extended'),
  );

  const fits: LeverFit[] = levers.map((lever) => {
    const criteria = lever.fits;
    const reasons: string[] = [];
    const matching = local.filter((actor) => {
      let ok = true;
      for (const dim of DIMENSIONS) {
        const wanted = criteria?.[dim] as readonly string[] | undefined;
        if (wanted === undefined) continue;
        const value = actor[dim];
        if (value === undefined) {
          reasons.push(`${dim} not recorded for ${actor.id}`);
          ok = false;
        } else if (wanted.includes(value)) {
          reasons.push(`${dim}: fits ${value} ${actor.id}`);
        } else {
          reasons.push(`${dim}: ${actor.id} is ${value}, the lever fits ${wanted.join(' or ')}`);
          ok = false;
        }
      }
      return ok;
    });
    const needsLead = criteria?.needsLeadFirm === true;
    if (needsLead) {
      reasons.push(
        leads.length > 0
          ? `needs a lead firm: ${leads.join(', ')}`
          : 'needs a lead firm: the chain records none',
      );
    }
    const rule: LeverFitRuleId =
      local.length === 0
        ? 'no-actor-in-country'
        : matching.length === 0
          ? 'no-matching-actor'
          : needsLead && leads.length === 0
            ? 'no-lead-firm'
            : 'fits';
    const actors = matching.map((a) => a.id);
    const conditions = rule === 'fits' ? conditionsFor(criteria, matching) : [];
    const explanation =
      rule === 'fits'
        ? `${lever.id} fits ${actors.join(', ')}${conditions.length > 0 ? `, on condition of ${conditions.join('; ')}` : ''}`
        : rule === 'no-actor-in-country'
          ? `${lever.id} does not fit: the chain records no actor in ${country}`
          : rule === 'no-matching-actor'
            ? `${lever.id} does not fit: no actor in ${country} matches every dimension it states`
            : `${lever.id} does not fit: it needs a lead firm and the chain records none`;
    return {
      lever: lever.id,
      fits: rule === 'fits',
      actors,
      reasons,
      conditions,
      rule,
      explanation,
    };
  });

  const fitting = fits.filter((f) => f.fits).map((f) => f.lever);
  const rules = [...new Set(fits.map((f) => f.rule))];
  const notes: string[] = [];
  if (local.length === 0) notes.push(`the chain records no actor in ${country}`);
  const unrecorded = local
    .map((a) => ({ id: a.id, missing: DIMENSIONS.filter((d) => a[d] === undefined) }))
    .filter((a) => a.missing.length > 0);
  if (unrecorded.length > 0) {
    notes.push(
      `not recorded: ${unrecorded.map((a) => `${a.missing.join(', ')} of ${a.id}`).join('; ')}; an actor matches no lever stating a dimension it does not record`,
    );
  }
  const actorIndex = new Map(parsed.actors.map((a, i) => [a.id, i]));
  return deepFreeze({
    family,
    country,
    levers: fits,
    explanation: {
      text:
        fitting.length > 0
          ? `Of the ${fits.length} ${family} levers, ${fitting.length} fit the actors in ${country}: ${fitting.join(', ')}`
          : `None of the ${fits.length} ${family} levers fits the actors in ${country}`,
      rules,
      evidence: [
        opts.family === undefined ? 'chain.family' : 'options.family',
        opts.country === undefined ? 'chain.stages[0].country' : 'options.country',
        ...local.map((a) => `chain.actors[${actorIndex.get(a.id)}]`),
        ...leads.map((id) => `chain.actors[${actorIndex.get(id)}].leadFirm`),
      ].filter((e, i, all) => all.indexOf(e) === i),
      notes,
      sources: [
        'Kaplinsky 2015, policy; inclusion and sustainability',
        'Morris, Kaplinsky & Kaplan 2012',
        'Dolan & Humphrey 2000',
      ],
    },
  });
}
