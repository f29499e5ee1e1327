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
import { gvcParseParams } from '../../src/core/issues.js';
import {
  ChainPositionCheck,
  PositionCheck,
  UpgradingEventCheck,
  UpgradingOptionsCheck,
} from '../../src/upgrading/check.js';
import { ChainPosition, Position, UpgradingEvent, UpgradingOptions } from '../../src/upgrading/model.js';
import { mutations } from '../fuzz/mutations.js';

type Result =
  | { success: true; data: unknown }
  | {
      success: false;
      error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> };
    };

/** The first difference between two outputs (key order, undefined-valued keys, prototypes), or ''. */
function difference(a: unknown, b: unknown): string {
  const stack: Array<[unknown, unknown, string]> = [[a, b, '']];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const [x, y, at] = stack.pop() as [unknown, unknown, string];
    if (Object.is(x, y)) continue; // primitives, or the same object passed through
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null)
      return `${at}: ${String(x)} ≠ ${String(y)}`;
    if (seen.has(x)) continue;
    seen.add(x);
    if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return `${at}: prototypes differ`;
    const kx = Reflect.ownKeys(x);
    const ky = Reflect.ownKeys(y);
    if (kx.length !== ky.length || kx.some((k, i) => k !== ky[i]))
      return `${at}: keys ${kx.map(String).join(',')} ≠ ${ky.map(String).join(',')}`;
    for (const k of kx)
      stack.push([
        (x as Record<PropertyKey, unknown>)[k],
        (y as Record<PropertyKey, unknown>)[k],
        `${at}.${String(k)}`,
      ]);
  }
  return '';
}

/** The paths and messages of issues. */
const pm = (issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>) =>
  issues.map(({ path, message }) => ({ path, message }));

/** zod's result and the checker's, compared whole; returns what differs ('' when they agree). */
function disagreement(schema: z.core.$ZodType, check: Parameters<typeof runCheck>[0], x: unknown): string {
  const expected = z.safeParse(schema, x, gvcParseParams()) as Result;
  const actual = runCheck(check, x) as Result;
  if (expected.success !== actual.success) return `success ${expected.success} ≠ ${actual.success}`;
  if (!expected.success && !actual.success) {
    const show = (r: typeof expected) =>
      JSON.stringify(
        // Numbers stay numbers (an index), other keys become strings (a symbol's description).
        r.error.issues.map((i) => [i.path.map((k) => (typeof k === 'number' ? k : String(k))), i.message]),
      );
    return show(expected) === show(actual) ? '' : `issues\n${show(expected)}\n${show(actual)}`;
  }
  return expected.success && actual.success ? difference(expected.data, actual.data) : '';
}

/** A value for a targeted change: each kind of wrong value the schemas must reject or accept. */
const wrong = fc.constantFrom<unknown>(
  undefined,
  null,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  0,
  -0,
  1.5,
  2 ** 53,
  1e308,
  5e-324,
  '',
  ' x ',
  'x',
  'OXM',
  'OEM',
  'presumed',
  true,
  false,
  [],
  [''],
  ['a', ''],
  {},
  { a: 1 },
  { '': 1 },
  '__proto__',
);

/** Sets, deletes or adds one key somewhere in a copy of `seed` (`structuredClone` keeps plain data). */
function targeted(seed: unknown): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      fc.nat(),
      fc.constantFrom('set', 'delete', 'add', 'define-proto'),
      wrong,
      fc.constantFrom('extra', 'constructor', 'toString', ''),
    )
    .map(([at, kind, value, name]) => {
      const copy = structuredClone(seed);
      const sites: Array<[Record<PropertyKey, unknown>, PropertyKey]> = [];
      const walk = (o: unknown) => {
        if (o === null || typeof o !== 'object') return;
        for (const k of Object.keys(o)) {
          sites.push([o as Record<PropertyKey, unknown>, Array.isArray(o) ? Number(k) : k]);
          walk((o as Record<string, unknown>)[k]);
        }
      };
      walk(copy);
      const site = sites[at % Math.max(1, sites.length)];
      if (site === undefined) return value;
      const [parent, key] = site;
      if (kind === 'set') parent[key] = value;
      else if (kind === 'delete') delete parent[key];
      else if (kind === 'add' && !Array.isArray(parent)) Reflect.set(parent, name, value);
      else
        Object.defineProperty(parent, '__proto__', {
          value,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      return copy;
    });
}

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

const params = (seed: number) => ({ numRuns: 2500, seed });

// 2,500 runs per property take seconds: on a loaded machine, more than the default 5 s allows.
describe('upgrading checkers agree with the zod schemas', { timeout: 120_000 }, () => {
  it('ChainPosition: the seeds, random positions, and 2,500 mutations', () => {
    for (const p of positions) expect(disagreement(ChainPosition, ChainPositionCheck, p)).toBe('');
    fc.assert(
      fc.property(randomPosition, (x) => disagreement(ChainPosition, ChainPositionCheck, x) === ''),
      params(2101),
    );
    fc.assert(
      fc.property(mutated(positions), (x) => disagreement(ChainPosition, ChainPositionCheck, x) === ''),
      params(2102),
    );
  });

  it('UpgradingOptions: the seeds, random options, and 2,500 mutations', () => {
    for (const o of optionSeeds) expect(disagreement(UpgradingOptions, UpgradingOptionsCheck, o)).toBe('');
    fc.assert(
      fc.property(randomOptions, (x) => disagreement(UpgradingOptions, UpgradingOptionsCheck, x) === ''),
      params(2103),
    );
    fc.assert(
      fc.property(
        mutated(optionSeeds),
        (x) => disagreement(UpgradingOptions, UpgradingOptionsCheck, x) === '',
      ),
      params(2104),
    );
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
    fc.assert(
      fc.property(mutated(events), (x) => disagreement(Events, EventsCheck, x) === ''),
      params(2105),
    );
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
