/**
 * The dependency directions of CONTRIBUTING ("Layout"), checked on the import graph of `src/`
 * (every `import … from`, `export … from`, `import type`, `import()` and `import('…').T`, type-only
 * imports included, read with the TypeScript parser):
 *
 * (a) a file imports another top-level folder only through that folder's `index.ts`, or any module of
 *     `core/` (shared), or `io/kernels/index.ts` (the small dense kernels, which analytics such as
 *     `chains/` and `linkages/` reuse for their linear solves); `data/` and `src/schemas.ts` import
 *     model modules (`<folder>/model.ts`, `<folder>/*-model.ts`) directly, since they depend on
 *     models only; a folder's zod-free checks (`<folder>/check.ts`, the internal mirror of its model's
 *     schemas: issue #19) may be imported like its index, so that another folder's checks compose
 *     them without reaching zod or making them public; no folder imports a file of the root
 *     (`src/index.ts`, `src/schemas.ts`);
 * (b) no cycle between folders;
 * (c) no cycle between files;
 * (d) `io/` imports only `core/`; `data/` only `core/` and model modules; `core/` no other folder;
 * (e) every `index.ts` only re-exports (`export … from`), and `src/index.ts` only folders' `index.ts`;
 * (f) no source file of `src/` or `tests/` is over 400 lines;
 * (g) `src/` imports zod only as `zod/mini` (issue #19: classic `zod` brings all of zod into an app).
 *
 * Each failure names the offending import (file, line, specifier) or file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const MAX_LINES = 400;
const KERNELS = 'src/io/kernels/index.ts';

interface Import {
  readonly from: string;
  readonly to: string;
  readonly specifier: string;
  readonly line: number;
  readonly typeOnly: boolean;
}

function files(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (pattern.test(e.name)) out.push(relative(root, p).split(sep).join('/'));
    }
  };
  walk(join(root, dir));
  return out.sort();
}

/** The `src/` file a relative specifier names (`./x.js` → `x.ts`, `./dir` → `dir/index.ts`), if any. */
function resolveSpecifier(from: string, specifier: string, known: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = relative(root, resolve(root, dirname(from), specifier))
    .split(sep)
    .join('/');
  const stem = base.replace(/\.(js|ts|mjs|mts)$/, '');
  return [`${stem}.ts`, `${stem}.mts`, `${base}/index.ts`].find((c) => known.has(c)) ?? base;
}

/** Every import of a file's text, with its line and whether it is type-only. */
function importsOf(file: string, text: string, known: ReadonlySet<string>): Import[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: Import[] = [];
  const add = (node: ts.Node, literal: ts.Expression | undefined, typeOnly: boolean): void => {
    if (literal === undefined || !ts.isStringLiteralLike(literal)) return;
    const to = resolveSpecifier(file, literal.text, known);
    if (to === undefined) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    out.push({ from: file, to, specifier: literal.text, line, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const allTypes =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            named !== undefined &&
            ts.isNamedImports(named) &&
            named.elements.length > 0 &&
            named.elements.every((e) => e.isTypeOnly)));
      add(node, node.moduleSpecifier, allTypes);
    } else if (ts.isExportDeclaration(node)) {
      add(node, node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node, node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** `src/chains/x.ts` → `chains`; a file of the root (`src/index.ts`) → `(root)`. */
function folderOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? parts[1]! : '(root)';
}

const isModelModule = (file: string): boolean => /^src\/[^/]+\/(?:[\w-]+-)?model\.ts$/.test(file);
const isIndex = (file: string): boolean => file.endsWith('/index.ts');
const isCheckModule = (file: string): boolean => /^src\/[^/]+\/check\.ts$/.test(file);
const show = (i: Import): string =>
  `${i.from}:${i.line} imports '${i.specifier}'${i.to === i.specifier ? '' : ` (${i.to})`}`;

/** Strongly connected components with a cycle (Tarjan), each as a list of nodes. */
function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.has(v)) out.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);
  return out;
}

/** One cycle through `start` inside `component` (breadth-first, so the shortest), as a closed path. */
function cycleThrough(
  graph: ReadonlyMap<string, ReadonlySet<string>>,
  component: readonly string[],
  start: string,
): string[] {
  const inside = new Set(component);
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of [...(graph.get(v) ?? [])].sort()) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

/** Describes each cycle by the imports along it. */
function describeCycles(edges: readonly Import[], node: (file: string) => string): string[] {
  const graph = new Map<string, Set<string>>();
  const witness = new Map<string, Import>();
  for (const e of edges) {
    const [a, b] = [node(e.from), node(e.to)];
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)!.add(b);
    if (!witness.has(`${a} ${b}`) || (witness.get(`${a} ${b}`)!.typeOnly && !e.typeOnly))
      witness.set(`${a} ${b}`, e);
  }
  return cycles(graph).map((component) => {
    const path = cycleThrough(graph, component, component[0]!);
    const steps = path.slice(1).map((b, k) => {
      const e = witness.get(`${path[k]} ${b}`)!;
      return `${show(e)}${e.typeOnly ? ' (type-only)' : ''}`;
    });
    return `${path.join(' → ')}${component.length > path.length - 1 ? ` (and ${component.length - path.length + 1} more in the cycle)` : ''}: ${steps.join('; ')}`;
  });
}

const sourceFiles = files('src', /\.(ts|mts)$/);
const known = new Set(sourceFiles);
const imports = sourceFiles.flatMap((f) => importsOf(f, readFileSync(join(root, f), 'utf8'), known));
const crossFolder = imports.filter((i) => folderOf(i.from) !== folderOf(i.to));

