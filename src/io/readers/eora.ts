import * as z from 'zod/mini';
import { IssueList, quote, validateOptions } from '../../core/boundary.js';
import { GvcError } from '../../core/errors.js';
import { checkOrder } from '../kernels/limits.js';
import { ICIO_TOLERANCE } from '../model.js';
import type { Icio, IcioSatellite, IcioValueAddedRow } from '../types.js';
import { Eora26FileSet, findEoraFiles } from './eora-files.js';
import { readEoraAxis, readEoraBlock, readEoraNames } from './eora-parts.js';
import { summedFinalDemand } from './figaro-codes.js';
import { readerOptionsShape } from './options.js';
import { ReadProblems } from './problems.js';
import type { TableSource } from './source.js';
import { finishTable } from './table.js';

/**
 * Options of {@link readEora26}: `decimal` and `tolerance` as for every reader (the files are
 * tab-separated, so there is no `delimiter`, and each file is named by itself), and
 * - `year`: the year to read from a folder holding several (by default the only one there);
 * - `price`: `bp` (basic prices, the default) or `pp` (purchasers' prices), as in the file names;
 * - `negativeFlows`: what to do with a negative entry of T, which Eora26 has in places: `error`
 *   (the default; each one is a problem at its line and column) or `discrepancy` (it is moved out
 *   of Z into the statistical-discrepancy row, so the table stays balanced);
 * - `satellites`: whether to read Q, QY and labels_Q into `meta.satellite` when given (default true).
 *
 * @example
 * ```ts
 * Eora26Options.parse({ year: 2015, negativeFlows: 'discrepancy' }).negativeFlows;
 * //=> 'discrepancy'
 * ```
 */
export const Eora26Options = z.strictObject({
  decimal: readerOptionsShape.decimal,
  tolerance: readerOptionsShape.tolerance,
  year: z.optional(z.int().check(z.gte(1900), z.lte(2200))),
  price: z.optional(z.enum(['bp', 'pp'], { error: 'expected "bp" or "pp"' })),
  negativeFlows: z.optional(z.enum(['error', 'discrepancy'], { error: 'expected "error" or "discrepancy"' })),
  satellites: z.optional(z.boolean()),
});
/** Options of {@link readEora26}. */
export type Eora26Options = z.input<typeof Eora26Options>;

/**
 * The files of one Eora26 year: a folder path (`string` or `file:` URL) holding
 * `Eora26_{year}_{price}_T.txt`, `_FD.txt`, `_VA.txt` (and `_Q.txt`, `_QY.txt`) with `labels_T.txt`,
 * `labels_FD.txt`, `labels_VA.txt` (and `labels_Q.txt`), or an object `{ T, FD, VA, labelsT,
 * labelsFD, labelsVA, Q?, QY?, labelsQ? }` of `TableSource`s (for bytes, text or streams).
 *
 * @example
 * ```ts
 * Eora26Files.safeParse('data/eora/2015').success;
 * //=> true
 * ```
 */
export const Eora26Files = z.union([
  z.string().check(z.minLength(1)),
  // Typed by the global URL, so that the declarations do not need Node's types.
  z.custom<URL>((v) => typeof URL !== 'undefined' && v instanceof URL, { error: 'expected a file: URL' }),
  Eora26FileSet,
]);
/** The files of one Eora26 year: see {@link Eora26Files}. */
export type Eora26Files = z.input<typeof Eora26Files>;

const WHAT = 'invalid Eora26 files';
/** A trailing SNA code in an Eora label (`Household final consumption P.3h`, `Compensation of employees D.1`). */
const SNA_CODE = /\s([A-Z]\.\d+[a-z]?)$/;
const codeOf = (name: string) => SNA_CODE.exec(name)?.[1] ?? name;

