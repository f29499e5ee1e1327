import { GvcError } from '../core/errors.js';
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
