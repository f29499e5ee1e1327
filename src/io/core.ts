import { GvcError, type GvcIssue } from '../core/errors.js';
import {
  estimateInverseNorm1,
  type InverseNormEstimate,
  inverseNorm1,
  judgeCondition,
  matrixNorm1,
} from './condition.js';
import { assertIcio, finish, icioLabels, labelled } from './internal.js';
import { checkFiniteInverse, inverse, inverseInPlace, inverseOf } from './kernels/inverse.js';
import { withMemoryGuard } from './kernels/limits.js';
import { type LuFactors, luFactorInPlace } from './kernels/lu.js';
import { block, identityMinusOf } from './kernels/matrix.js';
import type { Icio, LabelledMatrix } from './types.js';

/** The condition of a matrix that was inverted or factorised, and the warnings it calls for. */
export interface Conditioned {
  /** κ₁ = ‖M‖₁·‖M⁻¹‖₁, exact from an inverse or estimated from LU factors. */
  readonly condition: number;
  /** Empty, or one warning when κ₁ is above CONDITION_WARNING. */
  readonly warnings: GvcIssue[];
}

/** The label of country–sector i of a table: `CHN_C26`. */
function labelOf(icio: Icio): (i: number) => string {
  const { countries, sectors, N } = icio;
  return (i) => `${countries[Math.floor(i / N)]}_${sectors[i % N]}`;
}

/**
 * Runs a factorisation or inversion of I − A (or I − Bᵍ) with the memory guard, naming the
 * country–sector of a zero pivot (the kernel reports its column index) in a `SINGULAR_MATRIX`.
 *
 * @internal
 */
export function labelledSolve<T>(icio: Icio, matrix: string, fn: () => T, offset = 0): T {
  const label = labelOf(icio);
  try {
    return withMemoryGuard(icio.x.length, `the ${matrix} of this table`, fn);
  } catch (e) {
    if (!(e instanceof GvcError) || e.code !== 'SINGULAR_MATRIX') throw e;
    throw new GvcError(
      'SINGULAR_MATRIX',
      `${matrix} is singular to working precision`,
      e.issues.map((i) => {
        const k = /^\[(\d+)\]$/.exec(i.path);
        const at = k ? label(Number(k[1]) + offset) : '';
        return {
          path: at ? `icio.Z[*][${at}]` : 'icio',
          message: at
            ? `${i.message.replace(/ in column \d+/, '')} at ${at} (a closed loop of sectors with no value added or final demand, or a sector whose inputs are proportional to others')`
            : i.message,
        };
      }),
    );
  }
}

/** Judges κ₁ = ‖M‖₁·‖M⁻¹‖₁ (see judgeCondition), naming the table's country–sectors. */
function conditioned(icio: Icio, normM: number, est: InverseNormEstimate, matrix: string): Conditioned {
  const condition = normM * est.norm;
  return { condition, warnings: judgeCondition(condition, est, labelOf(icio), matrix, 'icio') };
}

/**
 * The technical-coefficient matrix as a raw row-major array: A_ij = Z_ij / x_j (0 when x_j = 0).
 *
 * @internal
 */
export function coefficientsData(icio: Icio): Float64Array {
  const { Z, x } = icio;
  const n = x.length;
  const inv = outputReciprocals(x);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const r = i * n;
    for (let j = 0; j < n; j++) a[r + j] = Z[r + j]! * inv[j]!;
  }
  divideTinyColumns(a, Z, x, inv, 1, 0);
  return a;
}

/**
 * The N×N block of the technical coefficients at rows r0… and columns c0… (the entries of
 * {@link coefficientsData}, without forming the whole matrix).
 *
 * @internal
 */
export function coefficientsBlock(icio: Icio, r0: number, c0: number, N: number): Float64Array {
  const { Z, x } = icio;
  const n = x.length;
  const out = new Float64Array(N * N);
  for (let k = 0; k < N; k++) {
    for (let l = 0; l < N; l++) {
      const j = c0 + l;
      const inv = x[j]! > 0 ? 1 / x[j]! : 0;
      const z = Z[(r0 + k) * n + j]!;
      out[k * N + l] = Number.isFinite(inv) ? z * inv : z / x[j]!;
    }
  }
  return out;
}

