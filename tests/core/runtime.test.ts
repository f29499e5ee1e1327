import type * as fs from 'node:fs';
import type * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeBuiltin } from '../../src/core/runtime.js';

describe('nodeBuiltin', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('returns the host module in Node (the same object as a static import)', async () => {
    const p = await nodeBuiltin<typeof path>('node:path');
    expect(p?.posix.join('a', 'b')).toBe('a/b');
    const f = await nodeBuiltin<typeof fs>('node:fs');
    expect(typeof f?.readFileSync).toBe('function');
    const fp = await nodeBuiltin<typeof import('node:fs/promises')>('node:fs/promises');
    expect(typeof fp?.readFile).toBe('function');
    const u = await nodeBuiltin<typeof import('node:url')>('node:url');
    expect(u?.fileURLToPath('file:///tmp/x')).toBe('/tmp/x');
  });

  it('returns undefined for a module the runtime does not have, without throwing', async () => {
    await expect(nodeBuiltin('node:no-such-module')).resolves.toBeUndefined();
  });

  it('falls back to a dynamic import when process.getBuiltinModule is absent', async () => {
    vi.stubGlobal('process', { ...process, getBuiltinModule: undefined });
    const p = await nodeBuiltin<typeof path>('node:path');
    expect(p?.basename('/a/b.txt')).toBe('b.txt');
  });

  it('falls back when getBuiltinModule throws, and gives undefined when the import fails (a browser)', async () => {
    vi.stubGlobal('process', {
      getBuiltinModule: () => {
        throw new Error('unknown');
      },
    });
    await expect(nodeBuiltin('node:no-such-module')).resolves.toBeUndefined();
    const p = await nodeBuiltin<typeof path>('node:path');
    expect(p?.extname('x.csv')).toBe('.csv');
  });

  it('returns undefined where process has no getBuiltinModule and the import fails', async () => {
    // (Stubbing `process` away entirely would break the test runner itself.)
    vi.stubGlobal('process', {});
    await expect(nodeBuiltin('gvckit-no-such-builtin:fs')).resolves.toBeUndefined();
  });
});
