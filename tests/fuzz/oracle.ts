/**
 * The oracle of one fuzz case: call the function and judge what happened.
 *
 * - `raw`: it threw something for which `isGvcError` does not hold (or a `GvcError` whose message
 *   is over 50,000 characters: a serialised input);
 * - a function that returns a Promise is awaited: a rejection is judged as a throw of the same value,
 *   the time to settle counts against the bound, and the checks below apply to the resolved value;
 * - `hang`: it took longer than its bound (the worker's watchdog also terminates calls that never
 *   return, and resource exhaustion is recorded in the same class);
 * - `nonFinite`: every number of the input was finite (and no bigint occurred) but the result holds
 *   NaN or ±Infinity;
 * - `mutation`: an argument differs from the snapshot taken before the call (or was frozen by it);
 * - `notFrozen`: the result holds an object or array that is not frozen (typed arrays excepted).
 */
import { isGvcError } from '../../src/core/errors.js';
import {
  allNumbersFinite,
  deepClone,
  firstDifference,
  firstNonFinite,
  firstNotFrozen,
  unfrozenObjects,
} from './values.js';

/** The failure classes, in the order of the summary line. */
export const KINDS = ['raw', 'hang', 'nonFinite', 'mutation', 'notFrozen'] as const;
export type Kind = (typeof KINDS)[number];

/** One failure of one case. */
export interface Failure {
  kind: Kind;
  /** A normalised message: failures with the same message are grouped. */
  key: string;
  /** The message as found. */
  message: string;
}

/** Longest message a `GvcError` may have before it counts as a serialised input. */
export const MAX_ERROR_MESSAGE = 50_000;

/** Replaces numbers and array indices so that messages differing only in them group together. */
export function normalise(s: string): string {
  return s
    .replace(/\[\d+\]/g, '[#]')
    .replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/gi, '#')
    .replace(/"[^"]{20,}"/g, '"…"')
    .slice(0, 200);
}

function errorName(e: unknown): string {
  if (e instanceof Error) return e.constructor?.name || e.name || 'Error';
  if (e === null) return 'null';
  return `thrown ${typeof e}`;
}

function errorMessage(e: unknown): string {
  try {
    if (e instanceof Error) return String(e.message).slice(0, 300);
    return String(e).slice(0, 300);
  } catch {
    return '(message unreadable)';
  }
}

/** The outcome of one call. */
export interface Outcome {
  failures: Failure[];
  ms: number;
  threw: boolean;
}

/**
 * Calls `fn(...args)`, awaits its result when it is a Promise (a rejection counts as a throw), and
 * applies every check of the oracle.
 */
export async function checkCall(
  fn: (...a: unknown[]) => unknown,
  args: unknown[],
  boundMs: number,
): Promise<Outcome> {
  const failures: Failure[] = [];
  const finiteInput = allNumbersFinite(args);
  const snapshot = deepClone(args);
  const unfrozen = unfrozenObjects(args);
  let result: unknown;
  let threw = false;
  const t0 = performance.now();
  try {
    result = fn(...args);
    if (result instanceof Promise) result = await result;
  } catch (e) {
    threw = true;
    if (!isGvcError(e)) {
      const message = `${errorName(e)}: ${errorMessage(e)}`;
      failures.push({ kind: 'raw', key: normalise(message), message });
    } else if (typeof (e as Error).message !== 'string' || (e as Error).message.length > MAX_ERROR_MESSAGE) {
      const message = `GvcError with a message of ${(e as Error).message?.length} characters (a serialised input)`;
      failures.push({ kind: 'raw', key: 'GvcError with an oversized message (a serialised input)', message });
    }
  }
  const ms = performance.now() - t0;
  if (ms > boundMs) {
    failures.push({
      kind: 'hang',
      key: `slower than the bound of ${boundMs} ms`,
      message: `took ${Math.round(ms)} ms`,
    });
  }
  for (let i = 0; i < args.length; i++) {
    const diff = firstDifference(snapshot[i], args[i], unfrozen, { up: null, k: `arg${i}` });
    if (diff !== undefined) {
      failures.push({ kind: 'mutation', key: normalise(diff.replace(/:.*$/, ': changed')), message: diff });
      break;
    }
  }
  if (!threw) {
    if (finiteInput) {
      const bad = firstNonFinite(result);
      if (bad !== undefined) {
        failures.push({
          kind: 'nonFinite',
          key: normalise(`non-finite ${bad.replace(/ = .*$/, '')}`),
          message: bad,
        });
      }
    }
    const open = firstNotFrozen(result);
    if (open !== undefined)
      failures.push({
        kind: 'notFrozen',
        key: normalise(`not frozen at ${open}`),
        message: `not frozen at ${open}`,
      });
  }
  return { failures, ms, threw };
}