/**
 * 1 / x_j, or 0 where x_j = 0 (a sector without output has no input coefficients). Where x_j is
 * subnormal (below 2⁻¹⁰²⁴ ≈ 5.6·10⁻³⁰⁹) 1 / x_j overflows: the entry is Infinity, and those
 * columns are divided instead (see {@link divideTinyColumns}).
 */
function outputReciprocals(x: Float64Array): Float64Array {
  const inv = new Float64Array(x.length);
  for (let j = 0; j < x.length; j++) inv[j] = x[j]! > 0 ? 1 / x[j]! : 0;
  return inv;
}

/**
 * Rewrites the columns j whose reciprocal 1 / x_j overflowed as out[i, j] = sign·Z_ij / x_j (+
 * `diagonal` on the diagonal): a subnormal output keeps finite coefficients (rare, so the common
 * path keeps its multiplications).
 */
function divideTinyColumns(
  out: Float64Array,
  Z: Float64Array,
  x: Float64Array,
  inv: Float64Array,
  sign: number,
  diagonal: number,
): void {
  const n = x.length;
  for (let j = 0; j < n; j++) {
    if (Number.isFinite(inv[j]!)) continue;
    for (let i = 0; i < n; i++) out[i * n + j] = (sign * Z[i * n + j]!) / x[j]! + (i === j ? diagonal : 0);
  }
}

/**
 * Writes I − A (A the technical coefficients, Z_ij / x_j) into `out`, row-major.
 *
 * @internal
 */
export function writeLeontiefMatrix(icio: Icio, out: Float64Array): void {
  const { Z, x } = icio;
  const n = x.length;
  const inv = outputReciprocals(x);
  for (let i = 0; i < n; i++) {
    const r = i * n;
    for (let j = 0; j < n; j++) out[r + j] = -Z[r + j]! * inv[j]!;
    out[r + i] = 1 + out[r + i]!;
  }
  divideTinyColumns(out, Z, x, inv, -1, 1);
}

/**
 * The Leontief inverse (I − A)⁻¹ as a raw row-major array, I − A written straight into the solver's
 * memory, with its condition number κ₁(I − A) computed exactly from the inverse (O(n²)); throws
 * `SINGULAR_MATRIX` above CONDITION_LIMIT.
 *
 * @internal
 */
export function leontiefInverseData(icio: Icio): Conditioned & { data: Float64Array } {
  const n = icio.x.length;
  let normM = 0;
  const data = labelledSolve(icio, 'I − A', () =>
    inverseOf(n, (m) => {
      writeLeontiefMatrix(icio, m);
      normM = matrixNorm1(m, n);
    }),
  );
  checkFiniteInverse(data, n, labelOf(icio));
  return { data, ...conditioned(icio, normM, inverseNorm1(data, n), 'I − A') };
}

/**
 * The allocation-coefficient (output-coefficient) matrix as a raw array: Bᵍ_ij = Z_ij / x_i (0
 * when x_i = 0).
 *
 * @internal
 */
export function allocationData(icio: Icio): Float64Array {
  const { Z, x } = icio;
  const n = x.length;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const r = i * n;
    const s = x[i]! > 0 ? 1 / x[i]! : 0;
    // A subnormal output: 1 / x_i overflows, so divide (see outputReciprocals).
    if (Number.isFinite(s)) for (let j = 0; j < n; j++) a[r + j] = Z[r + j]! * s;
    else for (let j = 0; j < n; j++) a[r + j] = Z[r + j]! / x[i]!;
  }
  return a;
}

/**
 * The LU factors of I − A, for linear solves with the Leontief matrix without forming its inverse,
 * with the condition number κ₁(I − A) estimated from them (Hager 1984; Higham 1988: a few O(n²)
 * solves); throws `SINGULAR_MATRIX` above CONDITION_LIMIT.
 *
 * @internal
 */
export function leontiefFactors(icio: Icio): LuFactors & Conditioned {
  const n = icio.x.length;
  return labelledSolve(icio, 'I − A', () => {
    const m = new Float64Array(n * n);
    writeLeontiefMatrix(icio, m);
    return conditionedFactors(icio, m, n, 'I − A');
  });
}

