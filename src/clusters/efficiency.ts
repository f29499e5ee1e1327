import * as z from 'zod/mini';
import { IssueList, safeValidate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import type { Explanation } from '../core/explanation.js';
import { deepFreeze } from '../core/freeze.js';
import {
  Cluster,
  CollectiveActionKind,
  ExternalEconomy,
  InstitutionalSupportSource,
  type TrustLevel,
} from './model.js';
import { namedEnum, take } from './schema-helpers.js';
import type { InstitutionalSupportKey } from './table-model.js';

/**
 * Options of {@link collectiveEfficiency}: `minTrust`, the lower of competence and contractual trust
 * that joint action needs to rest on, `medium` (the default: the level at which the ordinal scale
 * says partners are trusted; gvckit's convention, no source gives a level) or `high`.
 *
 * @example
 * ```ts
 * CollectiveEfficiencyOptions.parse({});
 * //=> { minTrust: 'medium' }
 * ```
 */
export const CollectiveEfficiencyOptions = z.strictObject({
  /** The trust joint action needs: `medium` (default) or `high`. */
  minTrust: z._default(namedEnum(['medium', 'high']), 'medium'),
});
/** Options of {@link collectiveEfficiency}. */
export type CollectiveEfficiencyOptions = z.input<typeof CollectiveEfficiencyOptions>;

/**
 * Whether the trust joint action rests on is there (Humphrey & Schmitz 1998; Sako 1992): `supported`
 * (joint action and enough trust), `fragile` (joint action, too little trust), `latent` (enough trust,
 * no joint action), `absent` (neither) or `unknown` (a level of trust not stated).
 */
export type JointActionFoundation = 'supported' | 'fragile' | 'latent' | 'absent' | 'unknown';

/** The rules of {@link collectiveEfficiency}'s trust judgement (ids in `explanation.rules`). */
export type EfficiencyRuleId = 'E0-trust-unknown' | 'E1-supported' | 'E2-fragile' | 'E3-latent' | 'E4-absent';

const trustRank: Record<TrustLevel, number> = { low: 0, medium: 1, high: 2 };

/** The result of {@link collectiveEfficiency}. */
export interface CollectiveEfficiency {
  /**
   * The passive half: the external economies present, in the order of {@link ExternalEconomy}, and their
   * number.
   */
  externalEconomies: { present: ExternalEconomy[]; count: number };
  /**
   * The active half: the kinds of joint action present, in the order of {@link CollectiveActionKind}, and
   * their number.
   */
  jointAction: { present: CollectiveActionKind[]; count: number };
  /**
   * The sources of institutional support behind them, in the order of {@link InstitutionalSupportSource}, and
   * their combination.
   */
  institutionalSupport: { sources: InstitutionalSupportSource[]; combination: InstitutionalSupportKey };
  /** Which halves are present: `passive-and-active`, `passive-only`, `active-only` or `none`. */
  kind: 'passive-and-active' | 'passive-only' | 'active-only' | 'none';
  /** The competence and contractual trust stated for the cluster (Sako 1992); `null` where not stated. */
  trust: { competence: TrustLevel | null; contractual: TrustLevel | null };
  /** Whether the trust joint action rests on is there (Humphrey & Schmitz 1998). */
  jointActionFoundation: JointActionFoundation;
  /** Which rule judged the foundation, on what evidence. */
  explanation: Explanation;
}

/** The foundation of joint action, its rule and sentence. */
function foundation(
  active: boolean,
  competence: TrustLevel | null,
  contractual: TrustLevel | null,
  minTrust: 'medium' | 'high',
): { value: JointActionFoundation; rule: EfficiencyRuleId; text: string } {
  if (competence === null || contractual === null) {
    return {
      value: 'unknown',
      rule: 'E0-trust-unknown',
      text: 'Competence or contractual trust is not stated (Table 1 of Kaplinsky 2015 does not report trust): the foundation of joint action cannot be judged.',
    };
  }
  const low = trustRank[competence] <= trustRank[contractual] ? competence : contractual;
  const enough = trustRank[low] >= trustRank[minTrust];
  const level = `the lower of competence and contractual trust is ${low}`;
  if (active && enough) {
    return {
      value: 'supported',
      rule: 'E1-supported',
      text: `Joint action rests on trust: ${level}, at least ${minTrust}.`,
    };
  }
  if (active) {
    return {
      value: 'fragile',
      rule: 'E2-fragile',
      text: `Joint action with too little trust to rest on: ${level}, below ${minTrust}.`,
    };
  }
  if (enough) {
    return { value: 'latent', rule: 'E3-latent', text: `Trust is there but no joint action: ${level}.` };
  }
  return {
    value: 'absent',
    rule: 'E4-absent',
    text: `Neither joint action nor trust: ${level}, below ${minTrust}.`,
  };
}

/**
 * The combination key of a set of support sources (`government+external`, or `none`), sources in the
 * order government, cluster-sectoral, external.
 *
 * @internal
 */
export function supportCombination(sources: readonly InstitutionalSupportSource[]): InstitutionalSupportKey {
  const present = InstitutionalSupportSource.options.filter((s) => sources.includes(s));
  return (present.length === 0 ? 'none' : present.join('+')) as InstitutionalSupportKey;
}

/**
 * The collective efficiency of a cluster (Schmitz 1995): the passive external economies it enjoys
 * (Marshall's pooled labour, suppliers, customer attraction, specialised services) and the active
 * joint action of its firms (learning, marketing, logistics), with their counts and the
 * institutional support behind them (Kaplinsky 2015, Table 1).
 *
 * It also reads trust: joint action rests on trust (Humphrey & Schmitz 1998), both competence trust
 * (partners can do the job) and contractual trust (they keep their word; Sako 1992, ch. 2). With T the
 * lower of the two stated levels: joint action and T ≥ `minTrust` → `supported` (Nadvi 1999: the
 * Sialkot association's joint response to the US quality ban); joint action and T below it →
 * `fragile` (Schmitz 1999: joint action in the Sinos Valley foundered on conflicts of interest); no
 * joint action and T ≥ `minTrust` → `latent`; neither → `absent`; a level not stated → `unknown`.
 *
 * @param cluster - the cluster
 * @param options - `minTrust` (`medium`, the default, or `high`); `undefined` or `null` for the default
 * @returns the external economies and joint actions present (in canonical order) with their counts,
 * the support sources and their combination key, which halves of collective efficiency are
 * present, the trust stated, the foundation of joint action and an explanation (deeply frozen)
 * @throws GvcError `INVALID_INPUT` when the cluster or options are invalid, listing every problem with
 * its path rooted at the argument (`cluster.endMarkets[0]`, `options.minTrust`)
 * @example
 * ```ts
 * collectiveEfficiency({ id: 'k', name: 'Keko Furniture', country: 'TZA', sector: 'furniture',
 *   endMarkets: ['local', 'regional'], dynamism: { growth: true, upgrading: false },
 *   externalEconomies: ['suppliers', 'labour-supply'], collectiveAction: ['marketing', 'learning'],
 *   institutionalSupport: ['cluster-sectoral'] });
 * //=> { externalEconomies: { present: ['labour-supply', 'suppliers'], count: 2 },
 * //     jointAction: { present: ['learning', 'marketing'], count: 2 },
 * //     institutionalSupport: { sources: ['cluster-sectoral'], combination: 'cluster-sectoral' },
 * //     kind: 'passive-and-active', … }
 * collectiveEfficiency({ id: 's', name: 'Sinos Valley', country: 'BRA', sector: 'footwear',
 *   endMarkets: ['international'], dynamism: { growth: true, upgrading: false }, externalEconomies: [],
 *   collectiveAction: ['marketing'], institutionalSupport: [],
 *   trust: { competence: 'high', contractual: 'low' } }).jointActionFoundation;
 * //=> 'fragile'
 * ```
 */
export function collectiveEfficiency(
  cluster: Cluster,
  options: CollectiveEfficiencyOptions | null = {},
): CollectiveEfficiency {
  const summary = 'invalid cluster';
  const issues = new IssueList();
  const c = take(safeValidate(Cluster, cluster, 'cluster', summary), issues);
  const o = take(safeValidate(CollectiveEfficiencyOptions, options ?? {}, 'options', summary), issues);
  issues.throwIfAny(summary);
  if (c === undefined || o === undefined) throw new GvcError('INVALID_INPUT', summary);
  const economies = ExternalEconomy.options.filter((e) => c.externalEconomies.includes(e));
  const actions = CollectiveActionKind.options.filter((a) => c.collectiveAction.includes(a));
  const sources = InstitutionalSupportSource.options.filter((s) => c.institutionalSupport.includes(s));
  const passive = economies.length > 0;
  const active = actions.length > 0;
  const competence = c.trust?.competence ?? null;
  const contractual = c.trust?.contractual ?? null;
  const f = foundation(active, competence, contractual, o.minTrust);
  return deepFreeze({
    externalEconomies: { present: economies, count: economies.length },
    jointAction: { present: actions, count: actions.length },
    institutionalSupport: { sources, combination: supportCombination(sources) },
    kind:
      passive && active ? 'passive-and-active' : passive ? 'passive-only' : active ? 'active-only' : 'none',
    trust: { competence, contractual },
    jointActionFoundation: f.value,
    explanation: {
      text: f.text,
      rules: [f.rule],
      evidence: ['cluster.collectiveAction', 'cluster.trust'],
      notes:
        f.rule === 'E0-trust-unknown'
          ? []
          : [`minimum trust ${o.minTrust}: gvckit's convention, no source gives a level`],
      sources: ['Schmitz 1995', 'Humphrey & Schmitz 1998', 'Sako 1992, ch. 2'],
    },
  } satisfies CollectiveEfficiency);
}
