/**
 * The fuzzer's inputs: (a) junk for any argument position, (b) one-step mutations of valid seed
 * argument lists, (c) random valid input–output tables (and chains) for the functions that take
 * them.
 */
import fc from 'fast-check';
import { deepClone } from './values.js';

/** Built-in property names that must be handled as plain data. */
export const builtinNames = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
] as const;

/** Numbers that break naive arithmetic. */
export const specialNumbers = [
  0,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e308,
  -1e308,
  5e-324,
  -5e-324,
  2.2250738585072014e-308,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  4e8,
  1e-300,
  -1,
  0.5,
  1,
  2,
  1e15,
] as const;

/** Strings that break naive parsing or keys. */
const hostileStrings = [
  '',
  ' ',
  'A_B',
  'a;b',
  'a\tb',
  'a\nb',
  '"',
  '=HYPERLINK("http://x")',
  '1e400',
  '-0',
  'NaN',
  'Infinity',
  'USA',
  'CHN',
  'GHA',
  '\u0000',
  '\u202e',
  '💥',
] as const;

/** A value made fresh each time it is drawn (so a huge string is not shared across cases). */
const lazy = <T>(make: () => T): fc.Arbitrary<T> => fc.constant(null).map(() => make());

/** A 10,000-deep array or object. */
export function deepNest(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

function cyclic(): unknown {
  const o: Record<string, unknown> = { id: 'x', name: 'x' };
  o.self = o;
  o.list = [o];
  return o;
}

/** Objects with own `__proto__`, `constructor` and `toString` keys (JSON.parse makes `__proto__` an own key). */
const hostileObjects = fc
  .constantFrom(
    '{"__proto__":{"polluted":true},"id":"x"}',
    '{"constructor":{"prototype":{"polluted":true}},"toString":"x"}',
    '{"toString":1,"valueOf":2,"hasOwnProperty":"constructor"}',
    '{"__proto__":[],"length":3}',
    '[{"__proto__":{"a":1}}]',
  )
  .map((s) => JSON.parse(s) as unknown);

const junkFunctions = fc.constantFrom<unknown>(
  () => undefined,
  (x: unknown) => x,
  () => 1,
  () => 'constructor',
  () => ({}),
  () => Number.NaN,
  (d: Record<string, unknown>) => {
    if (d && typeof d === 'object') d.stages = 5;
  },
  (d: Record<string, unknown>) => {
    if (d && typeof d === 'object') d.id = '__proto__';
  },
  // biome-ignore lint/suspicious/noShadowRestrictedNames: a function named like a built-in is the point
  function toString() {
    return 'x';
  },
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...specialNumbers) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 100 }) },
  { weight: 1, arbitrary: fc.bigInt() },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...builtinNames) },
  { weight: 2, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const key = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(...builtinNames) },
);

const anything = fc.anything({
  key,
  values: [scalar],
  maxDepth: 3,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: false,
  withMap: true,
  withSet: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withObjectString: false,
});

/** (a) Junk for any argument position. Huge and deep values are drawn sparingly. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 30, arbitrary: scalar },
  { weight: 30, arbitrary: anything },
  { weight: 4, arbitrary: hostileObjects },
  { weight: 4, arbitrary: junkFunctions },
  { weight: 2, arbitrary: lazy(cyclic) },
  { weight: 1, arbitrary: lazy(() => 'x'.repeat(1 << 20)) },
  { weight: 1, arbitrary: lazy(() => deepNest(10_000, 'array')) },
  { weight: 1, arbitrary: lazy(() => deepNest(10_000, 'object')) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom(...specialNumbers), { maxLength: 9 })
      .map((a) => Float64Array.from(a)),
  },
);

/** A junk argument list of 0 to `arity + 1` arguments. */
export function junkArgs(arity: number): fc.Arbitrary<unknown[]> {
  return fc.array(junk, { minLength: 0, maxLength: arity + 1 });
}

// ----- (b) mutations -----

type Container = Record<PropertyKey, unknown> | unknown[];

interface Site {
  parent: Container | null;
  key: PropertyKey;
  value: unknown;
}

