import * as z from 'zod/mini';

/**
 * The options every reader takes (each reader's options schema extends these):
 * - `fileName`: the name the file goes by in error paths (`FILE:LINE:COLUMN`); by default the
 *   base name of the path, `text` for `{ text }`, and `input` for bytes and streams;
 * - `delimiter`: the field separator of a text file (each reader documents its default);
 * - `decimal`: the decimal mark, `.` by default; `,` reads `1,5` as 1.5 (use it with
 *   `delimiter: ';'`, the usual pairing in continental European exports);
 * - `tolerance`: the relative tolerance of the accounting checks, as in `createIcio`.
 *
 * @internal
 */
export const readerOptionsShape = {
  fileName: z.optional(z.string().check(z.minLength(1))),
  delimiter: z.optional(z.string().check(z.length(1, { error: 'expected a single-character delimiter' }))),
  decimal: z.optional(z.enum(['.', ','], { error: 'expected "." or ","' })),
  tolerance: z.optional(z.number().check(z.nonnegative())),
} as const;
