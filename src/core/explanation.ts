import * as z from 'zod/mini';

/**
 * Why a result is what it is: the rules that fired, the evidence they read, what could not be
 * judged, and where the rules come from. Every classifier and test added for issue 18 returns one
 * as its `explanation` field (sub-items such as a transition or a link carry a rule id and a
 * one-sentence explanation instead). The schema and the type share the name.
 *
 * - `text`: one or two sentences a reader can quote;
 * - `rules`: ids of the rules that fired, in order (each module exports its own rule-id union);
 * - `evidence`: the input paths that decided, e.g. `'to.unitValue'`, `'chain.stages[3].inputs'`;
 * - `notes`: what could not be judged and why, and the conventions used (e.g. "default tolerance
 *   0.01 is gvckit's convention: no source gives a number");
 * - `sources`: short citations of the rules that fired, e.g. `'Humphrey & Schmitz 2002, p. 1020'`.
 *
 * @example
 * ```ts
 * Explanation.parse({
 *   text: 'The share of dynamic clusters rises with the number of joint actions',
 *   rules: ['cochran-armitage'],
 *   evidence: ['successes', 'totals'],
 *   notes: [],
 *   sources: ['Armitage 1955'],
 * }).rules;
 * //=> ['cochran-armitage']
 * ```
 */
export const Explanation = z.strictObject({
  /** One or two sentences a reader can quote. */
  text: z.string(),
  /** Ids of the rules that fired, in order (each module exports its rule-id union). */
  rules: z.array(z.string()),
  /** The input paths that decided, e.g. `'to.unitValue'`, `'chain.stages[3].inputs'`. */
  evidence: z.array(z.string()),
  /** What could not be judged and why; conventions used (e.g. a default tolerance no source gives). */
  notes: z.array(z.string()),
  /** Short citations of the rules that fired, e.g. `'Humphrey & Schmitz 2002, p. 1020'`. */
  sources: z.array(z.string()),
});
/** Why a result is what it is: the rules that fired, the evidence they read, what could not be judged. */
export type Explanation = z.output<typeof Explanation>;