/**
 * Factorises the n×n matrix `m` (I − A or I − A_ss, overwritten) and judges its estimated
 * condition number, naming the table's country–sectors.
 *
 * @internal
 */
export function conditionedFactors(
  icio: Icio,
  m: Float64Array,
  n: number,
  matrix: string,
  offset = 0,
): LuFactors & Conditioned {
  const normM = matrixNorm1(m, n);
  const f = labelledSolve(icio, matrix, () => luFactorInPlace(m, n), offset);
  return { ...f, ...conditionOfFactors(icio, f, normM, matrix, offset) };
}

/**
 * Judges the condition number of a factorised matrix M of the table (I − A or I − A_ss) from its
 * factors (estimated, O(n²)) and ‖M‖₁, naming the table's country–sectors; throws
 * `SINGULAR_MATRIX` above CONDITION_LIMIT.
 *
 * @internal
 */
export function conditionOfFactors(
  icio: Icio,
  f: LuFactors,
  normM: number,
  matrix: string,
  offset = 0,
): Conditioned {
  const est = estimateInverseNorm1(f);
  const condition = normM * est.norm;
  const label = labelOf(icio);
  return { condition, warnings: judgeCondition(condition, est, (i) => label(i + offset), matrix, 'icio') };
}

/**
 * Value-added coefficients as a raw array: v_j = va_j / x_j (0 when x_j = 0).
 *
 * @internal
 */
export function valueAddedCoefficientsData(icio: Icio): Float64Array {
  const v = new Float64Array(icio.x.length);
  for (let j = 0; j < v.length; j++) v[j] = icio.x[j]! > 0 ? icio.va[j]! / icio.x[j]! : 0;
  return v;
}

/**
 * The technical-coefficient matrix A with A_ij = Z_ij / x_j: the input from country–sector i per
 * unit of gross output of country–sector j (Leontief 1936; Miller & Blair 2009, eq. 2.4). Columns
 * of sectors with zero output are zero.
 *
 * @param icio - the table, from {@link createIcio}
 * @returns A, n×n, labelled by country–sector
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a valid table (paths `icio.…`: shape, labels, sizes up to MAX_ICIO_ORDER, finite entries)
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A'], sectors: ['s1', 's2'], Z: [[150, 500], [200, 100]], Y: [[350], [1700]] });
 * Array.from(technicalCoefficients(t).data);
 * //=> [0.15, 0.25, 0.2, 0.05]
 * ```
 */
export function technicalCoefficients(icio: Icio): LabelledMatrix {
  assertIcio(icio);
  return finish(labelled(icio, coefficientsData(icio)));
}

/**
 * The Leontief inverse B = (I − A)⁻¹: B_ij is the gross output of country–sector i needed, directly
 * and indirectly, per unit of final demand for the product of country–sector j (Leontief 1936;
 * Miller & Blair 2009, eq. 2.10). Computed by blocked LU with partial pivoting.
 *
 * @param icio - the table, from {@link createIcio}
 * @returns B, n×n, labelled by country–sector, frozen (its `data` a fresh array), with `condition`,
 *   the 1-norm condition number κ₁(I − A) computed from B, and `warnings` when κ₁ is above
 *   CONDITION_WARNING
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a valid table (paths `icio.…`: shape, labels, sizes up to MAX_ICIO_ORDER, finite entries);
 *   `SINGULAR_MATRIX` when I − A is singular or its condition number is above CONDITION_LIMIT (naming the country–sectors most involved); `UNSUPPORTED` when a result overflows the range of doubles or memory runs out (a closed sector with no value added or final demand)
 * @example
 * ```ts
 * // Miller & Blair (2009), section 2.3: A = [[.15, .25], [.2, .05]]
 * const t = createIcio({ countries: ['A'], sectors: ['s1', 's2'], Z: [[150, 500], [200, 100]], Y: [[350], [1700]] });
 * Array.from(leontiefInverse(t).data, (b) => b.toFixed(4));
 * //=> ['1.2541', '0.3300', '0.2640', '1.1221']
 * ```
 */
export function leontiefInverse(icio: Icio): LabelledMatrix {
  assertIcio(icio);
  const { data, condition, warnings } = leontiefInverseData(icio);
  return finish({ ...labelled(icio, data), condition }, warnings);
}

