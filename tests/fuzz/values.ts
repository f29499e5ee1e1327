/**
 * Value utilities of the fuzz harness that must survive anything the fuzzer makes: a cloner and a
 * deep-equality check that tolerate functions, typed arrays, Maps, Sets, cycles, bigints, `-0`,
 * `NaN`, own `__proto__` keys and 10,000-deep nesting (every walk uses an explicit stack, never
 * recursion), plus bounded previews and finiteness and frozenness walks.
 */

type Obj = Record<PropertyKey, unknown>;

const isObject = (v: unknown): v is object =>
  (typeof v === 'object' && v !== null) || typeof v === 'function';

/** Own enumerable string and symbol keys (what a mutation of data can change). */
function ownKeys(o: object): PropertyKey[] {
  return Reflect.ownKeys(o).filter((k) => Object.getOwnPropertyDescriptor(o, k)?.enumerable);
}

function readOwn(o: object, k: PropertyKey): unknown {
  const d = Object.getOwnPropertyDescriptor(o, k);
  if (d === undefined) return undefined;
  return 'value' in d ? d.value : undefined;
}

function defineOwn(o: object, k: PropertyKey, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/**
 * A deep copy that keeps functions by reference (they are not data), copies typed arrays, Maps, Sets
 * and Dates, keeps prototypes (null-prototype objects stay so), defines own `__proto__` keys as own
 * properties and maps cycles onto the copy. `frozen: true` records nothing different: the copy is
 * always unfrozen; the original's frozenness is compared by {@link firstDifference}.
 */
export function deepClone<T>(value: T): T {
  if (!isObject(value) || typeof value === 'function') return value;
  const seen = new Map<object, object>();
  const make = (o: object): object => {
    const known = seen.get(o);
    if (known !== undefined) return known;
    let c: object;
    if (ArrayBuffer.isView(o)) {
      c =
        o instanceof DataView
          ? new DataView(o.buffer.slice(0))
          : (o as unknown as { slice(): object }).slice();
      seen.set(o, c);
      return c;
    }
    if (o instanceof ArrayBuffer) c = o.slice(0);
    else if (o instanceof Date) c = new Date(o.getTime());
    else if (o instanceof Map) c = new Map();
    else if (o instanceof Set) c = new Set();
    else if (Array.isArray(o)) c = new Array(o.length);
    else c = Object.create(Object.getPrototypeOf(o));
    seen.set(o, c);
    work.push([o, c]);
    return c;
  };
  const work: Array<[object, object]> = [];
  const root = make(value as object);
  while (work.length > 0) {
    const [o, c] = work.pop() as [object, object];
    const child = (v: unknown) => (isObject(v) && typeof v !== 'function' ? make(v) : v);
    if (o instanceof Map) for (const [k, v] of o) (c as Map<unknown, unknown>).set(child(k), child(v));
    else if (o instanceof Set) for (const v of o) (c as Set<unknown>).add(child(v));
    if (o instanceof ArrayBuffer || o instanceof Date) continue;
    for (const k of ownKeys(o)) defineOwn(c, k, child(readOwn(o, k)));
  }
  return root as T;
}

/** A path as a linked list (cheap to extend at every level of a 10,000-deep value). */
export type LinkedPath = { up: LinkedPath; k: PropertyKey } | null;

const extend = (up: LinkedPath, k: PropertyKey): LinkedPath => ({ up, k });

function toArray(p: LinkedPath): PropertyKey[] {
  const out: PropertyKey[] = [];
  for (let q = p; q !== null; q = q.up) out.push(q.k);
  return out.reverse();
}

/** A path in JavaScript accessor notation. */
export function pathString(linked: LinkedPath | ReadonlyArray<PropertyKey>): string {
  const path = Array.isArray(linked) ? (linked as PropertyKey[]) : toArray(linked as LinkedPath);
  let s = '';
  for (const k of path) {
    if (typeof k === 'number') s += `[${k}]`;
    else if (typeof k === 'symbol') s += `[${String(k)}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(k)) s += s === '' ? k : `.${k}`;
    else s += `[${JSON.stringify(k.length > 20 ? `${k.slice(0, 20)}…` : k)}]`;
  }
  return s;
}

/**
 * The first place where `a` (the snapshot) and `b` (the argument after the call) differ, or
 * `undefined`: same types, prototypes, own enumerable keys, `Object.is` leaves, typed-array
 * contents, Map and Set entries (by position), and frozenness (an argument frozen by the call is a
 * change: the library must never freeze an argument).
 */
export function firstDifference(
  a: unknown,
  b: unknown,
  unfrozenBefore: WeakSet<object>,
  rootPath: LinkedPath = null,
): string | undefined {
  const pairs = new Set<string>();
  const ids = new Map<object, number>();
  const id = (o: object) => {
    let n = ids.get(o);
    if (n === undefined) {
      n = ids.size;
      ids.set(o, n);
    }
    return n;
  };
  const stack: Array<[unknown, unknown, LinkedPath]> = [[a, b, rootPath]];
  while (stack.length > 0) {
    const [x, y, path] = stack.pop() as [unknown, unknown, LinkedPath];
    const where = () => pathString(path) || '(argument)';
    if (!isObject(x) || !isObject(y) || typeof x === 'function' || typeof y === 'function') {
      if (!Object.is(x, y)) return `${where()}: ${preview(x)} became ${preview(y)}`;
      continue;
    }
    const key = `${id(x)}:${id(y)}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    if (unfrozenBefore.has(y) && Object.isFrozen(y) && !ArrayBuffer.isView(y)) {
      return `${where()}: the argument was frozen by the call`;
    }
    if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return `${where()}: prototype changed`;
    if (ArrayBuffer.isView(x)) {
      const xa = x as unknown as ArrayLike<unknown>;
      const ya = y as unknown as ArrayLike<unknown>;
      if (xa.length !== ya.length) return `${where()}: typed array length ${xa.length} became ${ya.length}`;
      for (let i = 0; i < xa.length; i++) {
        if (!Object.is(xa[i], ya[i])) return `${where()}[${i}]: ${preview(xa[i])} became ${preview(ya[i])}`;
      }
      continue;
    }
    if (x instanceof Map || x instanceof Set) {
      const xe = [...(x as Map<unknown, unknown>).entries()];
      const ye = [...(y as Map<unknown, unknown>).entries()];
      if (xe.length !== ye.length) return `${where()}: size ${xe.length} became ${ye.length}`;
      xe.forEach((e, i) => {
        stack.push([e, ye[i], extend(path, `<entry ${i}>`)]);
      });
    }
    if (x instanceof Date && !Object.is(x.getTime(), (y as Date).getTime()))
      return `${where()}: date changed`;
    const xk = ownKeys(x);
    const yk = ownKeys(y);
    if (xk.length !== yk.length || xk.some((k, i) => k !== yk[i])) {
      const added = yk.filter((k) => !xk.includes(k)).map(String);
      const removed = xk.filter((k) => !yk.includes(k)).map(String);
      return `${where()}: keys changed (added ${added.slice(0, 3).join(', ') || 'none'}; removed ${removed.slice(0, 3).join(', ') || 'none'})`;
    }
    for (const k of xk) {
      stack.push([
        readOwn(x, k),
        readOwn(y, k),
        extend(path, Array.isArray(x) && typeof k === 'string' && /^\d+$/.test(k) ? Number(k) : k),
      ]);
    }
  }
  return undefined;
}

/** The objects reachable from `v` that are not frozen (to tell later whether a call froze one). */
export function unfrozenObjects(v: unknown): WeakSet<object> {
  const out = new WeakSet<object>();
  walk(v, (x) => {
    if (isObject(x) && typeof x !== 'function' && !Object.isFrozen(x)) out.add(x);
    return undefined;
  });
  return out;
}

/** Calls `visit(value, path)` on every value reachable from `root` (objects once each), depth-first. */
export function walk(
  root: unknown,
  visit: (v: unknown, path: LinkedPath) => boolean | undefined,
  limit = 2_000_000,
): void {
  const seen = new Set<object>();
  const stack: Array<[unknown, LinkedPath]> = [[root, null]];
  let n = 0;
  while (stack.length > 0 && n++ < limit) {
    const [v, path] = stack.pop() as [unknown, LinkedPath];
    if (visit(v, path) === true) return;
    if (!isObject(v) || typeof v === 'function' || seen.has(v)) continue;
    seen.add(v);
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const a = v as unknown as ArrayLike<unknown>;
      for (let i = 0; i < a.length; i++) {
        if (visit(a[i], extend(path, i)) === true) return;
      }
      continue;
    }
    if (v instanceof Map) {
      let i = 0;
      for (const [k, x] of v) {
        stack.push([k, extend(path, `<key ${i}>`)], [x, extend(path, `<value ${i}>`)]);
        i++;
      }
    } else if (v instanceof Set) {
      let i = 0;
      for (const x of v) stack.push([x, extend(path, `<entry ${i++}>`)]);
    }
    const keys = ownKeys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i] as PropertyKey;
      stack.push([readOwn(v, k), extend(path, Array.isArray(v) && /^\d+$/.test(String(k)) ? Number(k) : k)]);
    }
  }
}

