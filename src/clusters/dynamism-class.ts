import type * as z from 'zod/mini';
import { namedEnum } from './schema-helpers.js';

/**
 * The dynamism of a cluster (Kaplinsky 2015, section on clusters): `static` (neither growth nor
 * upgrading — survivalist or dying), `growth` (extensive growth only: more of the same),
 * `upgrading` (upgrading without growth) or `growth-and-upgrading`.
 *
 * @example
 * ```ts
 * DynamismClass.options;
 * //=> ['static', 'growth', 'upgrading', 'growth-and-upgrading']
 * ```
 */
export const DynamismClass = namedEnum(['static', 'growth', 'upgrading', 'growth-and-upgrading']);
/** The dynamism of a cluster. */
export type DynamismClass = z.output<typeof DynamismClass>;
