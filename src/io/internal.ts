import type { z } from 'zod';
import { GvcError } from '../core/errors.js';
import { parseOrThrow } from '../core/issues.js';
import { type LuFactors, luFactor, luSolve, luSolveTransposed } from './kernels/lu.js';
import { block, identityMinus } from './kernels/matrix.js';
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
    for (let d = 0; d < G; d++) if (d !== s) sum += Y[i * G + d]!;
    e[i] = sum;
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
    let f = 0;
    for (let d = 0; d < G; d++) if (d !== s) f += Y[i * G + d]!;
    yD[i] = Y[i * G + s]!;
    yF[i] = f;
  }
  return { yD, yF };
}

/**
 * Checks that a value has the shape of an {@link Icio} (as built by `createIcio`), so that the
 * numeric functions can trust their indices.
 *
 * @internal
 */
export function assertIcio(icio: Icio): void {
  const problems: { path: string; message: string }[] = [];
  const t = icio as Partial<Icio> | null | undefined;
  if (t === null || typeof t !== 'object') {
    throw new GvcError('INVALID_INPUT', 'invalid ICIO table', [
      { path: '', message: `expected an Icio built by createIcio, found ${t === null ? 'null' : typeof t}` },
    ]);
  }
  const G = t.countries?.length ?? 0;
  const N = t.sectors?.length ?? 0;
  const n = G * N;
  if (G === 0 || t.G !== G)
    problems.push({ path: 'G', message: `expected the number of countries ${G}, found ${t.G}` });
  if (N === 0 || t.N !== N)
    problems.push({ path: 'N', message: `expected the number of sectors ${N}, found ${t.N}` });
  const check = (name: 'Z' | 'Y' | 'x' | 'va', len: number) => {
    const a = t[name];
    if (!(a instanceof Float64Array) || a.length !== len) {
      problems.push({
        path: name,
        message: `expected a Float64Array of ${len} entries, found ${a instanceof Float64Array ? `${a.length} entries` : typeof a}`,
      });
    }
  };
  check('Z', n * n);
  check('Y', n * G);
  check('x', n);
  check('va', n);
  if (problems.length > 0) throw new GvcError('INVALID_INPUT', 'invalid ICIO table', problems);
}

/**
 * Parses an options object with its schema, throwing one `GvcError` listing every problem.
 *
 * @internal
 */
export function parseOptions<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  return parseOrThrow(schema, value ?? {}, `invalid ${what} options`);
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
    factors.push(luFactor(identityMinus(block(a, n, s * N, s * N, N), N), N));
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
    out.set(transposed ? luSolveTransposed(f, rhs) : luSolve(f, rhs), s * N);
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
 * A ratio that is 0 when the denominator is 0 (an empty sector or country).
 *
 * @internal
 */
export const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
