import { describe, expect, expectTypeOf, it } from 'vitest';
import { classifyGrowthPath, GvcError } from '../../src/index.js';
import { deepFreeze } from '../helpers.js';

const pair = (v0: number, p0: number, v1: number, p1: number) => [
  { period: 1, volume: v0, unitPrice: p0 },
  { period: 2, volume: v1, unitPrice: p1 },
];

describe('classifyGrowthPath: every row of the rule table', () => {
  // Incomes by hand: volume × price. 100 × 10 = 1000 in period 1.
  it.each([
    [pair(100, 10, 120, 10), 'virtuous', 'up', 'up'], // 1200 > 1000
    [pair(100, 10, 125, 8), 'extensive', 'up', 'flat'], // 125 × 8 = 1000
    [pair(100, 10, 150, 6), 'immiserising', 'up', 'down'], // 900 < 1000
    [pair(100, 10, 100, 12), 'intensive', 'flat', 'up'], // 1200
    [pair(100, 10, 100, 10), 'stagnant', 'flat', 'flat'],
    [pair(100, 10, 100, 8), 'squeezed', 'flat', 'down'], // 800
    [pair(100, 10, 80, 15), 'intensive', 'down', 'up'], // 1200
    [pair(100, 10, 80, 12.5), 'contracting', 'down', 'flat'], // 80 × 12.5 = 1000
    [pair(100, 10, 80, 10), 'declining', 'down', 'down'], // 800
    [pair(100, 10, 0, 10), 'exclusion', 'down', 'down'],
    [pair(0, 10, 50, 10), 'entry', 'up', 'up'],
    [pair(0, 10, 0, 10), 'inactive', 'flat', 'flat'],
  ])('%j → %s', (series, path, activity, income) => {
    const r = classifyGrowthPath(series);
    expect(r.transitions).toEqual([{ from: 1, to: 2, path, activity, income }]);
  });
});

describe('classifyGrowthPath: tolerance boundaries', () => {
  // tolerance 0.25 on a base of 100 (volume) and 1000 (income): flat up to and including ±25%.
  it('a change of exactly the tolerance is flat; just beyond it counts', () => {
    const opts = { tolerance: 0.25 };
    // volume 125 (exactly +25%), income 125 × 8 = 1000: flat, flat
    expect(classifyGrowthPath(pair(100, 10, 125, 8), opts).transitions[0]?.path).toBe('stagnant');
    // volume 125.01 (> +25%), income 125.01 × 8 = 1000.08: up, flat
    expect(classifyGrowthPath(pair(100, 10, 125.01, 8), opts).transitions[0]?.path).toBe('extensive');
    // volume 75 (exactly −25%), income 75 × 10 = 750 (exactly −25%): flat, flat
    expect(classifyGrowthPath(pair(100, 10, 75, 10), opts).transitions[0]?.path).toBe('stagnant');
    // volume 74.99, income 749.9: down, down
    expect(classifyGrowthPath(pair(100, 10, 74.99, 10), opts).transitions[0]?.path).toBe('declining');
  });

  it('with the default tolerance, the smallest real change counts', () => {
    expect(classifyGrowthPath(pair(100, 10, 100.001, 10)).transitions[0]?.path).toBe('virtuous');
    expect(classifyGrowthPath(pair(100, 10, 100, 9.999)).transitions[0]?.path).toBe('squeezed');
  });
});

describe('classifyGrowthPath: real income and the immiserising path', () => {
  // Independent computation (python3, numpy 2.4):
  //   v = np.array([100,120,150.]); p = np.array([10,9,8.]); d = np.array([1,1.1,1.25])
  //   print('real income', v*p/d)   →  real income [1000. 981.81818182 960.]
  // Nominal income rises (1000, 1080, 1200) but real income falls: immiserising only once deflated.
  const series = [
    { period: 2000, volume: 100, unitPrice: 10, deflator: 1 },
    { period: 2001, volume: 120, unitPrice: 9, deflator: 1.1 },
    { period: 2002, volume: 150, unitPrice: 8, deflator: 1.25 },
  ];

  it('deflates income and classifies activity up, real income down as immiserising', () => {
    const r = classifyGrowthPath(series);
    expect(r.real).toBe(true);
    const incomes = r.points.map((p) => p.income);
    for (const [i, x] of [1000, 981.81818182, 960].entries()) expect(incomes[i]).toBeCloseTo(x, 6); // tolerance 1e-6
    expect(r.transitions.map((t) => t.path)).toEqual(['immiserising', 'immiserising']);
    expect(r.overall).toBe('immiserising');
  });

  it('without deflators the same volumes and prices are virtuous in nominal terms', () => {
    const nominal = series.map(({ deflator: _d, ...o }) => o);
    const r = classifyGrowthPath(nominal);
    expect(r.real).toBe(false);
    expect(r.points.map((p) => p.income)).toEqual([1000, 1080, 1200]); // 100×10, 120×9, 150×8
    expect(r.overall).toBe('virtuous');
  });
});

