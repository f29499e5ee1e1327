import * as z from 'zod/mini';
import { checkArgument } from '../core/check.js';
import { deepFreeze } from '../core/freeze.js';
import {
  barriersToEntryValues,
  ChainDriverCheck,
  coreCompetenceValues,
  DriverEvidenceCheck,
  leadFirmValues,
  networkLinksValues,
} from './check.js';
import type { ChainDriver } from './model.js';

/**
 * The profile of a chain driver: the main characteristics Gereffi (1994, 1999) gives buyer-driven
 * and producer-driven commodity chains.
 */
export interface DriverProfile {
  /** The driver described. */
  driver: ChainDriver;
  /** Where the lead firm sits and what it controls. */
  leadFirm: string;
  /** The kind of capital that drives the chain. */
  capital: 'industrial' | 'commercial';
  /** The lead firm's core competences. */
  coreCompetences: string;
  /** What mainly keeps rivals out. */
  barriersToEntry: 'economies of scale' | 'economies of scope';
  /** How the network is mainly linked. */
  networkLinks: 'investment-based' | 'trade-based';
  /** The predominant structure of the network. */
  networkStructure: 'vertical' | 'horizontal';
  /** Typical industries. */
  typicalIndustries: string[];
  /** Examples of lead firms (Kaplinsky 2015). */
  exampleLeadFirms: string[];
}

/**
 * Describes a chain driver by the characteristics Gereffi (1994, 1999) gives it. Buyer-driven chains
 * are led from the consumer end (retailers, brand owners) by commercial capital with design and
 * marketing competences, linked by trade; producer-driven chains are led by manufacturers holding the
 * core technology, by industrial capital with R&D and production competences, linked by investment.
 *
 * Reference: Gereffi, G. (1994) The organization of buyer-driven global commodity chains, in Gereffi &
 * Korzeniewicz (eds) *Commodity Chains and Global Capitalism*; Gereffi, G. (1999) *Journal of
 * International Economics* 48(1), 37–70, Table 1; examples from Kaplinsky (2015).
 *
 * @param driver - `'buyer'` or `'producer'`
 * @returns the profile, deeply frozen (copy it to change it)
 * @throws {@link GvcError} `INVALID_INPUT` when `driver` is neither `'buyer'` nor `'producer'` (path
 *   `driver`)
 * @example
 * ```ts
 * describeDriver('buyer').networkLinks;
 * //=> 'trade-based'
 * ```
 */
export function describeDriver(driver: ChainDriver): DriverProfile {
  const parsed = checkArgument(ChainDriverCheck, driver, 'driver', 'invalid chain driver');
  if (parsed === 'buyer') {
    return deepFreeze({
      driver: 'buyer',
      leadFirm:
        'at the consumer end: retailers and brand owners who design and market but need not manufacture',
      capital: 'commercial',
      coreCompetences: 'design and marketing',
      barriersToEntry: 'economies of scope',
      networkLinks: 'trade-based',
      networkStructure: 'horizontal',
      typicalIndustries: ['apparel', 'footwear', 'toys', 'consumer electronics'],
      exampleLeadFirms: ['Walmart', 'Nike'],
    });
  }
  return deepFreeze({
    driver: 'producer',
    leadFirm: 'a manufacturer holding the core production technology',
    capital: 'industrial',
    coreCompetences: 'research and development, and production',
    barriersToEntry: 'economies of scale',
    networkLinks: 'investment-based',
    networkStructure: 'vertical',
    typicalIndustries: ['automobiles', 'computers', 'aircraft', 'electrical machinery'],
    exampleLeadFirms: ['GE', 'Intel', 'Ford', 'Toyota', 'Microsoft'],
  });
}

/**
 * Evidence about who drives a chain, each item optional: where the lead firm sits, what its core
 * competence is, what bars entry, and how the network is linked (the distinguishing traits of
 * Gereffi 1994).
 *
 * @example
 * ```ts
 * DriverEvidence.parse({ leadFirm: 'retailer', networkLinks: 'trade' });
 * //=> { leadFirm: 'retailer', networkLinks: 'trade' }
 * ```
 */
