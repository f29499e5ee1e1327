/**
 * The bounded fuzz run of `npm test` (issue #14): every exported function, {@link RUNS} cases each
 * (junk, mutated seeds, random valid tables; see README.md), judged by the oracle of `oracle.ts`,
 * in a worker thread with a watchdog. One `it` per function, so that a failure names it; the
 * longer run is `npx tsx scripts/fuzz.ts` (2,000 cases per function).
 *
 * Budget: RUNS = 100 cases per function (97 functions, 9,700 cases) takes about 18 s when every
 * function passes (a fresh-clone `.ci/run` on the 2-core machine); a failing function also pays for
 * shrinking (1 group, 1 s), and a hang for a worker restart. FUZZ_RUNS and FUZZ_SEED change the
 * budget and the seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionReport } from './harness.js';
import { loadErrors, missingSpecs, registry } from './registry.js';
import { failureReport, runFuzz, summaryLine } from './runner.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? 14);

const entries = registry();
const reports = new Map<string, FunctionReport>();

describe('the fuzz registry', () => {
  it('loads every folder', () => {
    expect(loadErrors).toEqual({});
  });

  it('has a spec for every exported function, and none for a function no longer exported', () => {
    expect(missingSpecs()).toEqual({ unregistered: [], stale: [] });
  });
});

describe(`fuzz: ${RUNS} cases per function, seed ${SEED}`, () => {
  beforeAll(async () => {
    for (const r of await runFuzz(entries, { runs: RUNS, seed: SEED, shrinkGroups: 1, shrinkMs: 1000 })) {
      reports.set(r.name, r);
    }
  }, 900_000);

  afterAll(() => {
    if (reports.size > 0) console.log(summaryLine([...reports.values()]));
  });

  for (const entry of entries) {
    it(`${entry.folder}/${entry.name}: no raw throw, hang, non-finite result, mutation or unfrozen result`, () => {
      const r = reports.get(entry.name);
      expect(r, 'the fuzz run did not report on this function').toBeDefined();
      const report = r as FunctionReport;
      expect(report.counts, failureReport([report], SEED)).toEqual({
        raw: 0,
        hang: 0,
        nonFinite: 0,
        mutation: 0,
        notFrozen: 0,
      });
      expect(report.cases).toBeGreaterThan(0);
    });
  }
});