/**
 * Reads one year of Eora26 (Lenzen, Kanemoto, Moran and Geschke 2012, "Mapping the structure of
 * the world economy", Environmental Science & Technology 46(15); Lenzen, Moran, Kanemoto and
 * Geschke 2013, "Building Eora", Economic Systems Research 25(1); layout as documented at
 * worldmrio.com and read by pymrio's `parse_eora26`): the tab-separated blocks T (intermediate
 * use), FD (final demand), VA (primary inputs) and, when present, the satellite blocks Q and QY,
 * each labelled by its label file.
 *
 * Countries are the region codes of labels_T (ISO 3, 189 in the release) with their names in
 * `meta.countryNames`; sectors are the 26 sector names; final-demand categories are the SNA codes
 * ending the labels of labels_FD (`P.3h`, `P.3n`, `P.3g`, `P.51`, `P.52`, `P.53`; the whole label
 * where there is none). The region `ROW` of the label files, a single `TOTAL` sector holding
 * Eora's statistical discrepancy, is dropped as pymrio drops it; so that the accounts still
 * balance, what the discrepancy buys from each country–sector (its row of T) less what it sells to
 * it (its column of T and of FD) is kept as the value-added row `ROW` (kind `other`). The VA rows
 * (compensation of employees D.1, taxes on production D.29, subsidies D.39, net operating surplus
 * B.2n, net mixed income B.3n, consumption of fixed capital K.1) are all components of value added
 * at basic prices, kind `other`, coded by their SNA code. The unit is thousands of US dollars
 * (Eora FAQ; pymrio issue #175). Satellite accounts go to `meta.satellite`, the unit taken from
 * the parentheses of each stressor's name.
 *
 * @param files - a folder path or the files one by one (see {@link Eora26Files})
 * @param options - see {@link Eora26Options}
 * @returns the table with `meta` (release `Eora26`, year, unit `USD thousand`, country names,
 *   final demand by category, value-added rows, satellites)
 * @throws {GvcError} `INVALID_INPUT` listing every problem at `FILE:LINE:COLUMN`: label lines that
 *   are malformed or out of order, blocks whose size differs from their labels, cells that are not
 *   numbers, negative entries of T (unless `negativeFlows: 'discrepancy'`), more than
 *   `MAX_ICIO_ORDER` country–sectors (refused before allocating), the checks of `createIcio`;
 *   `NOT_FOUND` when the folder or one of its required files is missing; `UNSUPPORTED` for a
 *   path where there is no file system (a browser); `files` and options at `files` and `options.…`
 * @example
 * ```ts
 * const t = await readEora26({
 *   labelsT: { text: 'Aland\tAAA\tIndustries\tFarming\nBoland\tBBB\tIndustries\tFarming' },
 *   labelsFD: { text: 'Aland\tAAA\tFinal Demand\tHousehold final consumption P.3h\nBoland\tBBB\tFinal Demand\tHousehold final consumption P.3h' },
 *   labelsVA: { text: 'Primary Inputs\tCompensation of employees D.1' },
 *   T: { text: '1\t2\n3\t4' },
 *   FD: { text: '5\t6\n7\t8' },
 *   VA: { text: '10\t16' },
 * });
 * [t.countries, t.sectors, Array.from(t.x), t.meta?.finalDemand?.categories];
 * //=> [['AAA', 'BBB'], ['Farming'], [14, 22], ['P.3h']]
 * ```
 */
