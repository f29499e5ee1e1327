/**
 * Reading a release file: a table in the exact layout of an OECD ICIO 2023 extended file (76
 * economies + ROW, 45 industries, the empty CHN and MEX blocks and the split blocks MX1, MX2, CN1,
 * CN2 after ROW: 3,645 rows and 3,645 + 462 + 1 columns, about half the cells 0 and the others
 * random numbers with three decimals, balanced so that the table is valid), written to a temporary
 * file (≈60 MB) and read with `readOecdIcio` into the merged 3,465-row table.
 *
 * Each read runs in a fresh Node process (with --expose-gc) that notes its resident set size
 * before the call and its peak after it, so the memory the read adds is measured alone, and is
 * compared with the dense matrices it returns (Z, Y, final demand by category, x, va and the
 * value-added rows). Targets (issue #16): under 3 s, peak memory under 3× those matrices. The CPU
 * time is printed next to the wall time: on a busy machine the wall time is the larger.
 *
 * `npx tsx bench/readers.bench.ts` (or `npm run bench -- readers`).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { peakRssMiB } from './harness.js';

const COUNTRIES = (
  'ARG AUS AUT BEL BGD BGR BLR BRA BRN CAN CHE CHL CHN CIV CMR COL CRI CYP CZE DEU DNK EGY ESP EST ' +
  'FIN FRA GBR GRC HKG HRV HUN IDN IND IRL ISL ISR ITA JOR JPN KAZ KHM KOR LAO LTU LUX LVA MAR MEX ' +
  'MLT MMR MYS NGA NLD NOR NZL PAK PER PHL POL PRT ROU RUS SAU SEN SGP SVK SVN SWE THA TUN TUR TWN ' +
  'UKR USA VNM ZAF ROW'
).split(' ');
const SPLIT = ['MX1', 'MX2', 'CN1', 'CN2'];
const SECTORS = (
  'A01_02 A03 B05_06 B07_08 B09 C10T12 C13T15 C16 C17_18 C19 C20 C21 C22 C23 C24 C25 C26 C27 C28 ' +
  'C29 C30 C31T33 D E F G H49 H50 H51 H52 H53 I J58T60 J61 J62_63 K L M N O P Q R S T'
).split(' ');
const FD = ['HFCE', 'NPISH', 'GGFC', 'GFCF', 'INVNT', 'DPABR'];

/** A small deterministic generator (mulberry32), so that every run reads the same file. */
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

async function writeTable(path: string): Promise<void> {
  const blocks = [...COUNTRIES, ...SPLIT];
  const empty = (c: string) => c === 'CHN' || c === 'MEX';
  const rows = blocks.flatMap((c) => SECTORS.map((s) => `${c}_${s}`));
  const rowEmpty = blocks.flatMap((c) => SECTORS.map(() => empty(c)));
  const n = rows.length;
  const fdCols = COUNTRIES.flatMap((c) => FD.map((f) => `${c}_${f}`));
  const out = createWriteStream(path);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(`,${rows.join(',')},${fdCols.join(',')},OUT\n`);
  const rand = rng(2023);
  const colZ = new Float64Array(n);
  const outputs = new Float64Array(n);
  const cell = (scale: number): [string, number] => {
    if (rand() < 0.5) return ['0', 0];
    const s = (rand() * scale).toFixed(3);
    return [s, Number(s)];
  };
  for (let i = 0; i < n; i++) {
    const parts: string[] = [rows[i]!];
    let sum = 0;
    for (let j = 0; j < n; j++) {
      if (rowEmpty[i] || rowEmpty[j]) {
        parts.push('0');
        continue;
      }
      const [s, v] = cell(10);
      parts.push(s);
      sum += v;
      colZ[j] = colZ[j]! + v;
    }
    for (let k = 0; k < fdCols.length; k++) {
      if (rowEmpty[i]) {
        parts.push('0');
        continue;
      }
      const [s, v] = cell(100);
      parts.push(s);
      sum += v;
    }
    outputs[i] = sum;
    parts.push(String(sum));
    await write(`${parts.join(',')}\n`);
  }
  const blank = ','.repeat(fdCols.length + 1);
  const tls = Array.from(outputs, (x, j) => (x > 0 ? Math.min(1, x - colZ[j]!) : 0));
  await write(`TLS,${tls.join(',')}${blank}\n`);
  await write(`VA,${Array.from(outputs, (x, j) => x - colZ[j]! - tls[j]!).join(',')}${blank}\n`);
  await write(`OUT,${Array.from(outputs).join(',')}${blank}\n`);
  await new Promise<void>((r) => out.end(() => r()));
}

/** In the child: read once, print `seconds rssBeforeMiB peakMiB denseMiB n`. */
async function child(path: string): Promise<void> {
  const { readOecdIcio } = await import('../src/io/index.js');
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('expected node --expose-gc');
  gc();
  await new Promise((r) => setTimeout(r, 200));
  const before = process.memoryUsage.rss() / 2 ** 20;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const t = await readOecdIcio(path);
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  const peak = peakRssMiB();
  const m = t.meta!;
  const dense =
    (t.Z.length +
      t.Y.length +
      t.x.length +
      t.va.length +
      (m.finalDemand?.Y.length ?? 0) +
      (m.valueAdded ?? []).reduce((s, r) => s + r.values.length, 0)) *
    8;
  console.log(`${seconds} ${before} ${peak} ${dense / 2 ** 20} ${t.x.length} ${cpu}`);
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3]!);
  // READERS_FILE=path keeps the generated file there (and reuses it) for profiling.
  const kept = process.env.READERS_FILE;
  const dir = kept ? undefined : mkdtempSync(join(tmpdir(), 'gvckit-readers-'));
  const path = kept ?? join(dir!, '2020.csv');
  try {
    const t0 = performance.now();
    if (!kept || !existsSync(kept)) await writeTable(path);
    const mb = statSync(path).size / 1e6;
    console.log(
      `\nreaders: OECD ICIO 2023 layout, 3,645 rows → 3,465 merged (${mb.toFixed(0)} MB CSV, written in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    const runs = Number(process.env.READERS_RUNS ?? 2);
    for (let r = 0; r < runs; r++) {
      const res = spawnSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', path],
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
        `readOecdIcio  ${s!.toFixed(2)} s wall, ${cpu!.toFixed(2)} s CPU (target < 3 s)  peak RSS − RSS before ${added.toFixed(0)} MiB = ${(added / dense!).toFixed(2)} × the ${dense!.toFixed(0)} MiB of dense matrices returned (target < 3×), n = ${n}`,
      );
    }
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
