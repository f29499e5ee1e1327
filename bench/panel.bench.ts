// Multi-year panels: `icioPanel` over synthetic yearly files in the OECD ICIO CSV layout, every year
// on the calling thread (`workers: 0`, the baseline) against years on 2 and 4 worker threads and the
// default (`'auto'`), at a small, a mid and a large size. Each call runs in a fresh Node process, as
// a script or the CLI would (cold code and the workers' start-up included; the process's own start
// and module load are not timed). Uses the built package (the worker thread is the module
// `dist/io/panel-worker.js`): `npm run bench -- panel`, or after a build
// `npx tsx --tsconfig tsconfig.dist.json bench/panel.bench.ts [years] [GxN …]`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ms } from './harness.js';

/** The built `gvckit/io`, or another build given as GVCKIT_BENCH_IO (a path to its io/index.js). */
const ioModule =
  process.env.GVCKIT_BENCH_IO ?? resolve(dirname(fileURLToPath(import.meta.url)), '../dist/io/index.js');
/** A deterministic table of G countries × N sectors in the OECD ICIO CSV layout, as text. */
function syntheticCsv(G: number, N: number, seed0: number): string {
  const n = G * N;
  let seed = seed0;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const c = (k: number) => `C${String(k).padStart(2, '0')}`;
  const labels: string[] = [];
  for (let g = 0; g < G; g++)
    for (let s = 0; s < N; s++) labels.push(`${c(g)}_S${String(s).padStart(2, '0')}`);
  const lines = [['', ...labels, ...Array.from({ length: G }, (_, g) => `${c(g)}_HFCE`)].join(',')];
  const colSums = new Float64Array(n);
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const row: string[] = [labels[i] as string];
    let x = 0;
    for (let j = 0; j < n; j++) {
      const home = Math.floor(i / N) === Math.floor(j / N);
      const z = Math.round(rand() * (home ? 1000 : 100)) / 10;
      row.push(String(z));
      colSums[j] = (colSums[j] as number) + z;
      x += z;
    }
    for (let d = 0; d < G; d++) {
      const y = Math.round(rand() * (Math.floor(i / N) === d ? 100 * N : 5 * N)) / 10;
      row.push(String(y));
      x += y;
    }
    lines.push(row.join(','));
    xs.push(x);
  }
  // Value added makes each column's total equal its row's: va_j = x_j − Σ_i z_ij, kept positive by
  // the heavy final demand.
  lines.push(['VA', ...xs.map((x, j) => String(x - (colSums[j] as number)))].join(','));
  return `${lines.join('\n')}\n`;
}

const args = process.argv.slice(2);
const years = Number(args.find((a) => /^\d+$/.test(a)) ?? 4);
const sizes = args
  .filter((a) => /^\d+x\d+$/.test(a))
  .map((a) => a.split('x').map(Number) as [number, number]);
const cases: Array<[number, number]> =
  sizes.length > 0
    ? sizes
    : [
        [5, 8],
        [20, 25],
        [40, 30],
      ];
const indicators = ['vax', 'bm'] as const;
const modes = ['0', '2', '4', "'auto'"] as const;

/** One call of icioPanel in a fresh process; its wall time in milliseconds. */
function coldCall(dir: string, files: Record<string, string>, indicator: string, workers: string): number {
  const script = `import { icioPanel } from ${JSON.stringify(pathToFileURL(ioModule).href)};
const t0 = performance.now();
await icioPanel({ load: { release: 'csv', files: ${JSON.stringify(files)} }, indicator: '${indicator}' }, { workers: ${workers} });
console.log(performance.now() - t0);`;
  const file = join(dir, 'call.mjs');
  writeFileSync(file, script);
  // A plain Node process: without the TypeScript loader this script runs under.
  const env = { ...process.env, NODE_OPTIONS: '' };
  return Number(execFileSync(process.execPath, [file], { encoding: 'utf8', env, execArgv: [] } as object));
}

console.log(
  `icioPanel, ${years} yearly OECD-layout CSV files, ${availableParallelism()} processor(s), load average ${loadavg()[0]?.toFixed(1)}; each call in a fresh process; ratio to workers: 0`,
);
console.log(`${'case'.padEnd(44)}${'median'.padStart(12)}${'ratio'.padStart(10)}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
for (const [G, N] of cases) {
  const dir = mkdtempSync(join(tmpdir(), 'gvckit-panel-bench-'));
  try {
    const files: Record<string, string> = {};
    for (let y = 0; y < years; y++) {
      const f = join(dir, `ICIO_${2000 + y}.csv`);
      writeFileSync(f, syntheticCsv(G, N, 1234 + y));
      files[String(2000 + y)] = f;
    }
    for (const indicator of indicators) {
      const samples = new Map<string, number[]>(modes.map((m) => [m, []]));
      const rounds = G * N > 800 ? 3 : 5;
      // Rounds in alternation, so that drift in the machine's load hits every mode alike.
      for (let r = 0; r < rounds; r++)
        for (const m of modes) samples.get(m)?.push(coldCall(dir, files, indicator, m));
      const base = median(samples.get('0') ?? []);
      for (const m of modes) {
        const t = median(samples.get(m) ?? []);
        const name = `${G}×${N} (n = ${G * N}) ${indicator}, workers: ${m.replaceAll("'", '')}`;
        console.log(`${name.padEnd(44)}${ms(t).padStart(12)}${`${(t / base).toFixed(2)}×`.padStart(10)}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