/** True when every number reachable from `v` is finite and no bigint occurs (bigints are not numbers). */
export function allNumbersFinite(v: unknown): boolean {
  let ok = true;
  walk(v, (x) => {
    if ((typeof x === 'number' && !Number.isFinite(x)) || typeof x === 'bigint') {
      ok = false;
      return true;
    }
    return undefined;
  });
  return ok;
}

/** The path and value of the first NaN or ±Infinity reachable from `v`, or `undefined`. */
export function firstNonFinite(v: unknown): string | undefined {
  let found: string | undefined;
  walk(v, (x, path) => {
    if (typeof x === 'number' && !Number.isFinite(x)) {
      found = `${pathString(path) || '(result)'} = ${x}`;
      return true;
    }
    return undefined;
  });
  return found;
}

/** The path of the first object or array reachable from `v` that is not frozen (typed arrays excepted). */
export function firstNotFrozen(v: unknown): string | undefined {
  let found: string | undefined;
  walk(v, (x, path) => {
    if (
      isObject(x) &&
      typeof x !== 'function' &&
      !ArrayBuffer.isView(x) &&
      !(x instanceof ArrayBuffer) &&
      !Object.isFrozen(x)
    ) {
      found = pathString(path) || '(result)';
      return true;
    }
    return undefined;
  });
  return found;
}

