import type * as z from 'zod/mini';
import { namedEnum, setOf } from './schema-helpers.js';

/**
 * A market a cluster sells to, the end-market categories of Kaplinsky & Morris (2014a) as reported
 * in Table 1 of Kaplinsky (2015): `local`, `national`, `regional` (neighbouring countries) and
 * `international`.
 *
 * @example
 * ```ts
 * EndMarket.options;
 * //=> ['local', 'national', 'regional', 'international']
 * ```
 */
export const EndMarket = namedEnum(['local', 'national', 'regional', 'international']);
/** A market a cluster sells to. */
export type EndMarket = z.output<typeof EndMarket>;

/**
 * A cluster's end markets: at least one, none repeated (`Cluster.endMarkets`).
 *
 * @internal
 */
export const EndMarkets = setOf(EndMarket, { nonEmpty: 'expected at least one end market, found none' });
