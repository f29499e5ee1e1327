import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bmBasis } from '../../../src/io/decompositions/bm-basis.js';
import { inverseDiagonalBlocks } from '../../../src/io/decompositions/common.js';
import { bmDecomposition, createIcio } from '../../../src/io/index.js';
import { inverse } from '../../../src/io/kernels/inverse.js';
import { kernelMemoryBytes, releaseKernel } from '../../../src/io/kernels/kernel-memory.js';
import { luFactor } from '../../../src/io/kernels/lu.js';
import { simdKernel, useSimd } from '../../../src/io/kernels/simd.js';
import { helperReady, helperTasks, useThreads, useThreadsFrom } from '../../../src/io/kernels/threads.js';
import type { Icio } from '../../../src/io/types.js';
import { expectClose } from './helpers.js';

// The helper takes work from any order here (by default only from 1,500 rows up).
let crossover = 0;
beforeAll(() => {
  crossover = useThreadsFrom(0);
});
afterAll(() => {
  useThreadsFrom(crossover);
});

/** A table of G countries × N sectors from a fixed LCG, domestic blocks heavier than foreign. */
function table(G: number, N: number, seed0: number): Icio {
  const n = G * N;
  let seed = seed0;
  const rnd = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const Z = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) Z[i * n + j] = rnd() * (Math.floor(i / N) === Math.floor(j / N) ? 10 : 1);
  const Y = new Float64Array(n * G);
  for (let i = 0; i < n; i++) for (let d = 0; d < G; d++) Y[i * G + d] = rnd() * 5 * n;
  const countries = Array.from({ length: G }, (_, k) => `C${k}`);
  const sectors = Array.from({ length: N }, (_, k) => `S${k}`);
  return createIcio({ countries, sectors, Z, Y });
}

/** B = (I − A)⁻¹ by the kernels' full inverse (LU, then a solve against the identity). */
function fullInverse(t: Icio): Float64Array {
  const n = t.x.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) m[i * n + j] = (i === j ? 1 : 0) - t.Z[i * n + j]! / t.x[j]!;
  return inverse(m, n);
}

/** Starts the helper thread and waits (up to 10 s) until it takes work; false where it cannot run. */
async function helperStarted(): Promise<boolean> {
  const k = simdKernel();
  if (!k?.shared) return false;
  for (let t = 0; t < 200 && !helperReady(k); t++) await new Promise((r) => setTimeout(r, 50));
  return helperReady(k);
}

describe('bmBasis', () => {
  it('gives the diagonal blocks of B, B·Y and v·B of a full inverse (n = 3·70, the kernel path)', () => {
    // The reference is a different algorithm: B formed whole, then its blocks and the products
    // B·Y and v·B summed here, to 1e-10.
    const G = 3;
    const N = 70;
    const n = G * N;
    const t = table(G, N, 7);
    const B = fullInverse(t);
    const b = bmBasis(t);
    expect(b.warnings).toEqual([]);
    for (let s = 0; s < G; s++)
      for (let k = 0; k < N; k++)
        for (let l = 0; l < N; l++)
          expectClose(
            b.Bss[s]![k * N + l]!,
            B[(s * N + k) * n + s * N + l]!,
            `B_ss ${s} (${k}, ${l})`,
            1e-10,
          );
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < G; c++) {
        let by = 0;
        for (let j = 0; j < n; j++) by += B[i * n + j]! * t.Y[j * G + c]!;
        expectClose(b.BY[i * G + c]!, by, `BY (${i}, ${c})`, 1e-10);
      }
      let vb = 0;
      for (let j = 0; j < n; j++) vb += (t.va[j]! / t.x[j]!) * B[j * n + i]!;
      expectClose(b.vB[i]!, vb, `vB ${i}`, 1e-10);
    }
  });

  it('is the same with and without the helper thread and without SIMD (bit for bit, unless fused)', async () => {
    const t = table(4, 60, 11);
    await helperStarted();
    const shared = bmBasis(t);
    const was = useThreads(false);
    const alone = bmBasis(t);
    useThreads(was);
    const fused = simdKernel()?.fma === true;
    const simd = useSimd(false);
    const plain = bmBasis(t);
    useSimd(simd);
    // The helper runs the same kernel: bit for bit. The TypeScript loops round c − s·b twice, as the
    // plain SIMD kernel does (bit for bit), where the relaxed SIMD kernel's fused multiply–add rounds
    // once (the relaxed-simd test project): there, agreement to 1e-13 relative.
    const same = (a: Float64Array, b: Float64Array, exact: boolean) => {
      if (exact) expect(Array.from(a)).toEqual(Array.from(b));
      else
        a.forEach((v, k) => {
          expect(Math.abs(v - b[k]!)).toBeLessThanOrEqual(1e-13 * Math.abs(b[k]!));
        });
    };
    for (const [other, exact] of [
      [alone, true],
      [plain, !fused],
    ] as const) {
      same(other.BY, shared.BY, exact);
      same(other.vB, shared.vB, exact);
      other.Bss.forEach((b, s) => {
        same(b, shared.Bss[s]!, exact);
      });
    }
  });
});

describe('inverseDiagonalBlocks with the SIMD kernel', () => {
  it('hands whole solves to the helper thread, with the same blocks as on one thread', async () => {
    if (!(await helperStarted())) return;
    // 12 countries of 40 sectors: two solves of 6 countries (240 columns) each.
    const G = 12;
    const N = 40;
    const n = G * N;
    const t = table(G, N, 5);
    const m = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) m[i * n + j] = (i === j ? 1 : 0) - t.Z[i * n + j]! / t.x[j]!;
    const f = luFactor(m, n);
    // On a loaded machine this thread may finish both solves before the helper wakes: up to five
    // tries for the helper to take one.
    const before = helperTasks();
    let shared = inverseDiagonalBlocks(f, G, N);
    for (let i = 0; i < 4 && helperTasks() === before; i++) shared = inverseDiagonalBlocks(f, G, N);
    expect(helperTasks()).toBeGreaterThan(before);
    const was = useThreads(false);
    const alone = inverseDiagonalBlocks(f, G, N);
    useThreads(was);
    alone.forEach((b, s) => {
      expect(Array.from(b)).toEqual(Array.from(shared[s]!));
    });
  });
});

describe('bmDecomposition in the kernel memory', () => {
  it('leaves at most one n×n array and its scratch in the kernel memory', () => {
    if (!simdKernel()) return;
    const G = 10;
    const N = 60;
    const n = G * N;
    const t = table(G, N, 3);
    releaseKernel();
    bmDecomposition(t);
    // Worked by hand: I − A (n² doubles), the LU's panel (64·n), B·Y (n·G), the inverse
    // permutation (n), the blocks B_ss (n·N), two scratch solutions of 4 countries (2·n·240: as many
    // 60-sector blocks as fit in 256 columns), and the packing areas (4·64·n), in pages of 64 KiB.
    const doubles = n * n + 64 * n + n * G + n + n * N + 2 * n * 240 + 4 * 64 * n;
    const bound = Math.ceil((8 * doubles + 16 * 8) / 65536) * 65536;
    expect(kernelMemoryBytes()).toBeGreaterThan(0);
    expect(kernelMemoryBytes()).toBeLessThanOrEqual(bound);
  });
});