/**
 * The Ghosh inverse (I − Bᵍ)⁻¹ as a raw row-major array, I − Bᵍ formed in place in a scratch copy.
 *
 * @internal
 */
export function ghoshInverseData(icio: Icio): Conditioned & { data: Float64Array } {
  const n = icio.x.length;
  const a = allocationData(icio);
  for (let k = 0; k < a.length; k++) a[k] = -a[k]!;
  for (let i = 0; i < n; i++) a[i * n + i] = 1 + a[i * n + i]!;
  const normM = matrixNorm1(a, n);
  const data = labelledSolve(icio, 'I − Bᵍ', () => inverseInPlace(a, n));
  checkFiniteInverse(data, n, labelOf(icio));
  return { data, ...conditioned(icio, normM, inverseNorm1(data, n), 'I − Bᵍ') };
}

/**
 * The Ghosh inverse G = (I − Bᵍ)⁻¹ of the allocation coefficients Bᵍ_ij = Z_ij / x_i: G_ij is the
 * gross output of country–sector j per unit of primary input (value added) in country–sector i
 * (Ghosh 1958; Miller & Blair 2009, section 12.1). For positive outputs G = x̂⁻¹ B x̂.
 *
 * @param icio - the table, from {@link createIcio}
 * @returns G, n×n, labelled by country–sector, frozen, with `condition` κ₁(I − Bᵍ) and `warnings`
 *   when it is above CONDITION_WARNING
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a valid table (paths `icio.…`: shape, labels, sizes up to MAX_ICIO_ORDER, finite entries);
 *   `SINGULAR_MATRIX` when I − Bᵍ is singular
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A'], sectors: ['s1', 's2'], Z: [[150, 500], [200, 100]], Y: [[350], [1700]] });
 * Array.from(ghoshInverse(t).data, (g) => g.toFixed(4));
 * //=> ['1.2541', '0.6601', '0.1320', '1.1221']
 * ```
 */
export function ghoshInverse(icio: Icio): LabelledMatrix {
  assertIcio(icio);
  const { data, condition, warnings } = ghoshInverseData(icio);
  return finish({ ...labelled(icio, data), condition }, warnings);
}

/**
 * The domestic Leontief inverses L_ss = (I − A_ss)⁻¹ of each country's own block of technical
 * coefficients, the building block of the KWW, WWZ and Borin–Mancini decompositions (Koopman, Wang
 * & Wei 2014; Wang, Wei, Yu & Zhu 2017).
 *
 * @param icio - the table, from {@link createIcio}
 * @returns one record per country, in table order, with its N×N matrix L labelled by sector
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a valid table (paths `icio.…`: shape, labels, sizes up to MAX_ICIO_ORDER, finite entries);
 *   `SINGULAR_MATRIX` when some I − A_ss is singular
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[1, 2], [3, 4]], Y: [[5, 6], [7, 8]] });
 * domesticInverses(t).map((r) => [r.country, r.L.data[0]!.toFixed(4)]);
 * //=> [['A', '1.0769'], ['B', '1.2222']]
 * ```
 */
export function domesticInverses(icio: Icio): { country: string; L: LabelledMatrix }[] {
  assertIcio(icio);
  const { G, N } = icio;
  const n = G * N;
  const a = coefficientsData(icio);
  const labels = icioLabels(icio);
  const warnings: GvcIssue[] = [];
  const out = icio.countries.map((country, s) => {
    const m = identityMinusOf(block(a, n, s * N, s * N, N), N);
    const normM = matrixNorm1(m, N);
    const data = labelledSolve(icio, `I − A_ss of ${country}`, () => inverse(m, N), s * N);
    const est = inverseNorm1(data, N);
    const condition = normM * est.norm;
    const w = judgeCondition(condition, est, (i) => labels[s * N + i]!, `I − A_ss of ${country}`, 'icio');
    warnings.push(...w);
    const rowLabels = labels.slice(s * N, s * N + N);
    const L: LabelledMatrix = { rows: N, cols: N, data, rowLabels, colLabels: rowLabels, condition };
    return { country, L: w.length > 0 ? { ...L, warnings: w } : L };
  });
  return finish(out, warnings);
}
