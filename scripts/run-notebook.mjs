/**
 * Executes a Jupyter notebook of examples/notebook headless with the Deno kernel, and fails on any
 * cell error.
 *
 *   node scripts/run-notebook.mjs [notebook] [--output file.ipynb | --in-place]
 *
 * The notebook defaults to examples/notebook/gvckit-tour.ipynb; the executed copy goes to a temporary
 * file (printed) unless --output or --in-place (rewrite the notebook with its outputs) is given.
 * Needs Deno 2 (DENO, else .runtimes/node_modules/.bin/deno, else `deno` on PATH) and Jupyter's
 * nbconvert (JUPYTER_PYTHON, else /usr/bin/python3, else python3), and the built package (dist/,
 * `npm run build`). The Deno kernelspec is installed by `deno jupyter --install` into a temporary
 * folder given to Jupyter through JUPYTER_PATH: nothing is installed for the user.
 * Also imported by tests/consumer/notebook.test.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const defaultNotebook = join(root, 'examples/notebook/gvckit-tour.ipynb');
const kernelName = 'gvckit-deno';

/** Whether `command args…` runs and exits 0. */
function runs(command, args) {
  const r = spawnSync(command, args, { stdio: 'ignore', timeout: 60_000 });
  return r.status === 0;
}

/**
 * Finds Deno and a Python with nbconvert.
 * @returns {{ deno: string, python: string } | { reason: string }} the commands, or why they are missing
 */
export function findRuntimes() {
  const denos = [process.env.DENO, join(root, '.runtimes/node_modules/.bin/deno'), 'deno'].filter(Boolean);
  const deno = denos.find((d) => (d.includes('/') ? existsSync(d) : true) && runs(d, ['--version']));
  if (deno === undefined) return { reason: `no Deno found (tried ${denos.join(', ')}; set DENO)` };
  const pythons = [process.env.JUPYTER_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean);
  const python = pythons.find((p) => runs(p, ['-m', 'nbconvert', '--version']));
  if (python === undefined) {
    return {
      reason: `no Jupyter nbconvert found (tried \`-m nbconvert\` with ${pythons.join(', ')}; set JUPYTER_PYTHON)`,
    };
  }
  return { deno, python };
}

/**
 * Executes a notebook with the Deno kernel and reads back its outputs.
 * @param {{ notebook?: string, output?: string, deno: string, python: string, timeout?: number }} options
 *   `output`: where to write the executed notebook (default: a new temporary folder); timeout per cell, s
 * @returns {{ output: string, cells: Array<{ source: string, outputs: any[] }>, errors: string[], attempts: number, short: any[] }}
 *   the executed notebook's path, its code cells, the error outputs (empty when none), how many runs
 *   it took, and the cells that still had fewer outputs than the notebook was committed with
 * @throws when nbconvert fails (a cell raised, the kernel died or timed out): its last lines of output
 */
export function runNotebook({ notebook = defaultNotebook, output, deno, python, timeout = 120 }) {
  if (!existsSync(join(root, 'dist/index.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  const home = mkdtempSync(join(tmpdir(), 'gvckit-kernel-'));
  try {
    // `deno jupyter --install` writes under $HOME/.local/share/jupyter (it ignores JUPYTER_DATA_DIR):
    // give it a temporary HOME, keeping the user's Deno cache.
    const denoDir = process.env.DENO_DIR ?? join(homedir(), '.cache/deno');
    execFileSync(
      deno,
      ['jupyter', '--install', '--force', '--name', kernelName, '--display', 'Deno (gvckit)'],
      {
        env: { ...process.env, HOME: home, DENO_DIR: denoDir },
        stdio: 'pipe',
      },
    );
    const kernels = join(home, '.local/share/jupyter');
    if (!existsSync(join(kernels, 'kernels', kernelName, 'kernel.json'))) {
      throw new Error(`deno jupyter --install wrote no kernelspec under ${kernels}`);
    }
    const out = resolve(output ?? join(mkdtempSync(join(tmpdir(), 'gvckit-notebook-')), basename(notebook)));
    const text = (s) => (Array.isArray(s) ? s.join('') : String(s ?? ''));
    const codeCells = (nb) =>
      nb.cells
        .filter((c) => c.cell_type === 'code')
        .map((c) => ({ source: text(c.source), outputs: c.outputs ?? [] }));
    // The outputs the notebook was committed with: under load, Deno's kernel has been seen to report a
    // cell idle before its last `Deno.jupyter.display` message (nbconvert then drops that output, and
    // no error is raised), so a run whose cells have fewer outputs than these is run again, at most
    // three times in all, and the cells still short are reported.
    const expected = codeCells(JSON.parse(readFileSync(notebook, 'utf8'))).map((c) => c.outputs.length);
    let cells = [];
    let short = [];
    let attempts = 0;
    do {
      attempts++;
      const run = spawnSync(
        python,
        [
          '-m',
          'nbconvert',
          '--to',
          'notebook',
          '--execute',
          '--output',
          out,
          `--ExecutePreprocessor.kernel_name=${kernelName}`,
          `--ExecutePreprocessor.timeout=${timeout}`,
          '--ExecutePreprocessor.record_timing=False', // no timestamps: a rerun changes only what changed
          notebook,
        ],
        {
          cwd: dirname(notebook), // the kernel starts here, and Deno reads the folder's deno.json
          env: { ...process.env, JUPYTER_PATH: kernels, PYDEVD_DISABLE_FILE_VALIDATION: '1' },
          encoding: 'utf8',
          timeout: (timeout + 60) * 1000,
        },
      );
      if (run.status !== 0) {
        throw new Error(
          `nbconvert failed (exit ${run.status ?? run.signal}):\n${run.stderr.trim().split('\n').slice(-30).join('\n')}`,
        );
      }
      cells = codeCells(JSON.parse(readFileSync(out, 'utf8')));
      short = cells
        .map((c, i) => ({
          cell: i,
          source: c.source.split('\n')[0],
          found: c.outputs.length,
          expected: expected[i] ?? 0,
        }))
        .filter((c) => c.found < c.expected && !cells[c.cell].outputs.some((o) => o.output_type === 'error'));
    } while (short.length > 0 && attempts < 3);
    const errors = cells.flatMap((c) =>
      c.outputs
        .filter((o) => o.output_type === 'error')
        .map((o) => `${o.ename}: ${o.evalue}\n  in: ${c.source.split('\n')[0]}`),
    );
    return { output: out, cells, errors, attempts, short };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--output');
  const notebook = resolve(
    args.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1)) ?? defaultNotebook,
  );
  const output = args.includes('--in-place') ? notebook : at >= 0 ? args[at + 1] : undefined;
  const runtimes = findRuntimes();
  if ('reason' in runtimes) {
    console.error(`cannot run ${notebook}: ${runtimes.reason}`);
    process.exit(2);
  }
  const started = Date.now();
  let result;
  try {
    result = runNotebook({ notebook, output, ...runtimes });
  } catch (error) {
    console.error(`${basename(notebook)} failed: ${error.message}`);
    process.exit(1);
  }
  for (const e of result.errors) console.error(e);
  console.log(
    `${basename(notebook)}: ${result.cells.length} code cells executed in ${((Date.now() - started) / 1000).toFixed(1)} s, ${result.errors.length} error(s); output ${result.output}`,
  );
  process.exit(result.errors.length === 0 ? 0 : 1);
}
