import { unzipSync } from 'fflate';
import * as z from 'zod/mini';
import { IssueList, validateOptions } from '../../core/boundary.js';
import { GvcError } from '../../core/errors.js';
import type { Icio } from '../types.js';
import { findHeader, readAdbSheet, type SheetCell } from './adb-sheet.js';
import { describeLayout } from './layouts.js';
import { readerOptionsShape } from './options.js';
import { ReadProblems } from './problems.js';
import { readAllBytes, sourceName, type TableSource, validateSource } from './source.js';
import { finishTable } from './table.js';

/**
 * The options of {@link readAdbMrio}: those of every reader (`fileName`, `tolerance`; `decimal`
 * applies to numbers stored as text in the workbook, `delimiter` does not apply), and
 * - `edition`: the edition to record in `meta.edition`, by default taken from the file name
 *   (`ADB-MRIO62-2023_June2023.xlsx` → `June2023`), with `constant 2010 prices` added for the
 *   constant-price tables;
 * - `year`: the year to record in `meta.year`, by default taken from the sheet's title
 *   (`Multiregional Input-Output Table 2022`) or else the file name;
 * - `sheet`: the sheet to read, by name or number (1 for the first); by default the first sheet
 *   with the ADB MRIO header.
 *
 * @example
 * ```ts
 * AdbMrioOptions.parse({ year: 2022, sheet: 1 });
 * //=> { year: 2022, sheet: 1 }
 * ```
 */
export const AdbMrioOptions = z.strictObject({
  ...readerOptionsShape,
  edition: z.optional(z.string().check(z.minLength(1))),
  year: z.optional(z.int().check(z.gte(1900), z.lte(2100))),
  sheet: z.optional(z.union([z.string().check(z.minLength(1)), z.int().check(z.gte(1))])),
});
/** The options of {@link readAdbMrio}. */
export type AdbMrioOptions = z.input<typeof AdbMrioOptions>;

const WHAT = 'invalid ADB MRIO file';

/**
 * Reads an Asian Development Bank multi-regional input–output table (ADB MRIO; Asian Development
 * Bank 2020, "ADB Multiregional Input-Output Database: Sources and Methods"; the MRIO pages of
 * ADB's Key Indicators Database, https://kidb.adb.org/globalization): 62 or 72 economies and the
 * rest of the world (`RoW`) × 35 sectors (`c1`…`c35`), 2000 and 2007 onwards, in millions of US
 * dollars at current prices (or at constant 2010 prices), as ADB distributes it: one Excel
 * workbook per year (`ADB-MRIO-2022_Mar2022.xlsx`, `ADB-MRIO62-2023_June2023.xlsx`, …).
 *
 * The sheet has the title, subtitle and unit in rows 1–3, the column descriptions in row 5, the
 * economy codes in row 6 and the codes in row 7: `c1`…`c35` for each economy, then final demand
 * `F1`…`F5` for each economy (households, NPISH, government, gross fixed capital formation,
 * changes in inventories and valuables) and the total (`ToT`). From row 8, one row per
 * economy–sector (column B the sector's name, C the economy, D the sector code), then the rows
 * `r60` (intermediate inputs, skipped), `r99` (taxes less subsidies on products, kept as kind
 * `taxes`), `r61` (cif/fob adjustments on exports), `r62` and `r63` (direct purchases abroad by
 * residents, and on the domestic territory by non-residents), `r64` (value added at basic prices,
 * kind `value-added`), `trs` (international transport margins) and `r69` (total: gross output).
 * The layout is found from the row of codes, not from fixed positions (exvatools, R/extract_mrio.R,
 * reads rows 8–2220 and columns E–CSE of the 63-economy files). Output is inputs plus the six rows
 * from `r99` to `trs`, so `va` is their sum; each is kept in `meta.valueAdded`. Final demand by
 * category is in `meta.finalDemand` under the OECD ICIO codes of the same categories (`F1`→`HFCE`,
 * `F2`→`NPISH`, `F3`→`GGFC`, `F4`→`GFCF`, `F5`→`INVNT`). Empty cells (and cells of spaces, which
 * the release uses for zero) are 0; a number stored as text is read as a number. Sector names are
 * in `meta.sectorNames`; the sheet gives no economy names.
 *
 * Problems are located `FILE:ROW:COLUMN` with the spreadsheet's row number and column letters, as
 * Excel shows them (`ADB-MRIO-2022_Mar2022.xlsx:9:E`). The workbook is read with read-excel-file
 * (pure JavaScript, no binaries; loaded only when this function is first called): a full
 * 63-economy sheet takes about 9 s and 0.8 GB.
 *
 * @param source - the `.xlsx` workbook as a path, bytes, a `Blob` or a stream
 * @param options - see {@link AdbMrioOptions}
 * @returns the table with `meta` (release `ADB MRIO`, edition, year, unit, sector names, final
 *   demand by category, the value-added rows)
 * @throws GvcError `INVALID_INPUT` listing every problem (a file that is not a workbook says which
 *   layout it looks like; a sheet without the ADB header; unknown or repeated row labels, one
 *   problem each; text in a number cell; unbalanced accounts); `NOT_FOUND` for a missing file;
 *   `UNSUPPORTED` for a file path where there is no file system (a browser)
 *
 * @example
 * ```ts
 * readAdbMrio({ text: 'rowLabels,AUS_A01\n' });
 * //=> throws GvcError INVALID_INPUT: looks like the FIGARO matrix CSV
 * const icio = await readAdbMrio('tests/fixtures/adb/ADB-MRIO-2022_Mar2022.xlsx');
 * [icio.countries, icio.meta?.edition, icio.meta?.valueAdded?.map((r) => r.code)];
 * //=> [['AUS', 'KOR', 'USA', 'RoW'], 'Mar2022', ['r99', 'r61', 'r62', 'r63', 'r64', 'trs']]
 * ```
 */
