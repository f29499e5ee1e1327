// The Leontief inverse at n = 800 against the built package, under whichever runtime runs this
// file (Node, Deno, Bun): tests/consumer/runtimes.test.ts copies it into a folder whose
// node_modules holds the package and runs it with each runtime. It prints one line of JSON:
// { runtime, n, residual, tasks, ms }: residual = max |(I − A)·L − I| computed here in plain loops
// (an identity independent of the engine), tasks = the blocks of work the helper thread took part
// in during the timed inverse (read from the package's internal diagnostics, not part of its API).
// Usage: <runtime> runtime-check.mjs [n]
const g = /** @type {any} */ (globalThis);
// The package's internal diagnostics of the helper thread, which it fills in only when asked by this
// object being there before it loads (hence the dynamic import below).
g[Symbol.for('gvckit.kernelThreads')] = {};
const { createIcio, leontiefInverse } = await import('gvckit/io');
const n = Number(g.Deno?.args?.[0] ?? g.process?.argv?.[2] ?? 800);
const countries = 8;
const sectors = n / countries;

// A seeded generator (mulberry32), so that every runtime inverts the same matrix.
let seed = 20261203;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

// Z_ij in [0, 1): rows sum to about n/2; final demand n/2 per row split over the countries, so
// that x_i ≈ n and A's columns sum to about 1/2 (a productive economy).
const Z = Array.from({ length: n }, () => Array.from({ length: n }, random));
const Y = Array.from({ length: n }, () =>
  Array.from({ length: countries }, () => (n / 2 / countries) * (0.5 + random())),
);
const x = Z.map((row, i) => row.reduce((s, v) => s + v, 0) + Y[i].reduce((s, v) => s + v, 0));
const icio = createIcio({
  countries: Array.from({ length: countries }, (_, c) => `C${c}`),
  sectors: Array.from({ length: sectors }, (_, s) => `s${s}`),
  Z,
  Y,
});

// The helper thread takes work from 1,500 rows by default (its measured crossover on a loaded
// 2-core machine): from 0 here, so that n = 800 shows whether the runtime runs it.
const threads = g[Symbol.for('gvckit.kernelThreads')];
threads?.useThreadsFrom(0);

// The first inverse starts the helper (its worker is ready some milliseconds later); the timed
// one runs once it is ready (or after 5 s, on one thread, where it never is).
leontiefInverse(icio);
for (let t = 0; t < 250 && threads && !threads.ready(); t++) await new Promise((r) => setTimeout(r, 20));
const before = threads ? threads.helperTasks() : 0;
const t0 = performance.now();
const L = leontiefInverse(icio).data;
const ms = performance.now() - t0;
const tasks = threads ? threads.helperTasks() - before : -1;

// (I − A)·L − I with A_ij = Z_ij / x_j, row by row.
let residual = 0;
const row = new Float64Array(n);
for (let i = 0; i < n; i++) {
  row.fill(0);
  for (let k = 0; k < n; k++) {
    const m = (i === k ? 1 : 0) - Z[i][k] / x[k];
    if (m === 0) continue;
    const o = k * n;
    for (let j = 0; j < n; j++) row[j] += m * L[o + j];
  }
  for (let j = 0; j < n; j++) residual = Math.max(residual, Math.abs(row[j] - (i === j ? 1 : 0)));
}

const runtime = g.Deno
  ? `deno ${g.Deno.version.deno}`
  : g.Bun
    ? `bun ${g.Bun.version}`
    : `node ${g.process.version}`;
console.log(JSON.stringify({ runtime, n, residual, tasks, ms: Math.round(ms) }));
