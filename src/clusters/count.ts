import * as z from 'zod/mini';
import { describeFound } from '../core/issues.js';

/**
 * A whole number from 0 to `Number.MAX_SAFE_INTEGER` (a count). Larger integers are rejected: above
 * 2^53 − 1 a double no longer holds every whole number, so counts could not be added exactly.
 *
 * @internal
 */
export const Count = z
  .number({ error: (iss) => `expected a whole number >= 0, found ${describeFound(iss)}` })
  .check(
    z.int({
      error: (iss) =>
        typeof iss.input === 'number' && Number.isInteger(iss.input)
          ? `expected a whole number <= ${Number.MAX_SAFE_INTEGER}, found ${describeFound(iss)}`
          : `expected a whole number >= 0, found ${describeFound(iss)}`,
    }),
    z.gte(0, { error: (iss) => `expected a whole number >= 0, found ${describeFound(iss)}` }),
  );
