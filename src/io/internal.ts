import { IssueList, preview, quote } from '../core/boundary.js';
import type { GvcIssue } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { checkOrder } from './kernels/limits.js';
import { type LuFactors, luFactor } from './kernels/lu.js';
import { luSolveOf, luSolveTransposedOf } from './kernels/lu-solve.js';
import { block, identityMinusOf } from './kernels/matrix.js';
import { validateIcioShape } from './shape.js';
import type { Icio, LabelledMatrix } from './types.js';

/**
 * Country–sector labels `C_S` in table order.
 *
 * @internal
 */
export function icioLabels(icio: Icio): string[] {
  return icio.countries.flatMap((c) => icio.sectors.map((s) => `${c}_${s}`));
}

/**
 * Wraps a row-major array as a labelled matrix of the table's country–sector rows and columns.
 *
 * @internal
 */
export function labelled(icio: Icio, data: Float64Array): LabelledMatrix {
  const labels = icioLabels(icio);
  const n = labels.length;
  return { rows: n, cols: n, data, rowLabels: labels, colLabels: labels };
}

/**
 * Gross exports by country–sector: sales of intermediates to and final sales in other countries,
 * E_i = Σ_{j ∉ s} Z_ij + Σ_{d ≠ s} Y_id for i in country s.
 *
 * @internal
 */
export function grossExportsVector(icio: Icio): Float64Array {
  const { G, N, Z, Y } = icio;
  const n = G * N;
  const e = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = Math.floor(i / N);
    let sum = 0;
    for (let j = 0; j < n; j++) if (Math.floor(j / N) !== s) sum += Z[i * n + j]!;
    e[i] = sum + sumAbroad(Y, i * G, G, s);
  }
  return e;
}

/**
 * Final demand split by where it is absorbed: domestic (yD, in the producer's own country) and
 * foreign (yF, all other countries).
 *
 * @internal
 */
export function finalDemandSplit(icio: Icio): { yD: Float64Array; yF: Float64Array } {
  const { G, N, Y } = icio;
  const n = G * N;
  const yD = new Float64Array(n);
  const yF = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = Math.floor(i / N);
    yD[i] = Y[i * G + s]!;
    yF[i] = sumAbroad(Y, i * G, G, s);
  }
  return { yD, yF };
}

/**
 * Checks labels (countries or sectors) for what breaks the composite `COUNTRY_SECTOR` labels and
 * lookups: empty labels, leading or trailing spaces, `_` in a country label (the separator of
 * `COUNTRY_SECTOR` and `COUNTRY_CATEGORY`), duplicates. Built-in property names such as
 * `constructor` are plain data (labels are looked up in `Map`s only).
 *
 * @internal
 */
export function checkLabels(
  issues: IssueList,
  labels: readonly string[],
  path: string,
  what: 'country' | 'sector',
): void {
  labelProblems(labels, what, (i, message) => issues.add(`${path}[${i}]`, message));
}

/**
 * The label problems of {@link checkLabels}, reported as (index, message).
 *
 * @internal
 */
export function labelProblems(
  labels: readonly string[],
  what: 'country' | 'sector',
  report: (i: number, message: string) => void,
): void {
  const seen = new Map<string, number>();
  labels.forEach((l, i) => {
    if (l === '') report(i, `expected a non-empty ${what} label, found ""`);
    else if (l.trim() !== l)
      report(i, `expected a ${what} label without leading or trailing spaces, found ${quote(l)}`);
    else if (what === 'country' && l.includes('_'))
      report(
        i,
        `expected a country label without "_" (the separator of COUNTRY_SECTOR labels), found ${quote(l)}`,
      );
    const first = seen.get(l);
    if (first !== undefined)
      report(i, `expected unique ${what} labels, found ${quote(l)} again (first at [${first}])`);
    else seen.set(l, i);
  });
}

/**
 * Checks that a value is an {@link Icio} (as built by `createIcio`, or by hand in the same form),
 * so that the numeric functions can trust their indices: the shape, G and N matching the labels,
 * labels as {@link checkLabels} wants them, at most MAX_ICIO_ORDER country–sector pairs,
 * `Float64Array`s of the right lengths, finite entries, Z ≥ 0, x ≥ 0, and input coefficients whose
 * column sums Σ_i Z_ij / x_j do not overflow. Paths are rooted at `name` (`icio.Z`). O(n²).
 *
 * @internal
 */
