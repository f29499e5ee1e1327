import { checkArgument } from '../core/check.js';
import { deepFreeze } from '../core/freeze.js';
import { GovernanceDeterminantsCheck } from './check.js';
import type { GovernanceDeterminants, GovernanceType } from './model.js';

/**
 * The degree of explicit coordination and power asymmetry of a governance type, as an ordinal rank:
 * 1 (market, the lowest) to 5 (hierarchy, the highest). Gereffi, Humphrey & Sturgeon (2005, Table 1)
 * show both rising together from market through modular, relational and captive to hierarchy.
 */
export type CoordinationRank = 1 | 2 | 3 | 4 | 5;

/**
 * The result of {@link classifyGovernance}: a governance type with its coordination rank, or
 * `type: null` with the reason the determinants define no type.
 */
export interface GovernanceClassification {
  /** The governance type, or `null` for the three combinations the table leaves without a type. */
  type: GovernanceType | null;
  /** Why this type (or why none), in words. */
  reason: string;
  /** Degree of explicit coordination, ordinal 1 (market) to 5 (hierarchy); `null` when there is no type. */
  explicitCoordination: CoordinationRank | null;
  /** Degree of power asymmetry, ordinal 1 (market) to 5 (hierarchy); `null` when there is no type. */
  powerAsymmetry: CoordinationRank | null;
}

/**
 * Classifies a chain's governance from its three determinants, by Table 1 of Gereffi, Humphrey &
 * Sturgeon (2005). The table, with the degree of explicit coordination and power asymmetry
 * (equal ranks, ordinal):
 *
 * | complexity | codifiability | supplier capability | type         | coordination / power |
 * | ---------- | ------------- | ------------------- | ------------ | -------------------- |
 * | low        | high          | high                | `market`     | 1 (low)              |
 * | high       | high          | high                | `modular`    | 2                    |
 * | high       | low           | high                | `relational` | 3                    |
 * | high       | high          | low                 | `captive`    | 4                    |
 * | high       | low           | low                 | `hierarchy`  | 5 (high)             |
 * | low        | low           | high or low         | `null`       | —                    |
 * | low        | high          | low                 | `null`       | —                    |
 *
 * Three of the eight combinations define no type and the function never guesses one: low
 * complexity with low codifiability (two cases) is, the paper notes, unlikely to occur, since
 * simple information is easy to codify; low complexity with high codifiability and low supplier
 * capability leads, the paper says, to the exclusion of the suppliers from the chain — an
 * outcome, not a governance type.
 *
 * Reference: Gereffi, G., Humphrey, J. & Sturgeon, T. (2005) The governance of global value chains,
 * *Review of International Political Economy* 12(1), 78–104, Table 1.
 *
 * @param determinants - `{ complexity, codifiability, supplierCapability }`, each `'high'` or `'low'`
 * @returns the type (or `null`), the reason, and the ordinal degree of explicit coordination and
 *   power asymmetry (frozen)
 * @throws {@link GvcError} `INVALID_INPUT` when a determinant is missing, not `'high'`/`'low'`, or an
 *   unknown key is present, with paths rooted at `determinants` (`determinants.complexity`)
 * @example
 * ```ts
 * classifyGovernance({ complexity: 'high', codifiability: 'low', supplierCapability: 'high' }).type;
 * //=> 'relational'
 * classifyGovernance({ complexity: 'low', codifiability: 'low', supplierCapability: 'high' }).type;
 * //=> null
 * ```
 */
export function classifyGovernance(determinants: GovernanceDeterminants): GovernanceClassification {
  const parsed = checkArgument(
    GovernanceDeterminantsCheck,
    determinants,
    'determinants',
    'invalid governance determinants',
  );
  const { complexity, codifiability, supplierCapability } = parsed;
  const typed = (type: GovernanceType, rank: CoordinationRank, reason: string): GovernanceClassification =>
    deepFreeze({ type, reason, explicitCoordination: rank, powerAsymmetry: rank });
  const none = (reason: string): GovernanceClassification =>
    deepFreeze({ type: null, reason, explicitCoordination: null, powerAsymmetry: null });

  if (complexity === 'low') {
    if (codifiability === 'low') {
      return none(
        `low complexity with low codifiability defines no governance type: Gereffi, Humphrey & Sturgeon (2005) note that this combination is unlikely to occur, since simple information is easily codified (supplier capability ${supplierCapability})`,
      );
    }
    if (supplierCapability === 'low') {
      return none(
        'low complexity, high codifiability and low supplier capability define no governance type: Gereffi, Humphrey & Sturgeon (2005) note that low capability then leads to the exclusion of the suppliers from the chain, an outcome their table does not give a type',
      );
    }
    return typed(
      'market',
      1,
      'simple, easily codified transactions with capable suppliers: buyers respond to specifications and prices, little explicit coordination',
    );
  }
  if (codifiability === 'high') {
    return supplierCapability === 'high'
      ? typed(
          'modular',
          2,
          'complex but codifiable transactions with capable suppliers: turnkey suppliers make to specification, linkages are easily switched',
        )
      : typed(
          'captive',
          4,
          'complex, codifiable transactions with suppliers of low capability: suppliers depend on the lead firm, which monitors and controls them',
        );
  }
  return supplierCapability === 'high'
    ? typed(
        'relational',
        3,
        'complex transactions that are hard to codify, with capable suppliers: tacit knowledge is exchanged in mutually dependent relationships built on trust and reputation',
      )
    : typed(
        'hierarchy',
        5,
        'complex transactions that are hard to codify, with no capable suppliers: the lead firm develops and makes the product in-house (vertical integration)',
      );
}
