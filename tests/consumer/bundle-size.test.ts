/**
 * Bundle sizes (issue #19, item 1): an app that imports one function of gvckit gets that function and
 * what it needs, not the whole library. Each case bundles a one-line entry file against the built
 * package, resolved through the package's own `exports` map (a `node_modules/gvckit` link, as
 * tests/consumer/exports.test.ts does), with esbuild: `bundle`, `minify`, `format: 'esm'`,
 * `platform: 'browser'` — the command of the issue:
 *
 *   esbuild entry.js --bundle --minify --format=esm --platform=browser
 *
 * Budgets are the issue's: a classifier ≤ 20 KB, the chain decomposition ≤ 40 KB, the Leontief
 * inverse ≤ 60 KB and without zod. Run after `npm run build`.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkPackage, root } from './link.js';

let dir = '';

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  dir = mkdtempSync(join(tmpdir(), 'gvckit-bundle-size-'));
  // The package's dependencies and its peer, zod, as an app would have them installed.
  linkPackage(dir, ['zod', 'immer', 'fflate', 'read-excel-file']);
});

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

interface Measured {
  bytes: number;
  /** The files that put bytes in the bundle (paths as esbuild's metafile names them). */
  inputs: string[];
}

/** Bundles `import { name } from specifier` for the browser, minified, and measures the result. */
async function measure(name: string, specifier: string): Promise<Measured> {
  const entry = join(dir, `${name}.js`);
  writeFileSync(entry, `import { ${name} } from '${specifier}';\nglobalThis.gvckitEntry = ${name};\n`);
  const result = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: dir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  if (out === undefined) throw new Error(`esbuild wrote nothing for ${name}`);
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0]?.inputs ?? {})
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([k]) => k.replaceAll('\\', '/'));
  return { bytes: out.contents.byteLength, inputs };
}

function report(name: string, m: Measured, budget: number): void {
  console.log(
    `bundle size: ${name.padEnd(28)} ${String(m.bytes).padStart(7)} B (budget ${budget} B)${m.inputs.some(isZod) ? '' : ', no zod'}`,
  );
}

const isZod = (path: string) => path.includes('node_modules/zod/');

/** The exported names of an entry point of the build that start with `classify`. */
async function classifiers(subpath: string): Promise<string[]> {
  const m = (await import(pathToFileURL(join(root, 'dist', subpath, 'index.js')).href)) as Record<
    string,
    unknown
  >;
  return Object.keys(m)
    .filter((k) => k.startsWith('classify') && typeof m[k] === 'function')
    .sort();
}

/**
 * Classifiers that check their arguments with zod-free checkers mirroring their schemas exactly
 * (src/upgrading/check.ts, src/growth/check.ts, src/governance/links-check.ts, src/governance/check.ts;
 * the differential tests prove the results equal): zod must not be in their bundles. Through zod they
 * could not meet the budget: zod/mini's parse machinery for one strict object of enums is ≈13.0 KB, and
 * their schemas (numbers, arrays, records, unions, defaults, refinements) took 18–23 KB of zod.
 */
const ZOD_FREE_CLASSIFIERS = [
  'classifyDriver',
  'classifyGovernance',
  'classifyGrowthPath',
  'classifyLinkGovernance',
  'classifyUpgrading',
];

/**
 * decomposeValueAdded checks its chain and options with zod-free checkers that mirror the schemas
 * exactly (src/chains/check.ts and the checks it composes; tests/chains/check-differential.test.ts
 * proves the results equal): no zod in its bundle. Through zod the chain schema alone (a
 * discriminated union of families holding stages, actors, rents, governance, integer years,
 * regex-checked codes, defaults) was ≈26.5 KB and the bundle 47.2 KB.
 */
const DECOMPOSE_BUDGET = 40_000;

