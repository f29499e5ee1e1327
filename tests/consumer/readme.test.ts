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

it('the README quick start runs and prints what its comments say', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const match = /<!-- quick-start[^>]*-->\s*```ts\n([\s\S]*?)```/.exec(readme);
  expect(match, 'README has a quick-start block').not.toBeNull();
  const code = match?.[1] ?? '';
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
