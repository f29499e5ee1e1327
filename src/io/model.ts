import * as z from 'zod/mini';
import { IssueList, preview, validate } from '../core/boundary.js';
import { GvcError, type GvcIssue } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { checkCoefficientSums } from './internal.js';
import { checkOrder } from './kernels/limits.js';
import { labelsSchema } from './labels.js';
import type { Icio } from './types.js';

/** Labels: non-empty, unique, without surrounding spaces; country labels without "_". */
const uniqueLabels = (what: 'country' | 'sector') => labelsSchema(what);

/** A dense matrix given as rows of numbers or as one row-major `Float64Array`. */
const MatrixLike = z.union(
  [z.instanceof(Float64Array), z.array(z.union([z.array(z.unknown()), z.instanceof(Float64Array)]))],
  {
    error: 'expected a matrix: an array of rows (number[][]) or a row-major Float64Array',
  },
);
/** A vector given as an array of numbers or a `Float64Array`. */
const VectorLike = z.union([z.instanceof(Float64Array), z.array(z.unknown())], {
  error: 'expected a vector: number[] or Float64Array',
});

/**
 * The input of {@link createIcio}: an inter-country input–output table as plain arrays.
 *
 * - `countries` (G labels) and `sectors` (N labels); rows and columns of `Z` and rows of `Y` are
 *   ordered country-major, C1S1, C1S2, …, C2S1, …, and labelled `C_S` (e.g. `CHN_C26`).
 * - `Z`: intermediate use, n×n with n = G·N.
 * - `Y`: final demand, n×G (one column per destination country) or n×(G·F) with F final-demand
 *   categories per country, ordered country-major (C1F1, C1F2, …, C2F1, …), F ≤ 64; categories are summed
 *   per destination country. Entries may be negative (changes in inventories).
 * - `x`: gross output (optional; the row sums Z·1 + Y·1 when absent).
 * - `va`: value added including net taxes on products, so that x = Zᵀ1 + va (optional; computed as
 *   x minus the column sums of Z when absent).
 * - `tolerance`: relative tolerance of the balance checks, 1e-6 by default (see {@link createIcio}).
 *
 * @example
 * ```ts
 * IcioInput.parse({ countries: ['A'], sectors: ['s'], Z: [[1]], Y: [[2]] }).countries;
 * //=> ['A']
 * ```
 */
export const IcioInput = z.strictObject({
  countries: uniqueLabels('country'),
  sectors: uniqueLabels('sector'),
  Z: MatrixLike,
  Y: MatrixLike,
  x: z.optional(VectorLike),
  va: z.optional(VectorLike),
  tolerance: z.optional(
    z
      .number({ error: 'expected a finite number >= 0' })
      .check(z.nonnegative({ error: 'expected a finite number >= 0' })),
  ),
});
/** The input of {@link createIcio}. */
export type IcioInput = z.input<typeof IcioInput>;

/** The default relative tolerance of the accounting checks of {@link createIcio}. */
export const ICIO_TOLERANCE = 1e-6;

type Issues = IssueList;
function push(issues: Issues, path: string, message: string): void {
  issues.add(`input.${path}`, message);
}

const describe = (v: unknown): string => preview(v);

/**
 * Copies a matrix into a row-major `Float64Array` of `rows`×`cols`, recording shape and value
 * problems. `cols` may be a list of admissible column counts (for Y); the one found is returned.
 */
function readMatrix(
  name: string,
  value: Float64Array | ReadonlyArray<ArrayLike<unknown>>,
  rows: number,
  colChoices: readonly number[],
  rowLabels: readonly string[],
  colLabel: (j: number, cols: number) => string,
  nonNegative: boolean,
  issues: Issues,
): { data: Float64Array; cols: number } | undefined {
  const expectCols = colChoices.join(' or ');
  let cols: number;
  if (value instanceof Float64Array) {
    const c = colChoices.find((k) => k * rows === value.length);
    if (c === undefined) {
      push(
        issues,
        name,
        `expected ${rows}×(${expectCols}) entries in a row-major Float64Array, found ${value.length}`,
      );
      return undefined;
    }
    cols = c;
  } else {
    if (value.length !== rows) {
      push(issues, name, `expected ${rows} rows (countries × sectors), found ${value.length}`);
      return undefined;
    }
    const c = value[0]?.length ?? 0;
    if (!colChoices.includes(c)) {
      push(issues, `${name}[${rowLabels[0]}]`, `expected ${expectCols} columns, found ${c}`);
      return undefined;
    }
    cols = c;
    let ok = true;
    value.forEach((row, i) => {
      if (row.length !== cols) {
        push(
          issues,
          `${name}[${rowLabels[i]}]`,
          `expected ${cols} columns like the first row, found ${row.length}`,
        );
        ok = false;
      }
    });
    if (!ok) return undefined;
  }
  const data = new Float64Array(rows * cols);
  const bound = nonNegative ? 'a finite number >= 0' : 'a finite number';
  for (let i = 0; i < rows; i++) {
    const row = value instanceof Float64Array ? value.subarray(i * cols, i * cols + cols) : value[i]!;
    for (let j = 0; j < cols; j++) {
      const v = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v) || (nonNegative && v < 0)) {
        push(
          issues,
          `${name}[${rowLabels[i]}][${colLabel(j, cols)}]`,
          `expected ${bound}, found ${describe(v)}`,
        );
      } else data[i * cols + j] = v;
    }
  }
  return { data, cols };
}

