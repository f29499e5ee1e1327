import { GvcError } from '../../core/errors.js';

/** Throws unless `a` holds n×n entries. @internal */
export function checkSquare(a: Float64Array, n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0 || a.length !== n * n) {
    throw new GvcError('INVALID_INPUT', `invalid ${what}`, [
      { path: 'a', message: `expected ${n}×${n} = ${n * n} entries, found ${a.length}` },
    ]);
  }
}

/**
 * Multiplies two dense row-major matrices, C = A·B, with A of size m×k and B of size k×n, in the
 * cache-friendly i-k-j loop order (the inner loop runs along rows of B and C).
 *
 * @param a - A, m×k, row-major
 * @param b - B, k×n, row-major
 * @param m - rows of A
 * @param k - columns of A and rows of B
 * @param n - columns of B
 * @returns C = A·B, m×n, row-major (a new array)
 * @throws {GvcError} `INVALID_INPUT` when the array lengths do not match the dimensions
 * @example
 * ```ts
 * matmul(Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6, 7, 8), 2, 2, 2);
 * //=> Float64Array [19, 22, 43, 50]
 * ```
 */
export function matmul(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  if (a.length !== m * k || b.length !== k * n) {
    throw new GvcError('INVALID_INPUT', 'invalid matrix product', [
      {
        path: '',
        message: `expected A ${m}×${k} and B ${k}×${n}, found ${a.length} and ${b.length} entries`,
      },
    ]);
  }
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    const ai = i * k;
    let p = 0;
    for (; p + 3 < k; p += 4) {
      const a0 = a[ai + p]!;
      const a1 = a[ai + p + 1]!;
      const a2 = a[ai + p + 2]!;
      const a3 = a[ai + p + 3]!;
      if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0) continue;
      const b0 = p * n;
      const b1 = b0 + n;
      const b2 = b1 + n;
      const b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        c[ci + j] = c[ci + j]! + a0 * b[b0 + j]! + a1 * b[b1 + j]! + a2 * b[b2 + j]! + a3 * b[b3 + j]!;
      }
    }
    for (; p < k; p++) {
      const ap = a[ai + p]!;
      if (ap === 0) continue;
      const bp = p * n;
      for (let j = 0; j < n; j++) c[ci + j] = c[ci + j]! + ap * b[bp + j]!;
    }
  }
  return c;
}

/**
 * Forms I − A for a square matrix A.
 *
 * @param a - A, n×n row-major (not modified)
 * @param n - order of A
 * @returns I − A, n×n row-major (a new array)
 * @throws {GvcError} `INVALID_INPUT` when `a` does not hold n² entries
 * @example
 * ```ts
 * identityMinus(Float64Array.of(0.1, 0.2, 0.3, 0.4), 2);
 * //=> Float64Array [0.9, -0.2, -0.3, 0.6]
 * ```
 */
export function identityMinus(a: Float64Array, n: number): Float64Array {
  checkSquare(a, n, 'matrix');
  const out = new Float64Array(n * n);
  for (let i = 0; i < out.length; i++) out[i] = -a[i]!;
  for (let i = 0; i < n; i++) out[i * n + i] = 1 + out[i * n + i]!;
  return out;
}

/**
 * Transposes a dense row-major matrix.
 *
 * @param a - A, m×n row-major (not modified)
 * @param m - rows of A
 * @param n - columns of A
 * @returns Aᵀ, n×m row-major (a new array)
 * @throws {GvcError} `INVALID_INPUT` when `a` does not hold m·n entries
 * @example
 * ```ts
 * transpose(Float64Array.of(1, 2, 3, 4, 5, 6), 2, 3);
 * //=> Float64Array [1, 4, 2, 5, 3, 6]
 * ```
 */
export function transpose(a: Float64Array, m: number, n: number): Float64Array {
  if (a.length !== m * n) {
    throw new GvcError('INVALID_INPUT', 'invalid matrix', [
      { path: 'a', message: `expected ${m}×${n} = ${m * n} entries, found ${a.length}` },
    ]);
  }
  const t = new Float64Array(m * n);
  const B = 32;
  for (let i0 = 0; i0 < m; i0 += B) {
    for (let j0 = 0; j0 < n; j0 += B) {
      const iEnd = Math.min(m, i0 + B);
      const jEnd = Math.min(n, j0 + B);
      for (let i = i0; i < iEnd; i++) for (let j = j0; j < jEnd; j++) t[j * m + i] = a[i * n + j]!;
    }
  }
  return t;
}

/**
 * Copies the N×N block of an n×n row-major matrix whose top-left corner is (r0, c0).
 *
 * @internal
 */
export function block(m: Float64Array, n: number, r0: number, c0: number, N: number): Float64Array {
  const out = new Float64Array(N * N);
  for (let k = 0; k < N; k++) out.set(m.subarray((r0 + k) * n + c0, (r0 + k) * n + c0 + N), k * N);
  return out;
}
