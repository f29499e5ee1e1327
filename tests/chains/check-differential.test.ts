/**
 * The zod-free checks of a value chain (src/chains/check.ts, src/rents/check.ts,
 * src/governance/check.ts, src/core/primitives-check.ts) against the zod schemas they mirror, which
 * stay the reference: valid values (the iPhone 3G chain of src/data, small generated chains, rents,
 * options) are mutated at random paths (keys deleted or added, wrong types, NaN, ±Infinity, -1, 1.5
 * for an integer, 2^53, '', ' x ', lowercase codes, unknown families, arrays for objects, null,
 * nested junk, objects that inherit their fields), and the check must give what
 * `z.safeParse(Schema, x, gvcParseParams())` gives: the same success, the same issues (path and
 * message, in order) and the same output (keys in order, `undefined` values included). 2,000 seeded
 * runs per schema. Last, `safeParseValueChain` must report exactly what the zod pipeline it replaced
 * reported (src/chains/parse.ts before issue #19).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import * as chk from '../../src/chains/check.js';
import * as m from '../../src/chains/model.js';
import { safeParseValueChain } from '../../src/chains/parse.js';
import { chainStructureIssues } from '../../src/chains/structure.js';
import { DecomposeOptions } from '../../src/chains/value-added.js';
import { safeCheck } from '../../src/core/boundary.js';
import { type Check, type Out, runCheck } from '../../src/core/check.js';
import { formatPath, gvcParseParams } from '../../src/core/issues.js';
import { Source } from '../../src/core/primitives.js';
import { SourceCheck } from '../../src/core/primitives-check.js';
import { iphone3g } from '../../src/data/iphone3g.js';
import { GovernanceCheck, GovernanceDeterminantsCheck } from '../../src/governance/check.js';
import { Governance, GovernanceDeterminants } from '../../src/governance/model.js';
import { RentCheck } from '../../src/rents/check.js';
import { Rent } from '../../src/rents/model.js';
import { outcome } from '../check-differential.js';

/** Values that break a chain in every way the schemas know. */
const junk: unknown[] = [
  undefined,
  null,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  0,
  0.05,
  1.5,
  2 ** 53,
  -(2 ** 53),
  '',
  ' x ',
  'x',
  'chn',
  'usd',
  'CHN',
  'USD',
  'EU27',
  'unknown-family',
  'additive',
  'vertically-specialised',
  'resource',
  'endogenous',
  'exogenous',
  'foreign',
  'high',
  'buyer',
  'modular',
  'first-round',
  'assembly',
  true,
  [],
  [{}],
  {},
  { length: 0 },
  { a: { b: [{ c: Number.NaN }] } },
];

/** Keys added to objects: unknown ones, and known ones in the wrong place. */
const extraKeys = ['extra', '__proto__', 'constructor', 'family', 'kind', 'nationality', 'id', 'type'];

/** One mutation: which node (by index), what to do, which junk value or key. */
type Op = [number, number, number];

/** The paths of every node of a tree, the root first. */
function paths(v: unknown, at: PropertyKey[] = [], out: PropertyKey[][] = []): PropertyKey[][] {
  out.push(at);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) paths(v[i], [...at, i], out);
  } else if (typeof v === 'object' && v !== null)
    for (const k of Object.keys(v)) paths((v as Record<string, unknown>)[k], [...at, k], out);
  return out;
}

/** `root` with the node at `path` replaced by `f(node)` (or deleted when `f` returns `DELETE`). */
const DELETE = Symbol('delete');
function setAt(root: unknown, path: PropertyKey[], f: (v: unknown) => unknown): unknown {
  if (path.length === 0) {
    const v = f(root);
    return v === DELETE ? undefined : v;
  }
  const [k, ...rest] = path as [PropertyKey, ...PropertyKey[]];
  const parent = root as Record<PropertyKey, unknown>;
  const child = rest.length === 0 ? f(parent[k]) : setAt(parent[k], rest, f);
  const copy = (Array.isArray(parent) ? [...parent] : { ...parent }) as Record<PropertyKey, unknown>;
  if (child === DELETE) {
    if (Array.isArray(copy)) copy.splice(k as number, 1);
    else delete copy[k];
  } else copy[k] = child;
  return copy;
}

