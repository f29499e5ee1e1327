// `npm run example -- examples/<file>.ts`: runs one example against the built package (`dist/`),
// resolved through the package's own `exports` as `gvckit`, `gvckit/io` and `gvckit/data`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2];
if (!file) {
  console.error('usage: npm run example -- examples/<file>.ts');
  process.exit(2);
}
if (!existsSync(join(root, 'dist/index.js'))) {
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const r = spawnSync(process.execPath, [tsx, '--tsconfig', join(root, 'tsconfig.dist.json'), resolve(file)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
