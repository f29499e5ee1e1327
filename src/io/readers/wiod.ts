import * as z from 'zod/mini';
import { IssueList, validateOptions } from '../../core/boundary.js';
import { checkOrder } from '../kernels/limits.js';
import { ICIO_TOLERANCE } from '../model.js';
import type { Icio, IcioValueAddedRow } from '../types.js';
import { readerOptionsShape } from './options.js';
import { ReadProblems } from './problems.js';
import { archiveMember, type RValue } from './rdata.js';
import { describeR, numericColumn, type RDataFrame, rdataFrame, stringColumn } from './rdata-frame.js';
import { readAllBytes, sourceName, type TableSource, validateSource } from './source.js';
import { finishTable } from './table.js';

/**
 * The options of {@link readWiod}: those of every reader (`fileName`, `tolerance`; `delimiter` and
 * `decimal` do not apply to this binary format), and
 * - `object`: the name of the data frame in the R data file, `wiot` by default (the name WIOD uses);
 * - `year`: the year to read when the source is the whole archive `WIOTS_in_R.zip` (2000–2014).
 *
 * @example
 * ```ts
 * WiodOptions.parse({ year: 2014 });
 * //=> { year: 2014 }
 * ```
 */
export const WiodOptions = z.strictObject({
  ...readerOptionsShape,
  object: z.optional(z.string().check(z.minLength(1))),
  year: z.optional(z.int().check(z.gte(1900), z.lte(2100))),
});
/** The options of {@link readWiod}. */
export type WiodOptions = z.input<typeof WiodOptions>;

const WHAT = 'invalid WIOD file';
const META = ['IndustryCode', 'IndustryDescription', 'Country', 'RNr', 'Year'] as const;
/** Final-demand columns RNr 57–61, in WIOD's order. */
const FD_CODES = ['CONS_h', 'CONS_np', 'CONS_g', 'GFCF', 'INVEN'] as const;
const FD_FIRST = 57;
/** The rows below the table, and what each value-added row holds. */
const VA_KINDS: ReadonlyMap<string, IcioValueAddedRow['kind']> = new Map([
  ['TXSP', 'taxes'],
  ['EXP_adj', 'other'],
  ['PURR', 'other'],
  ['PURNR', 'other'],
  ['VA', 'value-added'],
  ['IntTTM', 'other'],
]);
const CHECK_ROWS = new Set(['II_fob', 'GO']);
/** A data column: a country code and an industry or final-demand number (`AUS1`, `ROW61`). */
const COLUMN = /^(.+?)\.?c?(\d+)$/;

/**
 * Reads one year of the WIOD 2016 release (Timmer, Dietzenbacher, Los, Stehrer & de Vries 2015,
 * "An Illustrated User Guide to the World Input–Output Database: the Case of Global Automotive
 * Production", Review of International Economics 23(3); Timmer, Los, Stehrer & de Vries 2016, "An
 * Anatomy of the Global Trade Slowdown based on the WIOD 2016 Release", GGDC Research Memorandum
 * 162): 43 countries and the rest of the world (`ROW`) × 56 industries (ISIC Rev. 4), 2000–2014,
 * in millions of US dollars, from its R distribution: `WIOT2014_October16_ROW.RData` (one year, as
 * extracted from `WIOTS_in_R.zip`), or the whole archive with `options.year`.
 *
 * The file holds a data frame `wiot` with the columns `IndustryCode`, `IndustryDescription`,
 * `Country`, `RNr`, `Year`, one column per country and industry (`AUS1` … `ROW56`), final demand
 * per country (`AUS57` … `ROW61`: `CONS_h`, `CONS_np`, `CONS_g`, `GFCF`, `INVEN`) and `TOT`; its
 * rows are the country–industry rows, then `II_fob` (intermediate inputs, the column sums of Z),
 * `TXSP` (taxes less subsidies on products), `EXP_adj` (cif/fob adjustments on exports), `PURR`
 * and `PURNR` (direct purchases abroad by residents, and on the domestic territory by
 * non-residents), `VA` (value added at basic prices), `IntTTM` (international transport margins)
 * and `GO` (output). Output is inputs plus the six rows from `TXSP` to `IntTTM`, so `va` is their
 * sum: `TXSP` is kept as kind `taxes`, `VA` as `value-added`, the others as `other`, all in
 * `meta.valueAdded`. `II_fob` and `GO` are checked against the column sums of Z and `TOT`.
 * Sector codes are the release's `IndustryCode`s (`A01`, `C10-C12`, …) with their descriptions in
 * `meta.sectorNames`; the release gives no country names. Problems are located as
 * `FILE:ROW:COLUMN`, ROW being the data frame's row (1-based) and COLUMN the column's name.
 * The R data file is read in JavaScript (R's XDR serialization format, gzip-compressed as `save()`
 * writes it); the 2013 release (41 countries × 35 industries, Excel only) is not read.
 *
 * @param source - the `.RData` file (or `WIOTS_in_R.zip`) as a path, bytes, a `Blob` or a stream
 * @param options - see {@link WiodOptions}
 * @returns the table with `meta` (release `WIOD`, edition `2016 release`, year, unit, sector
 *   names, final demand by category, the value-added rows)
 * @throws GvcError `INVALID_INPUT` listing every problem (a file that is not R data says which
 *   layout it looks like; a truncated or unsupported R file; missing or unexpected rows and
 *   columns; NA values; unbalanced accounts); `NOT_FOUND` for a missing file; `UNSUPPORTED` for a file path
 *   where there is no file system (a browser)
 *
 * @example
 * ```ts
 * readWiod({ text: 'rowLabels,AUS_A01\n' });
 * //=> throws GvcError INVALID_INPUT: looks like the FIGARO matrix CSV
 * ```
 */