describe('classifyGrowthPath: overall', () => {
  it('is exclusion when the series ends at zero after activity, else first → last', () => {
    const s = [
      { period: 1, volume: 10, unitPrice: 1 },
      { period: 2, volume: 20, unitPrice: 1 },
      { period: 3, volume: 0 },
    ];
    expect(classifyGrowthPath(s).overall).toBe('exclusion');
    // up then down, back to where it began: first → last is stagnant
    expect(classifyGrowthPath([...s.slice(0, 2), { period: 3, volume: 10, unitPrice: 1 }]).overall).toBe(
      'stagnant',
    );
    // dropping out and re-entering: last is active, so first → last decides
    expect(
      classifyGrowthPath([
        s[0]!,
        { period: 2, volume: 0 },
        { period: 3, volume: 12, unitPrice: 1 },
      ]).transitions.map((t) => t.path),
    ).toEqual(['exclusion', 'entry']);
  });
});

describe('classifyGrowthPath: validation', () => {
  it('refuses fewer than two observations', () => {
    try {
      classifyGrowthPath([{ period: 1, volume: 1, unitPrice: 1 }]);
      expect.unreachable();
    } catch (e) {
      expect((e as GvcError).code).toBe('INSUFFICIENT_DATA');
    }
  });

  it('lists every problem with its path', () => {
    try {
      classifyGrowthPath([
        { period: 2, volume: 10, unitPrice: 1, deflator: 1 },
        { period: 1, volume: 5 },
        { period: 3, volume: -1, unitPrice: 1, deflator: 0 },
      ]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GvcError);
      const err = e as GvcError;
      expect(err.code).toBe('INVALID_INPUT');
      // element problems first, then the series' own (mixed deflators, order)
      expect(err.issues.map((i) => i.path)).toEqual([
        'series[1].unitPrice',
        'series[2].volume',
        'series[2].deflator',
        'series[1].deflator',
        'series[1].period',
      ]);
    }
    // the series' own rules, with their messages
    try {
      classifyGrowthPath([
        { period: 2, volume: 10, unitPrice: 1, deflator: 1 },
        { period: 1, volume: 5, unitPrice: 1 },
        { period: 'x', volume: 5, unitPrice: 1, deflator: 1 },
      ]);
      expect.unreachable();
    } catch (e) {
      expect((e as GvcError).issues).toEqual([
        {
          path: 'series[1].deflator',
          message: 'expected a deflator on every observation (2 of 3 have one), found none',
        },
        { path: 'series[1].period', message: 'expected a period after 2, found 1' },
        { path: 'series[2].period', message: 'expected a number period like the one before, found "x"' },
      ]);
    }
    expect(() =>
      classifyGrowthPath([
        { period: 'a', volume: 1, unitPrice: 1 },
        { period: 'a', volume: 1, unitPrice: 1 },
      ]),
    ).toThrow(/\[1\]\.period: expected a distinct period/);
    expect(() => classifyGrowthPath(pair(1, 1, 1, 1), { tolerance: 2 })).toThrow(/tolerance/);
  });

  it('does not mutate its input', () => {
    const input = deepFreeze(pair(100, 10, 150, 6));
    classifyGrowthPath(input);
    expect(input).toEqual(pair(100, 10, 150, 6));
  });
});

describe('contract type', () => {
  it('classifyGrowthPath returns { transitions: Array<{ from, to, path }>, overall }', () => {
    type R = ReturnType<typeof classifyGrowthPath>;
    expectTypeOf<R['transitions'][number]>().toHaveProperty('from').toEqualTypeOf<number | string>();
    expectTypeOf<R['transitions'][number]>().toHaveProperty('to').toEqualTypeOf<number | string>();
    expectTypeOf<R['transitions'][number]['path']>().toEqualTypeOf<R['overall']>();
    expectTypeOf<R['overall']>().toExtend<string>();
  });
});
