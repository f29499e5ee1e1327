/**
 * `gvckit/io` in a browser bundle, built from the sources with esbuild (minified, ESM, platform
 * browser) as an app's bundler would: the whole entry point bundles without an error (no Node
 * built-in is named in an `import` a bundler must resolve: file paths reach `node:fs` through
 * core/runtime.ts's `nodeBuiltin`), and the matrix functions need no schema library
 * (issue #19: `leontiefInverse` alone ≤ 60 KB with no zod in it). The built package is measured
 * the same way by tests/consumer/bundle-size.test.ts.
 */
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../../src/io/index.ts', import.meta.url));

async function bundle(code: string): Promise<{ bytes: number; inputs: string[] }> {
  const r = await build({
    stdin: { contents: code, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  expect(r.errors).toEqual([]);
  const out = Object.values((r.metafile as Metafile).outputs)[0]!;
  const inputs = Object.entries(out.inputs)
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([k]) => k);
  return { bytes: out.bytes, inputs };
}

describe('gvckit/io in a browser bundle', () => {
  it('bundles the whole entry point for the browser without an error', async () => {
    const { bytes, inputs } = await bundle(
      `import * as io from ${JSON.stringify(entry)}; console.log(Object.keys(io).length);`,
    );
    console.info(`gvckit/io (all of it, from src/), esbuild minified for the browser: ${bytes} B`);
    expect(inputs.some((i) => i.includes('src/io/readers/source.ts'))).toBe(true);
  }, 60_000);

  it('bundles leontiefInverse alone in at most 60 KB, with no zod', async () => {
    const { bytes, inputs } = await bundle(
      `import { leontiefInverse } from ${JSON.stringify(entry)}; console.log(leontiefInverse);`,
    );
    console.info(`leontiefInverse alone (from src/), esbuild minified for the browser: ${bytes} B`);
    expect(inputs.filter((i) => i.includes('node_modules/zod/'))).toEqual([]);
    expect(bytes).toBeLessThanOrEqual(60_000);
  }, 60_000);
});
