import { assertIcio, icioLabels, labelled } from './internal.js';
import { inverse, inverseInPlace, inverseOf } from './kernels/inverse.js';
import { type LuFactors, luFactorInPlace, luSolveTransposed } from './kernels/lu.js';
import { block, identityMinus } from './kernels/matrix.js';
import type { Icio, LabelledMatrix } from './types.js';

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
  return a;
}

/** 1 / x_j, or 0 where x_j = 0 (a sector without output has no input coefficients). */
function outputReciprocals(x: Float64Array): Float64Array {
  const inv = new Float64Array(x.length);
  for (let j = 0; j < x.length; j++) inv[j] = x[j]! > 0 ? 1 / x[j]! : 0;
  return inv;
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
}

/**
 * The Leontief inverse (I − A)⁻¹ as a raw row-major array, I − A written straight into the solver's
 * memory.
 *
 * @internal
 */
export function leontiefInverseData(icio: Icio): Float64Array {
  return inverseOf(icio.x.length, (m) => writeLeontiefMatrix(icio, m));
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
    for (let j = 0; j < n; j++) a[r + j] = Z[r + j]! * s;
  }
  return a;
}

/**
 * The LU factors of I − A, for linear solves with the Leontief matrix without forming its inverse.
 *
 * @internal
 */