describe('dependency directions (CONTRIBUTING, "Layout")', () => {
  it('reads the import graph of src/', () => {
    expect(sourceFiles.length).toBeGreaterThan(50);
    expect(crossFolder.length).toBeGreaterThan(20);
    expect(imports.filter((i) => !known.has(i.to)).map(show)).toEqual([]);
  });

  it("(a) a folder imports another only through its index.ts, core/, or io's kernels", () => {
    const bad = crossFolder.filter((i) => {
      const [from, to] = [folderOf(i.from), folderOf(i.to)];
      if (i.from === 'src/index.ts' || to === 'core') return false;
      if (to === '(root)') return true;
      if ((from === 'data' || i.from === 'src/schemas.ts') && isModelModule(i.to)) return false;
      if (isCheckModule(i.to)) return false;
      return i.to !== `src/${to}/index.ts` && i.to !== KERNELS;
    });
    expect(bad.map((i) => `${show(i)}: an internal module of ${folderOf(i.to)}/`)).toEqual([]);
  });

  it('(b) no cycle between folders', () => {
    expect(describeCycles(crossFolder, folderOf)).toEqual([]);
  });

  it('(c) no cycle between files, type-only imports included', () => {
    expect(describeCycles(imports, (f) => f)).toEqual([]);
  });

  it('(d) io/ imports only core/; data/ only core/ and model modules; core/ no other folder', () => {
    const bad = crossFolder.filter((i) => {
      const [from, to] = [folderOf(i.from), folderOf(i.to)];
      if (from === 'io' || from === 'core') return to !== 'core';
      if (from === 'data') return to !== 'core' && !isModelModule(i.to);
      return false;
    });
    expect(bad.map((i) => `${show(i)}: ${folderOf(i.from)}/ may not depend on ${folderOf(i.to)}/`)).toEqual(
      [],
    );
  });

  it('(e) index.ts files only re-export, and src/index.ts only folders', () => {
    const bad: string[] = [];
    for (const f of sourceFiles.filter(isIndex)) {
      const source = ts.createSourceFile(
        f,
        readFileSync(join(root, f), 'utf8'),
        ts.ScriptTarget.ES2022,
        true,
      );
      for (const s of source.statements) {
        const line = source.getLineAndCharacterOfPosition(s.getStart(source)).line + 1;
        if (!ts.isExportDeclaration(s) || s.moduleSpecifier === undefined) {
          bad.push(`${f}:${line}: not a re-export: ${s.getText(source).split('\n')[0]}`);
        }
      }
    }
    for (const i of imports.filter((i) => i.from === 'src/index.ts')) {
      if (!/^src\/[^/]+\/index\.ts$/.test(i.to)) bad.push(`${show(i)}: src/index.ts re-exports folders only`);
    }
    expect(bad).toEqual([]);
  });

  it(`(f) no file of src/ or tests/ is over ${MAX_LINES} lines`, () => {
    const code = [...files('src', /\.(ts|mts|js|mjs|cjs)$/), ...files('tests', /\.(ts|mts|js|mjs|cjs)$/)];
    const long = code
      .map((f) => ({ f, n: readFileSync(join(root, f), 'utf8').replace(/\n$/, '').split('\n').length }))
      .filter(({ n }) => n > MAX_LINES)
      .map(({ f, n }) => `${f}: ${n} lines`);
    expect(long).toEqual([]);
  });
});

describe('zod (issue #19, item 1)', () => {
  it("(g) src/ imports zod only as 'zod/mini', never classic 'zod'", () => {
    const bad: string[] = [];
    for (const f of files('src', /\.ts$/)) {
      const source = ts.createSourceFile(
        f,
        readFileSync(join(root, f), 'utf8'),
        ts.ScriptTarget.ES2022,
        true,
      );
      const visit = (node: ts.Node): void => {
        const spec =
          (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier
            ? node.moduleSpecifier
            : ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword
              ? node.arguments[0]
              : ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)
                ? node.argument.literal
                : undefined;
        if (
          spec !== undefined &&
          ts.isStringLiteralLike(spec) &&
          /^zod(\/|$)/.test(spec.text) &&
          spec.text !== 'zod/mini'
        ) {
          const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
          bad.push(`${f}:${line}: imports '${spec.text}' (use 'zod/mini')`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(bad).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('find every kind of import, type-only ones marked', () => {
    const set = new Set(['src/a/x.ts', 'src/b/index.ts', 'src/b/y.ts', 'src/c/index.ts']);
    const text = [
      "import { p } from '../b/index.js';",
      "import type { T } from '../b/y.js';",
      "import { type U } from '../c';",
      "export * from '../b/y.js';",
      "const m = await import('../c/index.js');",
      "type V = import('../b/y.js').V;",
      "import { z } from 'zod';",
    ].join('\n');
    expect(importsOf('src/a/x.ts', text, set).map((i) => [i.line, i.to, i.typeOnly])).toEqual([
      [1, 'src/b/index.ts', false],
      [2, 'src/b/y.ts', true],
      [3, 'src/c/index.ts', true],
      [4, 'src/b/y.ts', false],
      [5, 'src/c/index.ts', false],
      [6, 'src/b/y.ts', true],
    ]);
  });

  it('find a cycle and its path', () => {
    const g = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a', 'd'])],
      ['d', new Set<string>()],
      ['e', new Set(['e'])],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(cycleThrough(g, ['a', 'b', 'c'], 'a')).toEqual(['a', 'b', 'c', 'a']);
    expect(cycles(new Map([['a', new Set(['b'])]]))).toEqual([]);
  });
});
