import { describe, expect, it } from 'vitest';
import {
  clusterHeatmap,
  linkageCurveChart,
  smileCurveChart,
  thinningChart,
  type VegaLiteSpec,
  valueAddedChart,
} from '../../src/charts/index.js';
import { GvcError, MAX_REPORTED_ISSUES } from '../../src/core/errors.js';
import { thrown } from '../helpers.js';
import { renderSvg } from './render.js';

const decomposition = {
  finalValue: 10,
  currency: 'USD',
  depth: 'full',
  byCountry: [
    { key: 'CHN', valueAdded: 2, share: 0.2 },
    { key: 'USA', valueAdded: 8, share: 0.8 },
  ],
};
const smile = {
  byPosition: [
    { position: 0, valueAdded: 4, share: 0.4, stages: ['design'] },
    { position: 1, valueAdded: 1, share: 0.1, stages: ['assembly'] },
    { position: 2, valueAdded: 5, share: 0.5, stages: ['retail'] },
  ],
  fit: { a: 0.35, b: -0.65, c: 0.4, rSquared: 1 },
};
const observations = [
  { period: 2000, valueAddedShare: 0.6 },
  { period: 2005, valueAddedShare: 0.3 },
];
const profile = {
  transitions: [{ from: 2000, to: 2005, kind: 'thinning-out' as const, withUpgrading: true }],
  overall: 'thinning-out',
};
const linkage = {
  observations: [{ period: 2000, domesticShare: 0.1 }],
  fitted: [
    { period: 2000, domesticShare: 0.1 },
    { period: 2010, domesticShare: 0.4 },
  ],
  scenarios: [{ name: 'speed', points: [{ period: 2010, domesticShare: 0.5 }] }],
};
const heatRows = [
  { key: 'local-only', growth: 1, upgrading: 0, growthAndUpgrading: 0, clusters: 4 },
  { key: 'international-only', growth: 6, upgrading: 7, growthAndUpgrading: 5, clusters: 9 },
];

const charts: Array<[string, () => VegaLiteSpec]> = [
  ['valueAddedChart', () => valueAddedChart(decomposition, { by: 'country' })],
  ['smileCurveChart', () => smileCurveChart(smile)],
  ['thinningChart', () => thinningChart(observations, profile)],
  ['linkageCurveChart', () => linkageCurveChart(linkage)],
  ['clusterHeatmap', () => clusterHeatmap(heatRows)],
];

/** Paths of every object or array reachable from `v` that is not frozen. */
function unfrozen(v: unknown): string[] {
  const out: string[] = [];
  const stack: Array<[string, unknown]> = [['', v]];
  while (stack.length > 0) {
    const [path, x] = stack.pop() as [string, unknown];
    if (x === null || typeof x !== 'object') continue;
    if (!Object.isFrozen(x)) out.push(path);
    for (const [k, c] of Object.entries(x)) stack.push([`${path}.${k}`, c]);
  }
  return out;
}

/** Every number reachable from `v` that is not finite. */
function nonFinite(v: unknown): string[] {
  const out: string[] = [];
  const stack: Array<[string, unknown]> = [['', v]];
  while (stack.length > 0) {
    const [path, x] = stack.pop() as [string, unknown];
    if (typeof x === 'number' && !Number.isFinite(x)) out.push(path);
    if (x !== null && typeof x === 'object')
      for (const [k, c] of Object.entries(x)) stack.push([`${path}.${k}`, c]);
  }
  return out;
}

function issuesOf(f: () => unknown): Array<{ path: string; message: string }> {
  const e = thrown(f);
  expect(e).toBeInstanceOf(GvcError);
  return (e as GvcError).issues;
}

describe.each(charts)('%s: the returned specification', (_name, make) => {
  it('is deeply frozen, and changing it throws in strict mode', () => {
    const spec = make();
    expect(unfrozen(spec)).toEqual([]);
    expect(() => {
      (spec as Record<string, unknown>).width = 1;
    }).toThrow(TypeError);
    const inner = Object.values(spec).find((v) => v !== null && typeof v === 'object') as Record<
      string,
      unknown
    >;
    expect(() => {
      inner.added = 1;
    }).toThrow(TypeError);
  });

  it('renders in Vega as it is, and rendering leaves it unchanged', async () => {
    const spec = make();
    const before = structuredClone(spec);
    expect((await renderSvg(spec)).startsWith('<svg')).toBe(true);
    expect(spec).toEqual(before);
  });

  it('does not freeze its arguments', () => {
    make();
    for (const arg of [decomposition, smile, observations, profile, linkage, heatRows]) {
      expect(Object.isFrozen(arg)).toBe(false);
    }
  });
});

