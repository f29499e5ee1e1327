/**
 * The outlook rule of rents, on parsed rents (internal: not re-exported).
 *
 * @internal
 * @packageDocumentation
 */
import type { Rent } from './model.js';
import type { RentOutlook } from './outlook.js';

/**
 * The rule table of `rentOutlook`, on a parsed rent (shared with `aggregateRents`).
 *
 * @internal
 */
export function outlookOf(rent: Rent): RentOutlook {
  if (rent.dynamic) return 'sustainable';
  if (rent.eroding === true) return 'eroding';
  if (rent.barriers === 'high' && rent.protected) return 'sustainable';
  if (rent.barriers === 'low' && !rent.protected) return 'absent';
  return 'eroding';
}
