import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/types.js';
import { iphone3g } from '../../src/data/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tsv = resolve(root, 'tests/fixtures/african-clusters-table1.tsv');

/** Runs the CLI in-process with an in-memory file system; returns the exit code and both streams. */
async function run(argv: string[], files: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const ctx: CliContext = {
    stdout: (t) => {
      out += `${t}\n`;
    },
    stderr: (t) => {
      err += `${t}\n`;
    },
    readFile: async (p) => {
      const f = files[p];
      if (f !== undefined) return f;
      return readFile(p, 'utf8');
    },
    version: '9.9.9',
  };
  const code = await runCli(argv, ctx);
  return { code, out, err };
}

describe('gvckit (no command)', () => {
  it('prints usage and exits 2 without a command, 0 with --help', async () => {
    expect((await run([])).code).toBe(2);
    const h = await run(['--help']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('decompose <chain.json>');
    expect((await run(['--version'])).out.trim()).toBe('9.9.9');
  });

  it('rejects an unknown command with exit 2', async () => {
    const r = await run(['decomp']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "decomp"');
  });

  it.each(['decompose', 'clusters', 'io'])('%s --help prints its usage and exits 0', async (cmd) => {
    const r = await run([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`gvckit ${cmd}`);
    expect(r.out).toContain('Usage:');
  });
});

describe('gvckit decompose', () => {
  const files = { 'iphone.json': JSON.stringify(iphone3g) };

  it('reproduces Xing & Detert (2010) at the Chinese assembler, by country', async () => {
    const r = await run(
      ['decompose', 'iphone.json', '--depth', 'first-round', '--at', 'assembly', '--format', 'json'],
      files,
    );
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out) as { byCountry: Array<{ key: string; valueAdded: number }> };
    const china = result.byCountry.find((g) => g.key === 'CHN');
    // Xing & Detert (2010), Table: China's value added (assembly) is $6.50 of $178.96.
    expect(china?.valueAdded).toBeCloseTo(6.5, 10);
  });

  it('prints CSV with a header and a total line equal to the retail price', async () => {
    const r = await run(['decompose', 'iphone.json', '--by', 'country', '--format', 'csv'], files);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('country,value added (USD),share');
    // The iPhone 3G retailed at about $500 (Xing & Detert 2010); the dataset uses 500.
    expect(lines.at(-1)).toBe('total,500,1');
  });

  it('reports every validation problem with its path and exits 1', async () => {
    const r = await run(['decompose', 'bad.json'], { 'bad.json': '{"id":"x","family":"additive"}' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('invalid value chain');
    expect(r.err).toContain('finalStage:');
    expect(r.err).toContain('stages:');
  });

  it('explains malformed JSON, a missing file and a bad option', async () => {
    expect((await run(['decompose', 'x.json'], { 'x.json': '{' })).err).toContain('x.json is not valid JSON');
    const missing = await run(['decompose', '/nonexistent/chain.json']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('file not found');
    const bad = await run(['decompose', 'iphone.json', '--by', 'planet'], files);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(
      '--by: expected one of country, stage, actor, function, income, found "planet"',
    );
    expect((await run(['decompose', 'iphone.json', '--colour'], files)).code).toBe(2);
  });
});

describe('gvckit clusters', () => {
  it('prints the four tables of the 25 African clusters', async () => {
    const r = await run(['clusters', tsv, '--tables', '--format', 'json']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out) as { marketOrientation: Array<{ key: string; clusters: number }> };
    // Hand count from Table 1: 7 clusters sell to local markets only (Gikomba, Ngong, Kibuye, Eastland,
    // Kamukunji, Ziwani, Suame Metalwork).
    expect(t.marketOrientation.find((row) => row.key === 'local-only')?.clusters).toBe(7);
    const text = await run(['clusters', tsv, '--tables']);
    expect(text.out).toContain('Institutional support (Table 5)');
  });

  it('prints one row per cluster, flagging survivalist clusters', async () => {
    const r = await run(['clusters', tsv, '--format', 'csv']);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(26);
    // Gikomba Furniture: local market only, no evidence of dynamism → static and survivalist.
    expect(lines.find((l) => l.startsWith('Gikomba'))).toBe('Gikomba Furniture,KEN,local-only,static,true');
  });

  it('names the line and column of a bad cell', async () => {
    const bad =
      'country\tcluster\tend_market\tevidence_of_dynamism\texternal_economies\tcollective_action\tinstitutional_support\nKenya\tX\tplanet\tnone\tnone\tnone\tnone\n';
    const r = await run(['clusters', 'bad.tsv'], { 'bad.tsv': bad });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/line 2/);
  });
});

describe('gvckit io', () => {
  const csv = join(root, 'examples/data/icio-oecd-layout.csv');

  it('prints the Borin–Mancini decomposition whose parts add up to gross exports', async () => {
    const r = await run(['io', csv, '--indicator', 'bm', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Array<Record<string, number>>;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // Borin & Mancini (2023): GEXP = DVA + DDC + FVA + FDC.
      expect((row.DVA ?? 0) + (row.DDC ?? 0) + (row.FVA ?? 0) + (row.FDC ?? 0)).toBeCloseTo(
        row.GEXP ?? Number.NaN,
        8,
      );
    }
  });

  it('requires a known indicator', async () => {
    const r = await run(['io', csv]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--indicator: expected one of bm');
  });
});
