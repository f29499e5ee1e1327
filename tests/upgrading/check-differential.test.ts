/**
 * The zod-free checkers of upgrading/ (src/upgrading/check.ts) against the zod schemas they mirror:
 * for valid inputs and random mutations of them, `runCheck(XCheck, x)` must give exactly what
 * `z.safeParse(X, x, gvcParseParams())` gives — the same success, the same issues (path and message,
 * in order) and the same output (key order, keys whose value is undefined, prototypes). zod is the
 * reference implementation here: the expected value of every case is zod's own result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { array, runCheck } from '../../src/core/check.js';
import {
  ChainPositionCheck,
  PositionCheck,
  UpgradingEventCheck,
  UpgradingOptionsCheck,
} from '../../src/upgrading/check.js';
import { ChainPosition, Position, UpgradingEvent, UpgradingOptions } from '../../src/upgrading/model.js';
import { agrees, disagreement, pm, type Result, targeted } from '../check-differential.js';
import { mutations } from '../fuzz/mutations.js';

const positions = [
  { chain: 'apparel', position: 'OEA' },
  { chain: 'apparel', position: 'OEM', functions: ['assembly', 'design'] },
  { chain: 'tv-tubes', position: 'OBM', competences: ['cathode-ray tubes'] },
  { chain: 'monitors', position: 'OEM', competences: ['cathode-ray tubes', 'PC interfaces'] },
  { chain: 'wine', position: 'OBM', unitValue: 6, unitCost: 5 },
  { chain: 'wine', position: 'OBM', unitValue: 4, unitCost: 3, efficiencyGain: true },
  { chain: 'footwear', position: 'OEM', unitValue: 10, productUpgrade: true, efficiencyLoss: false },
  {
    chain: 'x',
    position: 'ODM',
    productUpgrade: true,
    productDowngrade: false,
    efficiencyGain: false,
    efficiencyLoss: true,
  },
];
const optionSeeds = [
  {},
  { tolerance: 0.05, chainEvidence: 'presumed' },
  { valueScale: { assembly: 1, design: 4, branding: 3.5 } },
  { tolerance: 0, chainEvidence: 'required', valueScale: {} },
];

/** Random positions: every field optional, each drawn from valid and invalid values. */
const randomPosition = fc.record(
  {
    chain: fc.constantFrom<unknown>('apparel', '', ' a', 'a ', 7, null),
    position: fc.constantFrom<unknown>('OEA', 'OEM', 'ODM', 'OBM', 'oem', ''),
    efficiencyGain: fc.constantFrom<unknown>(true, false, undefined, 'yes'),
    efficiencyLoss: fc.constantFrom<unknown>(true, false, undefined, 0),
    productUpgrade: fc.constantFrom<unknown>(true, false, undefined),
    productDowngrade: fc.constantFrom<unknown>(true, false, undefined, null),
    functions: fc.constantFrom<unknown>(['assembly'], [], [''], ['a', 3], 'assembly', undefined),
    competences: fc.constantFrom<unknown>(['x'], [''], [], {}, undefined),
    unitCost: fc.constantFrom<unknown>(1, 0, -1, Number.NaN, Number.POSITIVE_INFINITY, '1', undefined),
    unitValue: fc.constantFrom<unknown>(2.5, 0, -0, Number.NEGATIVE_INFINITY, undefined),
    extra: fc.constantFrom<unknown>(1, undefined),
  },
  { requiredKeys: [] },
);
const randomOptions = fc.record(
  {
    tolerance: fc.constantFrom<unknown>(0, 1, 0.5, -0.1, 1.1, Number.NaN, undefined, '0.1'),
    chainEvidence: fc.constantFrom<unknown>('required', 'presumed', 'maybe', undefined, null),
    valueScale: fc.constantFrom<unknown>(
      {},
      { a: 1 },
      { '': 1 },
      { a: Number.NaN },
      { a: Number.POSITIVE_INFINITY, '': 2, b: 'x' },
      JSON.parse('{"__proto__": 1, "b": 2}'),
      [],
      null,
      undefined,
    ),
    other: fc.constantFrom<unknown>(undefined, 1),
  },
  { requiredKeys: [] },
);

