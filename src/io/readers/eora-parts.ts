import { quote } from '../../core/boundary.js';
import { eachLine, parseNumber, splitFields } from './lines.js';
import type { ReadProblems } from './problems.js';
import type { TableSource } from './source.js';

/**
 * The pieces of the Eora26 reader: its label files and its tab-separated blocks (Lenzen et al.
 * 2012, 2013; the layout of `Eora26_{year}_bp_T.txt` and `labels_T.txt` as pymrio's
 * `parse_eora26` reads them).
 *
 * @internal
 * @packageDocumentation
 */

/** The region code Eora26 gives its statistical-discrepancy row and column (sector `TOTAL`). */
export const EORA_DISCREPANCY = 'ROW';

/** A label file read: problems are recorded in the file's own {@link ReadProblems}. */
export interface EoraAxis {
  /** Region codes (ISO 3), in file order, without the discrepancy region. */
  readonly countries: string[];
  /** Region names by code (the first column of the label file). */
  readonly countryNames: Record<string, string>;
  /** Sector (or final-demand category) names of every region, in file order. */
  readonly items: string[];
  /** For each line of the matching block: its place in the table, or -1 for the discrepancy. */
  readonly place: Int32Array;
}

/**
 * Reads `labels_T.txt` or `labels_FD.txt`: one line per row (or column) of the blocks, with the
 * tab-separated fields region name, region code, system (`Industries`, `Final Demand`) and sector
 * (or category) name. Every region must list the same items in the same order, each region's
 * lines together; the region `ROW` (the statistical discrepancy) is set apart. With `countries`
 * (the regions of labels_T), a region must be one of them and keeps its place.
 */
export async function readEoraAxis(
  source: TableSource,
  problems: ReadProblems,
  countries?: readonly string[],
): Promise<EoraAxis> {
  const out: EoraAxis = { countries: [], countryNames: {}, items: [], place: new Int32Array(0) };
  const places: number[] = [];
  const seen = new Set<string>();
  let current: string | undefined;
  let k = 0;
  let firstDone = false;
  let currentLine = 0;
  const closeRegion = (lineNo: number) => {
    if (current === undefined || current === EORA_DISCREPANCY) return;
    if (!firstDone) firstDone = true;
    else if (k !== out.items.length) {
      problems.add(
        lineNo,
        undefined,
        `expected ${out.items.length} items for region ${quote(current)} as for ${quote(out.countries[0]!)}, found ${k}`,
      );
    }
  };
  await eachLine(source, (line, lineNo) => {
    if (line.trim() === '') return true;
    const f = splitFields(line, '\t');
    const name = f[0] ?? '';
    const code = f[1] ?? '';
    const item = f[3] ?? '';
    if (f.length < 4 || code === '' || item === '') {
      problems.add(
        lineNo,
        undefined,
        `expected 4 tab-separated fields (region name, region code, system, sector), found ${quote(line.slice(0, 40))}`,
      );
      places.push(-1);
      return !problems.full;
    }
    if (code !== current) {
      closeRegion(currentLine);
      if (seen.has(code) && code !== EORA_DISCREPANCY) {
        problems.add(lineNo, 2, `expected each region's lines together, found ${quote(code)} again`);
      }
      seen.add(code);
      current = code;
      k = 0;
      if (code !== EORA_DISCREPANCY) {
        out.countries.push(code);
        out.countryNames[code] = name;
        if (countries && !countries.includes(code)) {
          problems.add(lineNo, 2, `expected a region of labels_T, found ${quote(code)}`);
        }
      }
    }
    currentLine = lineNo;
    if (code === EORA_DISCREPANCY) {
      places.push(-1);
      return !problems.full;
    }
    if (!firstDone) out.items.push(item);
    else if (out.items[k] !== item) {
      problems.add(
        lineNo,
        4,
        `expected ${out.items[k] === undefined ? 'no more items' : quote(out.items[k]!)} (the items of ${quote(out.countries[0]!)} in order), found ${quote(item)}`,
      );
    }
    const g = countries ? countries.indexOf(code) : out.countries.length - 1;
    places.push(g * 1_000_000 + k);
    k++;
    return !problems.full;
  });
  closeRegion(currentLine);
  if (places.length === 0) problems.addPath(problems.file, 'expected label lines, found an empty file');
  // Region-major place: g * items + k (encoded with a wide stride above, now that items is known).
  const N = out.items.length;
  (out as { place: Int32Array }).place = Int32Array.from(places, (p) =>
    p < 0 ? -1 : Math.floor(p / 1_000_000) * N + (p % 1_000_000),
  );
  return out;
}

/**
 * Reads `labels_VA.txt` (`Primary Inputs` and a name per line) or `labels_Q.txt` (a stressor name
 * with its unit in parentheses, and a compartment): the second field of each line with `va`, the
 * first two otherwise.
 */
export async function readEoraNames(
  source: TableSource,
  problems: ReadProblems,
  minFields: number,
): Promise<string[][]> {
  const out: string[][] = [];
  await eachLine(source, (line, lineNo) => {
    if (line.trim() === '') return true;
    const f = splitFields(line, '\t');
    if (f.length < minFields || f[0] === '') {
      problems.add(
        lineNo,
        undefined,
        `expected ${minFields} tab-separated fields, found ${quote(line.slice(0, 40))}`,
      );
    }
    out.push(f);
    return !problems.full;
  });
  if (out.length === 0) problems.addPath(problems.file, 'expected label lines, found an empty file');
  return out;
}

/**
 * Reads a block of tab-separated numbers with `rows` lines of `cols` values (a trailing tab is
 * allowed), handing each line to `onRow(r, values, lineNo)` as a reused array (empty and faulty
 * cells are 0). Each fault is recorded once at `FILE:LINE:COLUMN`; a line with the wrong number
 * of values is one problem and is skipped.
 */
export async function readEoraBlock(
  source: TableSource,
  problems: ReadProblems,
  rows: number,
  cols: number,
  decimal: '.' | ',',
  onRow: (r: number, values: Float64Array, lineNo: number) => void,
): Promise<void> {
  let r = 0;
  const values = new Float64Array(cols);
  await eachLine(source, (line, lineNo) => {
    if (line.trim() === '') return true;
    if (r >= rows) {
      problems.add(lineNo, undefined, `expected ${rows} lines as in the label file, found more`);
      return false;
    }
    const cells = splitFields(line, '\t');
    const m = cells.length === cols + 1 && cells[cols] === '' ? cols : cells.length;
    if (m !== cols) {
      problems.add(lineNo, undefined, `expected ${cols} values as in the label file, found ${m}`);
    } else {
      for (let c = 0; c < cols; c++) {
        const cell = cells[c]!;
        if (cell === '' || cell === '0') {
          values[c] = 0;
          continue;
        }
        const v = parseNumber(cell, decimal);
        if (Number.isFinite(v)) values[c] = v;
        else {
          values[c] = 0;
          problems.add(lineNo, c + 1, `expected a finite number, found ${quote(cell)}`);
          if (problems.full) return false;
        }
      }
      onRow(r, values, lineNo);
    }
    r++;
    return !problems.full;
  });
  if (r < rows && !problems.full) {
    problems.addPath(problems.file, `expected ${rows} lines as in the label file, found ${r}`);
  }
}
