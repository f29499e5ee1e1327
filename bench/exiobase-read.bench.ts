/**
 * Reading an EXIOBASE 3 table: a folder in the exact layout of a product-by-product archive
 * (49 regions × 200 products = 9,800 rows; `Z.txt` with two header rows, the row naming the index
 * columns and two index columns; `Y.txt` with the 7 final-demand categories of each region;
 * `x.txt`), with about 70 % of the cells `0.0` and the others numbers of 6 significant digits
 * (some in exponent form), as EXIOBASE prints them, balanced so that the table is valid. `Z.txt`
 * is about 550 MB, like the real one (553 MB); it is written to a temporary folder and deleted
 * after.
 *
 * Each read runs in a fresh Node process (with --expose-gc) that notes its resident set size
 * before the call and its peak after it, and compares it with the dense matrices it returns (Z, Y,
 * final demand by category, x, va). Targets (issue #20): at most 2× pandas (`pd.read_csv` of the
 * same files in pymrio, 18.5 s) and at most 1.5× the memory of the dense arrays.
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
    const runs = Number(process.env.EXIOBASE_RUNS ?? 1);
    for (let r = 0; r < runs; r++) {
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
      const line = res.stdout.trim().split('\n').pop() ?? '';
      const [s, before, peak, dense, n, cpu] = line.split(' ').map(Number);
      if (res.status !== 0 || !Number.isFinite(s)) {
        console.error(res.stderr);
        throw new Error('the read failed');
      }
      const added = peak! - before!;
      console.log(
        `readExiobase  ${s!.toFixed(1)} s (CPU ${cpu!.toFixed(1)} s) = ${(s! / 18.5).toFixed(2)} × pandas' 18.5 s (target ≤ 2×)  peak RSS − RSS before ${added.toFixed(0)} MiB = ${(added / dense!).toFixed(2)} × the ${dense!.toFixed(0)} MiB of dense matrices returned (target ≤ 1.5×), n = ${n}`,
      );
    }
  } finally {
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
