/**
 * The executable in a pipeline: separate processes joined by their standard streams, as a shell
 * joins them. Runs the built CLI (dist/cli/gvckit.js) when it is newer than every source file, and
 * otherwise the sources through tsx (saying so), so that a stale build is never what is tested.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectRecords, type Row, readCsv, root } from './helpers.js';

const built = join(root, 'dist/cli/gvckit.js');

/** The newest modification time of the files under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const fresh = existsSync(built) && statSync(built).mtimeMs >= newest(join(root, 'src'));
if (!fresh)
  console.warn(
    'tests/cli/pipe.test.ts: dist/cli/gvckit.js is absent or older than src/: running src/cli/bin.ts with tsx',
  );
const command = fresh ? [built] : [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/cli/bin.ts')];

/** Runs `gvckit ...argv` as a process with `input` on its standard input. */
function gvckit(argv: string[], input?: string) {
  const r = spawnSync(process.execPath, [...command, ...argv], {
    cwd: root,
    input: input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const jsonl = (text: string): Row[] =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Row);

describe('gvckit in a pipeline (a process per command, joined by stdin and stdout)', {
  timeout: 120_000,
}, () => {
  it('gvckit example chain | gvckit decompose - --format csv: the iPhone figures, nothing on stderr', () => {
    const chain = gvckit(['example', 'chain']);
    expect([chain.code, chain.err]).toEqual([0, '']);
    const r = gvckit(['decompose', '-', '--format', 'csv'], chain.out);
    expect([r.code, r.err]).toEqual([0, '']);
    // Xing & Detert (2010) as in tests/chains/decompose.test.ts: USA 10.75 + 321.04, Japan 60.60,
    // others 48.00, Germany 30.15, Korea 22.96, China 6.50 of the 500 retail price; no total row.
    expectRecords(
      readCsv(r.out).rows,
      [
        { country: 'USA', value_added_usd: 331.79 },
        { country: 'JPN', value_added_usd: 60.6 },
        { country: 'ROW', value_added_usd: 48 },
        { country: 'DEU', value_added_usd: 30.15 },
        { country: 'KOR', value_added_usd: 22.96 },
        { country: 'CHN', value_added_usd: 6.5 },
      ],
      1e-9,
    );
  });

  it('gvckit example clusters | gvckit clusters - --tables --format jsonl: the hand-counted Table 2', () => {
    const tsv = gvckit(['example', 'clusters']);
    const r = gvckit(['clusters', '-', '--tables', '--format', 'jsonl'], tsv.out);
    expect([r.code, r.err]).toEqual([0, '']);
    // Hand count of tests/clusters/tables.test.ts: local-only 7, domestic 6, domestic-and-regional 4,
    // domestic-and-international 5, international-only 3.
    const t2 = jsonl(r.out).filter((row) => row.table === 'market_orientation');
    expect(t2.map((row) => [row.row, row.clusters])).toEqual([
      ['local-only', 7],
      ['domestic', 6],
      ['domestic-and-regional', 4],
      ['domestic-and-international', 5],
      ['international-only', 3],
    ]);
  });

  it('gvckit example icio | gvckit io - --indicator vax: the figures of docs/guides/icio.md', () => {
    const icio = gvckit(['example', 'icio']);
    const r = gvckit(['io', '-', '--indicator', 'vax', '--format', 'jsonl'], icio.out);
    expect([r.code, r.err]).toEqual([0, '']);
    expectRecords(
      jsonl(r.out),
      [
        { country: 'GHA', GEXP: 77, VAXratio: 0.895 },
        { country: 'NLD', GEXP: 81, VAXratio: 0.7 },
        { country: 'USA', GEXP: 72, VAXratio: 0.817 },
      ],
      5e-4,
    );
  });

  it('invalid input: exit 1, the message on stderr, nothing on stdout', () => {
    const r = gvckit(['decompose', '-'], '{"id":');
    expect([r.code, r.out]).toEqual([1, '']);
    expect(r.err).toMatch(/^gvckit decompose: standard input is not valid JSON/);
    expect(r.err).not.toMatch(/^\s+at /m);
  });

  it('a usage error: exit 2, message and help on stderr; --help: the help on stdout, exit 0', () => {
    const bad = gvckit(['io', '-', '--indicator', 'vax', '--delimiter', 'ab'], 'never read');
    expect([bad.code, bad.out]).toEqual([2, '']);
    expect(bad.err).toMatch(/^gvckit io: --delimiter: expected a single-character delimiter\n/);
    for (const argv of [
      ['--help'],
      ['decompose', '--help'],
      ['clusters', '--help'],
      ['io', '--help'],
      ['example', '--help'],
    ]) {
      const help = gvckit(argv);
      expect([help.code, help.err]).toEqual([0, '']);
      expect(help.out).toContain('Usage:');
    }
    expect(gvckit(['--help']).out).toContain('example [name]');
    expect(gvckit(['decompose', '--help']).out).toMatch(/--totals[\s\S]*--tolerance/);
    expect(gvckit(['io', '--help']).out).toMatch(/--delimiter[\s\S]*--tolerance/);
    expect(gvckit(['io', '--help']).out).toContain('jsonl');
  });
});
