import * as z from 'zod/mini';
import { validateOptions } from '../../core/boundary.js';
import { nodeBuiltin } from '../../core/runtime.js';
import { ICIO_TOLERANCE } from '../model.js';
import type { Icio, IcioMeta } from '../types.js';
import { describeLayout } from './layouts.js';
import { eachLine } from './lines.js';
import { IcioTextParser, OECD_FINAL_DEMAND, type ParsedIcio } from './oecd-parse.js';
import { readerOptionsShape } from './options.js';
import { ReadProblems } from './problems.js';
import { isPathSource, sourceName, type TableSource, validateSource } from './source.js';
import { finishTable, type ReadTable } from './table.js';

/** The OECD ICIO editions whose layout the reader knows. */
const EDITIONS = ['2016', '2018', '2021', '2023'] as const;

/**
 * Options of {@link readOecdIcio}: those of every reader (`fileName`, `delimiter` — `,` by default,
 * `;` when `decimal` is `,` —, `decimal`, `tolerance`) and
 * - `edition`: `2016`, `2018`, `2021` or `2023`, recorded in `meta.edition`; detected from the file
 *   name (`ICIO2021_2015.csv`, `2019_SML.csv`) and the labels when absent;
 * - `keepSplit`: `false` by default, summing OECD's split blocks into their country, rows and
 *   columns (`CN1`, `CN2`, `CN3`, `CN4` into `CHN`; `MX1`, `MX2`, `MX3` into `MEX`); `true` keeps
 *   them as countries of their own;
 * - `year`: the year of the table, recorded in `meta.year`; read from the file name
 *   (`ICIO2021_2015.csv`, `2019.csv`, `2019_SML.csv`) when absent.
 *
 * @example
 * ```ts
 * OecdIcioOptions.parse({ edition: '2023', keepSplit: true }).keepSplit;
 * //=> true
 * ```
 */
export const OecdIcioOptions = z.strictObject({
  ...readerOptionsShape,
  edition: z.optional(z.enum(EDITIONS, { error: 'expected "2016", "2018", "2021" or "2023"' })),
  keepSplit: z.optional(z.boolean()),
  year: z.optional(z.int().check(z.gte(1900), z.lte(2100))),
});
/** Options of {@link readOecdIcio}. */
export type OecdIcioOptions = z.input<typeof OecdIcioOptions>;

