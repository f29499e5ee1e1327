/**
 * A consumer's folder for the consumer tests: the repository installed as `node_modules/gvckit`
 * (a link, so that `gvckit`, `gvckit/io` and `gvckit/data` resolve through the package's own
 * `exports` map to dist/), with packages it needs beside it as an app would have them installed.
 */
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Installs the repository as `dir/node_modules/gvckit` (replacing any `node_modules` there), with
 * `packages` (by default its peer `zod` and its dependency `immer`) linked from the repository's own
 * `node_modules` where they are installed.
 */
export function linkPackage(dir: string, packages: readonly string[] = ['zod', 'immer']): void {
  const nm = join(dir, 'node_modules');
  rmSync(nm, { recursive: true, force: true });
  mkdirSync(nm, { recursive: true });
  symlinkSync(root, join(nm, 'gvckit'), 'dir');
  for (const p of packages)
    if (existsSync(join(root, 'node_modules', p)))
      symlinkSync(join(root, 'node_modules', p), join(nm, p), 'dir');
}
