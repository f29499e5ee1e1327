import { validate } from '../core/boundary.js';
import { type EndMarket, EndMarkets } from './end-markets.js';
import type { MarketOrientation } from './table-model.js';

/**
 * Classifies a cluster's end markets into the market orientations of Table 2 of Kaplinsky (2015):
 *
 * - `international-only`: international and nothing else;
 * - `domestic-and-international`: international with any other market;
 * - `domestic-and-regional`: regional, without international (with or without local or national
 *   markets — so a cluster selling only to neighbouring countries is `domestic-and-regional`, the
 *   issue's rule "regional, without international" taken literally);
 * - `domestic`: national, with or without local, and neither regional nor international;
 * - `local-only`: local and nothing else.
 *
 * The rules are applied in that order, so every non-empty set of end markets has exactly one
 * orientation.
 *
 * @param endMarkets - the cluster's end markets (at least one, none repeated)
 * @returns the market orientation
 * @throws GvcError `INVALID_INPUT` when the list is empty, repeats a market or holds an unknown one
 * (paths rooted at the argument: `endMarkets[1]: expected each value at most once, found "local" again
 * (first at [0])`)
 * @example
 * ```ts
 * classifyMarketOrientation(['local', 'national']);
 * //=> 'domestic'
 * classifyMarketOrientation(['national', 'international']);
 * //=> 'domestic-and-international'
 * ```
 */
export function classifyMarketOrientation(endMarkets: readonly EndMarket[]): MarketOrientation {
  const parsed = validate(EndMarkets, endMarkets, 'endMarkets', 'invalid end markets');
  return orientationOf(parsed);
}

/**
 * The market orientation of an already validated list of end markets.
 *
 * @internal
 */
export function orientationOf(markets: readonly EndMarket[]): MarketOrientation {
  const has = (m: EndMarket) => markets.includes(m);
  if (has('international')) return markets.length === 1 ? 'international-only' : 'domestic-and-international';
  if (has('regional')) return 'domestic-and-regional';
  if (has('national')) return 'domestic';
  return 'local-only';
}
