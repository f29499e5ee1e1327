/**
 * Reading an EXIOBASE 3 table: a folder in the exact layout of a product-by-product archive
 * (49 regions × 200 products = 9,800 rows; `Z.txt` with two header rows, the row naming the index
 * columns and two index columns; `Y.txt` with the 7 final-demand categories of each region;
 * `x.txt`), with about 70 % of the cells `0.0` and the others numbers of 6 significant digits
 * (some in exponent form), as EXIOBASE prints them, balanced so that the table is valid. `Z.txt`
 * is 503 MB, near the real one (553 MB); it is written to a temporary folder and deleted after.
 *
 * Each read runs in a fresh Node process (with --expose-gc) that notes its resident set size
 * before the call and its peak after it, and compares it with the dense matrices it returns (Z, Y,
 * final demand by category, x, va). The baseline is pandas, measured in the same run, alternated
 * with readExiobase (EXIOBASE_RUNS rounds, 2 unless told): a fresh python3 (the first of `python3`
 * and `/usr/bin/python3` that has pandas) reads the same Z.txt, Y.txt and x.txt the way pymrio's
 * `load` reads an EXIOBASE 3 folder (pymrio/core/fileio.py: `pd.read_csv(file, index_col=[0, 1],
 * header=[0, 1], sep='\t')` for Z and Y, `header=0` for x, whose file_parameters.json gives one
 * header row) and takes `.values` (the dense arrays), with its own time, peak RSS and RSS before.
 * Targets (issue #20): at most 2× pandas' time and at most 1.5× the memory of the dense arrays.
 * Without pandas the time target is reported as not measured.
 *
 * `npx tsx bench/exiobase-read.bench.ts` (or `npm run bench -- exiobase`). EXIOBASE_DIR=path keeps
 * the generated folder there (and reuses it).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { peakRssMiB } from './harness.js';
import { pythonWith } from './numpy.js';
import { recordTarget, recordUnmeasured } from './targets.js';

const REGIONS = (
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK GB US JP CN CA KR ' +
  'BR IN MX RU AU CH TR TW NO ID ZA WA WL WE WF WM'
).split(' ');
const PRODUCTS = Array.from({ length: 200 }, (_, i) => `Product ${i + 1}`);
const CATEGORIES = [
  'Final consumption expenditure by households',
  'Final consumption expenditure by non-profit organisations serving households (NPISH)',
  'Final consumption expenditure by government',
  'Gross fixed capital formation',
  'Changes in inventories',
  'Changes in valuables',
  'Exports: Total (fob)',
];

/** A small deterministic generator (mulberry32), so that every run reads the same files. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeLines(
  path: string,
  lines: (emit: (s: string) => Promise<void>) => Promise<void>,
): Promise<void> {
  const out = createWriteStream(path);
  const emit = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await lines(emit);
  await new Promise<void>((r) => out.end(() => r()));
}

async function writeTable(dir: string): Promise<void> {
  const rows = REGIONS.flatMap((r) => PRODUCTS.map((p) => [r, p] as const));
  const n = rows.length;
  const rand = rng(2011);
  const cell = (scale: number): [string, number] => {
    if (rand() < 0.7) return ['0.0', 0];
    const v = Number((rand() * rand() * scale).toPrecision(6));
    return [String(v), v];
  };
  const x = new Float64Array(n);
  const head = (second: string, labels: readonly (readonly [string, string])[]) =>
    `region\t\t${labels.map((l) => l[0]).join('\t')}\n${second}\t\t${labels.map((l) => l[1]).join('\t')}\nregion\tsector${'\t'.repeat(labels.length)}\n`;
  await writeLines(join(dir, 'Z.txt'), async (emit) => {
    await emit(head('sector', rows));
    for (let i = 0; i < n; i++) {
      const parts = [rows[i]![0], rows[i]![1]];
      let s = 0;
      for (let j = 0; j < n; j++) {
        const [t, v] = cell(20);
        parts.push(t);
        s += v;
      }
      x[i] = s;
      await emit(`${parts.join('\t')}\n`);
    }
  });
  const ycols = REGIONS.flatMap((r) => CATEGORIES.map((c) => [r, c] as const));
  await writeLines(join(dir, 'Y.txt'), async (emit) => {
    await emit(head('category', ycols));
    for (let i = 0; i < n; i++) {
      const parts = [rows[i]![0], rows[i]![1]];
      // Enough final demand that output covers each column's inputs (≈ 0.3 × 9,800 × 5 on average).
      let s = 0;
      for (let k = 0; k < ycols.length; k++) {
        const v = k % 7 === 6 ? 0 : Number((rand() * 100 + (k % 7 === 0 ? 30_000 : 0)).toPrecision(6));
        parts.push(String(v));
        s += v;
      }
      x[i] = x[i]! + s;
      await emit(`${parts.join('\t')}\n`);
    }
  });
  await writeLines(join(dir, 'x.txt'), async (emit) => {
    await emit('region\tsector\tindout\n');
    for (let i = 0; i < n; i++) await emit(`${rows[i]![0]}\t${rows[i]![1]}\t${x[i]}\n`);
  });
}

/** In the child: read once, print `seconds rssBeforeMiB peakMiB denseMiB n cpuSeconds`. */
async function child(dir: string): Promise<void> {
  const { readExiobase } = await import('../src/io/index.js');
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('expected node --expose-gc');
  gc();
  await new Promise((r) => setTimeout(r, 200));
  const before = process.memoryUsage.rss() / 2 ** 20;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const t = await readExiobase(dir, { satellite: false });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const peak = peakRssMiB();
  const dense =
    (t.Z.length + t.Y.length + t.x.length + t.va.length + (t.meta?.finalDemand?.Y.length ?? 0)) * 8;
  console.log(
    `${seconds} ${before} ${peak} ${dense / 2 ** 20} ${t.x.length} ${(cpu.user + cpu.system) / 1e6}`,
  );
}

