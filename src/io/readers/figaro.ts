import * as z from 'zod/mini';
import { quote, validateOptions } from '../../core/boundary.js';
import { ICIO_TOLERANCE } from '../model.js';
import type { Icio } from '../types.js';
import { figaroNameFacts, summedFinalDemand } from './figaro-codes.js';
import { figaroFlat } from './figaro-flat.js';
import { type FigaroSink, figaroMatrix } from './figaro-matrix.js';
import { describeLayout } from './layouts.js';
import { eachLine, splitFields } from './lines.js';
import { readerOptionsShape } from './options.js';
import { ReadProblems } from './problems.js';
import { sourceName, type TableSource, validateSource } from './source.js';
import { finishTable } from './table.js';

/**
 * Options of {@link readFigaro}: those of every reader (`fileName`, `delimiter` — `,` by default —,
 * `decimal`, `tolerance`), and
 * - `edition`: the FIGARO edition (`2023`); by default read from the file name (`…_23ed_…`);
 * - `year`: the year the table describes; by default read from the file name (`…_2021.csv`).
 *
 * @example
 * ```ts
 * FigaroOptions.parse({ edition: '2024', year: 2022 }).year;
 * //=> 2022
 * ```
 */
export const FigaroOptions = z.strictObject({
  ...readerOptionsShape,
  edition: z.optional(z.string().check(z.minLength(1))),
  year: z.optional(z.int().check(z.gte(1900), z.lte(2200))),
});
/** Options of {@link readFigaro}. */
export type FigaroOptions = z.input<typeof FigaroOptions>;

const WHAT = 'invalid FIGARO file';

/**
 * Reads a FIGARO inter-country input–output table (Eurostat's "Full international and global
 * accounts for research in input-output analysis"), industry by industry or product by product,
 * in either of the two CSV layouts Eurostat distributes, told apart by the header:
 * - the **matrix** file (`matrix_eu-ic-io_ind-by-ind_23ed_2021.csv`): first column `rowLabels`,
 *   columns `AR_A01, …` (country_industry) then `AR_P3_S13, …` (country_final-demand), one row per
 *   country–industry, then the value-added rows (`W2_D21X31`, `W2_D1`, …) — the layout exvatools
 *   reads (`R/extract_figaro.R`);
 * - the **flat** file (`flatfile_eu-ic-io_ind-by-ind_23ed_2021.csv`): one observation per line with
 *   columns `refArea, rowPi, counterpartArea, colPi, obsValue` (others ignored), in any order.
 *
 * Final demand has the categories P3_S13 (government), P3_S14 (households), P3_S15 (NPISH), P51G
 * (gross fixed capital formation) and P5M (changes in inventories and valuables), kept apart in
 * `meta.finalDemand`. The value-added rows are kept in `meta.valueAdded`: D21X31 (taxes less
 * subsidies on products) as kind `taxes`; D1, D29X39, B2A3G and, where present, OP_RES/OP_NRES as
 * `other` (they are components of value added, not a total); their sum is the table's `va`, which
 * `createIcio` checks against output minus inputs. Their cells in final-demand columns are not part
 * of the table and are skipped. Missing cells are 0. Countries and industries keep the header's
 * order in a matrix file and are sorted by code in a flat file (the matrix order). The file is read
 * as a stream; a flat file's observations are held as 12 bytes each until placed.
 *
 * Source: Remond-Tiedrez, I. and Rueda-Cantuche, J. M. (eds.) (2019), "EU inter-country supply,
 * use and input-output tables — Full international and global accounts for research in
 * input-output analysis (FIGARO)", Eurostat Statistical Working Papers; Eurostat, "FIGARO —
 * Full international and global accounts for research in input-output analysis" (web page).
 *
 * @param source - the CSV file: a path, `{ text }`, bytes or a stream (see `TableSource`)
 * @param options - see {@link FigaroOptions}
 * @returns the table, with `meta` (release `FIGARO`, edition and year where known, unit
 *   `EUR million`, final demand by category, value-added rows)
 * @throws {GvcError} `INVALID_INPUT` listing every problem at `FILE:LINE:COLUMN`: a header of
 *   another layout (saying which it looks like), unknown row labels (one problem per row, the next
 *   rows read on), cells that are not numbers, duplicate rows or observations, missing rows, more
 *   than `MAX_ICIO_ORDER` country–industries (refused before allocating); the checks of
 *   `createIcio` (paths `FILE: input.va[AR_A01]`); `NOT_FOUND` for a missing file; `UNSUPPORTED` for a file path
 *   where there is no file system (a browser); options at `options.…`
 * @example
 * ```ts
 * const csv = [
 *   'rowLabels,AA_X,BB_X,AA_P3_S14,BB_P3_S14',
 *   'AA_X,1,2,3,4',
 *   'BB_X,5,6,7,8',
 *   'W2_D1,2,12,0,0',
 *   'W2_D21X31,2,6,0,0',
 * ].join('\n');
 * const t = await readFigaro({ text: csv });
 * [t.countries, Array.from(t.x), t.meta?.valueAdded?.map((r) => r.kind)];
 * //=> [['AA', 'BB'], [10, 26], ['taxes', 'other']]
 * ```
 */
export async function readFigaro(source: TableSource, options?: FigaroOptions): Promise<Icio> {
  const src = validateSource(source);
  const opts = validateOptions(FigaroOptions, options);
  const file = opts.fileName ?? sourceName(src);
  const delimiter = opts.delimiter ?? ',';
  const decimal = opts.decimal ?? '.';
  const problems = new ReadProblems(file, WHAT);
  let sink: FigaroSink | undefined;
  let wrong = false;
  await eachLine(src, (line, lineNo) => {
    if (sink) {
      sink.line(line, lineNo);
      return !problems.full;
    }
    if (line.trim() === '') return true;
    const cells = splitFields(line, delimiter);
    const first = (cells[0] ?? '').toLowerCase();
    if (first === 'rowlabels') sink = figaroMatrix(problems, delimiter, decimal);
    else if (cells.some((c) => c.toLowerCase() === 'refarea'))
      sink = figaroFlat(problems, delimiter, decimal);
    else {
      const bytes =
        src instanceof Uint8Array ? src : src instanceof ArrayBuffer ? new Uint8Array(src) : undefined;
      const looks = describeLayout(line, bytes?.subarray(0, 8));
      problems.add(
        lineNo,
        undefined,
        `expected a FIGARO header (first column rowLabels, or the columns refArea, rowPi, counterpartArea, colPi, obsValue), found ${
          looks ? `a file that looks like ${looks}` : `a header starting ${quote(line.slice(0, 40))}`
        }`,
      );
      wrong = true;
      return false;
    }
    sink.header(cells, lineNo);
    return problems.size === 0;
  });
  if (!sink && !wrong) problems.addPath(file, 'expected a FIGARO header row, found an empty file');
  const table = problems.size === 0 ? sink?.finish() : undefined;
  problems.throwIfAny();
  const facts = figaroNameFacts(file);
  const edition = opts.edition ?? facts.edition;
  const year = opts.year ?? facts.year;
  const t = table!;
  const { Y, finalDemand } = summedFinalDemand(
    t.Y,
    t.categories,
    t.countries.length * t.sectors.length,
    t.countries.length,
  );
  return finishTable(
    { ...t, Y, categories: ['total'], tolerance: opts.tolerance ?? ICIO_TOLERANCE, inPlace: true },
    {
      release: 'FIGARO',
      finalDemand,
      ...(edition !== undefined ? { edition } : {}),
      ...(year !== undefined ? { year } : {}),
      unit: 'EUR million',
    },
    file,
    WHAT,
  );
}
