import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { pureSchemas } from './scripts/pure-schemas.js';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// No source maps in the published build (they were 2.8 MB of the 4 MB unpacked, issue #19): the ESM
// build is one readable module per source file.
const libEntries = {
  index: 'src/index.ts',
  'io/index': 'src/io/index.ts',
  'data/index': 'src/data/index.ts',
};

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
    format: ['esm'],
    bundle: false,
    esbuildPlugins: [pureSchemas],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
    outDir: 'dist',
  },
  {
    // The library's CommonJS build: the three entry points, bundled (chunks shared between them).
    entry: libEntries,
    format: ['cjs'],
    dts: false,
    sourcemap: false,
    clean: false,
    splitting: true,
    treeshake: true,
    target: 'node20',
    outDir: 'dist',
  },
  {
    // Declarations of the three entry points for both module systems (.d.ts, .d.cts).
    entry: libEntries,
    format: ['esm', 'cjs'],
    dts: { only: true },
    clean: false,
    target: 'node20',
    outDir: 'dist',
  },
  {
    // The `gvckit` command-line interface (ESM only; not an import entry point).
    entry: { 'cli/gvckit': 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    splitting: false,
    target: 'node20',
    outDir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
    define: { __GVCKIT_VERSION__: JSON.stringify(version) },
  },
  {
    // The worker thread of `icioPanel`: a module of its own (ESM, self-contained), which the ESM and
    // the CommonJS builds and the CLI all start as `new Worker(new URL(…/io/panel-worker.js))`.
    entry: { 'io/panel-worker': 'src/io/panel/worker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    splitting: false,
    target: 'node20',
    outDir: 'dist',
  },
  {
    // The helper thread of the IO engine's SIMD kernels: a module of its own (ESM, self-contained,
    // no Node module imported) beside dist/io/kernels/threads.js, which the ESM and the CommonJS
    // builds start as a `worker_threads` Worker (Node, Deno, Bun) or a module Web Worker
    // (browsers, `new URL('./kernel-worker.js', import.meta.url)`): src/io/kernels/threads.ts.
    entry: { 'io/kernels/kernel-worker': 'src/io/kernels/kernel-worker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    splitting: false,
    target: 'es2022',
    platform: 'neutral',
    outDir: 'dist',
  },
]);
