import { validate } from '../core/boundary.js';
import { deepFreeze } from '../core/freeze.js';
import { Cluster, CollectiveActionKind, ExternalEconomy, InstitutionalSupportSource } from './model.js';
import type { InstitutionalSupportKey } from './table-model.js';

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
 * @param cluster - the cluster
 * @returns the external economies and joint actions present (in canonical order) with their counts,
 * the support sources and their combination key, and which halves of collective efficiency are
 * present (deeply frozen)
 * @throws GvcError `INVALID_INPUT` when the cluster is invalid, listing every problem with its path
 * rooted at the argument (`cluster.endMarkets[0]`)
 * @example
 * ```ts
 * collectiveEfficiency({ id: 'k', name: 'Keko Furniture', country: 'TZA', sector: 'furniture',
 *   endMarkets: ['local', 'regional'], dynamism: { growth: true, upgrading: false },
 *   externalEconomies: ['suppliers', 'labour-supply'], collectiveAction: ['marketing', 'learning'],
 *   institutionalSupport: ['cluster-sectoral'] });
 * //=> { externalEconomies: { present: ['labour-supply', 'suppliers'], count: 2 },
 * //     jointAction: { present: ['learning', 'marketing'], count: 2 },
 * //     institutionalSupport: { sources: ['cluster-sectoral'], combination: 'cluster-sectoral' },
 * //     kind: 'passive-and-active' }
 * ```
 */
export function collectiveEfficiency(cluster: Cluster): CollectiveEfficiency {
  const c = validate(Cluster, cluster, 'cluster', 'invalid cluster');
  const economies = ExternalEconomy.options.filter((e) => c.externalEconomies.includes(e));
  const actions = CollectiveActionKind.options.filter((a) => c.collectiveAction.includes(a));
  const sources = InstitutionalSupportSource.options.filter((s) => c.institutionalSupport.includes(s));
  const passive = economies.length > 0;
  const active = actions.length > 0;
  return deepFreeze({
    externalEconomies: { present: economies, count: economies.length },
    jointAction: { present: actions, count: actions.length },
    institutionalSupport: { sources, combination: supportCombination(sources) },
    kind:
      passive && active ? 'passive-and-active' : passive ? 'passive-only' : active ? 'active-only' : 'none',
  });
}
