import * as z from 'zod/mini';
import { IssueList, quote, safeValidate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import type { Explanation } from '../core/explanation.js';
import { deepFreeze } from '../core/freeze.js';
import { policyLevers, servesFamily } from './levers.js';
import { Economy, type PolicyFamily, type PolicyLever } from './model.js';

/**
 * How a portfolio's trade-regime conflict is handled: `none` (no conflict: the portfolio does not mix
 * open and restrictive levers), `insulated` (a large economy walls its open-regime zones off), or
 * `unresolved`.
 */
export type ConflictResolution = 'none' | 'insulated' | 'unresolved';

/**
 * The rules {@link policyConflicts} applies: the trade-regime rule's three outcomes, the malfeasance
 * risk of zones selling at home, and a conflict a source documents between two levers.
 */
export type PolicyConflictRuleId =
  | 'trade-regime-none'
  | 'trade-regime-insulated'
  | 'trade-regime-unresolved'
  | 'zones-sell-domestically'
  | 'lever-pair';

/** Two levers of a portfolio that a source says conflict, with the reason (ids in catalogue order). */
export interface PolicyConflictPair {
  /** The two lever ids, in catalogue order. */
  levers: [string, string];
  /** The reason the source gives. */
  reason: string;
}

/** The result of {@link policyConflicts}. */
export interface PolicyConflicts {
  /** Whether the portfolio mixes levers that need an open regime with levers that restrict trade. */
  conflict: boolean;
  /** The families the portfolio draws on, in the order additive, vertically specialised. */
  families: PolicyFamily[];
  /** Ids of the portfolio's levers needing an open trade regime. */
  open: string[];
  /** Ids of the portfolio's levers restricting trade. */
  restrictive: string[];
  /** How the conflict is handled. */
  resolution: ConflictResolution;
  /** Risks that follow, in words (empty when none). */
  risks: string[];
  /** Why, in words (the trade-regime rule). */
  reason: string;
  /** The conflicts between two levers that a source documents (`conflictsWith`), each once. */
  pairs: PolicyConflictPair[];
  /** The rules that fired, the portfolio entries that decided, and their sources. */
  explanation: Explanation;
}

/**
 * The trade-regime conflict of a policy portfolio (Kaplinsky 2015). Levers for vertically specialised
 * chains need an open regime (free import of components, trade facilitation, export processing zones);
 * levers for additive chains restrict trade (local content, limits on imported inputs, export taxes or
 * bans on raw materials). Pursuing both at once conflicts. The rules:
 *
 * | open and restrictive levers | economy                                              | resolution   |
 * | --------------------------- | ---------------------------------------------------- | ------------ |
 * | not both                    | any                                                  | `none`       |
 * | both                        | large, `insulatedZones`, zones not selling at home   | `insulated`  |
 * | both                        | large, otherwise                                     | `unresolved` |
 * | both                        | small                                                | `unresolved` |
 *
 * A large economy can "walk on more than one leg": China insulated its special economic zones from
 * the rest of the economy. A small one cannot: when its export processing zones sell into the domestic
 * market they invite malfeasance (duty-free inputs and goods leaking past the restrictive regime), a
 * risk reported whenever zones sell domestically in a conflicted portfolio.
 *
 * Beyond the trade regime, `pairs` lists the conflicts a source documents between two levers of the
 * portfolio (each lever's `conflictsWith`): trade preferences such as AGOA, whose third-country fabric
 * provision rests on imported fabric, against limits on imported inputs (Morris, Staritz & Barnes
 * 2011). `conflict` is `true` when the trade regime clashes or `pairs` is not empty; `resolution`
 * concerns the trade-regime clash only.
 *
 * Reference: Kaplinsky, R. (2015) UNU-MERIT Working Paper 2015-027, policy conclusions.
 *
 * @param portfolio - ids of levers from {@link policyAgenda} (either family, full catalogue), each once
 * @param economy - `{ size: 'large' | 'small', insulatedZones?, zonesSellDomestically? }`
 * @returns whether there is a conflict, the levers on each side, the resolution, risks, reason, the
 *   conflicting pairs and an explanation (deeply frozen)
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem with its path (`portfolio[2]`: an
 *   unknown or repeated lever, ids such as `constructor` being unknown like any other; `economy.size`)
 * @example
 * ```ts
 * policyConflicts(['export-processing-zones', 'local-content-rules'], { size: 'large', insulatedZones: true }).resolution;
 * //=> 'insulated'
 * policyConflicts(['export-processing-zones', 'local-content-rules'], { size: 'small' }).resolution;
 * //=> 'unresolved'
 * policyConflicts(['trade-preferences', 'imported-input-limits'], { size: 'small' }).pairs;
 * //=> [{ levers: ['imported-input-limits', 'trade-preferences'], reason: "AGOA's third-country fabric provision …" }]
 * ```
 */
export function policyConflicts(
  portfolio: readonly string[],
  economy: z.input<typeof Economy>,
): PolicyConflicts {
  const summary = 'invalid policy portfolio';
  const levers = policyLevers();
  const known = new Map(levers.map((l) => [l.id, l]));
  const issues = new IssueList();
  const ids = safeValidate(z.array(z.string()), portfolio, 'portfolio', summary);
  if (!ids.success) {
    issues.addAll(ids.error.issues);
  } else {
    const firstAt = new Map<string, number>();
    ids.data.forEach((id, i) => {
      const earlier = firstAt.get(id);
      if (!known.has(id)) {
        issues.add(
          `portfolio[${i}]`,
          `expected a lever id of policyAgenda (${[...known.keys()].join(', ')}), found ${quote(id)}`,
        );
      } else if (earlier !== undefined) {
        issues.add(
          `portfolio[${i}]`,
          `expected each lever once, found ${quote(id)} again (as at portfolio[${earlier}])`,
        );
      }
      if (earlier === undefined) firstAt.set(id, i);
    });
  }
  const eco = safeValidate(Economy, economy, 'economy', summary);
  if (!eco.success) issues.addAll(eco.error.issues);
  issues.throwIfAny(summary);
  if (!ids.success || !eco.success) throw new GvcError('INVALID_INPUT', summary); // unreachable

  const wanted = new Set(ids.data);
  const chosen = levers.filter((l) => wanted.has(l.id));
  const open = chosen.filter((l) => l.tradeRegime === 'open').map((l) => l.id);
  const restrictive = chosen.filter((l) => l.tradeRegime === 'restrictive').map((l) => l.id);
  const families = (['additive', 'vertically-specialised'] as const).filter((f) =>
    chosen.some((l) => servesFamily(l, f)),
  );
  const pairs = leverPairs(chosen);
  const base = { families, open, restrictive, pairs };
  const position = new Map(ids.data.map((id, i) => [id, i]));
  const explain = (rules: PolicyConflictRuleId[], text: string): Explanation => ({
    text:
      pairs.length === 0
        ? text
        : `${text}; ${pairs.map((p) => `${p.levers.join(' and ')} conflict: ${p.reason}`).join('; ')}`,
    rules: [...rules, ...(pairs.length > 0 ? (['lever-pair'] as const) : [])],
    evidence: [
      ...[...open, ...restrictive].map((id) => `portfolio[${position.get(id)}]`),
      ...(rules.length > 1 || rules[0] !== 'trade-regime-none' ? ['economy.size'] : []),
      ...(rules.includes('trade-regime-insulated') ? ['economy.insulatedZones'] : []),
      ...(rules.includes('zones-sell-domestically') ? ['economy.zonesSellDomestically'] : []),
      ...pairs.flatMap((p) => p.levers.map((id) => `portfolio[${position.get(id)}]`)),
    ].filter((e, i, all) => all.indexOf(e) === i),
    notes: [],
    sources: [
      'Kaplinsky 2015, policy conclusions',
      ...(pairs.length > 0 ? ['Morris, Staritz & Barnes 2011'] : []),
    ],
  });
  if (open.length === 0 || restrictive.length === 0) {
    const reason =
      open.length === 0
        ? 'no lever needs an open trade regime, so restrictive levers conflict with none'
        : 'no lever restricts trade, so the open regime is unchallenged';
    return deepFreeze({
      ...base,
      conflict: pairs.length > 0,
      resolution: 'none',
      risks: [],
      reason,
      explanation: explain(['trade-regime-none'], reason),
    });
  }
  const { size, insulatedZones, zonesSellDomestically } = eco.data;
  const risks =
    zonesSellDomestically === true
      ? [
          'zones selling into the domestic market invite malfeasance: duty-free inputs and goods leak past the restrictive regime',
        ]
      : [];
  const riskRules: PolicyConflictRuleId[] = risks.length > 0 ? ['zones-sell-domestically'] : [];
  if (size === 'large' && insulatedZones === true && zonesSellDomestically !== true) {
    const reason =
      'a large economy can "walk on more than one leg": open-regime zones insulated from the restrictive domestic regime, as China did with its special economic zones';
    return deepFreeze({
      ...base,
      conflict: true,
      resolution: 'insulated',
      risks,
      reason,
      explanation: explain(['trade-regime-insulated'], reason),
    });
  }
  const reason =
    size === 'large'
      ? 'open and restrictive levers meet in one trade regime: a large economy could insulate open-regime zones (as China did) but these are not insulated'
      : 'open and restrictive levers meet in one trade regime, and a small economy cannot insulate them from each other';
  return deepFreeze({
    ...base,
    conflict: true,
    resolution: 'unresolved',
    risks,
    reason,
    explanation: explain(['trade-regime-unresolved', ...riskRules], [reason, ...risks].join('; ')),
  });
}

/** The documented conflicts among the chosen levers (in catalogue order), each pair once. */
function leverPairs(chosen: readonly PolicyLever[]): PolicyConflictPair[] {
  const order = new Map(chosen.map((l, i) => [l.id, i]));
  const pairs: PolicyConflictPair[] = [];
  chosen.forEach((l, i) => {
    for (const c of l.conflictsWith ?? []) {
      const j = order.get(c.lever);
      if (j !== undefined && j > i) pairs.push({ levers: [l.id, c.lever], reason: c.reason });
    }
  });
  return pairs;
}