const mutated = (seeds: readonly unknown[]) =>
  fc.oneof(
    mutations(seeds.map((s) => [s])).map((args) => args[0]),
    fc.constantFrom(...seeds).chain(targeted),
  );

// 2,500 runs per property take seconds: on a loaded machine, more than the default 5 s allows.
describe('upgrading checkers agree with the zod schemas', { timeout: 120_000 }, () => {
  it('ChainPosition: the seeds, random positions, and 2,500 mutations', () => {
    for (const p of positions) expect(disagreement(ChainPosition, ChainPositionCheck, p)).toBe('');
    agrees(ChainPosition, ChainPositionCheck, randomPosition, 2101);
    agrees(ChainPosition, ChainPositionCheck, mutated(positions), 2102);
  });

  it('UpgradingOptions: the seeds, random options, and 2,500 mutations', () => {
    for (const o of optionSeeds) expect(disagreement(UpgradingOptions, UpgradingOptionsCheck, o)).toBe('');
    agrees(UpgradingOptions, UpgradingOptionsCheck, randomOptions, 2103);
    agrees(UpgradingOptions, UpgradingOptionsCheck, mutated(optionSeeds), 2104);
  });

  it('UpgradingEvent (as upgradingTrajectory checks a list of them) and Position: 2,500 mutations', () => {
    const events = [
      [
        { subject: 'a', period: 2, kind: 'product', from: positions[0], to: positions[1] },
        { subject: 'b', period: '2015-03', kind: 'downgrading', from: positions[4], to: positions[6] },
      ],
    ];
    const Events = z.array(UpgradingEvent);
    const EventsCheck = array(UpgradingEventCheck);
    for (const e of events) expect(disagreement(Events, EventsCheck, e)).toBe('');
    agrees(Events, EventsCheck, mutated(events), 2105);
    for (const p of [...Position.options, 'oem', '', null, undefined, 1, Number.NaN, {}])
      expect(disagreement(Position, PositionCheck, p)).toBe('');
  });

  it('hand cases: the issues and output, as zod gives them', () => {
    const cases: unknown[] = [
      undefined,
      null,
      [],
      'OEM',
      {
        chain: 'x',
        position: 'OEM',
        efficiencyGain: true,
        efficiencyLoss: true,
        productUpgrade: true,
        productDowngrade: true,
      },
      { chain: ' x', position: 'OXM', unitCost: 0, unitValue: Number.NaN, functions: ['', 1], extra: 1 },
      { chain: 'x', position: 'OEM', efficiencyGain: undefined, functions: undefined },
      { position: 'OEM', chain: 'x', competences: ['b', 'a'] },
      // An unknown key does not stop the refinement; a wrong type does.
      { chain: 'x', position: 'OEM', efficiencyGain: true, efficiencyLoss: true, zz: 1 },
      { chain: 'x', position: 'OEM', efficiencyGain: true, efficiencyLoss: true, unitCost: 'x' },
      { chain: 'x', position: 'OEM', efficiencyGain: true, efficiencyLoss: true, unitCost: -1 },
    ];
    for (const c of cases) expect(disagreement(ChainPosition, ChainPositionCheck, c)).toBe('');
    const options: unknown[] = [
      {},
      { tolerance: undefined },
      { valueScale: Object.assign(Object.create(null), { a: 1 }) },
      { valueScale: { [Symbol('s')]: 1, a: 1 } },
      { valueScale: { 1: 2, a: 3, 0: 1 } },
      { valueScale: new Map() },
      { valueScale: new (class Scale {})() },
    ];
    for (const o of options) expect(disagreement(UpgradingOptions, UpgradingOptionsCheck, o)).toBe('');
  });

  it('states the messages: the refinement of contradictory flags (hand-written, as documented)', () => {
    const r = runCheck(ChainPositionCheck, {
      chain: 'x',
      position: 'OEM',
      efficiencyGain: true,
      efficiencyLoss: true,
    }) as Result;
    expect(r.success).toBe(false);
    if (!r.success)
      expect(pm(r.error.issues)).toEqual([
        { path: ['efficiencyLoss'], message: 'expected efficiencyGain or efficiencyLoss, found both true' },
      ]);
  });
});
