import { IssueList, safeValidate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { policyLevers, servesFamily } from './levers.js';
import { PolicyAgendaOptions, PolicyFamily, type PolicyLever } from './model.js';

/**
 * The policy levers Kaplinsky (2015) ties to a family of value chains. Vertically specialised chains
 * (thinning) call for an open trade regime: trade facilitation, export processing zones or special
 * economic zones, and firm-level upgrading support (innovation systems, skills, R&D incentives).
 * Additive chains (thickening) call for local content rules, limits on imported inputs, export taxes
 * or bans on unprocessed raw materials (leather in Ethiopia; Indonesia), and resource-specific
 * infrastructure and skills. Each lever states its stance on the trade regime.
 *
 * With `{ catalogue: 'full' }` the paper's wider menu is added, each lever in every family it serves:
 * marketing institutions, linkage development zones, standards and certification, skills
 * programmes, offsets, supplier development by lead firms and trade preferences (AGOA). Each lever
 * of the full catalogue states the firms it fits (`fits`: ownership, size, formality, a lead firm) and
 * the levers it conflicts with or complements; {@link policyFit} reads them against a chain.
 *
 * Reference: Kaplinsky, R. (2015) UNU-MERIT Working Paper 2015-027; Morris, M., Kaplinsky, R. &
 * Kaplan, D. (2012) *One Thing Leads to Another: Promoting Industrialisation by Making the Most of the
 * Commodity Boom in Sub-Saharan Africa*; Dolan, C. & Humphrey, J. (2000); Morris, M., Staritz, C. &
 * Barnes, J. (2011).
 *
 * @param family - `'additive'` or `'vertically-specialised'`
 * @param options - {@link PolicyAgendaOptions}: `catalogue` `'core'` (default, the ten levers) or `'full'`
 * @returns the family's levers in catalogue order, deeply frozen (copy them to change them)
 * @throws {@link GvcError} `INVALID_INPUT` when `family` is neither (path `family`) or the options are
 *   invalid (path `options.catalogue`)
 * @example
 * ```ts
 * policyAgenda('additive').map((l) => l.tradeRegime);
 * //=> ['restrictive', 'restrictive', 'restrictive', 'neutral', 'neutral']
 * policyAgenda('vertically-specialised', { catalogue: 'full' }).slice(5).map((l) => l.id);
 * //=> ['standards-and-certification', 'skills-programmes', 'offsets', 'supplier-development', 'trade-preferences']
 * ```
 */
export function policyAgenda(family: PolicyFamily, options?: PolicyAgendaOptions): PolicyLever[] {
  const summary = 'invalid chain family';
  const issues = new IssueList();
  const parsed = issues.take(safeValidate(PolicyFamily, family, 'family', summary));
  const opts = issues.take(safeValidate(PolicyAgendaOptions, options ?? {}, 'options', summary));
  issues.throwIfAny(summary);
  if (parsed === undefined || opts === undefined) throw new GvcError('INVALID_INPUT', summary); // unreachable
  const { catalogue } = opts;
  return deepFreeze(
    policyLevers().filter((l) => servesFamily(l, parsed) && (catalogue === 'full' || l.tier !== 'extended')),
  );
}
