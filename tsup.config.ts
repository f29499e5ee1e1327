import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import { pureSchemas } from './scripts/pure-schemas.js';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// No source maps in the published build (they were 2.8 MB of the 4 MB unpacked, issue #19): the ESM
// build is one readable module per source file.
const libEntries = {
  index: 'src/index.ts',
  'io/index': 'src/io/index.ts',
  'data/index': 'src/data/index.ts',
};

/** What every block shares: into dist/, which `npm run build` empties first, for Node 20. */
const common: Options = { outDir: 'dist', clean: false, target: 'node20' };
/** A self-contained ESM file of its own (the CLI and the two workers): one bundle, no declarations. */
const standalone: Options = { ...common, format: ['esm'], dts: false, sourcemap: false, splitting: false };

export default defineConfig([
  {
    // The library's ESM build: one module per source file (dist/core/boundary.js, …), imports left
    // as written, so that an app's bundler keeps only the modules it reaches (`"sideEffects": false`)
    // and no Node built-in is named where a browser bundle could meet it (src/core/runtime.ts).
    entry: [
      'src/**/*.ts',
      '!src/cli/**',
      '!src/schemas.ts', // read by scripts/build-schemas.ts only
      '!src/io/panel/worker.ts',
      '!src/io/kernels/kernel-worker.ts',
    ],
    ...common,
    format: ['esm'],
    bundle: false,
    esbuildPlugins: [pureSchemas],
    dts: false,
    sourcemap: false,
  },
  {
    // The library's CommonJS build: the three entry points, bundled (chunks shared between them).
    ...common,
    entry: libEntries,
    format: ['cjs'],
    dts: false,
    sourcemap: false,
    splitting: true,
    treeshake: true,
  },
  {
    // Declarations of the three entry points for both module systems (.d.ts, .d.cts).
    ...common,
    entry: libEntries,
    format: ['esm', 'cjs'],
    dts: { only: true },
  },
  {
    // The `gvckit` command-line interface (ESM only; not an import entry point).
    ...standalone,
    entry: { 'cli/gvckit': 'src/cli/bin.ts' },
    banner: { js: '#!/usr/bin/env node' },
    define: { __GVCKIT_VERSION__: JSON.stringify(version) },
  },
  {
    // The worker thread of `icioPanel`: a module of its own (ESM, self-contained), which the ESM and
    // the CommonJS builds and the CLI all start as `new Worker(new URL(…/io/panel-worker.js))`.
    ...standalone,
    entry: { 'io/panel-worker': 'src/io/panel/worker.ts' },
  },
  {
    // The helper thread of the IO engine's SIMD kernels: a module of its own (ESM, self-contained,
    // no Node module imported) beside dist/io/kernels/threads.js, which the ESM and the CommonJS
    // builds start as a `worker_threads` Worker (Node, Deno, Bun) or a module Web Worker
    // (browsers, `new URL('./kernel-worker.js', import.meta.url)`): src/io/kernels/threads.ts.
    ...standalone,
    entry: { 'io/kernels/kernel-worker': 'src/io/kernels/kernel-worker.ts' },
    target: 'es2022',
    platform: 'neutral',
  },
]);
