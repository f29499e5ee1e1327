/**
 * The names an example may use without importing them, and what its imports resolve to.
 *
 * The convention (CONTRIBUTING, "Examples"): an example uses the public names of the entry point
 * its module belongs to (`gvckit`, `gvckit/io` for `src/io/`, `gvckit/data` for `src/data/`) without
 * importing them, as that entry point's API page shows them; anything else (another entry point,
 * `immer`) is imported explicitly, with the specifier a user writes. The example of an `@internal`
 * declaration (one its entry point does not export) may also use its own module's exports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as data from '../../src/data/index.js';
import * as gvckit from '../../src/index.js';
import * as io from '../../src/io/index.js';
import { type Example, repositoryRoot } from './extract.js';
import { type ExampleScope, exportedTypeNames } from './typecheck.js';

export const entryPoints: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  gvckit,
  'gvckit/io': io,
  'gvckit/data': data,
};

/** The entry point whose documentation shows the examples of `file`. */
export function entryPointOf(file: string): string {
  if (file.startsWith('src/io/')) return 'gvckit/io';
  if (file.startsWith('src/data/')) return 'gvckit/data';
  return 'gvckit';
}

/** Whether the example documents a declaration its entry point does not export. */
export function isInternal(example: Example): boolean {
  return !Object.hasOwn(entryPoints[entryPointOf(example.file)]!, example.symbol);
}

async function ownModule(example: Example): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ join(repositoryRoot, example.file))) as Record<string, unknown>;
}

/** The runtime values an example may use without importing them. */
export async function runtimeScope(example: Example): Promise<Record<string, unknown>> {
  const entry = entryPoints[entryPointOf(example.file)]!;
  return isInternal(example) ? { ...entry, ...(await ownModule(example)) } : { ...entry };
}

/** The same, for the type-check: the specifiers and the runtime names behind them. */
export async function typeScope(example: Example): Promise<ExampleScope> {
  const entry = entryPointOf(example.file);
  const values = new Set(Object.keys(entryPoints[entry]!));
  if (!isInternal(example)) return { entry, values };
  const specifier = join(repositoryRoot, example.file).replace(/\.ts$/, '.js');
  const own = new Set(Object.keys(await ownModule(example)));
  const types = exportedTypeNames(readFileSync(join(repositoryRoot, example.file), 'utf8'));
  return { entry, values, own: { specifier, values: own, types } };
}

/** What an example's imports resolve to: the entry points, and any other package it names. */
export async function modulesFor(specifiers: readonly string[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { ...entryPoints };
  for (const s of specifiers) if (!Object.hasOwn(out, s)) out[s] = await import(/* @vite-ignore */ s);
  return out;
}
