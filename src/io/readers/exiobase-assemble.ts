/**
 * Turns the files of an EXIOBASE 3 table, once parsed, into an {@link Icio}: checks that their
 * labels agree, puts every row in the order of Z's columns, and builds the metadata.
 *
 * @internal
 */
import { deepFreeze } from '../../core/freeze.js';
import { quote } from '../../core/preview.js';
import type { Icio, IcioMeta, IcioSatellite, IcioValueAddedRow } from '../types.js';
import { alignRows, columnsMatch, placeRows } from './exiobase-align.js';
import type { MatrixFile } from './exiobase-matrix.js';
import { type FileContext, report, type TextTable } from './exiobase-parse.js';
import { parseNumber } from './lines.js';
import type { ReadProblems } from './problems.js';
import { finishTable } from './table.js';

/** What a file of the archive is. `anyUnit`: a `unit.txt` passed alone, core or satellite. */
export type Role = 'Z' | 'A' | 'Y' | 'x' | 'unit' | 'meta' | 'F' | 'F_Y' | 'satUnit' | 'anyUnit';

interface Matrix {
  ctx: FileContext;
  file: MatrixFile;
}
interface Text {
  ctx: FileContext;
  table: TextTable;
}

/** The parsed files. */
export interface Collected {
  /** The files read, for messages. */
  found: string[];
  /** Every entry of the archive, for messages. */
  entries?: readonly string[];
  Z?: Matrix;
  A?: Matrix;
  Y?: Matrix;
  F?: Matrix;
  F_Y?: Matrix;
  x?: Text;
  unit?: Text;
  satUnit?: Text;
  anyUnit?: Text;
  meta?: string;
}

/** The value-added rows of EXIOBASE's factor inputs, by the start of their names. */
const VALUE_ADDED: readonly [RegExp, IcioValueAddedRow['kind']][] = [
  [/^Taxes less subsidies on products/i, 'taxes'],
  [/^Other net taxes on production/i, 'other'],
  [/^Compensation of employees/i, 'other'],
  [/^Operating surplus/i, 'other'],
];

const WHAT = 'invalid EXIOBASE 3 table';

interface Opts {
  year?: number | undefined;
  edition?: string | undefined;
  tolerance?: number | undefined;
}

