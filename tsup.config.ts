import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig([
  {
    // The library: three entry points, ESM + CJS, declarations for both (.d.ts, .d.cts).
    entry: {
      index: 'src/index.ts',
      'io/index': 'src/io/index.ts',
      'data/index': 'src/data/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    splitting: true,
    treeshake: true,
    target: 'node20',
    outDir: 'dist',
  },
  {
    // The `gvckit` command-line interface (ESM only; not an import entry point).
    entry: { 'cli/gvckit': 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
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
    sourcemap: true,
    clean: false,
    splitting: false,
    target: 'node20',
    outDir: 'dist',
  },
]);