describe('bundle sizes of one function (esbuild, minified, ESM, browser)', () => {
  it('each classifier alone: at most 20,000 B, and no zod in those with zod-free checkers', async () => {
    const names = await classifiers('.');
    expect(names).toEqual(expect.arrayContaining(ZOD_FREE_CLASSIFIERS));
    const over: string[] = [];
    for (const name of names) {
      const m = await measure(name, 'gvckit');
      report(name, m, 20_000);
      if (m.bytes > 20_000) over.push(`${name}: ${m.bytes} B > 20000 B`);
      if (ZOD_FREE_CLASSIFIERS.includes(name) && m.inputs.some(isZod))
        over.push(`${name}: zod in the bundle`);
    }
    expect(over).toEqual([]);
  });

  it('classifyGovernance alone: at most 20,000 B', async () => {
    const m = await measure('classifyGovernance', 'gvckit');
    report('classifyGovernance', m, 20_000);
    expect(m.bytes).toBeLessThanOrEqual(20_000);
  });

  it('decomposeValueAdded alone: at most 40,000 B, and no zod', async () => {
    const m = await measure('decomposeValueAdded', 'gvckit');
    report('decomposeValueAdded', m, DECOMPOSE_BUDGET);
    expect(m.bytes).toBeLessThanOrEqual(DECOMPOSE_BUDGET);
    expect(m.inputs.filter(isZod)).toEqual([]);
  });

  it('leontiefInverse alone (gvckit/io): at most 60,000 B, and no zod', async () => {
    const m = await measure('leontiefInverse', 'gvckit/io');
    report('leontiefInverse', m, 60_000);
    expect(m.bytes).toBeLessThanOrEqual(60_000);
    expect(m.inputs.filter(isZod)).toEqual([]);
  });
});

describe('the build marks schema calls pure (tsup.config.ts)', () => {
  it('a top-level const that is a call, never a statement with an effect or a call inside a function', async () => {
    const { markSchemaCallsPure } = await import('../../scripts/pure-schemas.js');
    const P = '/* @__PURE__ */ ';
    const source =
      'const W = z\n  .number()\n  .check(z.gte(0));\nexport const E = namedEnum(["a"]);\nconst T: Set<string> = new Set();\n' +
      'setHooks(() => 1);\nfunction f() {\n  const x = g();\n  return x;\n}\n';
    expect(markSchemaCallsPure(source)).toBe(
      `const W = ${P}z\n  .number()\n  .check(${P}z.gte(0));\nexport const E = ${P}namedEnum(["a"]);\nconst T: Set<string> = ${P}new Set();\n` +
        'setHooks(() => 1);\nfunction f() {\n  const x = g();\n  return x;\n}\n',
    );
  });

  it('before each z.name( call of code, never inside a comment, string, template text or regular expression', async () => {
    const { markSchemaCallsPure } = await import('../../scripts/pure-schemas.js');
    const P = '/* @__PURE__ */ ';
    const source = [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text holding a template literal
      "/** `z.object({})` in a comment */ const s = 'z.string(', t = `${z.number()} z.x(`;",
      'const r = /z.x(/g, q = a / z.int();',
      'function f() {\n  return z.string();\n}',
    ].join('\n');
    expect(markSchemaCallsPure(source)).toBe(
      [
        `/** \`z.object({})\` in a comment */ const s = 'z.string(', t = \`\${${P}z.number()} z.x(\`;`,
        `const r = /z.x(/g, q = a / ${P}z.int();`,
        `function f() {\n  return ${P}z.string();\n}`,
      ].join('\n'),
    );
  });

  it("every call a top-level const's initialiser evaluates, but not the calls in the functions it defines", async () => {
    // A bundler keeps an unused pure call's arguments unless they are pure too: `strictObject({ a:
    // optional(Id) })` is dropped whole only when `optional(Id)` is marked as well.
    const { markSchemaCallsPure } = await import('../../scripts/pure-schemas.js');
    const P = '/* @__PURE__ */ ';
    const source = [
      'export const A = z.strictObject({ a: z.enum(["x"]), b: foo.z.bar(), c: optional(xz.y()) });',
      'const C = make((v) => { run(v); }, { m() { go(); } }, function () { step(); });',
      'let L = f(g());',
    ].join('\n');
    expect(markSchemaCallsPure(source)).toBe(
      [
        `export const A = ${P}z.strictObject({ a: ${P}z.enum(["x"]), b: ${P}foo.z.bar(), c: ${P}optional(${P}xz.y()) });`,
        `const C = ${P}make((v) => { run(v); }, { m() { go(); } }, function () { step(); });`,
        'let L = f(g());',
      ].join('\n'),
    );
  });
});