/** Builds the table from the parsed files, or throws every problem found. */
export function assembleExiobase(c: Collected, problems: ReadProblems, opts: Opts, name: string): Icio {
  if (c.anyUnit) {
    if (c.anyUnit.table.header[0] === 'region') c.unit = c.anyUnit;
    else c.satUnit = c.anyUnit;
  }
  const zm = c.Z ?? c.A;
  if (!zm || !c.Y || (!c.Z && !c.x)) {
    const missing = [
      !zm ? 'Z.txt' : !c.Z && !c.x ? 'x.txt (to compute Z from A.txt)' : '',
      !c.Y ? 'Y.txt' : '',
    ]
      .filter((s) => s !== '')
      .join(' and ');
    const seen = c.entries ?? c.found;
    problems.addPath(
      name,
      `expected ${missing} of an EXIOBASE 3 table, found ${
        seen.length === 0
          ? 'no such files'
          : seen.slice(0, 8).map(quote).join(', ') + (seen.length > 8 ? `, … (${seen.length} files)` : '')
      }`,
    );
  }
  problems.throwIfAny();
  const Zf = zm!.file;
  const Yf = c.Y!.file;
  if (!Zf.ok || !Yf.ok) problems.throwIfAny();
  // Countries and sectors from Z's header: country-major blocks of the same sectors.
  const regions = Zf.header[0]!;
  const secs = Zf.header[1]!;
  const countries: string[] = [];
  for (const r of regions) if (countries[countries.length - 1] !== r) countries.push(r);
  const N = regions.filter((r) => r === regions[0]).length;
  const sectors = secs.slice(0, N);
  const G = countries.length;
  const n = Zf.cols;
  const zctx = zm!.ctx;
  if (G * N !== n || new Set(countries).size !== G) {
    report(
      zctx,
      1,
      undefined,
      `expected each region's columns together, ${N} per region like ${quote(regions[0]!)}, found ${n} columns for ${G} regions`,
    );
  } else {
    columnsMatch(zctx, Zf, 2, (j) => sectors[j % N]!, 1);
  }
  problems.throwIfAny();
  const keys = countries.flatMap((g) => sectors.map((s) => `${g}\t${s}`));
  // Z: rows in the order of the columns.
  const zt = alignRows(zctx, Zf.index, Zf.lines, keys, 'sector');
  let Z = Zf.data!;
  if (zt.some((t, r) => t !== r) || zt.length !== n) {
    const P = new Float64Array(n * n);
    zt.forEach((t, r) => {
      if (t >= 0) P.set(Z.subarray(r * n, r * n + n), t * n);
    });
    Z = P;
  }
  // Y: G blocks of the same categories.
  const yctx = c.Y!.ctx;
  const F = Yf.cols / G;
  const categories = Yf.header[1]!.slice(0, Number.isInteger(F) ? F : 0);
  if (!Number.isInteger(F) || F < 1) {
    report(
      yctx,
      1,
      undefined,
      `expected the same categories for each of the ${G} regions of Z.txt, found ${Yf.cols} columns`,
    );
  } else {
    columnsMatch(yctx, Yf, 2, (j) => categories[j % F]!, F, countries);
  }
  const Y = placeRows(yctx, Yf, keys, n, Yf.cols);
  // x, and Z from A when Z.txt is absent.
  let x: Float64Array<ArrayBuffer> | undefined;
  if (c.x) x = readX(c.x, keys);
  if (!c.Z && x) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Z[i * n + j] = Z[i * n + j]! * x[j]!;
  // Satellite.
  const satellite = readSatellite(c, keys, Yf, countries, F);
  problems.throwIfAny();
  const meta = metaOf(c, opts, name);
  const valueAdded: IcioValueAddedRow[] = [];
  if (satellite) {
    satellite.stressors.forEach((s, k) => {
      const hit = VALUE_ADDED.find(([re]) => re.test(s.name));
      if (hit) valueAdded.push({ code: s.name, kind: hit[1], values: satellite.F.slice(k * n, k * n + n) });
    });
  }
  // The categories summed per region; the arrays are this reader's own, so the table takes them
  // without a copy (a 9,800-row Z is 768 MB).
  const Ysum = new Float64Array(n * G);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < G; d++) {
      let s = 0;
      for (let f = 0; f < F; f++) s += Y[i * Yf.cols + d * F + f]!;
      Ysum[i * G + d] = s;
    }
  }
  const icio = finishTable(
    {
      countries,
      sectors,
      Z,
      Y: Ysum,
      categories,
      ...(x ? { x } : {}),
      ...(opts.tolerance !== undefined ? { tolerance: opts.tolerance } : {}),
      inPlace: true,
    },
    {
      release: 'EXIOBASE 3',
      ...meta,
      finalDemand: { categories, Y },
      ...(valueAdded.length > 0 ? { valueAdded } : {}),
      ...(satellite ? { satellite } : {}),
    },
    name,
    WHAT,
  );
  const neg = Zf.negatives;
  if (neg.count === 0) return icio;
  return deepFreeze({
    ...icio,
    warnings: [
      ...(icio.warnings ?? []),
      {
        path: neg.where,
        message: `expected flows >= 0, found ${neg.count} negative ${neg.count === 1 ? 'entry' : 'entries'} of ${c.Z ? 'Z' : 'A'} (the most negative ${neg.min} here), set to 0`,
      },
    ],
  });
}

function readX(x: Text, keys: readonly string[]): Float64Array<ArrayBuffer> {
  const { ctx, table } = x;
  if (table.header[0] !== 'region' || table.header[1] !== 'sector') {
    report(
      ctx,
      1,
      1,
      `expected the header "region", "sector", "indout", found ${quote(table.header.join(' '))}`,
    );
    return new Float64Array(keys.length);
  }
  const values = new Float64Array(table.rows.length);
  table.rows.forEach((row, r) => {
    const v = row.length === 3 ? (row[2] === '' ? 0 : parseNumber(row[2]!, ctx.decimal)) : Number.NaN;
    if (row.length !== 3)
      report(
        ctx,
        table.lines[r]!,
        undefined,
        `expected 3 cells (region, sector, output), found ${row.length}`,
      );
    else if (!Number.isFinite(v))
      report(ctx, table.lines[r]!, 3, `expected a number, found ${quote(row[2]!)}`);
    else values[r] = v;
  });
  const t = alignRows(
    ctx,
    table.rows.map((r) => r.slice(0, 2)),
    table.lines,
    keys,
    'sector',
  );
  const out = new Float64Array(keys.length);
  t.forEach((p, r) => {
    if (p >= 0) out[p] = values[r]!;
  });
  return out;
}

