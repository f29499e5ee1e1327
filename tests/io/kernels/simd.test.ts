import { afterEach, describe, expect, it } from 'vitest';
import { inverse, luFactor, luSolve, matmul } from '../../../src/io/index.js';
import { simdKernel, simdModuleBytes, useSimd, withSimdMemory } from '../../../src/io/kernels/simd.js';
import { expectClose } from '../fixture.js';

afterEach(() => {
  useSimd(true);
});

function randomMatrix(n: number, seed: number): Float64Array {
  let s = seed;
  const a = new Float64Array(n * n);
  for (let i = 0; i < a.length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    a[i] = s / 2147483648 - 0.5;
  }
  return a;
}

describe('WebAssembly SIMD kernel', () => {
  it('assembles a valid module (Node ≥ 16.4 has WebAssembly SIMD)', () => {
    const wasm = (globalThis as unknown as { WebAssembly: { validate(b: Uint8Array): boolean } }).WebAssembly;
    expect(wasm.validate(simdModuleBytes())).toBe(true);
    expect(simdKernel()).not.toBeNull();
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
    'inverse with and without SIMD agree to 1e-12 and A·A⁻¹ = I (n = %i, odd columns)',
    (n) => {
      const a = randomMatrix(n, n);
      useSimd(false);
      const js = inverse(a, n);
      useSimd(true);
      const simd = inverse(a, n);
      expectClose(simd, js, 1e-12);
      const id = new Float64Array(n * n);
      for (let i = 0; i < n; i++) id[i * n + i] = 1;
      expectClose(matmul(a, simd, n, n, n), id, 1e-9);
    },
  );

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
    expectClose(luSolve(f, b, 9), js, 1e-12);
  });
});
