import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./scripts/relaxed-simd-check.ts', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx');

describe('relaxed SIMD (fused multiply–add) kernel', () => {
  // Node 20 validates relaxed SIMD only with --experimental-wasm-relaxed-simd, so the unit tests of
  // this runtime use the plain kernel; a child Node with the flag (or without it from Node 22 on,
  // where it is the default) runs the fused multiply–add kernel against the TypeScript loops.
  it('gives the LU, solves and inverse of the TypeScript loops to relative 1e-12, with and without the helper thread', () => {
    const major = Number(process.versions.node.split('.')[0]);
    const flags = major < 22 ? ['--experimental-wasm-relaxed-simd'] : [];
    const out = execFileSync(process.execPath, [...flags, '--import', tsx, script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number | boolean>;
    expect(r.fma).toBe(true);
    for (const key of ['lu', 'solve', 'inverse', 'luThreads', 'solveThreads', 'inverseThreads'])
      expect(r[key] as number).toBeLessThan(1e-12);
    // The helper thread starts where Node has process.getBuiltinModule (from 20.16).
    if (typeof (process as { getBuiltinModule?: unknown }).getBuiltinModule === 'function')
      expect(r.helper).toBe(true);
  }, 60_000);
});
