import { leontiefFactors, leontiefInverseData } from '../core.js';
import { assertIcio, checkFiniteRecords, finish, labelled } from '../internal.js';
import { luSolveOf, luSolveTransposedOf } from '../kernels/lu-solve.js';
import { checkFiniteResult, matmul } from '../kernels/matrix.js';
import type { Icio, LabelledMatrix } from '../types.js';

/** The upstreamness of one country–sector. */
export interface UpstreamnessRecord {
  /** Country label. */
  country: string;
  /** Sector label. */
  sector: string;
  /** Average number of production stages between the sector's output and final use (≥ 1). */
  upstreamness: number;
}

/** The downstreamness of one country–sector. */
export interface DownstreamnessRecord {
  /** Country label. */
  country: string;
  /** Sector label. */
  sector: string;
  /** Average number of production stages embodied in the sector's output (≥ 1). */
  downstreamness: number;
}

/**
 * Upstreamness (Antràs, Chor, Fally & Hillberry 2012): the average distance of a country–sector's
 * output from final use, U = (I − Δ)⁻¹·1 with Δ_ij = Z_ij / x_i, i.e. the row sums of the Ghosh
 * inverse (Miller & Temurshoev 2017, "output upstreamness"). In an inter-country table sales to
 * every country's final demand count, so no open-economy correction is needed. Computed as
 * U_i = (B·x)_i / x_i with one solve; a sector with zero output has U = 1.
 *
 * @param icio - the table, from {@link createIcio}
 * @returns one record per country–sector, in table order
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a valid table (paths `icio.…`: shape, labels, sizes up to MAX_ICIO_ORDER, finite entries);
 *   `SINGULAR_MATRIX` when I − A is singular or its condition number is above CONDITION_LIMIT (naming the country–sectors most involved); `UNSUPPORTED` when a result overflows the range of doubles or memory runs out
 * @example
 * ```ts
 * // Half of A's output goes to B as an input, B sells only to final demand: U_A = 1.5, U_B = 1
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[0, 5], [0, 0]], Y: [[5, 0], [0, 10]] });
 * upstreamness(t).map((r) => r.upstreamness);
 * //=> [1.5, 1]
 * ```
 */
export function upstreamness(icio: Icio): UpstreamnessRecord[] {
  assertIcio(icio);
  const { x, N } = icio;
  const f = leontiefFactors(icio);
  const bx = luSolveOf(f, x);
  const out = icio.countries.flatMap((country, s) =>
    icio.sectors.map((sector, k) => {
      const i = s * N + k;
      return { country, sector, upstreamness: x[i]! > 0 ? bx[i]! / x[i]! : 1 };
    }),
  );
  checkFiniteRecords(out, 'upstreamness');
  return finish(out, f.warnings);
}

/**
 * Downstreamness: the average number of production stages embodied in a country–sector's output,
 * Fally's (2012) N = 1 + Aᵀ·N, i.e. N = (I − A)⁻ᵀ·1, the column sums of the Leontief inverse
 * (Miller & Temurshoev 2017, "input downstreamness"). Computed with one transposed solve.
 *
 * @param icio - the table, from {@link createIcio}
 * @returns one record per country–sector, in table order
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a valid table (paths `icio.…`: shape, labels, sizes up to MAX_ICIO_ORDER, finite entries);
 *   `SINGULAR_MATRIX` when I − A is singular or its condition number is above CONDITION_LIMIT (naming the country–sectors most involved); `UNSUPPORTED` when a result overflows the range of doubles or memory runs out
 * @example
 * ```ts
 * // B buys 5 of A's output for an output of 10 (a_AB = 0.5): N_A = 1, N_B = 1.5
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[0, 5], [0, 0]], Y: [[5, 0], [0, 10]] });
 * downstreamness(t).map((r) => r.downstreamness);
 * //=> [1, 1.5]
 * ```
 */
export function downstreamness(icio: Icio): DownstreamnessRecord[] {
  assertIcio(icio);
  const n = icio.x.length;
  const f = leontiefFactors(icio);
  const d = luSolveTransposedOf(f, new Float64Array(n).fill(1));
  const out = icio.countries.flatMap((country, s) =>
    icio.sectors.map((sector, k) => ({ country, sector, downstreamness: d[s * icio.N + k]! })),
  );
  checkFiniteRecords(out, 'downstreamness');
  return finish(out, f.warnings);
}

/**
 * Average propagation length (Dietzenbacher, Romero & Bosma 2005): the average number of steps a
 * demand impulse of country–sector j takes to reach country–sector i, APL_ij = H_ij / (B_ij − δ_ij)
 * with H = B(B − I). The measure is the same for Leontief and Ghosh impulses. Entries with
 * B_ij − δ_ij = 0 (no propagation) are 0. Forms B and one matrix product, O(n³).
 *
 * @param icio - the table, from {@link createIcio}
 * @returns the n×n APL matrix, labelled by country–sector
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a valid table (paths `icio.…`: shape, labels, sizes up to MAX_ICIO_ORDER, finite entries);
 *   `SINGULAR_MATRIX` when I − A is singular or its condition number is above CONDITION_LIMIT (naming the country–sectors most involved); `UNSUPPORTED` when a result overflows the range of doubles or memory runs out
 * @example
 * ```ts
 * // A chain A → B: a_AB = 0.5, so B_AB = 0.5 and H_AB = 0.5 (one step)
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[0, 5], [0, 0]], Y: [[5, 0], [0, 10]] });
 * Array.from(averagePropagationLength(t).data);
 * //=> [0, 1, 0, 0]
 * ```
 */
export function averagePropagationLength(icio: Icio): LabelledMatrix {
  assertIcio(icio);
  const n = icio.x.length;
  const { data: b, warnings } = leontiefInverseData(icio);
  const bMinusI = Float64Array.from(b);
  for (let i = 0; i < n; i++) bMinusI[i * n + i] = bMinusI[i * n + i]! - 1;
  const h = matmul(b, bMinusI, n, n, n);
  const apl = new Float64Array(n * n);
  for (let k = 0; k < apl.length; k++) {
    const den = bMinusI[k]!;
    apl[k] = den === 0 ? 0 : h[k]! / den;
  }
  checkFiniteResult(apl, n, 'average propagation length');
  return finish(labelled(icio, apl), warnings);
}