export async function readWiod(source: TableSource, options?: WiodOptions): Promise<Icio> {
  const issues = new IssueList();
  const src = issues.attempt(() => validateSource(source));
  const opts = issues.attempt(() => validateOptions(WiodOptions, options));
  issues.throwIfAny(WHAT);
  let file = opts!.fileName ?? sourceName(src!);
  let bytes = await readAllBytes(src!);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    ({ bytes, file } = archiveMember(bytes, file, WHAT, /^WIOT(\d{4})_October16_ROW\.RData$/, opts!.year));
  }
  const df = rdataFrame(bytes, file, WHAT, {
    object: opts!.object,
    defaultObject: 'wiot',
    expected: 'a WIOD R data file (WIOT2014_October16_ROW.RData)',
  });
  return readWiot(df, file, opts!.tolerance);
}

type Sector = { readonly rnr: number; readonly code: string; readonly name: string };

/** The table of a `wiot` data frame. */
function readWiot(df: RDataFrame, file: string, tolerance: number | undefined): Icio {
  const p = new ReadProblems(file, WHAT);
  const col = new Map(df.names.map((n, j) => [n, j]));
  const missing = META.filter((m) => !col.has(m));
  if (missing.length > 0) {
    p.addPath(
      file,
      `expected the columns ${META.join(', ')} of a WIOD table, found none named ${missing.join(', ')}`,
    );
    p.throwIfAny();
  }
  const text = (m: (typeof META)[number]) => {
    const v = stringColumn(df.columns[col.get(m)!]!);
    if (!v) p.add(1, m, `expected a column of text, found ${describeR(df.columns[col.get(m)!]!)}`);
    return v ?? [];
  };
  const number = (m: (typeof META)[number]) => {
    const v = numericColumn(df.columns[col.get(m)!]!);
    if (!v) p.add(1, m, `expected a column of numbers, found ${describeR(df.columns[col.get(m)!]!)}`);
    return v ?? new Float64Array(0);
  };
  const codes = text('IndustryCode');
  const descs = text('IndustryDescription');
  const country = text('Country');
  const rnr = number('RNr');
  const years = number('Year');
  p.throwIfAny();

  // Rows: country–industry rows in order, then the rows below the table.
  const csRows: number[] = [];
  const extra = new Map<string, number>();
  for (let r = 0; r < df.rows; r++) {
    const code = codes[r] ?? '';
    if (VA_KINDS.has(code) || CHECK_ROWS.has(code)) {
      if (extra.has(code))
        p.add(
          r + 1,
          'IndustryCode',
          `expected one row ${code}, found another at row ${extra.get(code)! + 1}`,
        );
      else extra.set(code, r);
    } else csRows.push(r);
  }
  // Countries and industries: from the column names (AUS1 … ROW56), in column order.
  const countries: string[] = [];
  const rnrs: number[] = [];
  for (const name of df.names) {
    const m = COLUMN.exec(name);
    if (!m || (META as readonly string[]).includes(name)) continue;
    if (!countries.includes(m[1]!)) countries.push(m[1]!);
    const k = Number(m[2]);
    if (k < FD_FIRST && m[1] === countries[0] && !rnrs.includes(k)) rnrs.push(k);
  }
  const G = countries.length;
  const N = rnrs.length;
  if (G === 0 || N === 0) {
    p.addPath(file, 'expected columns named by country and industry number (AUS1 … ROW56), found none');
    p.throwIfAny();
  }
  // An industry's code and name: from its first row that is where the layout puts it.
  const sectors: Sector[] = rnrs.map((k, s) => {
    for (let g = 0; g < G; g++) {
      const r = csRows[g * N + s];
      if (r !== undefined && country[r] === countries[g] && rnr[r] === k) {
        return { rnr: k, code: codes[r] ?? '', name: descs[r] ?? '' };
      }
    }
    return { rnr: k, code: '', name: '' };
  });
  const orderIssues = new IssueList();
  checkOrder(orderIssues, file, G * N, `${G} countries × ${N} industries`);
  orderIssues.throwIfAny(WHAT);
  if (csRows.length !== G * N) {
    p.addPath(
      file,
      `expected ${G} countries × ${N} industries = ${G * N} country–industry rows, found ${csRows.length}`,
    );
  }
  for (let k = 0; k < csRows.length && !p.full; k++) {
    const r = csRows[k]!;
    const g = countries[Math.floor(k / N)];
    const s = sectors[k % N]!;
    if (country[r] !== g || rnr[r] !== s.rnr || codes[r] !== s.code) {
      p.add(
        r + 1,
        country[r] !== g ? 'Country' : rnr[r] !== s.rnr ? 'RNr' : 'IndustryCode',
        `expected ${g} industry ${s.rnr} (${s.code}), found ${country[r] ?? 'NA'} industry ${rnr[r]} (${codes[r] ?? 'NA'})`,
      );
    }
  }
  const year = years.find((v) => !Number.isNaN(v));
  for (let r = 0; r < df.rows; r++) {
    if (years[r] !== year) {
      p.add(r + 1, 'Year', `expected the year ${year} of the first row, found ${years[r]}`);
      break;
    }
  }
  if (csRows.length !== G * N) p.throwIfAny();
  return build(df, p, { countries, sectors, csRows, extra, descs, year, tolerance });
}

