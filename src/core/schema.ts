import * as z from 'zod/mini';

/**
 * One problem found in an input, as carried by `GvcError.issues`: where it is (`path`, in JavaScript
 * accessor notation such as `stages[3].inputs[0].stage`, empty for the root) and what was expected
 * and found (`message`, without a trailing period). The schema and the type share the name; its
 * JSON Schema is published as `gvckit/schemas/gvc-issue.json`.
 *
 * @example
 * ```ts
 * GvcIssue.parse({ path: 'stages[3].inputs[0].stage', message: 'expected the id of a stage of the chain, found "grind"' });
 * //=> { path: 'stages[3].inputs[0].stage', message: 'expected the id of a stage of the chain, found "grind"' }
 * ```
 */
export const GvcIssue = z.strictObject({
  /** Where the problem is, in JavaScript accessor notation (`stages[3].inputs[0].stage`); empty for the root. */
  path: z.string(),
  /** What was expected and what was found, without a trailing period. */
  message: z.string(),
});
/** One problem found in an input, located by a path such as `stages[3].inputs[0].stage`. */
export type GvcIssue = z.output<typeof GvcIssue>;

/**
 * Schema of one validation problem.
 *
 * @deprecated Use {@link GvcIssue} (the schema and the type now share that name); removed in 0.3.0.
 * @internal
 */
export const GvcIssueSchema = GvcIssue;
