import { describe, expect, it } from 'vitest';
import type { GvcError } from '../../src/core/errors.js';
import { functionKnowledgeIntensity, thinningProfile } from '../../src/thinning/profile.js';
import { deepFreeze, thrown } from '../helpers.js';

// Helper: an observation with a share and functions.
const o = (period: number, valueAddedShare: number, functions: string[] = ['assembly'], extra = {}) => ({
  period,
  valueAddedShare,
  functions,
  ...extra,
});
const kinds = (p: ReturnType<typeof thinningProfile>) => p.transitions.map((t) => t.kind);

describe('functionKnowledgeIntensity', () => {
  it('is the mean rank of distinct functions (hand: assembly 1, design 4 → 2.5)', () => {
    expect(functionKnowledgeIntensity(['assembly', 'design'])).toBe(2.5);
    expect(functionKnowledgeIntensity(['assembly', 'design', 'design'])).toBe(2.5);
    // (2 + 3 + 4) / 3 = 3
    expect(functionKnowledgeIntensity(['processing', 'marketing', 'branding'])).toBe(3);
  });
  it('is null with no functions', () => {
    expect(functionKnowledgeIntensity([])).toBeNull();
  });
  it('uses extra ranks, which also override the standard scale', () => {
    expect(functionKnowledgeIntensity(['logistics', 'assembly'], { logistics: 2 })).toBe(1.5);
    expect(functionKnowledgeIntensity(['assembly'], { assembly: 3 })).toBe(3);
  });
  it('names functions with no rank', () => {
    const e = thrown(() => functionKnowledgeIntensity(['assembly', 'logistics'])) as GvcError;
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toEqual([
      {
        path: 'functions[1]',
        message: 'expected a standard stage function or one ranked in extra, found "logistics"',
      },
    ]);
  });
});

describe('thinningProfile: the stable tolerance (default 0.01)', () => {
  it('treats a change of exactly 0.01 as stable, in both directions (0.31 − 0.30 despite binary rounding)', () => {
    expect(kinds(thinningProfile([o(1, 0.3), o(2, 0.31)]))).toEqual(['stable']);
    expect(kinds(thinningProfile([o(1, 0.31), o(2, 0.3)]))).toEqual(['stable']);
  });
  it('treats a change just beyond 0.01 as thickening or thinning-out', () => {
    expect(kinds(thinningProfile([o(1, 0.3), o(2, 0.3101)]))).toEqual(['thickening']);
    expect(kinds(thinningProfile([o(1, 0.3101), o(2, 0.3)]))).toEqual(['thinning-out']);
  });
  it('honours the option, including 0', () => {
    expect(kinds(thinningProfile([o(1, 0.3), o(2, 0.35)], { stableTolerance: 0.05 }))).toEqual(['stable']);
    expect(kinds(thinningProfile([o(1, 0.3), o(2, 0.3501)], { stableTolerance: 0.05 }))).toEqual([
      'thickening',
    ]);
    expect(kinds(thinningProfile([o(1, 0.3), o(2, 0.3)], { stableTolerance: 0 }))).toEqual(['stable']);
    expect(kinds(thinningProfile([o(1, 0.3), o(2, 0.3001)], { stableTolerance: 0 }))).toEqual(['thickening']);
  });
});

describe('thinningProfile: thinning-in (entry at a low share, default at most 0.1)', () => {
  it('classifies an entry at exactly the maximum as thinning-in', () => {
    const p = thinningProfile([o(1, 0, []), o(2, 0.1, ['assembly'], { newToChain: true })]);
    expect(kinds(p)).toEqual(['thinning-in']);
    expect(p.overall).toBe('thinning-in');
  });
  it('classifies an entry just above the maximum by its change of share', () => {
    expect(kinds(thinningProfile([o(1, 0, []), o(2, 0.1001, ['assembly'], { newToChain: true })]))).toEqual([
      'thickening',
    ]);
  });
  // Issue #18's counter-example (fixed): an incumbent with an import-substitution share before is not
  // an entrant; pushed into a narrow niche of a GVC it thins OUT (Kaplinsky 2015, section on thinning
  // and thickening; Kaplinsky & Morris 2016). Shares illustrative.
  it('is thinning-out, not thinning-in, for an incumbent with a higher import-substitution share before (a fall)', () => {
    const p = thinningProfile([
      o(1980, 0.7, ['component-manufacture', 'assembly', 'design']),
      o(1990, 0.05, ['assembly'], { newToChain: true }),
    ]);
    expect(kinds(p)).toEqual(['thinning-out']);
    expect(p.transitions[0]?.rule).toBe('T1b-incumbent-entry');
    expect(p.transitions[0]?.entrant).toBe(false);
    // share fell, knowledge intensity fell from (2 + 1 + 4) / 3 = 2.33 to 1: no upgrading
    expect(p.transitions[0]?.withUpgrading).toBe(false);
  });
  it('honours the option', () => {
    const obs = [o(1, 0, []), o(2, 0.2, ['assembly'], { newToChain: true })];
    expect(kinds(thinningProfile(obs, { entryShareMax: 0.2 }))).toEqual(['thinning-in']);
    expect(kinds(thinningProfile(obs, { entryShareMax: 0.1999 }))).toEqual(['thickening']);
  });
});

