import type * as z from 'zod/mini';
import { validate } from '../core/boundary.js';
import { Rent, type RentFamily } from './model.js';

/**
 * The outlook of a rent (Kaplinsky 2015, after Kaplinsky & Morris 2001): `sustainable` (the income
 * lasts), `eroding` (the barriers are falling or too low to hold; income then depends on creating
 * dynamic rents) or `absent` (nothing bars entry: no rent to earn).
 */
export type RentOutlook = 'sustainable' | 'eroding' | 'absent';

/**
 * The family of a rent: `resource` (gifts of nature), `endogenous` (created by chain participants),
 * `exogenous` (external to the chain: policy, infrastructure, finance) or `monopoly` (set aside by
 * the paper).
 *
 * Reference: Kaplinsky (2015), section on rents; Kaplinsky & Morris (2001).
 *
 * @param rent - a rent (validated)
 * @returns its family
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem of `rent`, with paths rooted at
 *   `rent` (`rent.kind: expected one of "technology", …, found "brand"`)
 * @example
 * ```ts
 * rentFamily({ family: 'exogenous', kind: 'finance', barriers: 'medium' });
 * //=> 'exogenous'
 * ```
 */
export function rentFamily(rent: z.input<typeof Rent>): RentFamily {
  return validate(Rent, rent, 'rent', 'invalid rent').family;
}

/**
 * The outlook of a rent. Income from a rent lasts while its barriers to entry hold; when they erode
 * only the ability to create new (dynamic) rents sustains it (Kaplinsky 2015). The rules, applied in
 * this order (the first that matches decides):
 *
 * | # | dynamic | eroding (barriers falling) | barriers       | protected | outlook       |
 * | - | ------- | -------------------------- | -------------- | --------- | ------------- |
 * | 1 | yes     | any                        | any            | any       | `sustainable` |
 * | 2 | no      | yes                        | any            | any       | `eroding`     |
 * | 3 | no      | no or unknown              | high           | yes       | `sustainable` |
 * | 4 | no      | no or unknown              | low            | no        | `absent`      |
 * | 5 | no      | no or unknown              | high           | no        | `eroding`     |
 * | 6 | no      | no or unknown              | medium         | any       | `eroding`     |
 * | 7 | no      | no or unknown              | low            | yes       | `eroding`     |
 *
 * Rows 5–7: barriers that are unprotected, or only medium or low, will be competed away; the holder's
 * income then depends on creating dynamic rents.
 *
 * Reference: Kaplinsky, R. (2015) UNU-MERIT Working Paper 2015-027, section 2 (rents); Kaplinsky, R.
 * & Morris, M. (2001) *A Handbook for Value Chain Research*, IDRC.
 *
 * @param rent - a rent (validated; `protected` and `dynamic` default to `false`)
 * @returns `'sustainable'`, `'eroding'` or `'absent'`
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem of `rent`, with paths rooted at
 *   `rent` (`rent.barriers`)
 * @example
 * ```ts
 * rentOutlook({ family: 'endogenous', kind: 'marketing', barriers: 'high', protected: true });
 * //=> 'sustainable'
 * rentOutlook({ family: 'resource', barriers: 'low' });
 * //=> 'absent'
 * ```
 */
export function rentOutlook(rent: z.input<typeof Rent>): RentOutlook {
  return outlookOf(validate(Rent, rent, 'rent', 'invalid rent'));
}

/** The rule table of {@link rentOutlook}, on a parsed rent. */
function outlookOf(rent: Rent): RentOutlook {
  if (rent.dynamic) return 'sustainable';
  if (rent.eroding === true) return 'eroding';
  if (rent.barriers === 'high' && rent.protected) return 'sustainable';
  if (rent.barriers === 'low' && !rent.protected) return 'absent';
  return 'eroding';
}