/** Every position reachable in `args` (the list itself, each argument, each nested field), up to `limit`. */
function sites(args: unknown[], limit = 5000): Site[] {
  const out: Site[] = [{ parent: null, key: '', value: args }];
  const seen = new Set<object>();
  const stack: unknown[] = [args];
  while (stack.length > 0 && out.length < limit) {
    const o = stack.pop();
    if (o === null || typeof o !== 'object' || seen.has(o)) continue;
    seen.add(o);
    if (ArrayBuffer.isView(o)) {
      const a = o as unknown as number[];
      for (let i = 0; i < Math.min(a.length, 200); i++) out.push({ parent: a, key: i, value: a[i] });
      continue;
    }
    if (o instanceof Map || o instanceof Set) continue;
    for (const k of Object.keys(o)) {
      const v = (o as Record<string, unknown>)[k];
      out.push({ parent: o as Container, key: Array.isArray(o) ? Number(k) : k, value: v });
      if (v !== null && typeof v === 'object') stack.push(v);
    }
  }
  return out;
}

const mutationKinds = [
  'replace',
  'delete',
  'duplicate',
  'number',
  'builtin',
  'empty',
  'swap',
  'hostile-string',
] as const;

function strings(args: unknown[]): string[] {
  return sites(args)
    .map((s) => s.value)
    .filter((v): v is string => typeof v === 'string' && v.length < 100);
}