/**
 * Reads one year of the OECD Inter-Country Input-Output (ICIO) tables from the CSV file OECD
 * distributes (OECD (2016, 2018, 2021, 2023), "OECD Inter-Country Input-Output Database",
 * https://oecd.org/sti/ind/inter-country-input-output-tables.htm, and the ReadMe of each edition),
 * reading it line by line so that the text is never held whole.
 *
 * The file is a matrix: a header of `CCC_SECTOR` industry columns (country-major), final-demand
 * columns and a total column, then one row per country–sector, then the value-added rows. The
 * editions differ in their labels, all of which are read:
 * - 2023 (1995–2020; 76 economies and the rest of the world `ROW`, 45 industries, 3,465 rows
 *   merged): final demand `CCC_HFCE, CCC_NPISH, CCC_GGFC, CCC_GFCF, CCC_INVNT, CCC_DPABR`, rows
 *   `TLS` (taxes less subsidies on products), `VA` (value added), `OUT`, total column `OUT`; the
 *   extended files (`2019.csv`) add the blocks `MX1, MX2, CN1, CN2` after `ROW` and leave the
 *   `MEX` and `CHN` blocks empty; the small files (`2019_SML.csv`) have them merged already;
 * - 2021 (1995–2018; 66 economies + `ROW`, 45 industries): as 2023, total column `TOTAL`;
 * - 2018 (2005–2015; 64 economies + `ROW`, 36 industries): rows `CCC_TAXSUB` (one per country),
 *   `VALU`, `OUTPUT`; final demand `…, CCC_P33` (direct purchases abroad);
 * - 2016 (1995–2011; 63 economies + `ROW`, 34 industries): final demand ordered component-major
 *   (`HFCE_AUS, HFCE_AUT, …, NPISH_AUS, …`), blocks `MX1…MX3` and `CN1…CN4`, and a statistical
 *   discrepancy column `DISC`. exvatools (`extract_icio.R`) keeps DISC as one more final-demand
 *   column of a pseudo-country; an {@link Icio} has one final-demand column per country, so the
 *   discrepancy of each row is added to the final demand of the row's own country (gross output
 *   x = Z·1 + Y·1 stays that of the file, as exvatools computes it) and kept in
 *   `meta.discrepancy`; `meta.finalDemand` holds the categories without it.
 *
 * Rows are matched to the industry columns by label (in any order), so a bad label is one
 * problem at its line and the rows after it are read as usual. `meta` holds the release, edition,
 * year, unit (`USD million`), final demand by category ordered country-major (C1F1, C1F2, …)
 * whatever order the file used, the value-added rows apart (`TLS`/`TAXSUB` kind `taxes`,
 * `VA`/`VALU` kind `value-added`), the merged blocks (`{ CHN: ['CN1', 'CN2'] }`) and the
 * discrepancy.
 *
 * @param source - the file: a path, `{ text }`, bytes or a stream (see `TableSource`)
 * @param options - see {@link OecdIcioOptions}
 * @returns the validated table with its `meta`
 * @throws {GvcError} `INVALID_INPUT` listing every problem located `FILE:LINE:COLUMN` (COLUMN is
 *   the field number): unknown header or row labels, cells that are not numbers, an output row
 *   that differs from the output column, missing rows; a file of another layout (one problem
 *   naming the layout it looks like); a table above MAX_ICIO_ORDER country–sector pairs, refused
 *   before the n×n matrix is allocated; the balance checks of `createIcio` (paths
 *   `FILE: input.x[CCC_SECTOR]`); `NOT_FOUND` for a missing file; `UNSUPPORTED` for a file path where there is no file
 *   system (a browser: pass a Blob/File, bytes or a stream); options at `options.…`
 * @example
 * ```ts
 * const text = [
 *   ',A_s,CN1_s,CN2_s,A_HFCE,CHN_HFCE,OUT',
 *   'A_s,1,1,1,3,2,8',
 *   'CN1_s,1,0,1,1,2,5',
 *   'CN2_s,0,1,0,1,1,3',
 *   'TLS,1,1,0,,,',
 *   'VA,5,2,1,,,',
 *   'OUT,8,5,3,,,',
 * ].join('\n');
 * const t = await readOecdIcio({ text });
 * [t.countries, Array.from(t.x), t.meta?.merged];
 * //=> [['A', 'CHN'], [8, 8], { CHN: ['CN1', 'CN2'] }]
 * ```
 */
export async function readOecdIcio(source: TableSource, options?: OecdIcioOptions): Promise<Icio> {
  const src = validateSource(source);
  const opts = validateOptions(OecdIcioOptions, options);
  const file = opts.fileName ?? sourceName(src);
  const decimal = opts.decimal ?? '.';
  const delimiter = opts.delimiter ?? (decimal === ',' ? ';' : ',');
  const problems = new ReadProblems(file, 'invalid OECD ICIO file');
  if (delimiter === decimal) {
    problems.addPath('options.decimal', `expected a decimal mark other than the delimiter ${delimiter}`);
    problems.throwIfAny();
  }
  const size = await sizeOf(src);
  const parser = new IcioTextParser({
    problems,
    delimiter,
    decimal,
    finalDemand: new Set(OECD_FINAL_DEMAND),
    keepSplit: opts.keepSplit ?? false,
    tolerance: opts.tolerance ?? ICIO_TOLERANCE,
    beforeAllocate: (n) => {
      if (size === undefined || size >= 2 * n) return true;
      problems.addPath(
        file,
        `expected ${n} country–sector rows after the header, found a file of ${size} bytes`,
      );
      return false;
    },
  });
  let started = false;
  let stop = false;
  await eachLine(src, (line, lineNo) => {
    if (stop || isBlank(line)) return !stop;
    if (!started) {
      started = true;
      const looks = wrongLayout(line);
      if (looks) {
        problems.add(
          lineNo,
          undefined,
          `expected the OECD ICIO CSV layout, found a file that looks like ${looks}`,
        );
        stop = true;
      } else stop = !parser.header(line, lineNo);
      return !stop;
    }
    parser.row(line, lineNo);
    if (problems.full) stop = true;
    return !stop;
  });
  if (!started) problems.addPath(file, 'expected a header row, found an empty file');
  const parsed = problems.size === 0 ? parser.finish() : undefined;
  problems.throwIfAny();
  const t = parsed!;
  const meta = oecdMeta(t, detectEdition(t, file, opts.edition), opts.year ?? yearOf(file));
  return finishTable(oecdTable(t, opts.tolerance), meta, file, 'invalid OECD ICIO file');
}