/**
 * The pandas read, in python: prints `seconds rssBeforeMiB peakMiB denseMiB n cpuSeconds` like
 * {@link child} (the peak is VmHWM, the process's own high-water mark, as in harness.peakRssMiB).
 */
const PANDAS = `
import gc, sys, time
import pandas as pd
def status(key):
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith(key):
                return int(line.split()[1]) / 1024
d = sys.argv[1]
gc.collect()
before = status('VmRSS:')
t0 = time.perf_counter(); c0 = time.process_time()
Z = pd.read_csv(d + '/Z.txt', index_col=[0, 1], header=[0, 1], sep='\\t')
Y = pd.read_csv(d + '/Y.txt', index_col=[0, 1], header=[0, 1], sep='\\t')
x = pd.read_csv(d + '/x.txt', index_col=[0, 1], header=0, sep='\\t')
z, y, xv = Z.values, Y.values, x.values
seconds = time.perf_counter() - t0; cpu = time.process_time() - c0
assert z.shape == (Z.shape[0], Z.shape[0]) and str(z.dtype) == 'float64', (z.shape, z.dtype)
dense = (z.nbytes + y.nbytes + xv.nbytes) / 2**20
print(seconds, before, status('VmHWM:'), dense, z.shape[0], cpu)
`;

/** One read result: seconds, RSS before and peak (MiB), dense MiB, n, CPU seconds. */
interface Read {
  s: number;
  before: number;
  peak: number;
  dense: number;
  n: number;
  cpu: number;
}

function parseRead(stdout: string): Read | undefined {
  const [s, before, peak, dense, n, cpu] = (stdout.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return Number.isFinite(s) && Number.isFinite(peak)
    ? { s: s!, before: before!, peak: peak!, dense: dense!, n: n!, cpu: cpu! }
    : undefined;
}

function readGvckit(dir: string): Read {
  const res = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=4096',
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--child',
      dir,
    ],
    { encoding: 'utf8' },
  );
  const r = res.status === 0 ? parseRead(res.stdout) : undefined;
  if (!r) {
    console.error(res.stderr);
    throw new Error('the read failed');
  }
  return r;
}

