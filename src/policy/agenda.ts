import { validate } from '../core/boundary.js';
import { deepFreeze } from '../core/freeze.js';
import { policyLevers } from './levers.js';
import { PolicyFamily, type PolicyLever } from './model.js';

/**
 * The policy levers Kaplinsky (2015) ties to a family of value chains. Vertically specialised chains
 * (thinning) call for an open trade regime: trade facilitation, export processing zones or special
 * economic zones, and firm-level upgrading support (innovation systems, skills, R&D incentives).
 * Additive chains (thickening) call for local content rules, limits on imported inputs, export taxes
 * or bans on unprocessed raw materials (leather in Ethiopia; Indonesia), and resource-specific
 * infrastructure and skills. Each lever states its stance on the trade regime.
 *
 * Reference: Kaplinsky, R. (2015) UNU-MERIT Working Paper 2015-027; Morris, M., Kaplinsky, R. &
 * Kaplan, D. (2012) *One Thing Leads to Another: Promoting Industrialisation by Making the Most of the
 * Commodity Boom in Sub-Saharan Africa*.
 *
 * @param family - `'additive'` or `'vertically-specialised'`
 * @returns the family's levers, deeply frozen (copy them to change them)
 * @throws {@link GvcError} `INVALID_INPUT` when `family` is neither (path `family`)
 * @example
 * ```ts
 * policyAgenda('additive').map((l) => l.tradeRegime);
 * //=> ['restrictive', 'restrictive', 'restrictive', 'neutral', 'neutral']
 * ```
 */
export function policyAgenda(family: PolicyFamily): PolicyLever[] {
  const parsed = validate(PolicyFamily, family, 'family', 'invalid chain family');
  return deepFreeze(policyLevers().filter((l) => l.family === parsed));
}