export async function readEora26(files: Eora26Files, options?: Eora26Options): Promise<Icio> {
  const opts = validateOptions(Eora26Options, options);
  const decimal = opts.decimal ?? '.';
  const found = await findEoraFiles(files, opts.year, opts.price ?? 'bp');
  const { files: f, names } = found;
  const all: ReadProblems[] = [];
  const problemsOf = (key: keyof typeof names) => {
    const p = new ReadProblems(names[key], WHAT);
    all.push(p);
    return p;
  };
  const throwAll = () => {
    const issues = all.flatMap((p) => (p.size > 0 ? p.error().issues : []));
    if (issues.length > 0) throw new GvcError('INVALID_INPUT', WHAT, issues);
  };

  const pT = problemsOf('labelsT');
  const axisT = await readEoraAxis(f.labelsT, pT);
  const pFD = problemsOf('labelsFD');
  const axisFD = await readEoraAxis(f.labelsFD, pFD, axisT.countries);
  const vaNames = (await readEoraNames(f.labelsVA, problemsOf('labelsVA'), 2)).map((r) => r[1] ?? r[0]!);
  const withQ =
    opts.satellites !== false && f.Q !== undefined && f.QY !== undefined && f.labelsQ !== undefined;
  const qNames = withQ ? await readEoraNames(f.labelsQ as TableSource, problemsOf('labelsQ'), 1) : [];
  const missingFd = axisT.countries.filter((c) => !axisFD.countries.includes(c));
  if (missingFd.length > 0) {
    pFD.addPath(
      names.labelsFD,
      `expected final demand of every region of labels_T, found none for ${missingFd.slice(0, 5).map(quote).join(', ')}`,
    );
  }
  throwAll();

  const G = axisT.countries.length;
  const N = axisT.items.length;
  const n = G * N;
  const F = axisFD.items.length;
  const issues = new IssueList();
  if (!checkOrder(issues, names.labelsT, n, `${G} regions × ${N} sectors`)) {
    throw new GvcError('INVALID_INPUT', WHAT, issues.issues());
  }
  const rowsT = axisT.place.length;
  const colsFD = axisFD.place.length;
  const Z = new Float64Array(n * n);
  const Y = new Float64Array(n * G * F);
  const discIn = new Float64Array(n);
  const discOut = new Float64Array(n);
  const labelT = (i: number) => `${axisT.countries[Math.floor(i / N)]}_${axisT.items[i % N]}`;
  const moveNegatives = opts.negativeFlows === 'discrepancy';
  const pZ = problemsOf('T');
  const placeT = axisT.place;
  const placeFD = axisFD.place;
  await readEoraBlock(f.T, pZ, rowsT, rowsT, decimal, (r, row, lineNo) => {
    const i = placeT[r]!;
    for (let c = 0; c < rowsT; c++) {
      const v = row[c]!;
      if (v === 0) continue;
      const j = placeT[c]!;
      if (i < 0) {
        if (j >= 0) discIn[j] = discIn[j]! + v;
      } else if (j < 0) discOut[i] = discOut[i]! + v;
      else if (v > 0) Z[i * n + j] = v;
      else if (moveNegatives) {
        discOut[i] = discOut[i]! + v;
        discIn[j] = discIn[j]! + v;
      } else {
        pZ.add(
          lineNo,
          c + 1,
          `expected a non-negative flow from ${quote(labelT(i))} to ${quote(labelT(j))}, found ${v} (options.negativeFlows: 'discrepancy' moves it into the discrepancy row)`,
        );
      }
    }
  });
  await readEoraBlock(f.FD, problemsOf('FD'), rowsT, colsFD, decimal, (r, row) => {
    const i = placeT[r]!;
    if (i < 0) return; // the discrepancy's own sales to final demand are not part of the table
    for (let c = 0; c < colsFD; c++) {
      const v = row[c]!;
      if (v === 0) continue;
      const d = placeFD[c]!;
      if (d < 0) discOut[i] = discOut[i]! + v;
      else Y[i * G * F + d] = v;
    }
  });
  const vaValues = vaNames.map(() => new Float64Array(n));
  await readEoraBlock(f.VA, problemsOf('VA'), vaNames.length, rowsT, decimal, (r, row) => {
    scatter(row, placeT, vaValues[r]!, 0);
  });
  let satellite: IcioSatellite | undefined;
  if (withQ) {
    const k = qNames.length;
    const Fq = new Float64Array(k * n);
    const FY = new Float64Array(k * G * F);
    await readEoraBlock(f.Q as TableSource, problemsOf('Q'), k, rowsT, decimal, (r, row) => {
      scatter(row, placeT, Fq, r * n);
    });
    await readEoraBlock(f.QY as TableSource, problemsOf('QY'), k, colsFD, decimal, (r, row) => {
      scatter(row, placeFD, FY, r * G * F);
    });
    satellite = {
      stressors: qNames.map(([name = '', compartment]) => {
        const unit = /\(([^()]*)\)\s*$/.exec(name)?.[1];
        return {
          name: unit === undefined ? name : name.replace(/\s*\([^()]*\)\s*$/, ''),
          ...(unit !== undefined ? { unit } : {}),
          ...(compartment ? { compartment } : {}),
        };
      }),
      F: Fq,
      FY,
    };
  }
  throwAll();

  const valueAdded: IcioValueAddedRow[] = vaNames.map((name, r) => ({
    code: codeOf(name),
    name,
    kind: 'other',
    values: vaValues[r]!,
  }));
  if (axisT.place.some((p) => p < 0)) {
    const net = new Float64Array(n);
    for (let j = 0; j < n; j++) net[j] = discIn[j]! - discOut[j]!;
    valueAdded.push({
      code: 'ROW',
      name: 'Statistical discrepancy (Eora ROW), net',
      kind: 'other',
      values: net,
    });
  }
  const year = opts.year ?? found.year;
  const summed = summedFinalDemand(Y, axisFD.items.map(codeOf), n, G);
  return finishTable(
    {
      countries: axisT.countries,
      sectors: axisT.items,
      Z,
      Y: summed.Y,
      categories: ['total'],
      inPlace: true,
      valueAdded,
      tolerance: opts.tolerance ?? ICIO_TOLERANCE,
    },
    {
      release: 'Eora26',
      finalDemand: summed.finalDemand,
      ...(year !== undefined ? { year } : {}),
      unit: 'USD thousand',
      countryNames: axisT.countryNames,
      ...(satellite ? { satellite } : {}),
    },
    names.T,
    WHAT,
  );
}

/** Copies a row into `out` at `offset + place[c]`, leaving out the columns placed at -1. */
function scatter(row: Float64Array, place: Int32Array, out: Float64Array, offset: number): void {
  for (let c = 0; c < row.length; c++) {
    const p = place[c]!;
    if (p >= 0) out[offset + p] = row[c]!;
  }
}