export async function readAdbMrio(source: TableSource, options?: AdbMrioOptions): Promise<Icio> {
  const issues = new IssueList();
  const src = issues.attempt(() => validateSource(source));
  const opts = issues.attempt(() => validateOptions(AdbMrioOptions, options));
  issues.throwIfAny(WHAT);
  const file = opts!.fileName ?? sourceName(src!);
  const bytes = await readAllBytes(src!);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    const firstLine = new TextDecoder().decode(bytes.subarray(0, 4096)).split(/\r?\n/)[0] ?? '';
    const layout = describeLayout(firstLine, bytes.subarray(0, 8));
    throw fail(
      file,
      `expected an Excel workbook (.xlsx), found a file that ${layout ? `looks like ${layout}` : 'is not one'}`,
    );
  }
  const problems = new ReadProblems(file, WHAT);
  // The cells are not kept past this line, so that their memory is free while the table is built.
  const sheet = readAdbSheet(await readWorkbook(bytes, file, opts!.sheet), problems, opts!.decimal ?? '.');
  problems.throwIfAny();
  const { table, title, sectorNames } = sheet!;
  const heading = title.join(' ');
  const constant = /constant\s+(\d{4})\s+prices/i.exec(`${heading} ${file}`);
  const edition =
    opts!.edition ??
    [/_([A-Za-z]+ ?\d{4})/.exec(file)?.[1], constant ? `constant ${constant[1]} prices` : undefined]
      .filter((s) => s !== undefined)
      .join(', ');
  const year = opts!.year ?? yearIn(heading) ?? yearIn(file);
  return finishTable(
    { ...table, ...(opts!.tolerance !== undefined ? { tolerance: opts!.tolerance } : {}) },
    {
      release: 'ADB MRIO',
      ...(edition !== '' ? { edition } : {}),
      ...(year !== undefined ? { year } : {}),
      unit: constant ? `USD million at constant ${constant[1]} prices` : 'USD million',
      ...(Object.keys(sectorNames).length > 0 ? { sectorNames } : {}),
    },
    file,
    WHAT,
  );
}

function fail(file: string, message: string): GvcError {
  return new GvcError('INVALID_INPUT', WHAT, [{ path: file, message }]);
}

/** The first year in a title or file name, the price base year (`constant 2010 prices`) and the release date (`_Mar2022`) aside. */
function yearIn(s: string): number | undefined {
  const m = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(
    s.replace(/constant\s+\d{4}\s+prices/gi, '').replace(/_[A-Za-z]+ ?\d{4}/g, ''),
  );
  return m ? Number(m[1]) : undefined;
}

/** The rows of the sheet to read, with read-excel-file (imported here, on first use). */
async function readWorkbook(
  bytes: Uint8Array,
  file: string,
  sheet: string | number | undefined,
): Promise<readonly (readonly SheetCell[])[]> {
  const entries: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.push(f.name);
        return false;
      },
    });
  } catch (e) {
    throw fail(
      file,
      `expected an Excel workbook (.xlsx), found a damaged zip archive (${String((e as Error)?.message ?? e).slice(0, 80)})`,
    );
  }
  if (!entries.includes('xl/workbook.xml')) {
    const shown =
      entries.slice(0, 3).join(', ') + (entries.length > 3 ? ` and ${entries.length - 3} more` : '');
    const hint = entries.some((n) => n.endsWith('.txt'))
      ? '; an EXIOBASE 3 archive? read it with readExiobase'
      : '';
    throw fail(
      file,
      `expected an Excel workbook (.xlsx), found a zip archive without xl/workbook.xml (entries ${shown || 'none'}${hint})`,
    );
  }
  const xlsx = await import('read-excel-file/universal');
  const buffer =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? (bytes.buffer as ArrayBuffer)
      : (bytes.slice().buffer as ArrayBuffer);
  let sheets: { sheet: string; data: SheetCell[][] }[];
  try {
    sheets = (await xlsx.default(buffer)) as unknown as { sheet: string; data: SheetCell[][] }[];
  } catch (e) {
    throw fail(
      file,
      `expected a readable Excel workbook (.xlsx), found one that cannot be read: ${String((e as Error)?.message ?? e).slice(0, 120)}`,
    );
  }
  const names = sheets.map((s) => s.sheet);
  if (sheet !== undefined) {
    const found = typeof sheet === 'number' ? sheets[sheet - 1] : sheets.find((s) => s.sheet === sheet);
    if (!found) {
      throw fail(
        file,
        `expected options.sheet to name a sheet of the workbook (${names.map((s) => `"${s}"`).join(', ')}), found ${typeof sheet === 'number' ? sheet : `"${sheet}"`}`,
      );
    }
    return found.data;
  }
  const found = sheets.find((s) => findHeader(s.data) !== undefined);
  if (!found) {
    throw fail(
      file,
      `expected a sheet with the ADB MRIO header (economy codes in row 6, codes c1, c2, … in row 7 from column E), found none in the sheets ${names.map((s) => `"${s}"`).join(', ')}`,
    );
  }
  return found.data;
}