describe('thinningProfile: thickening versus rebuilding', () => {
  it('calls a rise thickening when the path has not thinned, even after stable periods', () => {
    expect(kinds(thinningProfile([o(1, 0.2), o(2, 0.205), o(3, 0.3)]))).toEqual(['stable', 'thickening']);
  });
  it('calls a rise after thinning-out rebuilding, even with stable periods between', () => {
    const p = thinningProfile([o(1, 0.5), o(2, 0.2), o(3, 0.2), o(4, 0.3)]);
    expect(kinds(p)).toEqual(['thinning-out', 'stable', 'rebuilding']);
    expect(p.overall).toBe('rebuilding');
  });
  it('calls a rise after thinning-in rebuilding', () => {
    const p = thinningProfile([o(1, 0, []), o(2, 0.04, ['assembly'], { newToChain: true }), o(3, 0.12)]);
    expect(kinds(p)).toEqual(['thinning-in', 'rebuilding']);
  });
  it('reports the functions added and dropped', () => {
    const p = thinningProfile([o(1, 0.1, ['assembly']), o(2, 0.2, ['assembly', 'component-manufacture'])]);
    expect(p.transitions[0]?.functionsAdded).toEqual(['component-manufacture']);
    expect(p.transitions[0]?.functionsDropped).toEqual([]);
  });
});

describe('thinningProfile: thinning with upgrading', () => {
  it('flags a fall in share with a rise in value added per unit', () => {
    const p = thinningProfile([
      o(1, 0.5, ['assembly'], { valueAddedPerUnit: 10 }),
      o(2, 0.3, ['assembly'], { valueAddedPerUnit: 12 }),
    ]);
    expect(p.transitions[0]).toMatchObject({
      kind: 'thinning-out',
      withUpgrading: true,
      valueAddedPerUnitChange: 2,
    });
  });
  it('does not flag it when value added per unit is unchanged and the functions are the same', () => {
    const p = thinningProfile([
      o(1, 0.5, ['assembly'], { valueAddedPerUnit: 10 }),
      o(2, 0.3, ['assembly'], { valueAddedPerUnit: 10 }),
    ]);
    expect(p.transitions[0]?.withUpgrading).toBe(false);
  });
  it('flags a fall in share when the knowledge intensity of the functions rises (assembly given up)', () => {
    // design + branding + assembly: (4 + 4 + 1) / 3 = 3 → design + branding: 4
    const p = thinningProfile([
      o(1, 0.6, ['assembly', 'design', 'branding']),
      o(2, 0.2, ['design', 'branding']),
    ]);
    expect(p.transitions[0]).toMatchObject({
      kind: 'thinning-out',
      withUpgrading: true,
      functionsDropped: ['assembly'],
      knowledgeIntensity: { from: 3, to: 4 },
    });
  });
  it('does not flag a fall within the tolerance (stable), nor a rise in share', () => {
    const stable = thinningProfile([
      o(1, 0.31, ['assembly'], { valueAddedPerUnit: 1 }),
      o(2, 0.3, ['design'], { valueAddedPerUnit: 2 }),
    ]);
    expect(stable.transitions[0]).toMatchObject({ kind: 'stable', withUpgrading: false });
    const rise = thinningProfile([o(1, 0.2, ['assembly']), o(2, 0.4, ['design'])]);
    expect(rise.transitions[0]?.withUpgrading).toBe(false);
  });
  it('ignores value added per unit unless both periods state it', () => {
    const p = thinningProfile([o(1, 0.5, ['assembly']), o(2, 0.3, ['assembly'], { valueAddedPerUnit: 99 })]);
    expect(p.transitions[0]).toMatchObject({ withUpgrading: false, valueAddedPerUnitChange: null });
  });
  it('compares knowledge intensity only when both periods list functions', () => {
    const p = thinningProfile([o(1, 0.5, []), o(2, 0.3, ['design'])]);
    expect(p.transitions[0]).toMatchObject({
      withUpgrading: false,
      knowledgeIntensity: { from: null, to: 4 },
    });
  });
});

