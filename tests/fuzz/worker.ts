/**
 * The fuzz worker: loads the registry, runs the cases of the function the parent asks for, reports
 * each failing case as it happens, and publishes the state of the current call in shared memory
 * (running or not, case index, start time, a preview of the input) so that the parent's watchdog
 * can terminate a call that hangs and say which input it was.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type FuzzOptions, type Group, runCases, shrinkGroup } from './harness.js';
import { registry } from './registry.js';
import { previewArgs } from './values.js';

const PREVIEW_OFFSET = 32;

const sab = (workerData as { shared: SharedArrayBuffer }).shared;
// [0] 0 idle, 1 in a call, 2 in a shrinking call; [1] case index; [2] preview length in bytes
const state = new Int32Array(sab, 0, 4);
const start = new Float64Array(sab, 16, 1);
const previewBytes = new Uint8Array(sab, PREVIEW_OFFSET, sab.byteLength - PREVIEW_OFFSET);
const encoder = new TextEncoder();

const entries = new Map(registry().map((e) => [e.name, e]));

const hooks = {
  start(index: number, args: unknown[], shrinking: boolean) {
    if (!shrinking) {
      // encodeInto does not accept views of a SharedArrayBuffer: encode, then copy.
      const bytes = encoder.encode(previewArgs(args, 400)).subarray(0, previewBytes.length);
      previewBytes.set(bytes);
      Atomics.store(state, 2, bytes.length);
      Atomics.store(state, 1, index);
    }
    start[0] = Date.now();
    Atomics.store(state, 0, shrinking ? 2 : 1);
  },
  end() {
    Atomics.store(state, 0, 0);
  },
};

type Message =
  | { type: 'run'; name: string; options: FuzzOptions }
  | {
      type: 'shrink';
      name: string;
      options: FuzzOptions;
      groups: Array<Pick<Group, 'kind' | 'key' | 'firstCase'>>;
    };

parentPort?.on('message', async (msg: Message) => {
  const entry = entries.get(msg.name);
  if (entry === undefined) {
    parentPort?.postMessage({ type: 'error', message: `no registry entry for ${msg.name}` });
    return;
  }
  try {
    if (msg.type === 'run') {
      const ran = await runCases(entry, msg.options, hooks, (i, failures, preview) =>
        parentPort?.postMessage({ type: 'fail', i, failures, preview }),
      );
      parentPort?.postMessage({ type: 'ran', ...ran });
    } else {
      for (const g of msg.groups) {
        const s = await shrinkGroup(entry, msg.options, g, hooks);
        if (s) parentPort?.postMessage({ type: 'shrunk', kind: g.kind, key: g.key, ...s });
      }
      parentPort?.postMessage({ type: 'shrinkDone' });
    }
  } catch (e) {
    Atomics.store(state, 0, 0);
    parentPort?.postMessage({
      type: 'error',
      message:
        e instanceof Error
          ? `${e.name}: ${e.message} ${e.stack?.split('\n').slice(1, 4).join(' ')}`
          : String(e),
    });
  }
});
parentPort?.postMessage({ type: 'ready' });
