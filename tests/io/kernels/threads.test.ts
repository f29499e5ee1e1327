import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inverse, luFactor, luSolve } from '../../../src/io/index.js';
import { simdKernel } from '../../../src/io/kernels/simd.js';
import {
  helperReady,
  helperTasks,
  parallelSubstitute,
  useThreads,
  useThreadsFrom,
} from '../../../src/io/kernels/threads.js';
import { randomMatrix } from './random.js';

afterEach(() => {
  useThreads(true);
});

// The helper takes work from any order here (by default only from its crossover order up).
let crossover = 0;
beforeAll(() => {
  crossover = useThreadsFrom(0);
});
afterAll(() => {
  useThreadsFrom(crossover);
});

/** Starts the helper thread and waits (up to 10 s) until it takes work; false where it cannot run. */
async function helperStarted(): Promise<boolean> {
  const k = simdKernel();
  if (!k?.shared) return false;
  for (let t = 0; t < 200; t++) {
    if (helperReady(k)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

describe('helper thread for the SIMD block updates', () => {
  it('starts where Node has worker_threads and shared WebAssembly memory', async () => {
    const node = (globalThis as { process?: { getBuiltinModule?: unknown } }).process;
    if (typeof node?.getBuiltinModule !== 'function') return;
    expect(await helperStarted()).toBe(true);
  });

  it.each([301, 450])(
    'luFactor, luSolve and inverse are the same with and without it (n = %i)',
    async (n) => {
      const a = randomMatrix(n, n);
      const b = randomMatrix(n, 7)
        .subarray(0, n * 40)
        .slice();
      useThreads(false);
      const f0 = luFactor(a, n);
      const x0 = luSolve(f0, b, 40);
      const inv0 = inverse(a, n);
      if (!(await helperStarted())) return;
      useThreads(true);
      const before = helperTasks();
      const f1 = luFactor(a, n);
      // Each entry gets the same operations in the same order on either thread: identical results.
      expect(Array.from(f1.perm)).toEqual(Array.from(f0.perm));
      expect(Array.from(f1.lu)).toEqual(Array.from(f0.lu));
      expect(Array.from(luSolve(f1, b, 40))).toEqual(Array.from(x0));
      expect(Array.from(inverse(a, n))).toEqual(Array.from(inv0));
      // The helper (the worker module kernel-worker.ts, started from the sources through tsx) did
      // take part: the comparison above is between one thread and two.
      expect(helperTasks()).toBeGreaterThan(before);
    },
  );

  it('a task that fails in both threads throws instead of hanging, and the helper keeps working', async () => {
    if (!(await helperStarted())) return;
    const k = simdKernel()!;
    const beyond = k.memory.buffer.byteLength + 4096;
    // A block step on X far beyond the end of the memory: `update` traps in whichever thread runs a chunk.
    const q = (c0: number, c1: number) => [
      1,
      beyond,
      beyond,
      64,
      1024,
      0,
      64,
      c0,
      c1,
      64,
      64,
      beyond,
      beyond,
      256,
    ];
    expect(() => parallelSubstitute(k, () => {}, q(0, 256), q(256, 1024))).toThrow();
    const n = 301;
    const a = randomMatrix(n, 11);
    useThreads(false);
    const inv0 = inverse(a, n);
    useThreads(true);
    expect(helperReady(k)).toBe(true);
    expect(Array.from(inverse(a, n))).toEqual(Array.from(inv0));
  });
});

describe('loading the kernels', () => {
  it('writes nothing to globalThis unless a script asked for the diagnostics first', () => {
    // threads.ts is loaded above (through the io entry); no script put the placeholder there.
    expect(Object.getOwnPropertySymbols(globalThis)).not.toContain(Symbol.for('gvckit.kernelThreads'));
  });
});
