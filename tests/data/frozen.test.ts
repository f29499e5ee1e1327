import { describe, expect, it } from 'vitest';
import {
  africanClusters,
  africanClustersSource,
  cocoa,
  dominicanJeans,
  exampleIcio,
  iphone3g,
  publishedClusterTables,
} from '../../src/data/index.js';
import { createIcio, valueAddedExports } from '../../src/io/index.js';

const datasets: Array<[string, unknown]> = [
  ['iphone3g', iphone3g],
  ['cocoa', cocoa],
  ['dominicanJeans', dominicanJeans],
  ['africanClusters', africanClusters],
  ['africanClustersSource', africanClustersSource],
  ['publishedClusterTables', publishedClusterTables],
  ['exampleIcio', exampleIcio],
];

/** Every object and array reachable from `value`, with its path; typed arrays are reported apart. */
function walk(value: unknown): { objects: Array<[string, object]>; typed: string[] } {
  const objects: Array<[string, object]> = [];
  const typed: string[] = [];
  const stack: Array<[string, unknown]> = [['', value]];
  while (stack.length > 0) {
    const [path, v] = stack.pop() as [string, unknown];
    if (v === null || typeof v !== 'object') continue;
    if (ArrayBuffer.isView(v)) {
      typed.push(path);
      continue;
    }
    objects.push([path, v]);
    for (const [k, child] of Object.entries(v)) stack.push([`${path}.${k}`, child]);
  }
  return { objects, typed };
}

/** The first array or object that holds a value reachable at the deepest level, to mutate. */
function deepest(value: unknown): object {
  const { objects } = walk(value);
  let best: [string, object] = objects[0] as [string, object];
  for (const o of objects) if (o[0].split('.').length > best[0].split('.').length) best = o;
  return best[1];
}

describe.each(datasets)('%s', (_name, dataset) => {
  it('is deeply frozen, with no typed array that could not be', () => {
    const { objects, typed } = walk(dataset);
    expect(objects.length).toBeGreaterThan(0);
    for (const [path, o] of objects) expect(Object.isFrozen(o), `root${path}`).toBe(true);
    expect(typed).toEqual([]);
  });

  it('refuses every kind of change in strict mode and stays unchanged', () => {
    const before = structuredClone(dataset);
    const root = dataset as Record<string, unknown>;
    const inner = deepest(dataset) as Record<string, unknown>;
    for (const target of [root, inner]) {
      const key = Object.keys(target)[0] as string;
      expect(() => {
        target[key] = 'changed';
      }).toThrow(TypeError);
      expect(() => {
        target.added = 1;
      }).toThrow(TypeError);
      expect(() => {
        delete target[key];
      }).toThrow(TypeError);
      if (Array.isArray(target)) {
        expect(() => target.push(1)).toThrow(TypeError);
        expect(() => target.pop()).toThrow(TypeError);
        expect(() => target.sort()).toThrow(TypeError);
      }
      expect(() => Object.defineProperty(target, key, { value: 0 })).toThrow(TypeError);
      expect(() => Object.setPrototypeOf(target, null)).toThrow(TypeError);
    }
    expect(dataset).toEqual(before);
  });
});

describe('exampleIcio, frozen', () => {
  it('is still accepted by createIcio and the indicators', () => {
    // Gross output by hand, row sums of Z and Y for GHA_AGR: 8+12+2+1+30+0+1+14+0 + 20+1+1 = 90.
    const icio = createIcio(exampleIcio);
    expect(icio.x[0]).toBeCloseTo(90, 9);
    expect(valueAddedExports(icio).map((r) => r.country)).toEqual(['GHA', 'NLD', 'USA']);
    expect(exampleIcio.Z[0]?.[0]).toBe(8);
  });
});

describe('shared parts', () => {
  it('every cluster shares the one frozen source object', () => {
    for (const c of africanClusters) expect(c.source).toBe(africanClustersSource);
    expect(Object.isFrozen(africanClustersSource)).toBe(true);
  });
});
