import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/consumer/**', 'node_modules/**'],
          typecheck: { enabled: true, include: ['tests/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        // The input–output tests again with the relaxed SIMD (fused multiply–add) kernel, the default
        // from Node 22, which Node 20 validates only with this flag.
        test: {
          name: 'relaxed-simd',
          include: ['tests/io/**/*.test.ts'],
          // Readers, groups, output, panels and the bundling check do not touch the kernels: run them once, in unit.
          exclude: [
            'tests/io/readers/**',
            'tests/io/groups/**',
            'tests/io/output/**',
            'tests/io/panel/**',
            'tests/io/browser-bundle.test.ts',
          ],
          pool: 'forks',
          execArgv:
            Number(process.versions.node.split('.')[0]) < 22 ? ['--experimental-wasm-relaxed-simd'] : [],
        },
      },
      {
        test: {
          name: 'consumer',
          include: ['tests/consumer/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'html'],
    },
  },
});
