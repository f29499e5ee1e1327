import * as z from 'zod/mini';
import { preview, validate, validateOptions } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { ICIO_TOLERANCE } from './model.js';
import { eachLineOfText } from './readers/lines.js';
import { detectEdition, oecdMeta, oecdTable } from './readers/oecd.js';
import { IcioTextParser, OECD_FINAL_DEMAND } from './readers/oecd-parse.js';
import { ReadProblems } from './readers/problems.js';
import { assembleIcio } from './readers/table.js';
import type { Icio } from './types.js';

/**
 * Options of {@link readIcioCsv}:
 * - `finalDemand`: suffixes of final-demand columns (`CCC_HFCE`); by default the OECD ICIO
 *   categories of every edition: `HFCE, NPISH, NPS, GGFC, GGCF, GFCF, INVNT, INV, DPABR, DIRPA,
 *   DIRP, P33, NONRES, FD`;
 * - `delimiter`: the field separator, `,` by default (`;` when `decimal` is `,`);
 * - `decimal`: the decimal mark, `.` by default; `,` reads `1,5` as 1.5;
 * - `keepSplit`: `false` by default, summing OECD's split blocks `CN1`, `CN2`, … into `CHN` and
 *   `MX1`, `MX2`, … into `MEX` (rows and columns); `true` keeps them as countries;
 * - `tolerance`: relative tolerance of the accounting checks, as in {@link createIcio}.
 *
 * @example
 * ```ts
 * IcioCsvOptions.parse({ delimiter: ';' }).delimiter;
 * //=> ';'
 * ```
 */
export const IcioCsvOptions = z.strictObject({
  finalDemand: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
  delimiter: z.optional(z.string().check(z.length(1, { error: 'expected a single-character delimiter' }))),
  tolerance: z.optional(z.number().check(z.nonnegative())),
  decimal: z.optional(z.enum(['.', ','], { error: 'expected "." or ","' })),
  keepSplit: z.optional(z.boolean()),
});
/** Options of {@link readIcioCsv}. */
export type IcioCsvOptions = z.input<typeof IcioCsvOptions>;

/**
 * Reads an inter-country input–output table in the OECD ICIO CSV layout from text, in one pass
 * (the synchronous twin of `readOecdIcio`, with the same parser). The header row holds
 * `CCC_SECTOR` industry columns (country-major, every country with the same sectors in the same
 * order), then final-demand columns `CCC_HFCE, CCC_NPISH, CCC_GGFC, CCC_GFCF, CCC_INVNT,
 * CCC_DPABR` (or component-major `HFCE_CCC` as in OECD's 2016 edition; summed per destination
 * country), optionally a discrepancy column `DISC` (added to the final demand of the row's own
 * country) and a total column `OUT` or `TOTAL`. Data rows are labelled like the industry columns
 * and matched to them by label, so a bad label is one problem at its line and the rows after it
 * are read as usual; rows `TLS`/`TAXSUB`/`CCC_TAXSUB` (taxes less subsidies on products),
 * `VA`/`VALU` (value added) and `OUT`/`OUTPUT`/`TOTAL` (gross output) are recognised. OECD's split
 * blocks (`CN1`, `CN2` with `CHN_HFCE` columns; `MX1`, `MX2`) are summed into `CHN` and `MEX` unless
 * `keepSplit`. The value added of the result is the sum of the value-added rows, so that output =
 * inputs + value added; the total column is checked against the row sums, the total row against
 * the column sums plus value added, and the two totals against each other (see
 * {@link createIcio}). Empty cells count as 0. `meta` keeps final demand by category, the
 * value-added rows and the merged blocks, as `readOecdIcio` does.
 *
 * @param text - the CSV text (a header row, then one row per country–sector and the total rows)
 * @param options - see {@link IcioCsvOptions}
 * @returns the validated table
 * @throws {GvcError} `INVALID_INPUT` listing every problem, located in the text as `text:LINE:FIELD`
 *   (1-based; the row and column labels are in the message): unknown labels, cells that are not
 *   finite numbers, missing rows, a mismatch of the output row and column; more than
 *   MAX_ICIO_ORDER country–sector pairs, or fewer lines than industry columns, refused before the
 *   n×n matrix is allocated (path `text:1` or `text`); options at `options.…`; the checks of
 *   {@link createIcio} on the table read (paths `input.x[CCC_SECTOR]`)
 * @example
 * ```ts
 * const csv = [
 *   ',A_s,B_s,A_HFCE,B_HFCE,OUT',
 *   'A_s,1,2,5,6,14',
 *   'B_s,3,4,7,8,22',
 *   'VA,10,16,,,',
 *   'OUT,14,22,,,',
 * ].join('\n');
 * const t = readIcioCsv(csv);
 * [t.countries, t.sectors, Array.from(t.x)];
 * //=> [['A', 'B'], ['s'], [14, 22]]
 * ```
 */
export function readIcioCsv(text: string, options?: IcioCsvOptions): Icio {
  validate(
    z.string({ error: (iss) => `expected CSV text, found ${preview(iss.input)}` }),
    text,
    'text',
    'invalid ICIO CSV',
  );
  const opts = validateOptions(IcioCsvOptions, options);
  const decimal = opts.decimal ?? '.';
  const delimiter = opts.delimiter ?? (decimal === ',' ? ';' : ',');
  const problems = new ReadProblems('text', 'invalid ICIO CSV');
  if (delimiter === decimal) {
    problems.addPath('options.decimal', `expected a decimal mark other than the delimiter ${delimiter}`);
    problems.throwIfAny();
  }
  let headerEnd = 0;
  const parser = new IcioTextParser({
    problems,
    delimiter,
    decimal,
    finalDemand: new Set(opts.finalDemand ?? OECD_FINAL_DEMAND),
    keepSplit: opts.keepSplit ?? false,
    tolerance: opts.tolerance ?? ICIO_TOLERANCE,
    // n rows must follow: count the lines left before allocating the n×n matrix.
    beforeAllocate: (n) => {
      let left = 0;
      for (let p = headerEnd; p < text.length && left < n; ) {
        let end = text.indexOf('\n', p);
        if (end < 0) end = text.length;
        if (text.slice(p, end).trim() !== '') left++;
        p = end + 1;
      }
      if (left >= n) return true;
      problems.addPath('text', `expected ${n} country–sector rows after the header, found ${left} lines`);
      return false;
    },
  });
  let started = false;
  let stop = false;
  eachLineOfText(text, (line, lineNo, end) => {
    if (line.trim() === '') return true;
    if (!started) {
      started = true;
      headerEnd = end;
      stop = !parser.header(line, lineNo);
      return !stop;
    }
    parser.row(line, lineNo);
    return !problems.full;
  });
  if (!started) {
    throw new GvcError('INVALID_INPUT', 'invalid ICIO CSV', [
      { path: 'text', message: 'expected a header row, found empty text' },
    ]);
  }
  const parsed = problems.size === 0 ? parser.finish() : undefined;
  problems.throwIfAny();
  const t = parsed!;
  return assembleIcio(
    oecdTable(t, opts.tolerance ?? ICIO_TOLERANCE),
    oecdMeta(t, detectEdition(t, 'text'), undefined),
  );
}
