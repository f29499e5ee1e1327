/** What the fuzz registry holds for each function: its seeds, its random valid inputs, its bound. */
import type fc from 'fast-check';

// biome-ignore lint/suspicious/noExplicitAny: the registry calls every function with arbitrary values
export type AnyFn = (...args: any[]) => unknown;

/** How one function is fuzzed. */
export interface Spec {
  /** Valid argument lists (built lazily, since building one may call the library). */
  seeds: () => unknown[][];
  /** Random valid argument lists, where the function takes tables, chains or matrices. */
  valid?: () => fc.Arbitrary<unknown[]>;
  /**
   * Wall-clock bound of one call in milliseconds (default {@link DEFAULT_BOUND_MS}); for a function
   * that returns a Promise, until the Promise settles.
   */
  boundMs?: number;
}

/** A registered function with its spec. */
export interface Entry extends Spec {
  name: string;
  /** `io`, `data`, or the folder of `src/` whose index exports it. */
  folder: string;
  fn: AnyFn;
  arity: number;
}

/** Default wall-clock bound of one call. */
export const DEFAULT_BOUND_MS = 2000;
/** Bound of one call of an input–output function (its largest random table is 4 × 4 = 16 sectors, the largest seed 9). */
export const IO_BOUND_MS = 5000;