describe('thinningProfile: the whole path', () => {
  it('is stable when every transition is', () => {
    const p = thinningProfile([o(1, 0.2), o(2, 0.21), o(3, 0.2)]);
    expect(p.overall).toBe('stable');
    expect(p.kinds).toEqual({ 'thinning-in': 0, 'thinning-out': 0, thickening: 0, rebuilding: 0, stable: 2 });
  });
  it('is the kind of the last transition that is not stable', () => {
    expect(thinningProfile([o(1, 0.2), o(2, 0.5), o(3, 0.4), o(4, 0.405)]).overall).toBe('thinning-out');
    expect(thinningProfile([o(1, 0.2), o(2, 0.5), o(3, 0.505)]).overall).toBe('thickening');
    expect(thinningProfile([o(1, 0.6), o(2, 0.2), o(3, 0.3), o(4, 0.25)]).overall).toBe('thinning-out');
  });
  it('reports the net change, last share minus first (hand: 0.25 − 0.6 = −0.35)', () => {
    expect(thinningProfile([o(1, 0.6), o(2, 0.2), o(3, 0.25)]).netChange).toBeCloseTo(-0.35, 12);
  });
  it('orders observations by period, numeric or string', () => {
    const p = thinningProfile([o(2010, 0.3), o(1990, 0.6), o(2000, 0.2)]);
    expect(p.transitions.map((t) => [t.from, t.to])).toEqual([
      [1990, 2000],
      [2000, 2010],
    ]);
    const s = thinningProfile([
      { period: '2015-06', valueAddedShare: 0.1, functions: [] },
      { period: '2015-01', valueAddedShare: 0.3, functions: [] },
    ]);
    expect(s.transitions[0]).toMatchObject({ from: '2015-01', to: '2015-06', kind: 'thinning-out' });
  });
});

describe('thinningProfile: validation', () => {
  it('refuses a single observation with INSUFFICIENT_DATA', () => {
    const e = thrown(() => thinningProfile([o(1, 0.2)])) as GvcError;
    expect(e.code).toBe('INSUFFICIENT_DATA');
    expect(e.message).toBe(
      'cannot classify a thinning path: observations: expected at least 2 observations, found 1',
    );
  });
  it('reports invalid fields and options at once, with paths', () => {
    const e = thrown(() =>
      thinningProfile([o(1, 1.5), { period: 2, functions: [] } as never], { stableTolerance: -1 }),
    ) as GvcError;
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path)).toEqual([
      'observations[0].valueAddedShare',
      'observations[1].valueAddedShare',
      'options.stableTolerance',
    ]);
  });
  it('reports unranked functions, repeated periods and mixed period types', () => {
    const e = thrown(() =>
      thinningProfile([
        o(1, 0.2, ['assembly', 'logistics']),
        o(1, 0.3),
        { period: '2001', valueAddedShare: 0.3, functions: [] },
      ]),
    ) as GvcError;
    expect(e.issues).toEqual([
      {
        path: 'observations[0].functions[1]',
        message:
          'expected a standard stage function or one ranked in options.knowledgeIntensity, found "logistics"',
      },
      {
        path: 'observations[1].period',
        message: 'expected a distinct period, found 1 as at observations[0]',
      },
      {
        path: 'observations[2].period',
        message: 'expected a number period like observations[0].period, found "2001"',
      },
    ]);
  });
  it('accepts a function ranked in options.knowledgeIntensity', () => {
    const p = thinningProfile([o(1, 0.5, ['assembly']), o(2, 0.3, ['logistics'])], {
      knowledgeIntensity: { logistics: 2 },
    });
    expect(p.transitions[0]).toMatchObject({ withUpgrading: true, knowledgeIntensity: { from: 1, to: 2 } });
  });
  it('does not mutate its input', () => {
    const obs = [o(2000, 0.2, ['assembly'], { valueAddedPerUnit: 1 }), o(1990, 0.6, ['assembly', 'design'])];
    const frozen = deepFreeze(structuredClone(obs));
    const options = deepFreeze({ knowledgeIntensity: { logistics: 2 } });
    thinningProfile(frozen, options);
    expect(frozen).toEqual(obs);
    expect(options).toEqual({ knowledgeIntensity: { logistics: 2 } });
  });
});

describe('functionKnowledgeIntensity: purity', () => {
  it('does not mutate its inputs', () => {
    const functions = deepFreeze(['design', 'assembly']);
    const extra = deepFreeze({ logistics: 2 });
    functionKnowledgeIntensity(functions, extra);
    expect(functions).toEqual(['design', 'assembly']);
    expect(extra).toEqual({ logistics: 2 });
  });
});
