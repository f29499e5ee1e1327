import * as z from 'zod/mini';
import { IssueList, validate } from '../../core/boundary.js';
import { GvcError, type GvcIssue } from '../../core/errors.js';
import { deepFreeze } from '../../core/freeze.js';
import { checkOrder } from '../kernels/limits.js';
import { createIcio, ICIO_TOLERANCE, IcioInput } from '../model.js';
import type { Icio, IcioMeta, IcioValueAddedRow } from '../types.js';

/** What a reader has read, in table order, ready to become an {@link Icio}. */
export interface ReadTable {
  countries: readonly string[];
  sectors: readonly string[];
  /** n×n row-major. */
  Z: Float64Array<ArrayBuffer>;
  /** n×(G·F) row-major, country-major categories; F = `categories.length` (≥ 1). */
  Y: Float64Array<ArrayBuffer>;
  /** The final-demand category codes, in the order of `Y`'s columns within a country. */
  categories: readonly string[];
  /** Gross output, when the file gives it (checked against the row sums). */
  x?: Float64Array<ArrayBuffer>;
  /** The value-added rows (summed into `va`), when the file gives them. */
  valueAdded?: readonly IcioValueAddedRow[];
  /** Relative tolerance of the balance checks. */
  tolerance?: number;
  /**
   * The arrays are the reader's own and `Y` is n×G (categories summed; give them in
   * `meta.finalDemand`): the table takes them without a copy (see `icioInPlace`).
   */
  inPlace?: boolean;
}

/**
 * Builds the {@link Icio} of a table read from a release and attaches its metadata. The checks of
 * `createIcio` apply; their problems keep createIcio's paths (`input.x[CHN_C26]`) under the file's
 * name: `FILE: input.x[CHN_C26]`.
 *
 * @param file - the file's name (for error paths)
 * @param what - the error message of the reader (`invalid OECD ICIO file`)
 */
export function finishTable(
  table: ReadTable,
  meta: Omit<IcioMeta, 'finalDemand' | 'valueAdded'> & Partial<IcioMeta>,
  file: string,
  what: string,
): Icio {
  try {
    return assembleIcio(table, meta);
  } catch (e) {
    if (!(e instanceof GvcError)) throw e;
    throw new GvcError(
      e.code,
      what,
      e.issues.map((i) => ({ path: i.path === '' ? '' : `${file}: ${i.path}`, message: i.message })),
    );
  }
}

/**
 * {@link finishTable} without the renaming of paths: the errors of `createIcio` pass through as
 * they are (`input.x[CHN_C26]`), as `readIcioCsv` has always reported them.
 *
 * @internal
 */
export function assembleIcio(
  table: ReadTable,
  meta: Omit<IcioMeta, 'finalDemand' | 'valueAdded'> & Partial<IcioMeta>,
): Icio {
  const F = table.categories.length;
  let va: Float64Array<ArrayBuffer> | undefined;
  if (table.valueAdded && table.valueAdded.length > 0) {
    const n = table.countries.length * table.sectors.length;
    va = new Float64Array(n);
    for (const row of table.valueAdded) for (let j = 0; j < n; j++) va[j] = va[j]! + row.values[j]!;
  }
  const input = {
    countries: [...table.countries],
    sectors: [...table.sectors],
    Z: table.Z,
    Y: table.Y,
    ...(table.x ? { x: table.x } : {}),
    ...(va ? { va } : {}),
    ...(table.tolerance !== undefined ? { tolerance: table.tolerance } : {}),
  };
  const icio = table.inPlace ? icioInPlace(input) : createIcio(input);
  const full: IcioMeta = {
    ...meta,
    finalDemand: meta.finalDemand ?? {
      categories: [...table.categories],
      Y: F > 1 ? table.Y : table.Y.slice(),
    },
    ...(table.valueAdded && table.valueAdded.length > 0 ? { valueAdded: table.valueAdded } : {}),
  };
  return deepFreeze({ ...icio, meta: full });
}

const Labels = z.object({ countries: IcioInput.shape.countries, sectors: IcioInput.shape.sectors });

/**
 * `createIcio` for a table a reader has just built, without copying it: the reader's fresh
 * arrays become the table's (a 3,465-row table's Z is 96 MB; a copy would double the memory a
 * read needs). The checks and their messages are createIcio's: labels, order, Z ≥ 0 and finite,
 * finite final demand, x ≥ 0, x = Z·1 + Y·1 and x = Zᵀ1 + va to the tolerance, input coefficients
 * that do not overflow, and one warning per negative value added. `Y` is n×G (categories summed).
 */