export function assertIcio(icio: Icio, name = 'icio'): void {
  const t = validateIcioShape(icio, name);
  const issues = new IssueList();
  const { G, N, countries, sectors } = t;
  if (countries.length === 0) issues.add(`${name}.countries`, 'expected at least one country, found none');
  if (sectors.length === 0) issues.add(`${name}.sectors`, 'expected at least one sector, found none');
  if (G !== countries.length)
    issues.add(`${name}.G`, `expected the number of countries ${countries.length}, found ${preview(G)}`);
  if (N !== sectors.length)
    issues.add(`${name}.N`, `expected the number of sectors ${sectors.length}, found ${preview(N)}`);
  checkLabels(issues, countries, `${name}.countries`, 'country');
  checkLabels(issues, sectors, `${name}.sectors`, 'sector');
  const n = countries.length * sectors.length;
  checkOrder(issues, name, n, `${countries.length} countries × ${sectors.length} sectors`);
  issues.throwIfAny('invalid ICIO table');
  const lengths = { Z: n * n, Y: n * G, x: n, va: n } as const;
  for (const key of ['Z', 'Y', 'x', 'va'] as const) {
    if (t[key].length !== lengths[key])
      issues.add(
        `${name}.${key}`,
        `expected a Float64Array of ${lengths[key]} entries, found ${t[key].length} entries`,
      );
  }
  issues.throwIfAny('invalid ICIO table');
  const label = (i: number) => `${countries[Math.floor(i / N)]}_${sectors[i % N]}`;
  const { Z, Y, x, va } = t;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    if (!(xi >= 0) || xi === Number.POSITIVE_INFINITY)
      issues.add(`${name}.x[${label(i)}]`, `expected a finite number >= 0, found ${preview(xi)}`);
    if (!Number.isFinite(va[i]!))
      issues.add(`${name}.va[${label(i)}]`, `expected a finite number, found ${preview(va[i])}`);
    for (let d = 0; d < G; d++) {
      const y = Y[i * G + d]!;
      if (!Number.isFinite(y))
        issues.add(
          `${name}.Y[${label(i)}][${countries[d]}]`,
          `expected a finite number, found ${preview(y)}`,
        );
    }
  }
  const colZ = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = i * n;
    for (let j = 0; j < n; j++) {
      const z = Z[r + j]!;
      if (z >= 0 && z !== Number.POSITIVE_INFINITY) colZ[j] = colZ[j]! + z;
      else
        issues.add(
          `${name}.Z[${label(i)}][${label(j)}]`,
          `expected a finite number >= 0, found ${preview(z)}`,
        );
    }
  }
  issues.throwIfAny('invalid ICIO table');
  checkCoefficientSums(issues, colZ, x, (j) => `${name}.Z[*][${label(j)}]`);
  issues.throwIfAny('invalid ICIO table');
}

/**
 * Records a problem for every column whose input coefficients Σ_i Z_ij / x_j overflow (a column
 * sum of Z that is not finite, or an output so small next to its inputs that the ratio is not):
 * the technical coefficients of such a column cannot be represented.
 *
 * @internal
 */
export function checkCoefficientSums(
  issues: IssueList,
  colZ: Float64Array,
  x: Float64Array,
  path: (j: number) => string,
): void {
  for (let j = 0; j < colZ.length; j++) {
    const c = colZ[j]!;
    if (!Number.isFinite(c)) {
      issues.add(
        path(j),
        'expected intermediate inputs whose sum is a finite number, found a sum that overflows',
      );
    } else if (x[j]! > 0 && !Number.isFinite(c / x[j]!)) {
      issues.add(
        path(j),
        `expected input coefficients Z_ij / x_j that are finite numbers, found inputs ${c} for an output of ${x[j]} (the ratio overflows)`,
      );
    }
  }
}

/**
 * LU factors of each country's domestic block I − A_ss of a coefficient matrix, in country order:
 * factor once, then apply the domestic inverses L_ss to any number of vectors with
 * {@link applyDomestic}.
 *
 * @internal
 */