/** A short, safe description of any value (bounded in size and depth; never throws). */
export function preview(v: unknown, budget = 160): string {
  let out = '';
  const seen = new Set<object>();
  const go = (x: unknown, depth: number): void => {
    if (out.length > budget) return;
    switch (typeof x) {
      case 'string':
        out +=
          JSON.stringify(x.length > 30 ? `${x.slice(0, 30)}…` : x) +
          (x.length > 30 ? `(${x.length} chars)` : '');
        return;
      case 'number':
        out += Object.is(x, -0) ? '-0' : String(x);
        return;
      case 'bigint':
        out += `${String(x).slice(0, 20)}n`;
        return;
      case 'undefined':
        out += 'undefined';
        return;
      case 'function':
        out += `ƒ ${x.name || 'anonymous'}`;
        return;
      case 'symbol':
        out += String(x);
        return;
      case 'boolean':
        out += String(x);
        return;
      default:
    }
    if (x === null) {
      out += 'null';
      return;
    }
    const o = x as object;
    if (seen.has(o)) {
      out += '[cycle]';
      return;
    }
    if (depth > 3) {
      out += Array.isArray(o) ? `[…${o.length}]` : '{…}';
      return;
    }
    seen.add(o);
    try {
      if (ArrayBuffer.isView(o)) {
        const a = Array.from(o as unknown as ArrayLike<number>).slice(0, 6);
        out += `${o.constructor.name}(${(o as unknown as ArrayLike<number>).length})[${a.join(',')}]`;
        return;
      }
      if (o instanceof Map) {
        out += `Map(${o.size})`;
        return;
      }
      if (Array.isArray(o)) {
        out += '[';
        o.slice(0, 6).forEach((e, i) => {
          if (i) out += ',';
          go(e, depth + 1);
        });
        if (o.length > 6) out += `,…${o.length}`;
        out += ']';
        return;
      }
      out += Object.getPrototypeOf(o) === null ? '{ (null proto) ' : '{';
      ownKeys(o)
        .slice(0, 8)
        .forEach((k, i) => {
          if (i) out += ',';
          out += `${String(k)}:`;
          go(readOwn(o, k), depth + 1);
        });
      out += '}';
    } catch {
      out += '[unpreviewable]';
    }
  };
  try {
    go(v, 0);
  } catch {
    out += '[unpreviewable]';
  }
  return out.length > budget ? `${out.slice(0, budget)}…` : out;
}

/** Previews an argument list as `f(a, b)` arguments. */
export function previewArgs(args: readonly unknown[], budget = 300): string {
  const each = Math.max(40, Math.floor(budget / Math.max(1, args.length)));
  return args.map((a) => preview(a, each)).join(', ');
}

export type { Obj };
