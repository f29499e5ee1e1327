/**
 * The library under fuzzing, loaded folder by folder (so that a folder that does not load, being
 * edited, does not stop the fuzzing of the others), and its exported runtime functions.
 */
import type { AnyFn } from './spec.js';

/** Exports that are functions but not fuzzed, with the reason. */
export const notFuzzed: Record<string, string> = {
  GvcError: 'a class (the error every other case checks for), not a function of data',
};

const isSchema = (v: unknown) =>
  typeof v === 'object' && v !== null && typeof (v as { safeParse?: unknown }).safeParse === 'function';

type Module = Record<string, unknown>;

/** Modules that failed to load (a folder mid-edit), with the error: their functions are reported, not fuzzed. */
export const loadErrors: Record<string, string> = {};

async function load(name: string, f: () => Promise<unknown>): Promise<Module> {
  try {
    return (await f()) as Module;
  } catch (e) {
    loadErrors[name] = e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e);
    return {};
  }
}

// Each folder is loaded on its own, so that a folder that does not load (being edited) does not stop
// the fuzzing of the others.
const folderModules: Array<[string, Module]> = [
  ['chains', await load('chains', () => import('../../src/chains/index.js'))],
  ['charts', await load('charts', () => import('../../src/charts/index.js'))],
  ['clusters', await load('clusters', () => import('../../src/clusters/index.js'))],
  ['core', await load('core', () => import('../../src/core/index.js'))],
  ['governance', await load('governance', () => import('../../src/governance/index.js'))],
  ['growth', await load('growth', () => import('../../src/growth/index.js'))],
  ['linkages', await load('linkages', () => import('../../src/linkages/index.js'))],
  ['policy', await load('policy', () => import('../../src/policy/index.js'))],
  ['rents', await load('rents', () => import('../../src/rents/index.js'))],
  ['thinning', await load('thinning', () => import('../../src/thinning/index.js'))],
  ['upgrading', await load('upgrading', () => import('../../src/upgrading/index.js'))],
];
const mainModule = await load('main', () => import('../../src/index.js'));
const ioModule = await load('io', () => import('../../src/io/index.js'));
/** `gvckit/data` (empty when it did not load). */
export const dataModule = await load('data', () => import('../../src/data/index.js'));

/** Every exported runtime function of the three entry points, with the folder that exports it. */
export function exportedFunctions(): Map<string, { fn: AnyFn; folder: string }> {
  const out = new Map<string, { fn: AnyFn; folder: string }>();
  const add = (mod: Module, fallback: string) => {
    for (const [name, v] of Object.entries(mod)) {
      if (typeof v !== 'function' || isSchema(v) || name in notFuzzed || out.has(name)) continue;
      const folder = folderModules.find(([, m]) => m[name] === v)?.[0] ?? fallback;
      out.set(name, { fn: v as AnyFn, folder });
    }
  };
  add(mainModule, 'main');
  for (const [folder, m] of folderModules) add(m, folder);
  add(ioModule, 'io');
  add(dataModule, 'data');
  return out;
}

/** A library function by name, for building seeds (throws when its module did not load). */
export function lib(name: string): AnyFn {
  for (const m of [mainModule, ioModule, ...folderModules.map(([, x]) => x)]) {
    const f = m[name];
    if (typeof f === 'function') return f as AnyFn;
  }
  throw new Error(`${name} is not available (its module did not load)`);
}

/** `gvckit/io` (empty when it did not load), for specs that read its constants. */
export const ioExports: Module = ioModule;
