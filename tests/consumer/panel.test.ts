/**
 * Consumer tests of `icioPanel`'s worker threads: the module `dist/io/panel-worker.js` that the build
 * emits, started from the ESM build, the CommonJS build and the CLI (the unit tests run the sources,
 * where no worker module exists, so every year runs on the calling thread there).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAND_CSV } from '../cli/hand-table.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const node16 = join(root, 'tests/consumer/fixtures/node16');

// The hand table of tests/cli/hand-table.ts, and the same with every flow doubled: VAX of A is
// 145/8.5 in 2019 and 290/8.5 in 2020 (worked there by hand).
const doubled = HAND_CSV.replace(/\d+(?=[,\n])/g, (m) => String(2 * Number(m)));
const dir = mkdtempSync(join(tmpdir(), 'gvckit-consumer-panel-'));
const files = { 2019: join(dir, 'ICIO_2019.csv'), 2020: join(dir, 'ICIO_2020.csv') };
writeFileSync(files[2019], HAND_CSV);
writeFileSync(files[2020], doubled);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  if (!existsSync(join(root, 'dist/io/panel-worker.js'))) {
    throw new Error('dist/io/panel-worker.js is missing: run `npm run build` first');
  }
});

/** A script's body: two years on two worker threads, printing the VAX of A and the threads seen. */
const body = (options: string) => `
const threads = new Set();
const panel = { load: { release: 'csv', files: ${JSON.stringify(files)} }, indicator: 'vax' };
const r = await icioPanel(panel, { workers: 2, onProgress: (p) => p.thread !== undefined && threads.add(p.thread) ${options} });
const same = await icioPanel(panel, { workers: 0 });
console.log(JSON.stringify({
  vax: r.filter((x) => x.country === 'A').map((x) => [x.year, x.VAX]),
  threads: threads.size,
  same: JSON.stringify(r) === JSON.stringify(same),
}));`;

function run(args: string[]): { vax: [number, number][]; threads: number; same: boolean } {
  return JSON.parse(execFileSync(process.execPath, args, { cwd: node16, encoding: 'utf8', timeout: 60_000 }));
}

describe('icioPanel on worker threads, from the built package', () => {
  const expected = [
    [2019, 145 / 8.5],
    [2020, 290 / 8.5],
  ];
  const near = (got: [number, number][]) => {
    expect(got.map(([y]) => y)).toEqual([2019, 2020]);
    got.forEach(([, v], i) => {
      expect(Math.abs(v - (expected[i]?.[1] as number))).toBeLessThan(1e-9);
    });
  };

  it('ESM: each year on a thread of its own, the same records as on the calling thread', () => {
    const out = run(['--input-type=module', '-e', `import { icioPanel } from 'gvckit/io';\n${body('')}`]);
    near(out.vax);
    expect(out.threads).toBe(2);
    expect(out.same).toBe(true);
  });

  it('CommonJS: the same worker module, found from the CommonJS build', () => {
    const out = run(['-e', `const { icioPanel } = require('gvckit/io');\n(async () => {${body('')}\n})();`]);
    near(out.vax);
    expect(out.threads).toBe(2);
    expect(out.same).toBe(true);
  });

  it('an abort terminates the workers: AbortError, and the process exits', () => {
    const script = `import { icioPanel } from 'gvckit/io';
const c = new AbortController();
try {
  await icioPanel({ load: { release: 'csv', files: ${JSON.stringify(files)} }, indicator: 'wwz' },
    { workers: 2, signal: c.signal, onProgress: () => c.abort() });
  console.log('resolved');
} catch (e) { console.log(e.name); }`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: node16,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('AbortError');
  });

  it('a failing year on a worker is the GvcError of its reader, with the year', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, HAND_CSV.replace('B_s,30', 'B_s,x30'));
    const script = `import { icioPanel } from 'gvckit/io';
try {
  await icioPanel({ load: { release: 'csv', files: { 2019: ${JSON.stringify(files[2019])}, 2020: ${JSON.stringify(bad)} } }, indicator: 'vax' }, { workers: 2 });
} catch (e) { console.log(e.constructor.name, e.code, e.message.split('\\n')[0]); }`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: node16,
      encoding: 'utf8',
    });
    expect(out.trim()).toMatch(/^GvcError INVALID_INPUT year 2020: invalid ICIO CSV: text:3/);
  });

  it('the CLI reads a folder on worker threads, with no progress text when stderr is piped', () => {
    const r = spawnSync(
      process.execPath,
      [
        join(root, 'dist/cli/gvckit.js'),
        'io',
        dir,
        '--indicator',
        'vax',
        '--format',
        'csv',
        '--workers',
        '2',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('year,country,GEXP,VAX,VAXratio');
    expect(lines.map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      'year,country',
      '2019,A',
      '2019,B',
      '2020,A',
      '2020,B',
    ]);
  });
});