/** Applies one mutation to a plain tree (never modified: the changed branch is copied). */
function mutate(root: unknown, [n, kind, j]: Op): unknown {
  const all = paths(root);
  const path = all[n % all.length] as PropertyKey[];
  const pick = junk[j % junk.length];
  const key = extraKeys[j % extraKeys.length] as string;
  return setAt(root, path, (v) => {
    const isObj = typeof v === 'object' && v !== null && !Array.isArray(v);
    switch (kind % 7) {
      case 0:
        return pick;
      case 1:
        return path.length > 0 ? DELETE : pick;
      case 2:
        return isObj
          ? Object.defineProperty({ ...v }, key, {
              value: pick,
              enumerable: true,
              writable: true,
              configurable: true,
            })
          : [v];
      case 3:
        return [v];
      case 4:
        return isObj ? Object.create(v as object) : typeof v === 'string' ? v.toLowerCase() : pick;
      case 5:
        return typeof v === 'string' ? ` ${v}` : Array.isArray(v) ? [...v, ...v] : pick;
      default:
        return typeof v === 'number' ? -v || Number.NaN : isObj ? { ...v, [key]: undefined } : pick;
    }
  });
}

const ops = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 0, maxLength: 3 });

const countries = fc.constantFrom('CHN', 'USA', 'GHA', 'ROW', 'EU27');
const id = fc.constantFrom('a', 'b', 'c', 'retail');
const num = fc.constantFrom(0, 0.5, 1, 2.25, 40);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });
/** Drops the keys whose value is undefined (a generated record leaves them present). */
const clean = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const rentArb = fc
  .record({
    family: fc.constantFrom('resource', 'endogenous', 'exogenous', 'monopoly'),
    barriers: fc.constantFrom('high', 'medium', 'low'),
    protected: opt(fc.boolean()),
    holder: opt(id),
    share: opt(fc.constantFrom(0.5, 1)),
    amount: opt(num),
  })
  .map((r) =>
    clean({
      ...r,
      kind: r.family === 'endogenous' ? 'marketing' : r.family === 'exogenous' ? 'policy' : undefined,
    }),
  );
const actorArb = fc
  .record({
    id,
    name: fc.constantFrom('A', 'Firm'),
    country: countries,
    ownership: opt(fc.constantFrom('domestic', 'foreign')),
    nationality: opt(countries),
    leadFirm: opt(fc.boolean()),
  })
  .map(clean);
const stageArb = fc
  .record({
    id,
    name: fc.constantFrom('S', 'Stage'),
    country: countries,
    function: opt(fc.constantFrom('assembly', 'retail')),
    output: fc.record({ unit: fc.constant('kg'), unitPrice: num }).map(clean),
    inputs: opt(fc.array(fc.record({ stage: id, quantity: num }), { maxLength: 2 })),
    purchases: opt(
      fc.array(fc.record({ description: fc.constant('p'), value: num, country: countries }), {
        maxLength: 1,
      }),
    ),
    distribution: opt(fc.record({ wages: opt(num), profit: opt(fc.constantFrom(-1, 2)) }).map(clean)),
  })
  .map(clean);
const chainArb = fc
  .record({
    family: fc.constantFrom('additive', 'vertically-specialised'),
    id: fc.constant('c'),
    name: fc.constant('Chain'),
    currency: fc.constantFrom('USD', 'GHS'),
    year: opt(fc.constantFrom(2009, 2015)),
    driver: opt(fc.constantFrom('buyer', 'producer')),
    governance: opt(fc.record({ type: fc.constantFrom('modular', 'captive') })),
    actors: opt(fc.array(actorArb, { maxLength: 2 })),
    stages: fc.array(stageArb, { minLength: 1, maxLength: 3 }),
    finalStage: id,
    rents: opt(fc.array(rentArb, { maxLength: 2 })),
    source: opt(
      fc.record({ citation: fc.constant('X (2010)'), page: opt(fc.constantFrom('T1', 3)) }).map(clean),
    ),
  })
  .map(clean);

/** The iPhone 3G chain as plain data (the exported one is deep-frozen). */
const iphone = structuredClone(iphone3g) as unknown as Record<string, unknown>;
const iphoneStages = iphone.stages as unknown[];
const iphoneActors = iphone.actors as unknown[];

