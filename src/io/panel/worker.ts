/**
 * The worker thread of a panel: the module that `tsup` builds as `dist/io/panel-worker.js`, which
 * `icioPanel` starts with `new Worker(url)` from the ESM and the CommonJS builds alike. It takes
 * one {@link YearTask} at a time, posts `{ id, phase, thread }` as the year moves on, then `{ id, records }`
 * or `{ id, error }`. The kernel's helper thread is off in it (see `useThreads`).
 *
 * @packageDocumentation
 */
import { parentPort, threadId } from 'node:worker_threads';
import { useThreads } from '../kernels/threads.js';
import { runYearTask, sendError, type YearTask } from './year.js';

const port = parentPort;
if (port !== null) {
  // Each year already has a thread of its own: the kernel's helper thread would only compete with
  // the other years' threads for the processors.
  useThreads(false);
  port.on('message', (message: { id: number; task: YearTask }) => {
    const { id, task } = message;
    runYearTask(task, (phase) => port.postMessage({ id, phase, thread: threadId })).then(
      (records) => port.postMessage({ id, records }),
      (e: unknown) => port.postMessage({ id, error: sendError(e) }),
    );
  });
}