/** Applies one mutation, in place, to a fresh copy of the seed; returns the copy. */
function mutate(
  seed: unknown[],
  kind: (typeof mutationKinds)[number],
  at: number,
  junkValue: unknown,
  pick: number,
): unknown[] {
  const args = deepClone(seed);
  const all = sites(args);
  // Skip the root (the argument list) except for replace/delete/duplicate of a whole argument.
  const site = all[1 + (at % Math.max(1, all.length - 1))] ?? all[0];
  if (site === undefined || site.parent === null) return args;
  const { parent, key: k, value } = site;
  const set = (v: unknown) => {
    if (ArrayBuffer.isView(parent))
      (parent as unknown as number[])[k as number] = typeof v === 'number' ? v : 0;
    else Object.defineProperty(parent, k, { value: v, enumerable: true, writable: true, configurable: true });
  };
  switch (kind) {
    case 'replace':
      set(junkValue);
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(k as number, 1);
      else if (!ArrayBuffer.isView(parent)) delete (parent as Record<PropertyKey, unknown>)[k];
      break;
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(k as number, 0, deepClone(value));
      else if (!ArrayBuffer.isView(parent)) {
        const name = builtinNames[pick % builtinNames.length] as string;
        Object.defineProperty(parent, name, {
          value: deepClone(value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      break;
    case 'number': {
      const x = typeof value === 'number' ? value : 1;
      const choices = [
        0,
        -0,
        -Math.abs(x) - 1,
        -x,
        5e-324,
        1e-300,
        1e308,
        x * 1e12,
        x / 1e12,
        Number.NaN,
        Number.POSITIVE_INFINITY,
        0.5,
        1e9,
      ];
      set(choices[pick % choices.length]);
      break;
    }
    case 'builtin':
      set(builtinNames[pick % builtinNames.length]);
      break;
    case 'empty':
      set(Array.isArray(value) ? [] : value !== null && typeof value === 'object' ? {} : '');
      break;
    case 'swap': {
      const pool = strings(args);
      set(pool.length > 0 ? pool[pick % pool.length] : junkValue);
      break;
    }
    case 'hostile-string':
      set(hostileStrings[pick % hostileStrings.length]);
      break;
  }
  return args;
}

/** (b) One random mutation of one of the valid seed argument lists. */
export function mutations(seeds: readonly unknown[][]): fc.Arbitrary<unknown[]> {
  return fc
    .tuple(
      fc.nat({ max: seeds.length - 1 }),
      fc.constantFrom(...mutationKinds),
      fc.nat(),
      junk,
      fc.nat(),
      fc.boolean(),
    )
    .map(([s, kind, at, j, pick, twice]) => {
      const once = mutate(seeds[s] as unknown[], kind, at, j, pick);
      return twice
        ? mutate(
            once,
            mutationKinds[pick % mutationKinds.length] as (typeof mutationKinds)[number],
            at >>> 3,
            j,
            pick >>> 2,
          )
        : once;
    });
}

// ----- (c) random valid tables -----

/** A plain input–output table input (`createIcio`'s argument). */
export interface TableInput {
  countries: string[];
  sectors: string[];
  Z: number[][];
  Y: number[][];
}

const countryCodes = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'];

/**
 * A random valid table: G countries × N sectors (G in 1..4, N in 1..4 by default), flows in [0, 100]
 * with about 15% zeros, some zero rows and columns, final demand positive with occasionally a
 * negative entry (inventory changes), and value added kept non-negative by construction (each
 * sector's final demand is raised until output covers its column of inputs).
 */
export function tableArb(
  opts: { minG?: number; maxG?: number; maxN?: number; negativeY?: boolean } = {},
): fc.Arbitrary<TableInput> {
  const { minG = 1, maxG = 4, maxN = 4, negativeY = true } = opts;
  return fc
    .tuple(fc.integer({ min: minG, max: maxG }), fc.integer({ min: 1, max: maxN }))
    .chain(([G, N]) => {
      const n = G * N;
      const cell = fc.oneof(
        { weight: 2, arbitrary: fc.constant(0) },
        { weight: 10, arbitrary: fc.double({ min: 0.01, max: 100, noNaN: true }) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 50 }) },
      );
      const fd = fc.oneof(
        { weight: 10, arbitrary: fc.double({ min: 0.1, max: 200, noNaN: true }) },
        { weight: 2, arbitrary: fc.constant(0) },
        { weight: negativeY ? 1 : 0, arbitrary: fc.double({ min: -5, max: -0.01, noNaN: true }) },
      );
      return fc.record({
        G: fc.constant(G),
        N: fc.constant(N),
        Z: fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
        Y: fc.array(fc.array(fd, { minLength: G, maxLength: G }), { minLength: n, maxLength: n }),
        zeroRow: fc.option(fc.nat({ max: n - 1 }), { nil: undefined }),
        zeroCol: fc.option(fc.nat({ max: n - 1 }), { nil: undefined }),
      });
    })
    .map(({ G, N, Z, Y, zeroRow, zeroCol }) => {
      const n = G * N;
      if (zeroRow !== undefined) Z[zeroRow] = Z[zeroRow]?.map(() => 0) ?? [];
      if (zeroCol !== undefined) for (const row of Z) row[zeroCol] = 0;
      // Keep every output positive and at least its column of inputs (value added >= 0): raise the
      // first final-demand entry of a row where needed.
      for (let j = 0; j < n; j++) {
        const colInputs = Z.reduce((t, r) => t + (r[j] ?? 0), 0);
        const out = (Z[j] ?? []).reduce((t, v) => t + v, 0) + (Y[j] ?? []).reduce((t, v) => t + v, 0);
        const need = Math.max(colInputs * 1.05, 1) - out;
        const yj = Y[j];
        if (need > 0 && yj) yj[0] = (yj[0] ?? 0) + need + 1;
      }
      return {
        countries: countryCodes.slice(0, G),
        sectors: Array.from({ length: N }, (_, i) => `s${i + 1}`),
        Z,
        Y,
      };
    });
}

/** The table as `createIcioFromRecords` input (`A_s` row and column labels, final demand by country). */
export function tableToRecords(t: TableInput): unknown {
  const labels = t.countries.flatMap((c) => t.sectors.map((s) => `${c}_${s}`));
  const Z: Record<string, Record<string, number>> = {};
  const Y: Record<string, Record<string, number>> = {};
  labels.forEach((r, i) => {
    Z[r] = {};
    labels.forEach((c, j) => {
      const v = t.Z[i]?.[j] ?? 0;
      if (v !== 0) (Z[r] as Record<string, number>)[c] = v;
    });
    Y[r] = {};
    t.countries.forEach((c, k) => {
      (Y[r] as Record<string, number>)[c] = t.Y[i]?.[k] ?? 0;
    });
  });
  return { countries: t.countries, sectors: t.sectors, Z, Y };
}

/** The table as an OECD-style CSV (`readIcioCsv` input). */
export function tableToCsv(t: TableInput): string {
  const labels = t.countries.flatMap((c) => t.sectors.map((s) => `${c}_${s}`));
  const fd = t.countries.map((c) => `${c}_HFCE`);
  const out = labels.map(
    (_, i) => (t.Z[i] ?? []).reduce((a, b) => a + b, 0) + (t.Y[i] ?? []).reduce((a, b) => a + b, 0),
  );
  const lines = [['', ...labels, ...fd, 'OUT'].join(',')];
  labels.forEach((l, i) => {
    lines.push([l, ...(t.Z[i] ?? []), ...(t.Y[i] ?? []), out[i]].join(','));
  });
  const va = labels.map((_, j) => (out[j] ?? 0) - t.Z.reduce((a, r) => a + (r[j] ?? 0), 0));
  lines.push(['VA', ...va, ...fd.map(() => ''), ''].join(','));
  lines.push(['OUT', ...out, ...fd.map(() => ''), ''].join(','));
  return lines.join('\n');
}

/** A random square matrix of order 1..6 with entries in [-10, 10], row-major, and its order. */
export const squareArb: fc.Arbitrary<[Float64Array, number]> = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc
    .array(
      fc.oneof(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.constant(0),
        fc.integer({ min: -3, max: 3 }),
      ),
      {
        minLength: n * n,
        maxLength: n * n,
      },
    )
    .map((a) => [Float64Array.from(a), n] as [Float64Array, number]),
);

/** A random vector of length n with entries in [-10, 10]. */
export const vectorArb = (n: number) =>
  fc
    .array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n })
    .map((a) => Float64Array.from(a));