function readSatellite(
  c: Collected,
  keys: readonly string[],
  Yf: MatrixFile,
  countries: readonly string[],
  F: number,
): IcioSatellite | undefined {
  if (!c.F) return undefined;
  const { ctx, file } = c.F;
  if (!file.ok) return undefined;
  const n = keys.length;
  if (file.cols !== n) {
    report(ctx, 1, undefined, `expected the ${n} columns of Z.txt, found ${file.cols}`);
    return undefined;
  }
  const N = n / countries.length;
  columnsMatch(ctx, file, file.index[0]?.length ?? 1, (j) => keys[j]!.split('\t')[1]!, N, countries);
  const k = file.rows.length;
  const Fm = new Float64Array(k * n);
  file.rows.forEach((r, i) => {
    Fm.set(r, i * n);
  });
  // unit.txt: `stressor unit` or `stressor compartment unit`, in the order of F's rows; matched
  // by position when the names agree, else by name.
  const unitRows = c.satUnit?.table.rows ?? [];
  const unitOf = (r: readonly string[]) => ({
    unit: r[r.length - 1]!,
    ...(r.length >= 3 && r[1] !== '' ? { compartment: r[1]! } : {}),
  });
  const byName = new Map<string, { unit: string; compartment?: string }>();
  for (const r of unitRows) {
    if (r.length < 2) continue;
    byName.set(r.length >= 3 ? `${r[0]}\t${r[1]}` : r[0]!, unitOf(r));
    if (!byName.has(r[0]!)) byName.set(r[0]!, unitOf(r));
  }
  const stressors = file.index.map((idx, k) => {
    const r = unitRows[k];
    const u =
      r && r.length >= 2 && r[0] === idx[0] ? unitOf(r) : (byName.get(idx.join('\t')) ?? byName.get(idx[0]!));
    const compartment = idx.length > 1 ? idx[1] : u?.compartment;
    return { name: idx[0]!, ...(u ? { unit: u.unit } : {}), ...(compartment ? { compartment } : {}) };
  });
  let FY: Float64Array<ArrayBuffer> | undefined;
  if (c.F_Y?.file.ok) {
    const fy = c.F_Y;
    if (fy.file.cols !== Yf.cols) {
      report(fy.ctx, 1, undefined, `expected the ${Yf.cols} columns of Y.txt, found ${fy.file.cols}`);
    } else {
      columnsMatch(fy.ctx, fy.file, fy.file.index[0]?.length ?? 1, (j) => Yf.header[1]![j]!, F, countries);
      FY = new Float64Array(k * Yf.cols);
      const names = file.index.map((i) => i.join('\t'));
      fy.file.index.forEach((idx, r) => {
        const key = idx.join('\t');
        if (names[r] === key) FY!.set(fy.file.rows[r]!, r * Yf.cols);
        else
          report(
            fy.ctx,
            fy.file.lines[r]!,
            1,
            `expected the stressor of F.txt ${quote(names[r] ?? '(none: F.txt has fewer rows)')}, found ${quote(key)}`,
          );
      });
      if (fy.file.rows.length < k)
        report(
          fy.ctx,
          fy.file.lines.at(-1) ?? 3,
          undefined,
          `expected the ${k} stressors of F.txt, found ${fy.file.rows.length}`,
        );
    }
  }
  return { stressors, F: Fm, ...(FY ? { FY } : {}) };
}

function metaOf(c: Collected, opts: Opts, name: string): Omit<IcioMeta, 'release'> {
  let info: Record<string, unknown> = {};
  if (c.meta) {
    try {
      const v = JSON.parse(c.meta) as unknown;
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) info = v as Record<string, unknown>;
    } catch {
      // metadata.json is informative only
    }
  }
  const text = (k: string) =>
    Object.hasOwn(info, k) && typeof info[k] === 'string' ? (info[k] as string) : undefined;
  const fromName = /IOT_((?:19|20)\d\d)_(?:pxp|ixi)/i.exec(name)?.[1];
  const fromMeta = /\b((?:19|20)\d\d)\b/.exec(text('description') ?? '')?.[1];
  const y = opts.year ?? (fromName ? Number(fromName) : fromMeta ? Number(fromMeta) : undefined);
  const edition = opts.edition ?? text('version')?.replace(/^v(?=\d)/, '');
  const unit = c.unit?.table.rows[0]?.at(-1) || 'M.EUR';
  return { ...(edition ? { edition } : {}), ...(y !== undefined ? { year: y } : {}), unit };
}