interface Rows {
  countries: string[];
  sectors: Sector[];
  csRows: number[];
  extra: Map<string, number>;
  descs: readonly (string | null)[];
  year: number | undefined;
  tolerance: number | undefined;
}

function build(df: RDataFrame, p: ReadProblems, t: Rows): Icio {
  const G = t.countries.length;
  const N = t.sectors.length;
  const n = G * N;
  const F = FD_CODES.length;
  const gIndex = new Map(t.countries.map((c, g) => [c, g]));
  const sIndex = new Map(t.sectors.map((s, i) => [s.rnr, i]));
  // Column j of the data frame → Z column, Y column (n + …) or TOT (-2); -1 skipped.
  const target = new Int32Array(df.names.length).fill(-1);
  const before = p.size;
  const seen = new Uint8Array(n + G * F + 1);
  for (let j = 0; j < df.names.length; j++) {
    const name = df.names[j]!;
    if ((META as readonly string[]).includes(name)) continue;
    if (name === 'TOT') {
      target[j] = n + G * F;
      seen[n + G * F] = 1;
      continue;
    }
    const m = COLUMN.exec(name);
    const g = m ? gIndex.get(m[1]!) : undefined;
    const k = m ? Number(m[2]) : Number.NaN;
    const at =
      g === undefined
        ? -1
        : sIndex.has(k)
          ? g * N + sIndex.get(k)!
          : k >= FD_FIRST && k < FD_FIRST + F
            ? n + g * F + k - FD_FIRST
            : -1;
    if (at < 0) {
      p.addPath(
        `${p.file}: column ${name}`,
        `expected a column named by a country of the rows and an industry number (1–${FD_FIRST - 1}) or a final-demand number (${FD_FIRST}–${FD_FIRST + F - 1}), found ${name}`,
      );
    } else if (seen[at]) p.addPath(`${p.file}: column ${name}`, `expected one column ${name}, found two`);
    else {
      seen[at] = 1;
      target[j] = at;
    }
  }
  const absent: string[] = [];
  for (let a = 0; a < n + G * F; a++) {
    if (seen[a]) continue;
    absent.push(
      a < n
        ? `${t.countries[Math.floor(a / N)]}${t.sectors[a % N]!.rnr}`
        : `${t.countries[Math.floor((a - n) / F)]}${FD_FIRST + ((a - n) % F)}`,
    );
  }
  if (absent.length > 0) {
    p.addPath(
      p.file,
      `expected a column for every country–industry and final-demand category, found none named ${absent.slice(0, 10).join(', ')}${absent.length > 10 ? ` and ${absent.length - 10} more` : ''}`,
    );
  }
  if (p.size > before) p.throwIfAny();

  const Z = new Float64Array(n * n);
  const Y = new Float64Array(n * G * F);
  const hasTot = seen[n + G * F] === 1;
  const x = new Float64Array(n);
  const below = new Map<string, Float64Array>();
  for (const code of t.extra.keys()) below.set(code, new Float64Array(n));
  for (let j = 0; j < df.names.length; j++) {
    const at = target[j]!;
    if (at < 0) continue;
    const v = numericColumn(df.columns[j]!);
    if (!v) {
      p.add(1, df.names[j], `expected a column of numbers, found ${describeR(df.columns[j] as RValue)}`);
      continue;
    }
    for (let i = 0; i < n; i++) {
      const value = v[t.csRows[i]!]!;
      if (Number.isNaN(value)) {
        if (!p.full) p.add(t.csRows[i]! + 1, df.names[j], 'expected a number, found NA');
        continue;
      }
      if (at < n) Z[i * n + at] = value;
      else if (at < n + G * F) Y[i * G * F + at - n] = value;
      else x[i] = value;
    }
    if (at < n) {
      for (const [code, r] of t.extra) {
        const value = v[r]!;
        if (Number.isNaN(value)) p.add(r + 1, df.names[j], 'expected a number, found NA');
        else below.get(code)![at] = value;
      }
    }
  }
  p.throwIfAny();
  const valueAdded = vaRows(p, t, below, Z, hasTot ? x : undefined);
  p.throwIfAny();
  return finishTable(
    {
      countries: t.countries,
      sectors: t.sectors.map((s) => s.code),
      Z,
      Y,
      categories: FD_CODES,
      ...(hasTot ? { x } : {}),
      ...(valueAdded.length > 0 ? { valueAdded } : {}),
      ...(t.tolerance !== undefined ? { tolerance: t.tolerance } : {}),
    },
    {
      release: 'WIOD',
      edition: '2016 release',
      ...(t.year !== undefined ? { year: t.year } : {}),
      unit: 'USD million',
      sectorNames: Object.fromEntries(t.sectors.map((s) => [s.code, s.name])),
    },
    p.file,
    WHAT,
  );
}

