/**
 * The zod schemas of `classifyLinkGovernance`'s arguments: the determinants of a link and the
 * options (public, re-exported by governance/index.ts), and the parts of a chain it reads (internal).
 * The function itself checks its arguments with the zod-free checkers of
 * src/governance/links-check.ts, which mirror these schemas line for line and give exactly their
 * results (tests/governance/links-check-differential.test.ts), so that its bundle holds no zod.
 */
import * as z from 'zod/mini';
import { Id } from '../core/primitives.js';
import { noStages, withinActorValues } from './links-check.js';
import { GovernanceDeterminants, GovernanceType } from './model.js';

/**
 * The determinants observed on one buyer–supplier link of a chain: the supplying stage `from`
 * (whose output is an input of `to`), the buying stage `to`, and the three determinants of
 * Gereffi, Humphrey & Sturgeon (2005, Table 1) as they hold on that link.
 *
 * @example
 * ```ts
 * LinkDeterminants.parse({ from: 'assembly', to: 'retail',
 *   determinants: { complexity: 'high', codifiability: 'high', supplierCapability: 'high' } }).to;
 * //=> 'retail'
 * ```
 */
export const LinkDeterminants = z.strictObject({
  /** The supplying stage (its output is an input of `to`). */
  from: Id,
  /** The buying stage. */
  to: Id,
  /** The three determinants on this link. */
  determinants: GovernanceDeterminants,
  /** Where the coding comes from, in words. */
  note: z.optional(z.string()),
});
/** The determinants observed on one link (what a caller passes). */
export type LinkDeterminants = z.input<typeof LinkDeterminants>;

/**
 * Options of {@link classifyLinkGovernance}.
 *
 * - `withinActor`: a link between two stages of the same actor is not a buyer–supplier link.
 *   `'skip'` (default) lists such links in `withinActor` only; `'hierarchy'` also classes each one
 *   not described in `links` as `hierarchy` (vertical integration: Gereffi, Humphrey & Sturgeon
 *   2005 describe hierarchy as managerial control within the lead firm).
 *
 * @example
 * ```ts
 * LinkGovernanceOptions.parse({}).withinActor;
 * //=> 'skip'
 * ```
 */
export const LinkGovernanceOptions = z.strictObject({
  withinActor: z._default(z.enum(withinActorValues), 'skip'),
});
/** Options of {@link classifyLinkGovernance} (what a caller may pass). */
export type LinkGovernanceOptions = z.input<typeof LinkGovernanceOptions>;

/**
 * The parts of a value chain `classifyLinkGovernance` reads, as a zod schema; any value chain
 * matches. The function checks its argument with the zod-free `LinkChainCheck`, which mirrors it; this schema
 * is the reference the differential test compares with.
 *
 * @internal
 */
export const LinkChain = z.looseObject({
  stages: z
    .array(
      z.looseObject({
        id: Id,
        actor: z.optional(Id),
        inputs: z._default(z.array(z.looseObject({ stage: Id })), []),
      }),
    )
    .check(z.minLength(1, { error: noStages })),
  governance: z.optional(z.looseObject({ type: GovernanceType })),
});