function icioInPlace(t: {
  countries: string[];
  sectors: string[];
  Z: Float64Array<ArrayBuffer>;
  Y: Float64Array<ArrayBuffer>;
  x?: Float64Array<ArrayBuffer>;
  va?: Float64Array<ArrayBuffer>;
  tolerance?: number;
}): Icio {
  const { countries, sectors } = validate(Labels, t, 'input', 'invalid ICIO table');
  const G = countries.length;
  const N = sectors.length;
  const n = G * N;
  const issues = new IssueList();
  const fail = () => new GvcError('INVALID_INPUT', 'invalid ICIO table', issues.issues());
  checkOrder(issues, 'input', n, `${G} countries × ${N} sectors`);
  if (issues.size > 0) throw fail();
  const tol = t.tolerance ?? ICIO_TOLERANCE;
  const label = (i: number) => `${countries[Math.floor(i / N)]}_${sectors[i % N]}`;
  const { Z, Y } = t;
  const rowTotal = new Float64Array(n);
  const colZ = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) {
      const z = Z[row + j]!;
      if (!(z >= 0) || z === Number.POSITIVE_INFINITY) {
        issues.add(`input.Z[${label(i)}][${label(j)}]`, `expected a finite number >= 0, found ${z}`);
        if (issues.size > 100) throw fail();
      }
      s += z;
      colZ[j] = colZ[j]! + z;
    }
    for (let d = 0; d < G; d++) s += Y[i * G + d]!;
    rowTotal[i] = s;
    if (!Number.isFinite(s)) {
      issues.add(
        `input.Z[${label(i)}]`,
        'expected intermediate and final sales whose sum is a finite number, found a sum that overflows',
      );
    }
  }
  if (issues.size > 0) throw fail();
  const close = (a: number, b: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
  const x = t.x ?? rowTotal;
  for (let i = 0; i < n; i++) {
    if (t.x && !(x[i]! >= 0 && x[i]! < Number.POSITIVE_INFINITY))
      issues.add(`input.x[${label(i)}]`, `expected a finite number >= 0, found ${x[i]}`);
    else if (t.x && !close(x[i]!, rowTotal[i]!)) {
      issues.add(
        `input.x[${label(i)}]`,
        `expected gross output equal to intermediate plus final sales ${rowTotal[i]} within relative tolerance ${tol}, found ${x[i]}`,
      );
    } else if (!t.x && rowTotal[i]! < 0) {
      issues.add(
        `input.x[${label(i)}]`,
        `expected gross output (row sum of Z and Y) >= 0, found ${rowTotal[i]}`,
      );
    }
  }
  // An output that is not a finite number is refused alone, as createIcio refuses it on reading.
  if (t.x && x.some((v) => !(v >= 0 && v < Number.POSITIVE_INFINITY))) throw fail();
  let va = t.va;
  if (va) {
    for (let j = 0; j < n; j++) {
      if (!close(x[j]!, colZ[j]! + va[j]!)) {
        issues.add(
          `input.va[${label(j)}]`,
          `expected intermediate inputs plus value added ${colZ[j]! + va[j]!} to equal gross output ${x[j]} within relative tolerance ${tol}, found value added ${va[j]}`,
        );
      }
    }
  } else {
    va = new Float64Array(n);
    for (let j = 0; j < n; j++) va[j] = x[j]! - colZ[j]!;
  }
  for (let j = 0; j < n; j++) {
    if (!Number.isFinite(va[j]!)) {
      issues.add(
        `input.va[${label(j)}]`,
        `expected value added (output minus inputs) that is a finite number, found ${va[j]}`,
      );
    } else if (x[j]! > 0 && !Number.isFinite(colZ[j]! / x[j]!)) {
      issues.add(
        `input.Z[*][${label(j)}]`,
        `expected input coefficients Z_ij / x_j that are finite numbers, found inputs ${colZ[j]} for an output of ${x[j]} (the ratio overflows)`,
      );
    }
  }
  if (issues.size > 0) throw fail();
  const found = new IssueList();
  for (let j = 0; j < n; j++) {
    if (va[j]! < 0 && -va[j]! > 1e-12 * Math.max(x[j]!, colZ[j]!)) {
      const sum =
        x[j]! > 0 ? `input coefficients summing to ${(colZ[j]! / x[j]!).toPrecision(6)}` : 'no output';
      found.add(
        `va[${label(j)}]`,
        `expected value added >= 0 (input coefficients summing to at most 1), found ${va[j]} (${sum})`,
      );
    }
  }
  const warnings: GvcIssue[] = found.issues();
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