/** The value-added rows, checking `II_fob` against the column sums of Z and `GO` against `TOT`. */
function vaRows(
  p: ReadProblems,
  t: Rows,
  below: ReadonlyMap<string, Float64Array>,
  Z: Float64Array,
  x: Float64Array | undefined,
): IcioValueAddedRow[] {
  const n = t.csRows.length;
  const tol = t.tolerance ?? ICIO_TOLERANCE;
  const close = (a: number, b: number) => Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b), 1);
  const col = (j: number) =>
    `${t.countries[Math.floor(j / t.sectors.length)]}${t.sectors[j % t.sectors.length]!.rnr}`;
  const ii = below.get('II_fob');
  if (ii) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += Z[i * n + j]!;
      if (!close(s, ii[j]!)) {
        p.add(
          t.extra.get('II_fob')! + 1,
          col(j),
          `expected the column sum of the intermediate inputs ${s}, found ${ii[j]}`,
        );
        break;
      }
    }
  }
  const go = below.get('GO');
  if (go && x) {
    for (let j = 0; j < n; j++) {
      if (!close(go[j]!, x[j]!)) {
        p.add(
          t.extra.get('GO')! + 1,
          col(j),
          `expected the output ${x[j]} of the column TOT, found ${go[j]}`,
        );
        break;
      }
    }
  }
  const present = [...VA_KINDS.keys()].filter((c) => below.has(c));
  if (present.length > 0 && present.length < VA_KINDS.size) {
    p.addPath(
      p.file,
      `expected the value-added rows ${[...VA_KINDS.keys()].join(', ')}, found only ${present.join(', ')}`,
    );
  }
  return present.map((code) => {
    const name = t.descs[t.extra.get(code)!];
    return {
      code,
      ...(name ? { name } : {}),
      kind: VA_KINDS.get(code)!,
      values: below.get(code)!,
    };
  });
}
