import { z } from 'zod';

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
  fileName: z.string().min(1).optional(),
  delimiter: z.string().length(1, { error: 'expected a single-character delimiter' }).optional(),
  decimal: z.enum(['.', ','], { error: 'expected "." or ","' }).optional(),
  tolerance: z.number().finite().nonnegative().optional(),
} as const;