function readPandas(python: string, dir: string): Read | string {
  const res = spawnSync(python, ['-c', PANDAS, dir], { encoding: 'utf8', maxBuffer: 2 ** 26 });
  const r = res.status === 0 ? parseRead(res.stdout) : undefined;
  return r ?? `pandas failed: ${res.stderr.trim().split('\n').at(-1)}`;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length === 0 ? Number.NaN : s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
};
const line = (who: string, r: Read) =>
  `${who.padEnd(30)}${`${r.s.toFixed(1)} s`.padStart(9)}${`${r.cpu.toFixed(1)} s`.padStart(9)}${`${r.peak.toFixed(0)} MiB`.padStart(11)}${`${(r.peak - r.before).toFixed(0)} MiB`.padStart(11)}${`${((r.peak - r.before) / r.dense).toFixed(2)}×`.padStart(9)}${`${r.dense.toFixed(0)} MiB`.padStart(10)}`;

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3]!);
  const kept = process.env.EXIOBASE_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'gvckit-exiobase-'));
  try {
    const t0 = performance.now();
    if (!kept || !existsSync(join(kept, 'x.txt'))) {
      mkdirSync(dir, { recursive: true });
      await writeTable(dir);
    }
    const mb = statSync(join(dir, 'Z.txt')).size / 1e6;
    console.log(
      `\nexiobase: EXIOBASE 3 pxp layout, 49 regions × 200 products = 9,800 rows (Z.txt ${mb.toFixed(0)} MB, written in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    const python = pythonWith('pandas');
    let version = '';
    if (python) {
      const v = spawnSync(
        python,
        ['-c', 'import pandas, numpy; print(pandas.__version__, numpy.__version__)'],
        {
          encoding: 'utf8',
        },
      );
      const [pd, np] = v.stdout.trim().split(' ');
      version = `pandas ${pd} (numpy ${np}, ${python})`;
    }
    console.log(
      python
        ? `baseline: ${version}, pd.read_csv of Z.txt, Y.txt, x.txt as pymrio reads them, then .values`
        : 'baseline: no python3 with pandas found (tried python3, /usr/bin/python3): no time ratio',
    );
    console.log(
      `${'read (in a fresh process)'.padEnd(30)}${'wall'.padStart(9)}${'CPU'.padStart(9)}${'peak RSS'.padStart(11)}${'added'.padStart(11)}${'÷ dense'.padStart(9)}${'dense'.padStart(10)}`,
    );
    const runs = Number(process.env.EXIOBASE_RUNS ?? 2);
    const ours: Read[] = [];
    const theirs: Read[] = [];
    let pandasFailure = python
      ? ''
      : 'not measured: no python3 with pandas (tried python3, /usr/bin/python3)';
    for (let r = 0; r < runs; r++) {
      const g = readGvckit(dir);
      ours.push(g);
      console.log(line(`readExiobase, round ${r + 1}`, g));
      if (python && !pandasFailure) {
        const p = readPandas(python, dir);
        if (typeof p === 'string') pandasFailure = p;
        else {
          theirs.push(p);
          console.log(line(`pandas read_csv, round ${r + 1}`, p));
        }
      }
    }
    const memory = median(ours.map((g) => (g.peak - g.before) / g.dense));
    const dense = ours[0]!.dense;
    console.log(
      `readExiobase: memory added ${memory.toFixed(2)} × the ${dense.toFixed(0)} MiB of dense matrices returned (Z, Y, final demand by category, x, va; target ≤ 1.5×), n = ${ours[0]!.n}`,
    );
    recordTarget(
      'exiobase-memory',
      memory,
      `peak RSS − RSS before, median of ${ours.length}; dense ${dense.toFixed(0)} MiB`,
    );
    if (theirs.length === ours.length && theirs.length > 0) {
      const ratio = median(ours.map((g, i) => g.s / theirs[i]!.s));
      const pandasPeak = median(theirs.map((p) => p.peak));
      const oursPeak = median(ours.map((g) => g.peak));
      console.log(
        `readExiobase ÷ pandas: time ${ratio.toFixed(2)}× (median of round ratios; target ≤ 2×), whole-process peak RSS ${(oursPeak / pandasPeak).toFixed(2)}× (${oursPeak.toFixed(0)} vs ${pandasPeak.toFixed(0)} MiB)`,
      );
      recordTarget(
        'exiobase-time',
        ratio,
        `${median(ours.map((g) => g.s)).toFixed(1)} s vs ${median(theirs.map((p) => p.s)).toFixed(1)} s; by CPU time ${median(ours.map((g, i) => g.cpu / theirs[i]!.cpu)).toFixed(2)}×; ${version}`,
      );
    } else {
      console.log(`readExiobase ÷ pandas: ${pandasFailure}`);
      recordUnmeasured('exiobase-time', pandasFailure);
    }
  } finally {
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
