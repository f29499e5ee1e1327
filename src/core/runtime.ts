/**
 * Access to the host's built-in modules (`node:fs`, `node:path`, …) without naming them in an
 * `import` a bundler would try to resolve: the library's browser bundles stay free of Node code,
 * and a browser simply gets `undefined`.
 *
 * @module
 */

/** The part of `globalThis.process` this module reads (no dependency on `@types/node`). */
interface ProcessLike {
  getBuiltinModule?: (id: string) => unknown;
}

/**
 * Node's built-in module `id` (`'node:fs'`, `'node:fs/promises'`, `'node:path'`, `'node:url'`, …)
 * where the runtime has one (Node, Deno, Bun), else `undefined` (browsers, workers without Node
 * compatibility). Tries `process.getBuiltinModule` first (Node ≥ 20.16, Bun, Deno 2), then a dynamic
 * `import()` of the specifier held in a variable and marked to be ignored by Vite and webpack, so that
 * no bundler resolves or inlines it. Never throws and never rejects.
 *
 * @param id - The module's specifier, with its `node:` prefix.
 * @returns The module's namespace object, or `undefined` where the runtime has no such module.
 * @throws Never.
 * @example
 * ```ts
 * const path = await nodeBuiltin<{ basename(p: string): string }>('node:path');
 * path?.basename('/data/icio.csv');
 * //=> 'icio.csv'
 * const missing = await nodeBuiltin('node:no-such-module');
 * missing;
 * //=> undefined
 * ```
 */
export async function nodeBuiltin<T>(id: string): Promise<T | undefined> {
  try {
    const process = (globalThis as { process?: ProcessLike }).process;
    if (typeof process?.getBuiltinModule === 'function') {
      const found = process.getBuiltinModule(id);
      if (found !== undefined && found !== null) return found as T;
    }
  } catch {
    // An unknown id throws in some runtimes: fall through to the dynamic import.
  }
  try {
    const specifier = id;
    const module: unknown = await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier);
    return (module ?? undefined) as T | undefined;
  } catch {
    return undefined;
  }
}
