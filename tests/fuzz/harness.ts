/**
 * Runs the fuzz cases of one registered function (in the worker thread): draws argument lists with
 * fast-check, applies the oracle to each, groups failures by class and message, and shrinks one
 * counter-example per group with fast-check (replaying the failing run by its seed and path).
 */
import fc from 'fast-check';
import { junkArgs } from './junk.js';
import { mutations } from './mutations.js';
import { checkCall, type Failure, KINDS, type Kind } from './oracle.js';
import { DEFAULT_BOUND_MS, type Entry } from './registry.js';
import { previewArgs } from './values.js';

/** One group of failures: same function, class and normalised message. */
export interface Group {
  kind: Kind;
  key: string;
  /** The first message as found. */
  message: string;
  count: number;
  /** Index of the first failing case (its fast-check run path). */
  firstCase: number;
  /** Preview of the first failing input. */
  preview: string;
  /** Preview of the shrunk input, when shrinking succeeded. */
  shrunk?: string;
  /** How to replay the shrunk case with fast-check (`{ seed, path }`). */
  replay?: string;
}

/** The result of fuzzing one function. */
export interface FunctionReport {
  name: string;
  folder: string;
  cases: number;
  counts: Record<Kind, number>;
  groups: Group[];
  ms: number;
  /** Why some cases did not run (seeds unavailable, cases skipped after repeated hangs). */
  notes: string[];
  seed: number;
}

/** Hooks through which the worker's watchdog sees each call. */
export interface CaseHooks {
  start(index: number, args: unknown[], shrinking: boolean): void;
  end(): void;
}

/** A 32-bit seed per function, from the run's seed and the function's name (replayable with --only). */
export function functionSeed(seed: number, name: string): number {
  let h = seed | 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h | 0;
}

export const emptyCounts = (): Record<Kind, number> =>
  Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;

/** The argument lists drawn for `entry`: junk, mutated seeds, the seeds themselves, random valid inputs. */
export function argsArbitrary(entry: Entry, notes: string[]): fc.Arbitrary<unknown[]> {
  let seeds: unknown[][] = [];
  try {
    seeds = entry.seeds();
  } catch (e) {
    notes.push(`seeds unavailable (${e instanceof Error ? e.message.slice(0, 120) : String(e)}): junk only`);
  }
  const parts: Array<fc.WeightedArbitrary<unknown[]>> = [{ weight: 3, arbitrary: junkArgs(entry.arity) }];
  if (seeds.length > 0) {
    parts.push({ weight: 5, arbitrary: mutations(seeds) });
    parts.push({
      weight: 1,
      arbitrary: fc.nat({ max: seeds.length - 1 }).map((i) => {
        try {
          return entry.seeds()[i] as unknown[];
        } catch {
          return seeds[i] as unknown[];
        }
      }),
    });
  }
  if (entry.valid) {
    try {
      parts.push({ weight: 3, arbitrary: entry.valid() });
    } catch (e) {
      notes.push(`valid generator unavailable (${e instanceof Error ? e.message.slice(0, 120) : String(e)})`);
    }
  }
  return fc.oneof(...parts);
}

/** Options of {@link fuzzFunction}. */
export interface FuzzOptions {
  runs: number;
  seed: number;
  /** Run cases from this index on (earlier ones are drawn but not called): resuming after a hang. */
  skip?: number;
  /** Shrink at most this many groups (0: no shrinking). */
  shrinkGroups?: number;
  /** Time budget of shrinking one group, in milliseconds. */
  shrinkMs?: number | undefined;
}

/** Collects the failures of one function into groups (in the parent, across worker restarts). */
export class Aggregator {
  readonly counts = emptyCounts();
  readonly groups = new Map<string, Group>();
  cases = 0;
  readonly notes: string[] = [];

