/**
 * The fuzzer's mutations (part b of the inputs): one or two one-step changes of a valid seed
 * argument list, anywhere in it.
 */
import fc from 'fast-check';
import { builtinNames, hostileStrings, junk } from './junk.js';
import { deepClone } from './values.js';

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