export function domesticFactors(icio: Icio, a: Float64Array): LuFactors[] {
  const { G, N } = icio;
  const n = G * N;
  const factors: LuFactors[] = [];
  for (let s = 0; s < G; s++) {
    factors.push(luFactor(identityMinusOf(block(a, n, s * N, s * N, N), N), N));
  }
  return factors;
}

/**
 * Applies the block-diagonal domestic Leontief inverses to a vector: (L z)_i for i in country s is
 * Σ_{j ∈ s} (L_ss)_ij z_j; with `transposed`, the row-vector product (z L). `factors` come from
 * {@link domesticFactors}.
 *
 * @internal
 */
export function applyDomestic(
  icio: Icio,
  factors: readonly LuFactors[],
  z: Float64Array,
  transposed: boolean,
): Float64Array {
  const { G, N } = icio;
  const out = new Float64Array(G * N);
  for (let s = 0; s < G; s++) {
    const f = factors[s]!;
    const rhs = z.slice(s * N, s * N + N);
    out.set(transposed ? luSolveTransposedOf(f, rhs) : luSolveOf(f, rhs), s * N);
  }
  return out;
}

/**
 * Multiplies by the foreign (off-diagonal-block) part Aᶠ of a coefficient matrix: Aᶠz, or zᵀAᶠ with
 * `transposed`.
 *
 * @internal
 */
export function applyForeign(
  icio: Icio,
  a: Float64Array,
  z: Float64Array,
  transposed: boolean,
): Float64Array {
  const { G, N } = icio;
  const n = G * N;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = Math.floor(i / N);
    const r = i * n;
    if (transposed) {
      const zi = z[i]!;
      if (zi === 0) continue;
      for (let j = 0; j < n; j++) if (Math.floor(j / N) !== s) out[j] = out[j]! + zi * a[r + j]!;
    } else {
      let sum = 0;
      for (let j = 0; j < n; j++) if (Math.floor(j / N) !== s) sum += a[r + j]! * z[j]!;
      out[i] = sum;
    }
  }
  return out;
}

/**
 * Sums a per-country–sector vector by country.
 *
 * @internal
 */
export function byCountry(icio: Icio, v: Float64Array): Float64Array {
  const out = new Float64Array(icio.G);
  for (let i = 0; i < v.length; i++) {
    const s = Math.floor(i / icio.N);
    out[s] = out[s]! + v[i]!;
  }
  return out;
}

/**
 * The entries of one row of a matrix with a column per country (stride 1, the default), or of one
 * column of a G×G matrix (stride G), for every country but `own`: Σ_{d ≠ own} m[at + d·stride],
 * the part of a flow that goes abroad (exports) or comes from abroad (imported content).
 *
 * @internal
 */
export function sumAbroad(m: Float64Array, at: number, G: number, own: number, stride = 1): number {
  let t = 0;
  for (let d = 0; d < G; d++) if (d !== own) t += m[at + d * stride]!;
  return t;
}

/**
 * A ratio that is 0 when the denominator is 0 (an empty sector or country).
 *
 * @internal
 */
export const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/**
 * Deep-freezes a result, attaching `warnings` when there are any (an array result gets them as an
 * own enumerable property). Typed arrays inside are left as they are: return fresh ones.
 *
 * @internal
 */
export function finish<T extends object>(result: T, warnings: readonly GvcIssue[] = []): T {
  if (warnings.length > 0)
    Object.defineProperty(result, 'warnings', { value: [...warnings], enumerable: true });
  return deepFreeze(result);
}

/**
 * Throws `GvcError('UNSUPPORTED')` naming the first records whose numeric fields are not finite
 * (an overflow of the range of doubles from finite inputs), so that no NaN or Infinity is returned.
 *
 * @internal
 */
export function checkFiniteRecords(records: readonly object[], what: string): void {
  const issues = new IssueList();
  for (let k = 0; k < records.length && issues.size < 10; k++) {
    for (const [key, v] of Object.entries(records[k]!)) {
      if (typeof v === 'number' && !Number.isFinite(v))
        issues.add(
          `[${k}].${key}`,
          `expected a finite number, found ${preview(v)} (the computation overflows the range of doubles)`,
        );
    }
  }
  issues.throwIfAny(`${what} overflows`, 'UNSUPPORTED');
}