describe('arguments of the wrong type: one GvcError rooted at the argument', () => {
  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;
  let deep: unknown = 1;
  for (let i = 0; i < 10_000; i++) deep = [deep];

  it.each([
    ['valueAddedChart', () => valueAddedChart(42 as never, { by: 'country' }), 'decompositions'],
    ['valueAddedChart', () => valueAddedChart(10n as never, { by: 'country' }), 'decompositions'],
    ['valueAddedChart', () => valueAddedChart(decomposition, null as never), 'options.by'],
    ['valueAddedChart', () => valueAddedChart(decomposition, 'country' as never), 'options'],
    ['smileCurveChart', () => smileCurveChart(undefined as never), 'smile'],
    ['smileCurveChart', () => smileCurveChart(cycle as never), 'smile.byPosition'],
    ['thinningChart', () => thinningChart(deep as never, profile), 'observations[0]'],
    ['thinningChart', () => thinningChart(observations, null as never), 'profile'],
    ['linkageCurveChart', () => linkageCurveChart([] as never), 'input'],
    ['clusterHeatmap', () => clusterHeatmap({} as never), 'rows'],
    ['clusterHeatmap', () => clusterHeatmap(heatRows, [] as never), 'options'],
  ])('%s: %s', (_name, call, path) => {
    const issues = issuesOf(call);
    expect(issues[0]?.path).toBe(path);
  });

  it('null options mean no options', () => {
    expect(() => smileCurveChart(smile, null as never)).not.toThrow();
    expect(() => thinningChart(observations, profile, null as never)).not.toThrow();
    expect(() => linkageCurveChart(linkage, null as never)).not.toThrow();
    expect(() => clusterHeatmap(heatRows, null as never)).not.toThrow();
  });

  it('reports problems of data and options together', () => {
    expect(issuesOf(() => smileCurveChart({ byPosition: 'x' } as never, { title: '' }))).toEqual([
      { path: 'smile.byPosition', message: 'expected an array, found "x"' },
      { path: 'options.title', message: 'expected a non-empty string, found ""' },
    ]);
  });
});

describe('messages show a bounded preview of the value, never the value', () => {
  const long = 'L'.repeat(1 << 20);

  it('a 1 MiB duplicate label is quoted cut', () => {
    const [issue] = issuesOf(() =>
      valueAddedChart([decomposition, decomposition], { by: 'country', labels: [long, long] }),
    );
    expect(issue).toEqual({
      path: 'options.labels[1]',
      message: `expected a distinct label for each bar, found "${'L'.repeat(40)}…" (1048576 characters) twice`,
    });
  });

  it('a 1 MiB row key, scenario name and period', () => {
    const rows = [
      { key: long, growth: 1, upgrading: 1, growthAndUpgrading: 1 },
      { key: long, growth: 1, upgrading: 1, growthAndUpgrading: 1 },
    ];
    expect(issuesOf(() => clusterHeatmap(rows))[0]?.message.length).toBeLessThan(120);
    const twice = {
      ...linkage,
      scenarios: [
        { name: long, points: [] },
        { name: long, points: [] },
      ],
    };
    expect(issuesOf(() => linkageCurveChart(twice))[0]?.message.length).toBeLessThan(120);
    const periods = [
      { period: long, valueAddedShare: 0.1 },
      { period: long, valueAddedShare: 0.2 },
    ];
    expect(issuesOf(() => thinningChart(periods, { transitions: [] }))).toEqual([
      {
        path: 'observations[1].period',
        message: `expected distinct periods, found "${'L'.repeat(40)}…" (1048576 characters) twice`,
      },
    ]);
  });

  it('a transition period that is a string is quoted', () => {
    expect(
      issuesOf(() =>
        thinningChart(observations, {
          transitions: [{ from: 2000, to: '2005', kind: 'stable', withUpgrading: false }],
        }),
      ),
    ).toEqual([
      { path: 'profile.transitions[0].to', message: 'expected a period with an observation, found "2005"' },
    ]);
  });

  it('caps the issues at 100, then "and N more problems"', () => {
    const bad = Array.from({ length: 1000 }, (_, i) => ({
      key: `r${i}`,
      growth: -1,
      upgrading: 0,
      growthAndUpgrading: 0,
    }));
    const issues = issuesOf(() => clusterHeatmap(bad));
    expect(issues).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(issues[0]).toEqual({
      path: 'rows[0].growth',
      message: 'expected a count (an integer >= 0), found -1',
    });
    expect(issues.at(-1)).toEqual({ path: '', message: 'and 900 more problems' });
  });
});

