/**
 * Consumer tests: run against the built package in `dist/`, through the package's own `exports`
 * map, exactly as a user's code would load it. `npm test` builds before it runs these.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { linkPackage, root } from './link.js';

const fixtures = join(root, 'tests/consumer/fixtures');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
};
const subpaths = Object.keys(pkg.exports).filter((k) => !k.endsWith('.json'));
const specifier = (subpath: string) => (subpath === '.' ? 'gvckit' : `gvckit/${subpath.slice(2)}`);

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  for (const d of ['node16', 'bundler']) linkPackage(join(fixtures, d));
});

function runNode(dir: string, args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
}

describe('every subpath loads', () => {
  it.each(subpaths)('ESM import of %s', (subpath) => {
    const out = runNode(`${fixtures}/node16`, [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(specifier(subpath))}); console.log(JSON.stringify(Object.keys(m)))`,
    ]);
    const names = JSON.parse(out) as string[];
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain('default');
  });

  it.each(subpaths)('CJS require of %s', (subpath) => {
    const out = runNode(`${fixtures}/node16`, [
      '-e',
      `const m = require(${JSON.stringify(specifier(subpath))}); console.log(JSON.stringify(Object.keys(m)))`,
    ]);
    const names = JSON.parse(out) as string[];
    expect(names.length).toBeGreaterThan(0);
  });

  it.each(subpaths)('ESM and CJS builds of %s export the same names', (subpath) => {
    const esm = runNode(`${fixtures}/node16`, [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(specifier(subpath))}); console.log(JSON.stringify(Object.keys(m).sort()))`,
    ]);
    const cjs = runNode(`${fixtures}/node16`, [
      '-e',
      `const m = require(${JSON.stringify(specifier(subpath))}); console.log(JSON.stringify(Object.keys(m).filter(k => k !== '__esModule').sort()))`,
    ]);
    expect(JSON.parse(cjs)).toEqual(JSON.parse(esm));
  });

  it('GvcError thrown by the CJS build is the class exported by the CJS build', () => {
    const out = runNode(`${fixtures}/node16`, [
      '-e',
      `const { GvcError } = require('gvckit'); const e = new GvcError('INVALID_INPUT', 'x', []); console.log(e instanceof Error, e.code)`,
    ]);
    expect(out.trim()).toBe('true INVALID_INPUT');
  });
});

describe('one GvcError across the ESM and CJS copies', () => {
  it('isGvcError and instanceof recognise an error made by the other copy (issue #14)', async () => {
    // One process loads both builds, as an application with mixed dependencies does: the ESM copy's
    // error must be recognised by the CJS copy's isGvcError and class, and the other way round.
    const out = runNode(`${fixtures}/node16`, [
      '--input-type=module',
      '-e',
      [
        "import { createRequire } from 'node:module';",
        "const esm = await import('gvckit');",
        "const cjs = createRequire(process.cwd() + '/x.js')('gvckit');",
        'const fromEsm = new esm.GvcError("NOT_FOUND", "x");',
        'const fromCjs = new cjs.GvcError("INVALID_INPUT", "y");',
        'console.log(esm.GvcError !== cjs.GvcError,',
        '  cjs.isGvcError(fromEsm, "NOT_FOUND"), esm.isGvcError(fromCjs, "INVALID_INPUT"),',
        '  fromEsm instanceof cjs.GvcError, fromCjs instanceof esm.GvcError,',
        '  cjs.isGvcError(new Error("z")), new Error("z") instanceof esm.GvcError,',
        '  fromEsm.constructor.name, fromCjs.constructor.name, String(fromEsm.stack).split(":")[0]);',
      ].join('\n'),
    ]);
    // The class keeps its name in both builds (a bundler renames a class that refers to itself).
    expect(out.trim()).toBe('true true true true true false false GvcError GvcError GvcError');
  });
});

describe('types resolve for TypeScript consumers', () => {
  it.each(['node16', 'bundler'])('tsc accepts the consumer file under moduleResolution %s', (mode) => {
    const dir = join(fixtures, mode);
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    let output = '';
    try {
      output = execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], {
        cwd: dir,
        encoding: 'utf8',
      });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      output = `${err.stdout ?? ''}${err.stderr ?? ''}`;
      throw new Error(`tsc failed under ${mode}:\n${output}`);
    }
    expect(output).toBe('');
  });
});

describe('the gvckit command is installed by the package', () => {
  it('package.json bin points at an executable built file that answers --help', () => {
    const bin = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> }
    ).bin.gvckit;
    expect(bin).toBe('./dist/cli/gvckit.js');
    const file = join(root, bin ?? '');
    expect(readFileSync(file, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    const out = execFileSync(process.execPath, [file, 'decompose', '--help'], { encoding: 'utf8' });
    expect(out).toContain('gvckit decompose');
    const version = execFileSync(process.execPath, [file, '--version'], { encoding: 'utf8' }).trim();
    expect(version).toBe(
      (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version,
    );
  });

  it('exits 1 with the problem on stderr for an invalid chain', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gvckit-cli-'));
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'x',
        name: 'X',
        family: 'additive',
        currency: 'usd',
        stages: [],
        finalStage: 'y',
      }),
    );
    const r = spawnSync(process.execPath, [join(root, 'dist/cli/gvckit.js'), 'decompose', file], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('currency:');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('JSON Schemas ship with the package', () => {
  it.each(['value-chain', 'cluster', 'actor', 'stage', 'rent', 'upgrading-event'])(
    'gvckit/schemas/%s.json resolves through the exports map and is a JSON Schema',
    (name) => {
      const out = runNode(`${fixtures}/node16`, [
        '-e',
        `const s = require('gvckit/schemas/${name}.json'); console.log(JSON.stringify([s.$schema, s.$id]))`,
      ]);
      const [schema, id] = JSON.parse(out) as [string, string];
      expect(schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(id).toBe(`https://unpkg.com/gvckit/schemas/${name}.json`);
    },
  );
});
