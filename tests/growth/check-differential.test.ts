/**
 * The zod-free checkers of growth/ (src/growth/check.ts) against the zod schemas they mirror: for
 * valid series and random mutations of them, `runCheck(XCheck, x)` must give exactly what
 * `z.safeParse(X, x, gvcParseParams())` gives — the same success, the same issues (path and message,
 * in order) and the same output (key order, keys whose value is undefined, prototypes). zod is the
 * reference implementation here: the expected value of every case is zod's own result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/core/check.js';
import { dominicanJeans } from '../../src/data/index.js';
import { GrowthObservationCheck, GrowthPathOptionsCheck, GrowthSeriesCheck } from '../../src/growth/check.js';
import { GrowthObservation, GrowthPathOptions, GrowthSeries } from '../../src/growth/model.js';
import { agrees, disagreement, mutated, pm, type Result } from '../check-differential.js';

const series = [
  [
    { period: 2000, volume: 100, unitPrice: 10 },
    { period: 2001, volume: 150, unitPrice: 6 },
  ],
  structuredClone(dominicanJeans.series),
  [
    { period: 1, volume: 10, unitPrice: 2, deflator: 1 },
    { period: 2, volume: 12, unitPrice: 1.5, deflator: 1.1 },
    { period: 3, volume: 0, deflator: 1.2 },
  ],
  [
    { period: '2015-01', volume: 0 },
    { period: '2015-02', volume: 3, unitPrice: 0 },
    { period: '2015-03', volume: 3, unitPrice: 1 },
  ],
];
const optionSeeds = [{}, { tolerance: 0.01 }, { tolerance: 0 }, { tolerance: 1 }];

const period = fc.constantFrom<unknown>(
  1,
  2,
  3,
  2,
  1,
  'a',
  'b',
  'a',
  '',
  Number.NaN,
  Number.POSITIVE_INFINITY,
  null,
);
/** Random observations: every field optional, each drawn from valid and invalid values. */
const observation = fc.record(
  {
    period,
    volume: fc.constantFrom<unknown>(0, 1, 5, -1, -0, Number.NaN, Number.POSITIVE_INFINITY, '3', undefined),
    unitPrice: fc.constantFrom<unknown>(0, 2.5, -1, Number.NaN, null, undefined),
    deflator: fc.constantFrom<unknown>(
      1,
      1.5,
      0,
      -0,
      -2,
      Number.NaN,
      Number.NEGATIVE_INFINITY,
      undefined,
      undefined,
    ),
    extra: fc.constantFrom<unknown>(undefined, 1),
  },
  { requiredKeys: [] },
);
/** Mostly valid observations, so the series refinement (order, duplicates, deflators) runs. */
const validish = fc.record(
  {
    period: fc.constantFrom<unknown>(1, 2, 3, 2, 'a', 'b', 'a'),
    volume: fc.constantFrom<unknown>(0, 1, 5),
    unitPrice: fc.constantFrom<unknown>(0, 2.5),
    deflator: fc.constantFrom<unknown>(1, 1.5),
  },
  { requiredKeys: ['period', 'volume'] },
);
const randomSeries = fc.oneof(
  fc.array(observation, { maxLength: 5 }),
  fc.array(validish, { maxLength: 6 }),
  fc.array(fc.oneof(validish, observation, fc.constantFrom<unknown>(null, 1, [], 'x')), { maxLength: 5 }),
);
const randomOptions = fc.record(
  {
    tolerance: fc.constantFrom<unknown>(0, 1, 0.5, 1e-9, -0.1, 1.1, -0, Number.NaN, undefined, null, '0.1'),
    other: fc.constantFrom<unknown>(undefined, 1),
  },
  { requiredKeys: [] },
);

// 2,500 runs per property take seconds: on a loaded machine, more than the default 5 s allows.
describe('growth checkers agree with the zod schemas', { timeout: 120_000 }, () => {
  it('GrowthSeries: the seeds, random series, and 2,500 mutations', () => {
    for (const s of series) expect(disagreement(GrowthSeries, GrowthSeriesCheck, s)).toBe('');
    agrees(GrowthSeries, GrowthSeriesCheck, randomSeries, 2111);
    agrees(GrowthSeries, GrowthSeriesCheck, mutated(series), 2112);
  });

  it('GrowthObservation: random observations and 2,500 mutations', () => {
    agrees(GrowthObservation, GrowthObservationCheck, observation, 2113);
    agrees(GrowthObservation, GrowthObservationCheck, mutated(series.flat()), 2114);
  });

  it('GrowthPathOptions: random options and 2,500 mutations', () => {
    agrees(GrowthPathOptions, GrowthPathOptionsCheck, randomOptions, 2115);
    agrees(GrowthPathOptions, GrowthPathOptionsCheck, mutated(optionSeeds), 2116);
  });

  it('hand cases: the issues and output, as zod gives them', () => {
    const cases: unknown[] = [
      undefined,
      null,
      {},
      [],
      [{ period: 1, volume: 1, unitPrice: 1 }],
      [
        { period: 1, volume: 1 },
        { period: 1, volume: 2, deflator: 0 },
        { period: '1', volume: 0, deflator: 1 },
      ],
      [
        { period: 2, volume: 0 },
        { period: 1, volume: 0 },
        { period: 2, volume: 0 },
      ],
      [
        { period: 'a', volume: 0 },
        { period: 'b', volume: 0 },
        { period: 'a', volume: 0 },
      ],
      [
        { period: 1, volume: 0, deflator: 1 },
        { period: 2, volume: 0 },
        { period: 3, volume: 0, deflator: 1 },
      ],
      // A wrong type in one observation stops the series refinement; an unknown key does not.
      [
        { period: 2, volume: 0, x: 1 },
        { period: 1, volume: 0 },
      ],
      [
        { period: 2, volume: 'x' },
        { period: 1, volume: 0 },
      ],
      [
        { period: 2, volume: -1 },
        { period: 1, volume: 0 },
      ],
      [
        { period: 2, volume: 0, unitPrice: undefined, deflator: undefined },
        { period: 3, volume: 0 },
      ],
    ];
    for (const c of cases) expect(disagreement(GrowthSeries, GrowthSeriesCheck, c)).toBe('');
  });

  it('states the messages (hand-written, as documented)', () => {
    const r = runCheck(GrowthSeriesCheck, [
      { period: 1, volume: 9000 },
      { period: 1, volume: 0, deflator: 0 },
    ]) as Result;
    expect(r.success).toBe(false);
    if (!r.success)
      expect(pm(r.error.issues)).toEqual([
        { path: [0, 'unitPrice'], message: 'expected a unit price for a volume of 9000, found none' },
        { path: [1, 'deflator'], message: 'expected a deflator > 0, found 0' },
        // The refinements above do not stop the series' own: 0 is a deflator given (1 of 2), and
        // period 1 does not follow period 1.
        {
          path: [0, 'deflator'],
          message: 'expected a deflator on every observation (1 of 2 have one), found none',
        },
        { path: [1, 'period'], message: 'expected a period after 1, found 1' },
      ]);
    const short = runCheck(GrowthSeriesCheck, [{ period: 1, volume: 0 }]) as Result;
    if (!short.success)
      expect(pm(short.error.issues)).toEqual([
        { path: [], message: 'expected at least 2 observations, found 1' },
      ]);
    expect(short.success).toBe(false);
  });
});