describe('built-in property names are plain data', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'a heat-map column named %s is a missing count, not a built-in',
    (field) => {
      expect(issuesOf(() => clusterHeatmap(heatRows, { columns: [{ field, label: field }] }))).toEqual([
        { path: `rows[0].${field}`, message: 'expected a count (an integer >= 0), found nothing' },
        { path: `rows[1].${field}`, message: 'expected a count (an integer >= 0), found nothing' },
      ]);
    },
  );

  it('a column named constructor reads an own count', () => {
    const rows = [{ key: 'a', constructor: 3 }] as never;
    const spec = clusterHeatmap(rows, { columns: [{ field: 'constructor', label: 'c' }] });
    expect((spec.data as { values: unknown[] }).values).toEqual([
      { row: 'a', column: 'c', count: 3, rowName: 'a', columnName: 'c' },
    ]);
  });

  it('keys, labels and stages named like built-ins chart as text', () => {
    const d = {
      ...decomposition,
      depth: '__proto__',
      byCountry: [
        { key: 'constructor', valueAdded: 5, share: 0.5 },
        { key: 'toString', valueAdded: 5, share: 0.5 },
      ],
    };
    const values = (
      valueAddedChart(d, { by: 'country' }).data as { values: Array<{ key: string; bar: string }> }
    ).values;
    expect(values.map((v) => [v.bar, v.key])).toEqual([
      ['__proto__', 'constructor'],
      ['__proto__', 'toString'],
    ]);
  });
});

describe('degenerate numbers: no NaN or Infinity in a specification from finite input', () => {
  it('a zero final value and zero shares pass through as zeros', () => {
    const zero = { finalValue: 0, currency: 'USD', byCountry: [{ key: 'GHA', valueAdded: 0, share: 0 }] };
    for (const measure of ['valueAdded', 'share'] as const) {
      expect(nonFinite(valueAddedChart(zero, { by: 'country', measure }))).toEqual([]);
    }
    const flat = { byPosition: smile.byPosition.map((p) => ({ ...p, valueAdded: 0, share: 0 })) };
    expect(nonFinite(smileCurveChart(flat))).toEqual([]);
  });

  it('a row of zero clusters has no share of the row (null), not NaN', () => {
    const spec = clusterHeatmap([
      { key: 'none', growth: 0, upgrading: 0, growthAndUpgrading: 0, clusters: 0 },
    ]);
    const values = (spec.data as { values: Array<{ shareOfRow: number | null }> }).values;
    expect(values.map((v) => v.shareOfRow)).toEqual([null, null, null]);
    expect(nonFinite(spec)).toEqual([]);
  });

  it('counts and values near the largest double stay finite', () => {
    const big = [{ key: 'a', growth: 1e308, upgrading: 0, growthAndUpgrading: 1 }];
    const spec = clusterHeatmap(big);
    expect(nonFinite(spec)).toEqual([]);
    // the text colour switches at half the largest count: 1e308 / 2 = 5e307
    expect(JSON.stringify(spec)).toContain('datum.count > 5e+307');
    const huge = {
      byPosition: smile.byPosition.map((p, i) => ({ ...p, valueAdded: 1e308 * (i - 1) })),
      fit: { a: 1e308, b: -1e308, c: 5e-324, rSquared: 0 },
    };
    expect(nonFinite(smileCurveChart(huge, { measure: 'valueAdded' }))).toEqual([]);
    const periods = [
      { period: -1e308, valueAddedShare: 0 },
      { period: 1e308, valueAddedShare: 1 },
    ];
    expect(nonFinite(thinningChart(periods, { transitions: [] }))).toEqual([]);
  });
});

describe('size: no recursion or spread over the rows', () => {
  it('charts a heat map of 150,000 rows', () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => ({ key: `r${i}`, n: i }));
    const spec = clusterHeatmap(rows, { columns: [{ field: 'n', label: 'n' }] });
    expect((spec.data as { values: unknown[] }).values).toHaveLength(150_000);
    // the colour scale ends at the largest count, 149,999
    expect(JSON.stringify((spec.layer as unknown[])[0])).toContain('"domain":[0,149999]');
  });
});