export const DriverEvidence = z.strictObject({
  /** The lead firm: a manufacturer points to producer-driven; a retailer or brand marketer to buyer-driven. */
  leadFirm: z.optional(z.enum(leadFirmValues)),
  /** The lead firm's core competence. */
  coreCompetence: z.optional(z.enum(coreCompetenceValues)),
  /** The main barrier to entry. */
  barriersToEntry: z.optional(z.enum(barriersToEntryValues)),
  /** How the lead firm is linked to its suppliers. */
  networkLinks: z.optional(z.enum(networkLinksValues)),
});
/** Evidence about who drives a chain. */
export type DriverEvidence = z.output<typeof DriverEvidence>;

/** The result of {@link classifyDriver}. */
export interface DriverClassification {
  /** The driver the evidence points to, or `null` when there is no evidence or it is evenly split. */
  driver: ChainDriver | null;
  /** How many items of evidence point to each driver. */
  votes: { buyer: number; producer: number };
  /** Why, in words. */
  reason: string;
}

/**
 * Classifies a chain as buyer- or producer-driven (Gereffi 1994) from the evidence given: each item
 * votes for one driver (manufacturer, production technology, scale, investment → producer; retailer or
 * brand marketer, design and marketing, scope, trade → buyer) and the majority decides. With no
 * evidence, or a tie, the driver is `null`: the function does not guess.
 *
 * Reference: Gereffi, G. (1994) The organization of buyer-driven global commodity chains, in Gereffi &
 * Korzeniewicz (eds) *Commodity Chains and Global Capitalism*, Praeger.
 *
 * @param evidence - the items of {@link DriverEvidence} known
 * @returns the driver (or `null`), the votes and the reason (deeply frozen)
 * @throws {@link GvcError} `INVALID_INPUT` when an item has an unknown value or an unknown key is
 *   present, with paths rooted at `evidence` (`evidence.leadFirm`); values and keys such as
 *   `constructor` are plain data, rejected like any other unknown one
 * @example
 * ```ts
 * classifyDriver({ leadFirm: 'retailer', coreCompetence: 'design-and-marketing' }).driver;
 * //=> 'buyer'
 * ```
 */
export function classifyDriver(evidence: DriverEvidence): DriverClassification {
  const e = checkArgument(DriverEvidenceCheck, evidence, 'evidence', 'invalid driver evidence');
  const ballots: Array<ChainDriver | undefined> = [
    e.leadFirm === undefined ? undefined : e.leadFirm === 'manufacturer' ? 'producer' : 'buyer',
    e.coreCompetence === undefined
      ? undefined
      : e.coreCompetence === 'production-technology'
        ? 'producer'
        : 'buyer',
    e.barriersToEntry === undefined ? undefined : e.barriersToEntry === 'scale' ? 'producer' : 'buyer',
    e.networkLinks === undefined ? undefined : e.networkLinks === 'investment' ? 'producer' : 'buyer',
  ];
  const votes = {
    buyer: ballots.filter((b) => b === 'buyer').length,
    producer: ballots.filter((b) => b === 'producer').length,
  };
  if (votes.buyer + votes.producer === 0) {
    return deepFreeze({ driver: null, votes, reason: 'expected at least one item of evidence, found none' });
  }
  if (votes.buyer === votes.producer) {
    return deepFreeze({
      driver: null,
      votes,
      reason: `the evidence is evenly split (${votes.buyer} buyer, ${votes.producer} producer)`,
    });
  }
  const driver: ChainDriver = votes.buyer > votes.producer ? 'buyer' : 'producer';
  return deepFreeze({
    driver,
    votes,
    reason: `${Math.max(votes.buyer, votes.producer)} of ${votes.buyer + votes.producer} items of evidence point to a ${driver}-driven chain`,
  });
}
