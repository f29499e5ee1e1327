/**
 * The schema of a list of country or sector labels, for the schemas of table inputs
 * (`IcioInput`, `IcioRecords`): kept apart from the matrix functions so that they bundle without
 * zod.
 *
 * @internal
 * @packageDocumentation
 */
import * as z from 'zod/mini';
import { labelProblems } from './internal.js';

/**
 * A zod schema of a non-empty list of labels checked as `checkLabels` checks them (internal.ts),
 * so that label problems are reported with every other problem of the input.
 *
 * @internal
 */
export function labelsSchema(what: 'country' | 'sector') {
  return z.array(z.string()).check(
    z.minLength(1, { error: `expected at least one ${what}, found none` }),
    z.superRefine((labels, ctx) =>
      labelProblems(labels, what, (i, message) => ctx.addIssue({ code: 'custom', path: [i], message })),
    ),
  );
}
