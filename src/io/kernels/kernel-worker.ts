/**
 * The helper thread of the SIMD kernels: the module that `tsup` builds as
 * `dist/io/kernels/kernel-worker.js`
 * (ESM, self-contained), which threads.ts starts as a `worker_threads` Worker in Node, Deno and Bun
 * (the data comes as `workerData`) and as a module Web Worker in browsers (the data comes as the
 * first message). It instantiates the kernel's module on the shared memory, says it is ready, then
 * takes tasks: each time the task number (control word 0) changes, it runs its share of a block
 * update ({@link gemmRows}), of a block step of a triangular solve (`substituteBlock`) or of the
 * decompositions' solves ({@link trailingSolves}), taking blocks, chunks or whole solves from the
 * shared counter, and sets the done word. It prints nothing: a task that fails
 * sets the failed word, and a helper that cannot start sets ready to −1.
 *
 * @internal
 */
import {
  CTRL,
  GEMM_TASK,
  gemmRows,
  type HelperData,
  SUBSTITUTE_TASK,
  TRAILING_TASK,
  type TrailingKernel,
  trailingSolves,
} from './helper-tasks.js';
import type { SimdKernel } from './simd.js';
import { substituteBlock } from './substitute.js';

interface WasmInstance {
  new (module: object, imports: object): { exports: Record<string, unknown> };
}

/** Whether `d` is what threads.ts sends. */
function isHelperData(d: unknown): d is HelperData {
  const h = d as Partial<HelperData> | null | undefined;
  return (
    typeof h === 'object' && h !== null && h.control instanceof SharedArrayBuffer && h.module !== undefined
  );
}

/** Runs the helper until it is told to stop (control word 0 set to −1). */
function run(data: HelperData): void {
  const ctrl = new Int32Array(data.control);
  let kernel: TrailingKernel;
  try {
    const wasm = (globalThis as unknown as { WebAssembly: { Instance: WasmInstance } }).WebAssembly;
    kernel = new wasm.Instance(data.module, { env: { memory: data.memory } })
      .exports as unknown as TrailingKernel;
  } catch {
    Atomics.store(ctrl, CTRL.ready, -1);
    Atomics.notify(ctrl, CTRL.ready);
    return;
  }
  const q = new Float64Array(data.params);
  // The kernel's functions as the helper calls them: the same, noting that this thread did work in
  // the task (a counter of tasks for tests and diagnostics; the results are untouched).
  let worked = false;
  const gemm: SimdKernel['gemm'] = (x, xs, c, u, npb, nb, pairs) => {
    worked = true;
    kernel.gemm(x, xs, c, u, npb, nb, pairs);
  };
  const step: TrailingKernel = {
    gemm,
    update: (xi, u, xs, cp, np, nb) => {
      worked = true;
      kernel.update(xi, u, xs, cp, np, nb);
    },
    packU: kernel.packU,
    packC: kernel.packC,
  };
  Atomics.store(ctrl, CTRL.ready, 1);
  Atomics.notify(ctrl, CTRL.ready);
  let seen = 0;
  for (;;) {
    // Tasks come in quick succession: look for the next one briefly before sleeping.
    for (let spin = 0; spin < 20000 && Atomics.load(ctrl, CTRL.task) === seen; spin++);
    Atomics.wait(ctrl, CTRL.task, seen);
    seen = Atomics.load(ctrl, CTRL.task);
    if (seen < 0) return;
    worked = false;
    try {
      if (q[0] === SUBSTITUTE_TASK)
        substituteBlock(step, new Float64Array(data.memory.buffer), q.subarray(1), ctrl);
      else if (q[0] === GEMM_TASK) gemmRows(gemm, q.subarray(1), ctrl);
      else if (q[0] === TRAILING_TASK)
        trailingSolves(step, new Float64Array(data.memory.buffer), q.subarray(1), ctrl, 1);
    } catch {
      Atomics.store(ctrl, CTRL.failed, 1);
    }
    if (worked) Atomics.add(ctrl, CTRL.worked, 1);
    Atomics.store(ctrl, CTRL.done, seen);
    Atomics.notify(ctrl, CTRL.done);
  }
}

interface WorkerScope {
  addEventListener?(type: 'message', fn: (e: { data: unknown }) => void, options?: { once: boolean }): void;
  close?(): void;
}

const scope = globalThis as unknown as WorkerScope & {
  process?: { getBuiltinModule?: (id: string) => unknown };
};
let threads: { isMainThread?: boolean; workerData?: unknown } | undefined;
try {
  threads = scope.process?.getBuiltinModule?.('node:worker_threads') as typeof threads;
} catch {
  threads = undefined;
}
if (threads && threads.isMainThread === false && isHelperData(threads.workerData)) {
  // A worker thread (Node, Deno, Bun): it ends when `run` returns.
  run(threads.workerData);
} else {
  // A Web Worker: the data comes as the first message; the worker closes when `run` returns.
  scope.addEventListener?.(
    'message',
    (e) => {
      if (isHelperData(e.data)) run(e.data);
      scope.close?.();
    },
    { once: true },
  );
}
