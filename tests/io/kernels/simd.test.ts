import { afterEach, describe, expect, it } from 'vitest';
import { inverse, luFactor, luSolve, matmul } from '../../../src/io/index.js';
import {
  GEMM_COLUMNS,
  GEMM_ROWS,
  simdKernel,
  simdModuleBytes,
  useRelaxedSimd,
  useSimd,
  withSimdMemory,
} from '../../../src/io/kernels/simd.js';
import { expectClose } from '../fixture.js';
import { randomMatrix } from './random.js';

afterEach(() => {
  useSimd(true);
  useRelaxedSimd(true);
});

const wasm = (globalThis as unknown as { WebAssembly: { validate(b: Uint8Array): boolean } }).WebAssembly;
/** Relaxed SIMD (fused multiply–add) is valid from Node 22 on, or with --experimental-wasm-relaxed-simd. */
const relaxed = wasm.validate(simdModuleBytes(true));
/** The kernel variants to test: plain SIMD always, relaxed SIMD where the runtime has it. */
const variants = relaxed ? [false, true] : [false];
/**
 * Agreement with the TypeScript loops: to 1e-12 relative with the plain kernel; with fused
 * multiply–add, which rounds once where multiply-then-subtract rounds twice, results of these
 * random matrices (condition numbers up to about 1e4) differ by up to about 2e-12, so 1e-10.
 */
const tolerance = (fma: boolean) => (fma ? 1e-10 : 1e-12);