const cases: [string, z.core.$ZodType, Check<unknown>, fc.Arbitrary<unknown>][] = [
  ['ValueChainShape', m.ValueChainShape, chk.ValueChainShapeCheck, fc.oneof(fc.constant(iphone), chainArb)],
  [
    'ValueChainAnyFamily',
    m.ValueChainAnyFamily,
    chk.ValueChainAnyFamilyCheck,
    fc.oneof(fc.constant(iphone), chainArb),
  ],
  ['Actor', m.Actor, chk.ActorCheck, fc.oneof(fc.constantFrom(...iphoneActors), actorArb)],
  ['Stage', m.Stage, chk.StageCheck, fc.oneof(fc.constantFrom(...iphoneStages), stageArb)],
  ['StageOutput', m.StageOutput, chk.StageOutputCheck, stageArb.map((s) => s.output)],
  [
    'Distribution',
    m.Distribution,
    chk.DistributionCheck,
    fc.record({ wages: opt(num), taxes: opt(num) }).map(clean),
  ],
  ['Rent', Rent, RentCheck, rentArb],
  [
    'Governance',
    Governance,
    GovernanceCheck,
    fc.record({ type: fc.constantFrom('modular', 'market'), note: opt(fc.constant('n')) }).map(clean),
  ],
  [
    'GovernanceDeterminants',
    GovernanceDeterminants,
    GovernanceDeterminantsCheck,
    fc.constant({ complexity: 'high', codifiability: 'low', supplierCapability: 'high' }),
  ],
  [
    'Source',
    Source,
    SourceCheck,
    fc
      .record({ citation: fc.constant('X'), page: opt(fc.constantFrom('T1', 3)), url: opt(fc.constant('u')) })
      .map(clean),
  ],
  [
    'DecomposeOptions',
    DecomposeOptions,
    chk.DecomposeOptionsCheck,
    fc
      .record({
        depth: opt(fc.constantFrom('full', 'first-round')),
        at: opt(id),
        tolerance: opt(fc.constantFrom(1e-9, 0.1)),
      })
      .map(clean),
  ],
];

/** Whether two types are assignable both ways. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// The checks' outputs have the schemas' output types (checked by the compiler).
const sameTypes: [
  Same<Out<typeof chk.ValueChainShapeCheck>, m.ValueChain>,
  Same<Out<typeof chk.ActorCheck>, m.Actor>,
  Same<Out<typeof chk.StageCheck>, m.Stage>,
  Same<Out<typeof RentCheck>, Rent>,
  Same<Out<typeof GovernanceCheck>, Governance>,
  Same<Out<typeof chk.DecomposeOptionsCheck>, z.output<typeof DecomposeOptions>>,
] = [true, true, true, true, true, true];

describe('each chain check gives what its schema gives, on mutated valid values', () => {
  it('has the output types of the schemas', () => expect(sameTypes.every(Boolean)).toBe(true));

  for (const [name, schema, check, base] of cases) {
    it(`${name}: 2,000 mutated values (seeded)`, () => {
      const seen = { valid: 0, invalid: 0 };
      fc.assert(
        fc.property(base, ops, (b, list) => {
          const input = list.reduce<unknown>(mutate, b);
          const zod = z.safeParse(schema, input, gvcParseParams());
          expect(outcome(runCheck(check, input))).toStrictEqual(outcome(zod));
          seen[zod.success ? 'valid' : 'invalid']++;
        }),
        { numRuns: 2_000, seed: 21 },
      );
      // both sides exercised: at least a tenth of the runs valid, and a tenth invalid
      expect(Math.min(seen.valid, seen.invalid)).toBeGreaterThan(200);
    }, 120_000);
  }

  it('the unmutated iPhone 3G chain passes both, to the same output', () => {
    const r = runCheck(chk.ValueChainShapeCheck, iphone);
    expect(r.success).toBe(true);
    expect(outcome(r)).toStrictEqual(outcome(z.safeParse(m.ValueChainShape, iphone, gvcParseParams())));
  });
});

/** parse.ts's check of a chain before issue #19, through zod: the reference for the messages. */
function zodChainIssues(input: unknown): { path: PropertyKey[]; message: string }[] {
  const result = z.safeParse(m.ValueChainShape, input, gvcParseParams());
  const issues: { path: PropertyKey[]; message: string }[] = [];
  if (!result.success) {
    issues.push(...result.error.issues);
    if (result.error.issues.some((i) => i.code === 'invalid_union' && formatPath(i.path) === 'family')) {
      const rest = z.safeParse(m.ValueChainAnyFamily, input, gvcParseParams());
      if (!rest.success) issues.push(...rest.error.issues);
    }
  }
  issues.push(...chainStructureIssues(result.success ? result.data : input));
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${formatPath(i.path)}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

describe('safeParseValueChain reports what the zod pipeline reported', () => {
  it('2,000 mutated chains (seeded): the same issues, paths and messages', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(iphone), chainArb), ops, (b, list) => {
        const input = list.reduce<unknown>(mutate, b);
        const before = safeCheck(
          () => {
            const issues = zodChainIssues(input);
            return issues.length === 0 ? { success: true, data: 0 } : { success: false, error: { issues } };
          },
          '',
          'invalid value chain',
        );
        const after = safeParseValueChain(input);
        expect(after.success).toBe(before.success);
        if (!after.success && !before.success) expect(after.error.issues).toEqual(before.error.issues);
      }),
      { numRuns: 2_000, seed: 1919 },
    );
  }, 120_000);
});
