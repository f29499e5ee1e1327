import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { inverse, matmul } from '../../../src/io/index.js';
import {
  type KernelBinaries,
  simdKernel,
  simdModuleBytes,
  useKernelBinaries,
  useRelaxedSimd,
  withSimdMemory,
} from '../../../src/io/kernels/simd.js';
import { expectClose } from '../fixture.js';
import { randomMatrix } from './random.js';

afterEach(() => {
  useKernelBinaries(null);
  useRelaxedSimd(true);
});

interface Wasm {
  validate(bytes: Uint8Array): boolean;
  Module: {
    new (bytes: Uint8Array): object;
    imports(m: object): Array<{ module: string; name: string; kind: string }>;
    exports(m: object): Array<{ name: string; kind: string }>;
  };
  Instance: new (m: object, imports: object) => { exports: Record<string, (...args: number[]) => unknown> };
  Memory: new (limits: { initial: number; maximum?: number; shared?: boolean }) => object;
}
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

/**
 * Relaxed SIMD ships in V8 from Node 22; Node 20 validates it with --experimental-wasm-relaxed-simd,
 * which the relaxed-simd test project passes (vitest.config.ts).
 */
const relaxedRuntime =
  Number(process.versions.node.split('.')[0]) >= 22 ||
  process.execArgv.includes('--experimental-wasm-relaxed-simd');

const variants = [
  { fma: false, shared: false },
  { fma: false, shared: true },
  { fma: true, shared: false },
  { fma: true, shared: true },
];

/** A memory of the kind a variant imports: shared with the maximum the kernels declare, or private. */
const memoryFor = (shared: boolean) =>
  new wasm.Memory(shared ? { initial: 1, maximum: 65536, shared: true } : { initial: 1 });

describe('the compiled SIMD kernels (simd-binaries.generated.ts)', () => {
  it.each(variants)(
    'fma $fma, shared $shared: valid where expected, importing only env.memory',
    ({ fma, shared }) => {
      const bytes = simdModuleBytes(fma, shared);
      // WebAssembly's magic number and version 1.
      expect(Array.from(bytes.subarray(0, 8))).toEqual([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
      // Plain SIMD is valid on every Node this package supports (≥ 20); relaxed SIMD only where shipped.
      expect(wasm.validate(bytes)).toBe(!fma || relaxedRuntime);
      if (!wasm.validate(bytes)) return;
      const module = new wasm.Module(bytes);
      expect(wasm.Module.imports(module)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
      expect(wasm.Module.exports(module).map((e) => `${e.kind} ${e.name}`)).toEqual(
        ['update', 'gemm', 'packU', 'packC', 'maxAbs'].map((name) => `function ${name}`),
      );
      // A shared module links with a shared memory only, a private one with a private memory only.
      expect(() => new wasm.Instance(module, { env: { memory: memoryFor(!shared) } })).toThrow();
      const ex = new wasm.Instance(module, { env: { memory: memoryFor(shared) } }).exports;
      // The parameter counts documented on SimdKernel (a WebAssembly function's length is its arity).
      expect([ex.update, ex.gemm, ex.packU, ex.packC, ex.maxAbs].map((f) => f!.length)).toEqual([
        6, 7, 5, 5, 3,
      ]);
    },
  );

  it('instantiates the fused multiply–add variant wherever the runtime has relaxed SIMD (always in the relaxed-simd project)', ({
    task,
  }) => {
    if (task.file.projectName === 'relaxed-simd') expect(relaxedRuntime).toBe(true);
    const k = simdKernel()!;
    expect(k.fma).toBe(relaxedRuntime);
    // Node ≥ 20 has SharedArrayBuffer and shared WebAssembly memory.
    expect(k.shared).toBe(true);
  });

  it('gemm rounds c − s·b once with fused multiply–add, twice without', () => {
    // s·b = (1 + 2⁻³⁰)(1 − 2⁻³⁰) = 1 − 2⁻⁶⁰, which rounds to 1 in binary64: 1 − s·b is 0 when the
    // product is rounded first, 2⁻⁶⁰ when fused (x86-64 with FMA3 and arm64 fuse relaxed_nmadd).
    const [s, b] = [1 + 2 ** -30, 1 - 2 ** -30];
    for (const fma of relaxedRuntime ? [false, true] : [false]) {
      useRelaxedSimd(fma);
      const k = simdKernel()!;
      expect(k.fma).toBe(fma);
      // One pair of rows × 8 columns, one row p: X = 1, C = (s, s), U = b.
      withSimdMemory(k, [16, 8, 2, 8, 2], ([x, u, c, pu, pc]) => {
        x!.fill(1);
        u!.fill(b);
        c!.fill(s);
        k.packU(u!.byteOffset, 64, pu!.byteOffset, 1, 64);
        k.packC(c!.byteOffset, 8, pc!.byteOffset, 1, 1);
        k.gemm(x!.byteOffset, 64, pc!.byteOffset, pu!.byteOffset, 16, 64, 1);
        expect(Array.from(x!)).toEqual(Array<number>(16).fill(fma ? 2 ** -60 : 0));
      });
    }
  });

  it('tries fma + shared, fma + private, plain + shared, plain + private, then the TypeScript loops', () => {
    const only =
      (...allowed: string[]): KernelBinaries =>
      (fma, shared) =>
        allowed.includes(`${fma ? 'fma' : 'plain'} ${shared ? 'shared' : 'private'}`)
          ? simdModuleBytes(fma, shared)
          : null;
    const chosen = () => {
      const k = simdKernel();
      return k && `${k.fma ? 'fma' : 'plain'} ${k.shared ? 'shared' : 'private'}`;
    };
    useKernelBinaries(only('fma private', 'plain shared', 'plain private'));
    expect(chosen()).toBe(relaxedRuntime ? 'fma private' : 'plain shared');
    useKernelBinaries(only('plain private'));
    expect(chosen()).toBe('plain private');
    // Bytes that are not a valid module count as unavailable.
    useKernelBinaries(() => Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0xff));
    expect(simdKernel()).toBeNull();
    // Without a kernel, the TypeScript loops: A·A⁻¹ = I all the same.
    const n = 70;
    const a = randomMatrix(n, 21);
    const id = new Float64Array(n * n);
    for (let i = 0; i < n; i++) id[i * n + i] = 1;
    expectClose(matmul(a, inverse(a, n), n, n, n), id, 1e-9);
    useKernelBinaries(null);
    expect(chosen()).toBe(relaxedRuntime ? 'fma shared' : 'plain shared');
  });

  it('the committed file is what `npm run build:kernels` makes of assembly/simd.ts now', async ({
    task,
    skip,
  }) => {
    // Compiling takes seconds: once, in the unit project.
    if (task.file.projectName === 'relaxed-simd') skip();
    const { KERNEL_MODULE, kernelModuleText } = await import('../../../scripts/build-kernels.js');
    expect(readFileSync(KERNEL_MODULE, 'utf8')).toBe(await kernelModuleText());
  }, 120_000);
});