describe('WebAssembly SIMD kernel', () => {
  it('assembles a valid module (Node ≥ 16.4 has WebAssembly SIMD)', () => {
    expect(wasm.validate(simdModuleBytes())).toBe(true);
    expect(simdKernel()).not.toBeNull();
  });

  it('uses fused multiply–add wherever the runtime validates relaxed SIMD (the relaxed-simd test project)', () => {
    expect(simdKernel()!.fma).toBe(relaxed);
  });

  it('update: x −= Σ_p c_p·u_p over 6 rows (4 + 2 tail) and 8 columns, hand calculation', () => {
    const k = simdKernel()!;
    withSimdMemory(k, [8, 48, 6], ([x, u, c]) => {
      x!.set([1, 2, 3, 4, 5, 6, 7, 8]);
      for (let p = 0; p < 6; p++) for (let j = 0; j < 8; j++) u![p * 8 + j] = p + j;
      c!.set([1, 2, 3, 4, 5, 6]);
      k.update(x!.byteOffset, u!.byteOffset, 64, c!.byteOffset, 6, 64);
      // x_j − Σ_p c_p (p + j) = (1 + j) − (Σ c_p p + j Σ c_p) = 1 + j − 70 − 21 j = −69 − 20 j
      expect(Array.from(x!)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((j) => -69 - 20 * j));
    });
  });

  it.each([49, 101, 257])(
    'inverse with and without SIMD agree (1e-12, 1e-10 with fused multiply–add) and A·A⁻¹ = I (n = %i, odd columns)',
    (n) => {
      const a = randomMatrix(n, n);
      useSimd(false);
      const js = inverse(a, n);
      useSimd(true);
      const simd = inverse(a, n);
      expectClose(simd, js, tolerance(simdKernel()!.fma));
      const id = new Float64Array(n * n);
      for (let i = 0; i < n; i++) id[i * n + i] = 1;
      expectClose(matmul(a, simd, n, n, n), id, 1e-9);
    },
  );

  it('luSolve with more right-hand sides than rows agrees with the TypeScript path (n = 60, m = 157)', () => {
    const [n, m] = [60, 157];
    const a = randomMatrix(n, 12);
    const b = randomMatrix(157, 13)
      .subarray(0, n * m)
      .slice();
    useSimd(false);
    const js = luSolve(luFactor(a, n), b, m);
    useSimd(true);
    const x = luSolve(luFactor(a, n), b, m);
    expectClose(x, js, tolerance(simdKernel()!.fma));
    // A·X = B, independently of either path.
    expectClose(matmul(a, x, n, n, m), b, 1e-9);
  });

  it('luSolve with many right-hand sides agrees with the TypeScript path (n = 90, m = 9)', () => {
    const n = 90;
    const a = randomMatrix(n, 5);
    const b = randomMatrix(n, 6)
      .subarray(0, n * 9)
      .slice();
    useSimd(false);
    const js = luSolve(luFactor(a, n), b, 9);
    useSimd(true);
    const f = luFactor(a, n);
    expect(f.lu.buffer).not.toBe(simdKernel()!.memory.buffer);
    expectClose(luSolve(f, b, 9), js, tolerance(simdKernel()!.fma));
  });

  it('packU and packC lay out U by blocks of columns and C by interleaved pairs of rows', () => {
    const k = simdKernel()!;
    const [W, P] = [2 * GEMM_COLUMNS, 3];
    withSimdMemory(k, [P * (W + 1), P * W, 4 * (P + 2), 2 * P * 2], ([u, pu, c, pc]) => {
      // U: P rows of W + 1 doubles (stride W + 1), u(p, j) = 100 p + j; only W columns are packed.
      for (let p = 0; p < P; p++) for (let j = 0; j <= W; j++) u![p * (W + 1) + j] = 100 * p + j;
      k.packU(u!.byteOffset, (W + 1) * 8, pu!.byteOffset, P, W * 8);
      // Block b, row p, column t holds u(p, 8 b + t).
      const expectedU: number[] = [];
      for (let b = 0; b < W / GEMM_COLUMNS; b++)
        for (let p = 0; p < P; p++)
          for (let t = 0; t < GEMM_COLUMNS; t++) expectedU.push(100 * p + 8 * b + t);
      expect(Array.from(pu!)).toEqual(expectedU);
      // C: 4 rows of P + 2 doubles (stride P + 2), c(i, p) = 10 i + p; 2 pairs of P coefficients.
      for (let i = 0; i < 4; i++) for (let p = 0; p < P + 2; p++) c![i * (P + 2) + p] = 10 * i + p;
      k.packC(c!.byteOffset, (P + 2) * 8, pc!.byteOffset, P, 2);
      // Pair 0: c(0,0) c(1,0) c(0,1) c(1,1) c(0,2) c(1,2); pair 1 the same for rows 2 and 3.
      expect(Array.from(pc!)).toEqual([0, 10, 1, 11, 2, 12, 20, 30, 21, 31, 22, 32]);
    });
  });

  it('maxAbs keeps the largest |a| of each lane, and a NaN', () => {
    const k = simdKernel()!;
    withSimdMemory(k, [6, 2], ([a, out]) => {
      a!.set([3, -7, -2, 5, 1, -6]);
      // Lane 0 holds a[0], a[2], a[4]: max(3, 2, 1) = 3; lane 1 a[1], a[3], a[5]: max(7, 5, 6) = 7.
      k.maxAbs(a!.byteOffset, 48, out!.byteOffset);
      expect(Array.from(out!)).toEqual([3, 7]);
      a![3] = Number.NaN;
      k.maxAbs(a!.byteOffset, 48, out!.byteOffset);
      expect(out![0]).toBe(3);
      expect(out![1]).toBeNaN();
    });
  });

  it.each(variants)('gemm: 2 rows × 24 columns × 5 rows p against plain loops (relaxed SIMD: %s)', (fma) => {
    useRelaxedSimd(fma);
    const k = simdKernel()!;
    expect(k.fma).toBe(fma);
    const [R, W, P] = [GEMM_ROWS, 3 * GEMM_COLUMNS, 5];
    withSimdMemory(k, [R * W, P * W, R * P, P * W, R * P], ([x, u, c, pu, pc]) => {
      for (let i = 0; i < x!.length; i++) x![i] = i;
      for (let i = 0; i < u!.length; i++) u![i] = (i % 7) + 1;
      for (let i = 0; i < c!.length; i++) c![i] = i + 1;
      const expected = Float64Array.from(x!);
      for (let i = 0; i < R; i++)
        for (let j = 0; j < W; j++)
          for (let p = 0; p < P; p++)
            expected[i * W + j] = expected[i * W + j]! - c![i * P + p]! * u![p * W + j]!;
      k.packU(u!.byteOffset, W * 8, pu!.byteOffset, P, W * 8);
      k.packC(c!.byteOffset, P * 8, pc!.byteOffset, P, 1);
      k.gemm(x!.byteOffset, W * 8, pc!.byteOffset, pu!.byteOffset, P * 16, W * 8, 1);
      // Small integers: exact with or without fused multiply–add.
      expect(Array.from(x!)).toEqual(Array.from(expected));
    });
  });

  describe.each(variants)(
    'register-blocked kernel against the TypeScript loops (relaxed SIMD: %s)',
    (fma) => {
      const cases: Array<[string, number, (n: number) => Float64Array]> = [
        ...[7, 64, 65, 130, 200, 301].map((n): [string, number, (n: number) => Float64Array] => [
          'random',
          n,
          (m) => randomMatrix(m, m),
        ]),
        [
          'pivoting (zero diagonal)',
          131,
          (m) => {
            const a = randomMatrix(m, 3);
            for (let i = 0; i < m; i++) a[i * m + i] = 0;
            return a;
          },
        ],
      ];
      it.each(cases)(
        '%s, n = %i: luFactor, luSolve and inverse agree (1e-12, 1e-10 with fused multiply–add)',
        (_, n, make) => {
          const a = make(n);
          const m = 13;
          const b = randomMatrix(m + n, 9)
            .subarray(0, n * m)
            .slice();
          useSimd(false);
          const f0 = luFactor(a, n);
          const x0 = luSolve(f0, b, m);
          const inv0 = inverse(a, n);
          useSimd(true);
          useRelaxedSimd(fma);
          const f1 = luFactor(a, n);
          expect(Array.from(f1.perm)).toEqual(Array.from(f0.perm));
          if (n > 64) expect(Array.from(f1.perm)).not.toEqual(Array.from(f1.perm).sort((p, q) => p - q));
          expectClose(f1.lu, f0.lu, tolerance(fma));
          expectClose(luSolve(f1, b, m), x0, tolerance(fma));
          expectClose(inverse(a, n), inv0, tolerance(fma));
        },
      );
    },
  );
});
