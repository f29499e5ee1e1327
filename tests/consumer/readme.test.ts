/**
 * Runs the README's quick start, as written, against the built package, and checks that what it
 * prints matches the `//=>` comments in the block.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const readme = readFileSync(join(root, 'README.md'), 'utf8');
/** Every `<!-- quick-start … -->` block: the first screen's example and the quick start. */
const blocks = [...readme.matchAll(/<!-- quick-start([^>]*)-->\s*```ts\n([\s\S]*?)```/g)].map(
  (m) => [m[1]?.split(';')[0]?.replace(/^:/, '').trim() || 'quick start', m[2] ?? ''] as const,
);

it('README has the first screen example and the quick start', () => {
  expect(blocks.map(([name]) => name)).toEqual(['first screen', 'quick start']);
});

it.each(blocks)('the README block "%s" runs and prints what its comments say', (_name, code) => {
  const expected = [...code.matchAll(/\/\/=> (.*)$/gm)].map((m) => m[1]?.trim());
  expect(expected.length).toBeGreaterThan(0);
  // Written inside the repository so that `gvckit` resolves to this package through its `exports`.
  const dir = mkdtempSync(join(root, 'tests/consumer/.tmp-'));
  try {
    const file = join(dir, 'quick-start.ts');
    writeFileSync(file, code);
    const out = execFileSync(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), '--tsconfig', join(root, 'tsconfig.dist.json'), file],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(
      out
        .trim()
        .split('\n')
        .map((l) => l.trim()),
    ).toEqual(expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