/**
 * The table parsed in the OECD layout, for the builder (its matrices taken without a copy). @internal
 */
export function oecdTable(t: ParsedIcio, tolerance: number | undefined): ReadTable {
  return {
    countries: t.countries,
    sectors: t.sectors,
    Z: t.Z,
    Y: t.Y,
    categories: t.categories,
    ...(t.x ? { x: t.x } : {}),
    valueAdded: t.valueAdded,
    inPlace: true,
    ...(tolerance !== undefined ? { tolerance } : {}),
  };
}

/** The meta of a table read in the OECD layout. @internal */
export function oecdMeta(t: ParsedIcio, edition: string | undefined, year: number | undefined): IcioMeta {
  return {
    release: 'OECD ICIO',
    ...(edition ? { edition } : {}),
    ...(year !== undefined ? { year } : {}),
    unit: 'USD million',
    finalDemand: { categories: t.categories, Y: t.categories.length > 0 ? t.Yfd : new Float64Array(0) },
    ...(t.valueAdded.length > 0 ? { valueAdded: t.valueAdded } : {}),
    ...(Object.keys(t.merged).length > 0 ? { merged: t.merged } : {}),
    ...(t.discrepancy ? { discrepancy: t.discrepancy } : {}),
  };
}

/**
 * The edition of a table in the OECD layout, from the option, the file name (`ICIO2018_…`,
 * `…_SML.csv`), or its labels: component-major final demand or `DISC` → 2016; `VALU`, `TAXSUB`,
 * `OUTPUT` rows or `P33` final demand → 2018; `TLS`/`VA` rows with a `TOTAL` column → 2021, with
 * an `OUT` column → 2023 (and by the sector codes: `01T02` in 2021, `A01_02` in 2023).
 *
 * @internal
 */
export function detectEdition(t: ParsedIcio, file: string, given?: string): string | undefined {
  if (given) return given;
  const named = /ICIO(2016|2018|2021|2023)[_.]/i.exec(file)?.[1];
  if (named) return named;
  if (/_SML\.csv$/i.test(file)) return '2023';
  const { componentMajor, rowCodes, totalColumn } = t.signs;
  if (componentMajor || t.discrepancy) return '2016';
  const has = (re: RegExp) => rowCodes.some((c) => re.test(c));
  if (has(/^VALU$|TAXSUB/) || t.categories.includes('P33')) return '2018';
  if (has(/^(TLS|VA)$/)) {
    if (totalColumn === 'TOTAL') return '2021';
    if (totalColumn === 'OUT') return '2023';
    return /^[A-Z]/.test(t.sectors[0] ?? '') ? '2023' : '2021';
  }
  const N = t.sectors.length;
  return N === 34 ? '2016' : N === 36 ? '2018' : undefined;
}

/** The year in an OECD file name: `ICIO2021_2015.csv`, `2019.csv`, `2019_SML.csv` → 2015, 2019. @internal */
export function yearOf(file: string): number | undefined {
  const m = /(?:^|_)((?:19|20)\d\d)(?:_SML)?\.csv$/i.exec(file);
  return m ? Number(m[1]) : undefined;
}

/** The layout a first line looks like, when it is another release's. */
function wrongLayout(line: string): string | undefined {
  const bytes = new Uint8Array(Math.min(8, line.length));
  for (let i = 0; i < bytes.length; i++) bytes[i] = line.charCodeAt(i) & 0xff;
  const looks = describeLayout(line, bytes);
  return looks && !looks.startsWith('the OECD ICIO CSV') ? looks : undefined;
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** The size of a source in bytes (characters for `{ text }`), when it is known before reading. */
async function sizeOf(src: TableSource): Promise<number | undefined> {
  if (src instanceof Uint8Array) return src.byteLength;
  if (src instanceof ArrayBuffer) return src.byteLength;
  if (typeof Blob !== 'undefined' && src instanceof Blob) return src.size;
  if (typeof src === 'object' && 'text' in src && typeof src.text === 'string') return src.text.length;
  if (isPathSource(src)) {
    try {
      const fs = await nodeBuiltin<typeof import('node:fs/promises')>('node:fs/promises');
      return fs === undefined ? undefined : (await fs.stat(src)).size;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