function readVector(
  name: string,
  value: Float64Array | readonly unknown[],
  labels: readonly string[],
  nonNegative: boolean,
  issues: Issues,
): Float64Array | undefined {
  if (value.length !== labels.length) {
    push(issues, name, `expected ${labels.length} entries (countries × sectors), found ${value.length}`);
    return undefined;
  }
  const out = new Float64Array(labels.length);
  const bound = nonNegative ? 'a finite number >= 0' : 'a finite number';
  for (let i = 0; i < labels.length; i++) {
    const v = value[i];
    if (typeof v !== 'number' || !Number.isFinite(v) || (nonNegative && v < 0)) {
      push(issues, `${name}[${labels[i]}]`, `expected ${bound}, found ${describe(v)}`);
    } else out[i] = v;
  }
  return out;
}

const close = (a: number, b: number, tol: number): boolean =>
  Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Builds a validated {@link Icio} from plain arrays: copies every matrix into row-major
 * `Float64Array` storage, sums final-demand categories per destination country, computes gross
 * output and value added when they are absent, and checks the accounting identities
 * x = Z·1 + Y·1 (output = intermediate sales + final sales) and x = Zᵀ1 + va (output = inputs +
 * value added), each to the relative tolerance: |a − b| ≤ tolerance · max(1, |a|, |b|).
 *
 * Labels must be non-empty, unique and without surrounding spaces; country labels must not contain
 * `_`, the separator of the `COUNTRY_SECTOR` labels. Tables above MAX_ICIO_ORDER (16,000)
 * country–sector pairs are refused before anything is allocated. Value added may be negative (a
 * heavily subsidised sector): the table is accepted, with one warning per such country–sector in
 * `warnings` (path `va[CCC_SECTOR]`).
 *
 * @param input - the table; see {@link IcioInput} for its fields and their order
 * @returns the table as an {@link Icio} whose plain parts (the object, its label arrays and
 *   warnings) are deeply frozen; `Z`, `Y`, `x` and `va` are fresh `Float64Array`s
 * @throws {GvcError} `INVALID_INPUT` listing every problem, with paths rooted at `input` and naming
 *   the country–sector (`input.x[CHN_C26]`, `input.Z[CHN_C26][USA_C26]`, `input.Y[CHN_C26][USA]`,
 *   or `input.Y[CHN_C26][USA:2]` for the third category of USA's final demand): duplicate or
 *   malformed labels, more than MAX_ICIO_ORDER country–sector pairs, wrong shapes, entries that
 *   are not finite numbers, negative entries of Z or x, rows or columns that do not balance, and
 *   finite flows whose sums or input coefficients Z_ij / x_j overflow the range of doubles
 * @example
 * ```ts
 * const t = createIcio({
 *   countries: ['A', 'B'],
 *   sectors: ['s'],
 *   Z: [[1, 2], [3, 4]],
 *   Y: [[5, 6], [7, 8]],
 * });
 * [Array.from(t.x), Array.from(t.va)];
 * //=> [[14, 22], [10, 16]]
 * ```
 */
export function createIcio(input: IcioInput): Icio {
  const parsed = validate(IcioInput, input, 'input', 'invalid ICIO table');
  const { countries, sectors, tolerance = ICIO_TOLERANCE } = parsed;
  const G = countries.length;
  const N = sectors.length;
  const n = G * N;
  const issues: Issues = new IssueList();
  checkOrder(issues, 'input', n, `${G} countries × ${N} sectors`);
  issues.throwIfAny('invalid ICIO table');
  const labels = countries.flatMap((c) => sectors.map((s) => `${c}_${s}`));
  const Zm = readMatrix('Z', parsed.Z, n, [n], labels, (j) => labels[j]!, true, issues);
  const Ychoices = [G];
  for (let F = 2; F <= 64; F++) Ychoices.push(G * F);
  const yLabel = (j: number, cols: number) =>
    cols === G ? countries[j]! : `${countries[Math.floor((j * G) / cols)]}:${j % (cols / G)}`;
  const Ym = readMatrix('Y', parsed.Y, n, Ychoices, labels, yLabel, false, issues);
  const xIn = parsed.x === undefined ? undefined : readVector('x', parsed.x, labels, true, issues);
  const vaIn = parsed.va === undefined ? undefined : readVector('va', parsed.va, labels, false, issues);
  if (issues.size > 0 || !Zm || !Ym) throw invalid(issues);
  const Z = Zm.data;
  const F = Ym.cols / G;
  const Y = new Float64Array(n * G);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < G; d++) {
      let s = 0;
      for (let f = 0; f < F; f++) s += Ym.data[i * Ym.cols + d * F + f]!;
      Y[i * G + d] = s;
    }
  }
  const rowTotal = new Float64Array(n);
  const colZ = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) {
      const z = Z[i * n + j]!;
      s += z;
      colZ[j] = colZ[j]! + z;
    }
    for (let d = 0; d < G; d++) s += Y[i * G + d]!;
    rowTotal[i] = s;
  }
  // Finite flows can still overflow when summed (1e308 + 1e308): refuse, naming the rows and columns.
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(rowTotal[i]!))
      push(
        issues,
        `Z[${labels[i]}]`,
        'expected intermediate and final sales whose sum is a finite number, found a sum that overflows',
      );
  }
  for (let d = 0; d < G; d++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Y[i * G + d]!;
    if (!Number.isFinite(s))
      push(
        issues,
        `Y[*][${countries[d]}]`,
        'expected final demand whose sum is a finite number, found a sum that overflows',
      );
  }
  if (issues.size > 0) throw invalid(issues);
  const x = xIn ?? rowTotal;
  if (xIn) {
    for (let i = 0; i < n; i++) {
      if (!close(xIn[i]!, rowTotal[i]!, tolerance)) {
        push(
          issues,
          `x[${labels[i]}]`,
          `expected gross output equal to intermediate plus final sales ${rowTotal[i]} within relative tolerance ${tolerance}, found ${xIn[i]}`,
        );
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      if (rowTotal[i]! < 0)
        push(
          issues,
          `x[${labels[i]}]`,
          `expected gross output (row sum of Z and Y) >= 0, found ${rowTotal[i]}`,
        );
    }
  }
  let va: Float64Array;
  if (vaIn) {
    va = vaIn;
    for (let j = 0; j < n; j++) {
      if (!close(x[j]!, colZ[j]! + vaIn[j]!, tolerance)) {
        push(
          issues,
          `va[${labels[j]}]`,
          `expected intermediate inputs plus value added ${colZ[j]! + vaIn[j]!} to equal gross output ${x[j]} within relative tolerance ${tolerance}, found value added ${vaIn[j]}`,
        );
      }
    }
  } else {
    va = new Float64Array(n);
    for (let j = 0; j < n; j++) va[j] = x[j]! - colZ[j]!;
  }
  for (let j = 0; j < n; j++) {
    if (!Number.isFinite(va[j]!))
      push(
        issues,
        `va[${labels[j]}]`,
        `expected value added (output minus inputs) that is a finite number, found ${va[j]}`,
      );
  }
  checkCoefficientSums(issues, colZ, x, (j) => `input.Z[*][${labels[j]}]`);
  if (issues.size > 0) throw invalid(issues);
  const warnings = negativeValueAdded(labels, colZ, x, va);
  return deepFreeze({
    countries: [...countries],
    sectors: [...sectors],
    G,
    N,
    Z,
    Y,
    x,
    va,
    ...(warnings.length > 0 ? { warnings } : {}),
  });
}

/**
 * One warning per country–sector with negative value added (above rounding): its input
 * coefficients Σ_i A_ij = Σ_i Z_ij / x_j sum above 1. Real tables have a few (heavily subsidised
 * sectors, taxes less subsidies in value added); the Leontief inverse is still defined when the
 * table as a whole is productive, which the condition checks of the solvers watch over.
 */
function negativeValueAdded(
  labels: readonly string[],
  colZ: Float64Array,
  x: Float64Array,
  va: Float64Array,
): GvcIssue[] {
  const issues = new IssueList();
  for (let j = 0; j < labels.length; j++) {
    if (va[j]! < 0 && -va[j]! > 1e-12 * Math.max(x[j]!, colZ[j]!)) {
      const sum =
        x[j]! > 0 ? `input coefficients summing to ${(colZ[j]! / x[j]!).toPrecision(6)}` : 'no output';
      issues.add(
        `va[${labels[j]}]`,
        `expected value added >= 0 (input coefficients summing to at most 1), found ${va[j]} (${sum})`,
      );
    }
  }
  return issues.issues();
}

function invalid(issues: Issues): GvcError {
  return new GvcError('INVALID_INPUT', 'invalid ICIO table', issues.issues());
}