const chainCountries = ['CHN', 'USA', 'JPN', 'GHA', 'NLD'] as const;

/**
 * A random valid value chain of 2–7 stages (stage 0 final; stage i feeds a stage with a smaller index),
 * prices in [0.5, 100], optional purchases, actors and distributions (wages + profit below the
 * stage's own value added is not guaranteed: accounts may report an uncovered part).
 */
export const chainArb: fc.Arbitrary<Record<string, unknown>> = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc
    .record({
      // additive chains take at most one chain input per stage: only a line is additive here
      line: fc.boolean(),
      stages: fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({
            price: fc.double({ min: 0.5, max: 100, noNaN: true }),
            country: fc.constantFrom(...chainCountries),
            actor: fc.option(fc.constantFrom('a1', 'a2'), { nil: undefined }),
            consumer: fc.integer({ min: 0, max: Math.max(0, i - 1) }),
            quantity: fc.double({ min: 0.1, max: 1.5, noNaN: true }),
            purchase: fc.option(fc.double({ min: 0, max: 5, noNaN: true }), { nil: undefined }),
            wagesShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
            volume: fc.option(fc.double({ min: 1, max: 1000, noNaN: true }), { nil: undefined }),
          }),
        ),
      ),
      market: fc.option(fc.constantFrom(...chainCountries), { nil: undefined }),
    })
    .map(({ line, stages, market }) => {
      const family = line ? 'additive' : 'vertically-specialised';
      const inputs: Array<Array<{ stage: string; quantity: number }>> = stages.map(() => []);
      stages.forEach((s, i) => {
        if (i > 0) inputs[line ? i - 1 : s.consumer]?.push({ stage: `s${i}`, quantity: s.quantity });
      });
      return {
        id: 'random',
        name: 'Random chain',
        family,
        currency: 'USD',
        finalStage: 's0',
        ...(market ? { finalMarket: market } : {}),
        actors: [
          { id: 'a1', name: 'A1', country: 'CHN' },
          { id: 'a2', name: 'A2', country: 'USA' },
        ],
        stages: stages.map((s, i) => ({
          id: `s${i}`,
          name: `Stage ${i}`,
          country: s.country,
          ...(s.actor ? { actor: s.actor } : {}),
          output: { unit: 'u', unitPrice: s.price, ...(s.volume !== undefined ? { volume: s.volume } : {}) },
          inputs: inputs[i] ?? [],
          purchases:
            s.purchase !== undefined ? [{ description: 'p', value: s.purchase, country: 'DEU' }] : [],
          ...(s.wagesShare !== undefined
            ? { distribution: { wages: s.price * s.wagesShare * 0.1, profit: s.price * 0.01 } }
            : {}),
        })),
      };
    }),
);