  add(i: number, failures: readonly Failure[], preview: string): void {
    const seen = new Set<Kind>();
    for (const f of failures) {
      if (!seen.has(f.kind)) this.counts[f.kind]++;
      seen.add(f.kind);
      const id = `${f.kind}\u0000${f.key}`;
      const g = this.groups.get(id);
      if (g) g.count++;
      else
        this.groups.set(id, {
          kind: f.kind,
          key: f.key,
          message: f.message,
          count: 1,
          firstCase: i,
          preview,
        });
    }
  }

  report(entry: { name: string; folder: string }, seed: number, ms: number): FunctionReport {
    return {
      name: entry.name,
      folder: entry.folder,
      cases: this.cases,
      counts: { ...this.counts },
      groups: [...this.groups.values()],
      ms,
      notes: [...this.notes],
      seed,
    };
  }
}

/**
 * Runs the cases of one function from `opts.skip` on, reporting each failing case as it happens.
 * Every case is awaited (an async function's Promise settles before the next case starts, and the
 * watchdog sees the call as running until then).
 */
export async function runCases(
  entry: Entry,
  opts: FuzzOptions,
  hooks: CaseHooks,
  onFailures: (i: number, failures: Failure[], preview: string) => void,
): Promise<{ cases: number; notes: string[]; seed: number }> {
  const { runs, skip = 0 } = opts;
  const seed = functionSeed(opts.seed, entry.name);
  const bound = entry.boundMs ?? DEFAULT_BOUND_MS;
  const notes: string[] = [];
  const arb = argsArbitrary(entry, notes);
  let index = 0;
  let cases = 0;
  let rssBase = process.memoryUsage.rss();
  const res = await fc.check(
    fc.asyncProperty(arb, async (args) => {
      const i = index++;
      if (i < skip) return true;
      hooks.start(i, args, false);
      const out = await checkCall(entry.fn, args, bound);
      hooks.end();
      cases++;
      const rss = process.memoryUsage.rss();
      if (rss - rssBase > 1024 ** 3) {
        out.failures.push({
          kind: 'hang',
          key: 'memory: resident set grew by more than 1 GiB in one call',
          message: `resident set grew by ${Math.round((rss - rssBase) / 1024 ** 2)} MiB`,
        });
        rssBase = rss;
      }
      rssBase = Math.min(rssBase, rss);
      if (out.failures.length > 0) onFailures(i, out.failures, previewArgs(args));
      return true;
    }),
    { numRuns: runs, seed },
  );
  if (res.failed)
    notes.push(`harness error at case ${index - 1}: ${String(res.errorInstance).slice(0, 300)}`);
  return { cases, notes, seed };
}

/**
 * Shrinks the failing case `group.firstCase` of a group with fast-check, replaying it by seed and
 * path, within `shrinkMs`; hangs are not shrunk (their shrinking would hang again).
 */
export async function shrinkGroup(
  entry: Entry,
  opts: FuzzOptions,
  group: Pick<Group, 'kind' | 'key' | 'firstCase'>,
  hooks: CaseHooks,
): Promise<{ shrunk: string; replay: string } | undefined> {
  const seed = functionSeed(opts.seed, entry.name);
  const arb = argsArbitrary(entry, []);
  try {
    const res = await fc.check(
      fc.asyncProperty(arb, async (args) => {
        hooks.start(group.firstCase, args, true);
        const out = await checkCall(entry.fn, args, Number.POSITIVE_INFINITY);
        hooks.end();
        return !out.failures.some((f) => f.kind === group.kind && f.key === group.key);
      }),
      {
        seed,
        path: String(group.firstCase),
        numRuns: opts.runs,
        interruptAfterTimeLimit: opts.shrinkMs ?? 4000,
        markInterruptAsFailure: false,
      },
    );
    if (res.failed && res.counterexample) {
      return {
        shrunk: previewArgs(res.counterexample[0] as unknown[]),
        replay: `fc.assert(property, { seed: ${seed}, path: "${res.counterexamplePath}" })`,
      };
    }
  } catch {
    // shrinking is best effort
  }
  return undefined;
}
