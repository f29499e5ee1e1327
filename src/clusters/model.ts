import * as z from 'zod/mini';
import { describeFound } from '../core/issues.js';
import { CountryCode, Id, NonNegative, Source } from '../core/primitives.js';
import { DynamismEvidence } from './classify-dynamism.js';
import { Count } from './count.js';
import { EndMarkets } from './end-markets.js';
import { duplicateIssues, namedEnum, setOf } from './schema-helpers.js';

/**
 * How a cluster came about: `spontaneous` (grown from the bottom up, the usual case in the literature)
 * or `policy-created` (set up top-down, as special economic zones and industrial parks are).
 *
 * @example
 * ```ts
 * ClusterOrigin.options;
 * //=> ['spontaneous', 'policy-created']
 * ```
 */
export const ClusterOrigin = namedEnum(['spontaneous', 'policy-created']);
/** How a cluster came about. */
export type ClusterOrigin = z.output<typeof ClusterOrigin>;

/**
 * The Marshallian external economies of a cluster — the "passive" half of collective efficiency
 * (Schmitz 1995), with the names of Table 1 of Kaplinsky (2015): `labour-supply` (a pool of skilled
 * labour), `suppliers` (availability of specialised suppliers), `customer-attraction` (buyers drawn
 * to the cluster) and `specialised-services` (specialised service providers; the inter-firm division
 * of labour that Table 3 calls "inter-firm specialization").
 *
 * @example
 * ```ts
 * ExternalEconomy.options;
 * //=> ['labour-supply', 'suppliers', 'customer-attraction', 'specialised-services']
 * ```
 */
export const ExternalEconomy = namedEnum([
  'labour-supply',
  'suppliers',
  'customer-attraction',
  'specialised-services',
]);
/** A Marshallian external economy. */
export type ExternalEconomy = z.output<typeof ExternalEconomy>;

/**
 * A kind of deliberate joint action among a cluster's firms — the "active" half of collective
 * efficiency (Schmitz 1995) — as recorded in Table 1 of Kaplinsky (2015): `learning` (joint skill
 * development), `marketing` and `logistics`.
 *
 * @example
 * ```ts
 * CollectiveActionKind.options;
 * //=> ['learning', 'marketing', 'logistics']
 * ```
 */
export const CollectiveActionKind = namedEnum(['learning', 'marketing', 'logistics']);
/** A kind of joint action. */
export type CollectiveActionKind = z.output<typeof CollectiveActionKind>;

/**
 * A source of institutional support to a cluster (Kaplinsky 2015, Table 1): `government` (local,
 * regional or national), `cluster-sectoral` (cluster or sectoral associations) and `external`
 * (lead firms, donors, NGOs).
 *
 * @example
 * ```ts
 * InstitutionalSupportSource.options;
 * //=> ['government', 'cluster-sectoral', 'external']
 * ```
 */
export const InstitutionalSupportSource = namedEnum(['government', 'cluster-sectoral', 'external']);
/** A source of institutional support. */
export type InstitutionalSupportSource = z.output<typeof InstitutionalSupportSource>;

/**
 * An ordinal level of trust among a cluster's firms: `high`, `medium` or `low`.
 *
 * @example
 * ```ts
 * TrustLevel.parse('medium');
 * //=> 'medium'
 * ```
 */
export const TrustLevel = namedEnum(['high', 'medium', 'low']);
/** An ordinal level of trust. */
export type TrustLevel = z.output<typeof TrustLevel>;

/**
 * The trust that joint action rests on: competence trust (confidence that partners can do the job)
 * and contractual trust (confidence that they will keep their word). Both optional.
 *
 * @example
 * ```ts
 * ClusterTrust.parse({ competence: 'high', contractual: 'low' });
 * //=> { competence: 'high', contractual: 'low' }
 * ```
 */
export const ClusterTrust = z.strictObject({
  competence: z.optional(TrustLevel),
  contractual: z.optional(TrustLevel),
});
/** Competence and contractual trust. */
export type ClusterTrust = z.output<typeof ClusterTrust>;

/**
 * Quantitative indicators of a cluster for one period (a year): the number of `firms`, total
 * `employment`, total `sales` (in any one currency, consistent over periods) and the number of
 * `upgradingEvents` recorded in the period. Every indicator is optional.
 *
 * @example
 * ```ts
 * ClusterIndicator.parse({ period: 2010, firms: 120, employment: 900 });
 * //=> { period: 2010, firms: 120, employment: 900 }
 * ```
 */
export const ClusterIndicator = z.strictObject({
  /** The year the figures refer to. */
  period: z
    .number()
    .check(z.int({ error: (iss) => `expected a year as a whole number, found ${describeFound(iss)}` })),
  /** Number of firms in the cluster. */
  firms: z.optional(NonNegative),
  /** Number of people employed in the cluster. */
  employment: z.optional(NonNegative),
  /** Total sales of the cluster's firms. */
  sales: z.optional(NonNegative),
  /**
   * Number of upgrading events (process, product, functional or chain upgrading) recorded in the period.
   */
  upgradingEvents: z.optional(Count),
});
/** Quantitative indicators of a cluster for one period. */
export type ClusterIndicator = z.output<typeof ClusterIndicator>;

/**
 * An industrial cluster: a geographic concentration of firms in one sector and related industries,
 * described as in Table 1 of Kaplinsky (2015) (after Kaplinsky & Morris 2014a): its end markets, the
 * evidence of its dynamism, its external economies, the joint action of its firms and the
 * institutional support it gets; optionally its origin, the trust among its firms, quantitative
 * indicators by period and the source of the description.
 *
 * An empty `externalEconomies`, `collectiveAction` or `institutionalSupport` array means "none" (as
 * printed in Table 1). `endMarkets` must name at least one market. No value may appear twice in an
 * array, and no two `indicators` may share a period. Use {@link parseCluster} to get every problem in
 * one `GvcError`.
 *
 * @example
 * ```ts
 * Cluster.parse({
 *   id: 'ken-ngong-furniture', name: 'Ngong Furniture', country: 'KEN', sector: 'furniture',
 *   endMarkets: ['local'], dynamism: { growth: true, upgrading: false },
 *   externalEconomies: ['labour-supply', 'suppliers'], collectiveAction: [], institutionalSupport: [],
 * }).sector;
 * //=> 'furniture'
 * ```
 */
export const Cluster = z.strictObject({
  id: Id,
  name: z.string().check(z.minLength(1, { error: 'expected a non-empty name' })),
  /** ISO 3166-1 alpha-3 code of the country the cluster is in. */
  country: CountryCode,
  /** The cluster's sector, in plain words (`furniture`, `metalwork`, `cut flowers`). */
  sector: z.string().check(z.minLength(1, { error: 'expected a non-empty sector' })),
  origin: z.optional(ClusterOrigin),
  endMarkets: EndMarkets,
  dynamism: DynamismEvidence,
  externalEconomies: setOf(ExternalEconomy),
  collectiveAction: setOf(CollectiveActionKind),
  institutionalSupport: setOf(InstitutionalSupportSource),
  trust: z.optional(ClusterTrust),
  indicators: z.optional(
    z.array(ClusterIndicator).check(
      z.superRefine((rows, ctx) => {
        for (const issue of duplicateIssues(
          rows,
          (r) => r.period,
          (p, at) => `expected each period once, found ${p} again (first at [${at}])`,
          ['period'],
        )) {
          ctx.addIssue({ code: 'custom', ...issue });
        }
      }),
    ),
  ),
  source: z.optional(Source),
});
/** An industrial cluster. */
export type Cluster = z.output<typeof Cluster>;
