/** Runs every file of `examples/` against the built package, so that no example rots. */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.ts'));

it('examples/ holds runnable TypeScript files', () => {
  expect(readdirSync(join(root, 'examples'))).toContain('README.md');
});

it.each(examples)('examples/%s runs against the built package', (file) => {
  const out = execFileSync(
    process.execPath,
    [join(root, 'scripts/run-example.mjs'), join('examples', file)],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  expect(out.length).toBeGreaterThan(0);
});
