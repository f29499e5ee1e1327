/**
 * Python baselines of the benchmarks: which python3 has a module (NumPy, pandas), the environment
 * NumPy runs in, its OpenBLAS version and kernel, and numpy.linalg.inv / solve of a matrix timed in
 * a child process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The pythons tried, in order: the one on PATH, then the system's. */
const PYTHONS = ['python3', '/usr/bin/python3'];
const found = new Map<string, string | undefined>();

/** The first python of {@link PYTHONS} that imports `module` (e.g. 'numpy', 'pandas'); undefined if none. */
export function pythonWith(module: string): string | undefined {
  if (!found.has(module)) {
    const python = PYTHONS.find(
      (p) => spawnSync(p, ['-c', `import ${module}`], { encoding: 'utf8' }).status === 0,
    );
    found.set(module, python);
  }
  return found.get(module);
}

/**
 * The environment of the python3 child: `threads` threads (2 unless told), and no
 * OPENBLAS_CORETYPE or OPENBLAS_L2_SIZE (OpenBLAS then detects the CPU, as on a machine where
 * nobody set them).
 */
export function numpyEnv(threads = 2): NodeJS.ProcessEnv {
  const t = String(threads);
  const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: t, OMP_NUM_THREADS: t };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

/**
 * NumPy's version, and the OpenBLAS version and kernel (core type) it runs with in {@link numpyEnv}:
 * from threadpoolctl where importable, else from the loaded OpenBLAS library's own
 * `openblas_get_config`/`openblas_get_corename` (with the prefix and suffix of NumPy's
 * scipy-openblas wheels), else NumPy's build configuration; undefined without python3 and NumPy.
 */
export function numpyInfo(): string | undefined {
  const python = pythonWith('numpy');
  if (!python) return undefined;
  const script = `
import ctypes, numpy as np, numpy.linalg
info = None
try:
    from threadpoolctl import threadpool_info
    for p in threadpool_info():
        if p.get('internal_api') == 'openblas':
            info = f"OpenBLAS {p.get('version')}, kernel {p.get('architecture')}, {p.get('num_threads')} threads (threadpoolctl)"
except Exception:
    pass
if info is None:
    libs = sorted({l.split()[-1] for l in open('/proc/self/maps') if 'openblas' in l.lower()})
    for path in libs:
        lib = ctypes.CDLL(path)
        for pre, suf in (('', ''), ('scipy_', '64_'), ('scipy_', ''), ('', '64_')):
            try:
                core = getattr(lib, pre + 'openblas_get_corename' + suf)
                config = getattr(lib, pre + 'openblas_get_config' + suf)
            except AttributeError:
                continue
            core.restype = config.restype = ctypes.c_char_p
            info = f"{config().decode().strip()}; kernel {core().decode()} (openblas_get_corename)"
            break
        if info: break
if info is None:
    blas = np.show_config(mode='dicts')['Build Dependencies']['blas']
    info = f"{blas.get('name')} {blas.get('version')} (build configuration; kernel not known)"
print(f"numpy {np.__version__}; {info}")`;
  const r = spawnSync(python, ['-c', script], { encoding: 'utf8', env: numpyEnv() });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * numpy.linalg.inv (or, with `solve`, numpy.linalg.solve against a vector of ones) of a matrix
 * written once to a temporary file: each call of the returned `run` starts python3, runs once to
 * warm up (unless `warm` is false: at 9,800 rows a warm-up costs a whole call and changes nothing),
 * then times `runs` calls and returns their median in milliseconds (undefined where python3 or
 * NumPy is missing).
 */
export function numpyInverter(
  matrix: Float64Array,
  n: number,
  solve = false,
): { run: (runs: number, warm?: boolean) => number | undefined; close: () => void } {
  const python = pythonWith('numpy');
  const dir = mkdtempSync(join(tmpdir(), 'gvckit-bench-'));
  const file = join(dir, 'm.f64');
  writeFileSync(file, matrix);
  const run = (runs: number, warm = true) => {
    if (!python) return undefined;
    const call = solve ? 'np.linalg.solve(a, b)' : 'np.linalg.inv(a)';
    const script = [
      'import sys, time, numpy as np',
      `a = np.fromfile(sys.argv[1], dtype=np.float64).reshape(${n}, ${n})`,
      `b = np.ones(${n})`,
      warm ? call : '',
      'ts = []',
      `for _ in range(${runs}):`,
      `    t = time.perf_counter(); ${call}; ts.append((time.perf_counter() - t) * 1000)`,
      'ts.sort(); print(ts[len(ts) // 2])',
    ].join('\n');
    const r = spawnSync(python, ['-c', script, file], { encoding: 'utf8', env: numpyEnv() });
    if (r.status !== 0) return undefined;
    const median = Number(r.stdout.trim());
    return Number.isFinite(median) ? median : undefined;
  };
  return { run, close: () => rmSync(dir, { recursive: true, force: true }) };
}