export function leontiefFactors(icio: Icio): LuFactors {
  const n = icio.x.length;
  const m = new Float64Array(n * n);
  writeLeontiefMatrix(icio, m);
  return luFactorInPlace(m, n);
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
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a table built by `createIcio`
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A'], sectors: ['s1', 's2'], Z: [[150, 500], [200, 100]], Y: [[350], [1700]] });
 * Array.from(technicalCoefficients(t).data);
 * //=> [0.15, 0.25, 0.2, 0.05]
 * ```
 */
export function technicalCoefficients(icio: Icio): LabelledMatrix {
  assertIcio(icio);
  return labelled(icio, coefficientsData(icio));
}

/**
 * The Leontief inverse B = (I − A)⁻¹: B_ij is the gross output of country–sector i needed, directly
 * and indirectly, per unit of final demand for the product of country–sector j (Leontief 1936;
 * Miller & Blair 2009, eq. 2.10). Computed by blocked LU with partial pivoting.
 *
 * @param icio - the table, from {@link createIcio}
 * @returns B, n×n, labelled by country–sector
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a table built by `createIcio`;
 *   `SINGULAR_MATRIX` when I − A is singular (a closed sector with no value added or final demand)
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
  return labelled(icio, leontiefInverseData(icio));
}

/**
 * The Ghosh inverse (I − Bᵍ)⁻¹ as a raw row-major array, I − Bᵍ formed in place in a scratch copy.
 *
 * @internal
 */
export function ghoshInverseData(icio: Icio): Float64Array {
  const n = icio.x.length;
  const a = allocationData(icio);
  for (let k = 0; k < a.length; k++) a[k] = -a[k]!;
  for (let i = 0; i < n; i++) a[i * n + i] = 1 + a[i * n + i]!;
  return inverseInPlace(a, n);
}

/**
 * The Ghosh inverse G = (I − Bᵍ)⁻¹ of the allocation coefficients Bᵍ_ij = Z_ij / x_i: G_ij is the
 * gross output of country–sector j per unit of primary input (value added) in country–sector i
 * (Ghosh 1958; Miller & Blair 2009, section 12.1). For positive outputs G = x̂⁻¹ B x̂.
 *
 * @param icio - the table, from {@link createIcio}
 * @returns G, n×n, labelled by country–sector
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a table built by `createIcio`;
 *   `SINGULAR_MATRIX` when I − Bᵍ is singular
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A'], sectors: ['s1', 's2'], Z: [[150, 500], [200, 100]], Y: [[350], [1700]] });
 * Array.from(ghoshInverse(t).data, (g) => g.toFixed(4));
 * //=> ['1.2541', '0.6600', '0.1320', '1.1221']
 * ```
 */
export function ghoshInverse(icio: Icio): LabelledMatrix {
  assertIcio(icio);
  return labelled(icio, ghoshInverseData(icio));
}

/**
 * The domestic Leontief inverses L_ss = (I − A_ss)⁻¹ of each country's own block of technical
 * coefficients, the building block of the KWW, WWZ and Borin–Mancini decompositions (Koopman, Wang
 * & Wei 2014; Wang, Wei, Yu & Zhu 2017).
 *
 * @param icio - the table, from {@link createIcio}
 * @returns one record per country, in table order, with its N×N matrix L labelled by sector
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a table built by `createIcio`;
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
  return icio.countries.map((country, s) => {
    const ass = block(a, n, s * N, s * N, N);
    const rowLabels = labels.slice(s * N, s * N + N);
    return {
      country,
      L: { rows: N, cols: N, data: inverse(identityMinus(ass, N), N), rowLabels, colLabels: rowLabels },
    };
  });
}

/** A value-added coefficient of one country–sector. */
export interface ValueAddedCoefficient {
  /** Country label. */
  country: string;
  /** Sector label. */
  sector: string;
  /** Value added per unit of gross output, v = va / x (0 when x = 0). */
  v: number;
}

/**
 * Value-added coefficients v_j = va_j / x_j, the direct value-added share of gross output (Miller &
 * Blair 2009, section 2.3; Johnson & Noguera 2012). With va = x − Zᵀ1 they satisfy v·B = 1ᵀ.
 *
 * @param icio - the table, from {@link createIcio}
 * @returns one record per country–sector, in table order
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a table built by `createIcio`
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A'], sectors: ['s1', 's2'], Z: [[150, 500], [200, 100]], Y: [[350], [1700]] });
 * valueAddedCoefficients(t).map((r) => r.v);
 * //=> [0.65, 0.7]
 * ```
 */
export function valueAddedCoefficients(icio: Icio): ValueAddedCoefficient[] {
  assertIcio(icio);
  const v = valueAddedCoefficientsData(icio);
  return icio.countries.flatMap((country, s) =>
    icio.sectors.map((sector, k) => ({ country, sector, v: v[s * icio.N + k]! })),
  );
}

/** The output multipliers of one country–sector. */
export interface OutputMultiplier {
  /** Country label. */
  country: string;
  /** Sector label. */
  sector: string;
  /** Simple output multiplier: column sum of B, Σ_i B_ij. */
  output: number;
  /** Part of it produced in the sector's own country: Σ_{i ∈ s} B_ij. */
  domestic: number;
  /** Part of it produced abroad (spillover): Σ_{i ∉ s} B_ij. */
  foreign: number;
}

/**
 * Simple output multipliers: the column sums of the Leontief inverse, the total output of all
 * country–sectors needed per unit of final demand for the product of country–sector j, split into
 * the part produced at home and the spillover abroad (Miller & Blair 2009, sections 6.2 and 6.4).
 * Computed by one transposed solve (I − A)ᵀm = 1, without forming B.
 *
 * @param icio - the table, from {@link createIcio}
 * @returns one record per country–sector, in table order
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a table built by `createIcio`;
 *   `SINGULAR_MATRIX` when I − A is singular
 * @example
 * ```ts
 * // Miller & Blair (2009), section 6.2.1: column sums of L = [[1.2541, .3300], [.2640, 1.1221]]
 * const t = createIcio({ countries: ['A'], sectors: ['s1', 's2'], Z: [[150, 500], [200, 100]], Y: [[350], [1700]] });
 * outputMultipliers(t).map((r) => r.output.toFixed(4));
 * //=> ['1.5182', '1.4521']
 * ```
 */
export function outputMultipliers(icio: Icio): OutputMultiplier[] {
  assertIcio(icio);
  const { G, N } = icio;
  const n = G * N;
  const f = leontiefFactors(icio);
  // Column sums by source country: solve (I − A)ᵀ W = C, C[i, c] = 1 when i is in country c.
  const c = new Float64Array(n * G);
  for (let i = 0; i < n; i++) c[i * G + Math.floor(i / N)] = 1;
  const w = luSolveTransposed(f, c, G);
  return icio.countries.flatMap((country, s) =>
    icio.sectors.map((sector, k) => {
      const j = s * N + k;
      let output = 0;
      for (let d = 0; d < G; d++) output += w[j * G + d]!;
      const domestic = w[j * G + s]!;
      return { country, sector, output, domestic, foreign: output - domestic };
    }),
  );
}
