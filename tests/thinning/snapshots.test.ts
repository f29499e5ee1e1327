/**
 * Issue #18, point 2: thinning judged from snapshots of the chains themselves
 * (thinningFromChains, compareChainSnapshots). Expected shares are hand calculations from the
 * datasets' published prices (shown in comments), not outputs of the code under test.
 */
import { describe, expect, it } from 'vitest';
import { relocateStage } from '../../src/chains/index.js';
import { Explanation } from '../../src/core/explanation.js';
import { cocoa, cocoaGhanaGrinding, iphone3g } from '../../src/data/index.js';
import { compareChainSnapshots, thinningFromChains } from '../../src/thinning/index.js';
import { errorOf, isDeepFrozen } from '../helpers.js';

// Counterfactual of Xing & Detert (2010): the same chain with the assembly in Taiwan.
const assembledInTaiwan = relocateStage(iphone3g, 'assembly', { country: 'TWN' });

describe('thinningFromChains (Kaplinsky 2015; Hirschman 1981)', () => {
  // T5 — Kaplinsky 2015: Ghana's policy drew grinders into the country (a forward linkage, Hirschman
  // 1981 ch. 4). Hand, per bar (final price 1): grow 0.64 × 2.5 × 1.25 × 0.025 = 0.05; ferment-dry
  // (2.112 − 1.6) × 0.03125 = 0.016; export (4.16 − 2.112) × 0.03125 = 0.064 → 0.13; grinding
  // (8.24 − 1.25 × 4.16) × 0.025 = 0.076 → 0.206.
  it('T5: Ghana thickens when grinding moves there (0.13 → 0.206, T5, processing added)', () => {
    const p = thinningFromChains(
      [
        { period: 2015, chain: cocoa },
        { period: 2016, chain: cocoaGhanaGrinding },
      ],
      { country: 'GHA' },
    );
    expect(p.observations[0]?.valueAddedShare).toBeCloseTo(0.13, 12);
    expect(p.observations[1]?.valueAddedShare).toBeCloseTo(0.206, 12);
    expect(p.observations[0]?.functions).toEqual([
      'distribution',
      'growing/extraction',
      'primary-processing',
    ]);
    expect(p.observations[1]?.newToChain).toBeUndefined();
    expect(p.transitions.map((t) => [t.kind, t.rule])).toEqual([['thickening', 'T5-thickening']]);
    expect(p.transitions[0]?.functionsAdded).toEqual(['processing']);
    expect(p.transitions[0]?.entrant).toBeNull();
    expect(Explanation.safeParse(p.explanation).success).toBe(true);
    expect(p.explanation.evidence).toEqual(['snapshots[1].chain']);
  });

  it('T5 with the relocation helper gives the same shares (the same grinder, moved)', () => {
    const p = thinningFromChains(
      [
        { period: 2015, chain: cocoa },
        { period: 2016, chain: relocateStage(cocoa, 'grind', { country: 'GHA' }) },
      ],
      { country: 'GHA' },
    );
    expect(p.observations.map((x) => x.valueAddedShare)).toEqual([
      expect.closeTo(0.13, 12),
      expect.closeTo(0.206, 12),
    ]);
    expect(p.overall).toBe('thickening');
  });

  // Kaplinsky 2015: the grinder drawn into Ghana is a new participant at a small share of the bar's
  // value (hand: 0.076 ≤ 0.1), with no earlier activity in the chain: an entrant, thinning-in.
  it('the Ghanaian grinder is an entrant: thinning-in (T1)', () => {
    const p = thinningFromChains(
      [
        { period: 2015, chain: cocoa },
        { period: 2016, chain: cocoaGhanaGrinding },
      ],
      { actor: 'grinder-gha' },
    );
    expect(p.observations.map((x) => x.valueAddedShare)).toEqual([0, expect.closeTo(0.076, 12)]);
    expect(p.observations[1]).toMatchObject({ newToChain: true, incumbent: false });
    expect(p.transitions[0]).toMatchObject({
      kind: 'thinning-in',
      rule: 'T1-entrant-low-share',
      entrant: true,
    });
  });

  // T6 — Xing & Detert 2010 Table 1 and Kaplinsky 2015: China enters the iPhone chain with assembly at
  // US$6.50 of a US$500 retail price. Hand: 6.5 / 500 = 0.013.
  it('T6: China entering the iPhone chain through assembly is thinning-in, an entrant', () => {
    const p = thinningFromChains(
      [
        { period: 1, chain: assembledInTaiwan },
        { period: 2, chain: iphone3g },
      ],
      { country: 'CHN' },
    );
    expect(p.observations[0]?.valueAddedShare).toBe(0);
    expect(p.observations[1]?.valueAddedShare).toBeCloseTo(0.013, 12);
    expect(p.transitions[0]).toMatchObject({
      kind: 'thinning-in',
      rule: 'T1-entrant-low-share',
      entrant: true,
    });
  });

  // An incumbent that leaves and comes back is never an entrant (Kaplinsky 2015: thinning-out is the
  // incumbents'). Counterfactual order of the same two chains: CHN assembles, then not, then again.
  it('a country present in an earlier snapshot re-entering at a low share is thinning-out (T1b)', () => {
    const p = thinningFromChains(
      [
        { period: 1, chain: iphone3g },
        { period: 2, chain: assembledInTaiwan },
        { period: 3, chain: iphone3g },
      ],
      { country: 'CHN' },
    );
    expect(p.transitions.map((t) => t.rule)).toEqual(['T3-share-fell', 'T1b-incumbent-entry']);
    expect(p.observations[2]).toMatchObject({ newToChain: true, incumbent: true });
  });

  it('orders the snapshots by period and keeps observations in the order given', () => {
    const p = thinningFromChains(
      [
        { period: 2016, chain: cocoaGhanaGrinding },
        { period: 2015, chain: cocoa },
      ],
      { country: 'GHA' },
    );
    expect(p.observations[0]?.period).toBe(2016);
    expect(p.transitions[0]).toMatchObject({ from: 2015, to: 2016, kind: 'thickening' });
    expect(isDeepFrozen(p)).toBe(true);
  });

  it('reports every invalid argument at its path', () => {
    const e = errorOf(() =>
      thinningFromChains(
        [
          { period: 1, chain: cocoa },
          { period: 1, chain: { id: 'x' } as never },
        ],
        { stages: ['grind'] } as never,
        { depth: 'deep' } as never,
      ),
    );
    expect(e.code).toBe('INVALID_INPUT');
    const paths = e.issues.map((i) => i.path);
    expect(paths).toContain('snapshots[1].period');
    expect(paths).toContain('subject');
    expect(paths).toContain('options.depth');
    expect(paths.some((x) => x.startsWith('snapshots[1].chain'))).toBe(true);
  });

  it('names an actor found in no snapshot (NOT_FOUND), rather than calling its path stable', () => {
    const e = errorOf(() =>
      thinningFromChains(
        [
          { period: 1, chain: cocoa },
          { period: 2, chain: cocoaGhanaGrinding },
        ],
        { actor: 'grindr' },
      ),
    );
    expect(e.code).toBe('NOT_FOUND');
    expect(e.issues[0]?.path).toBe('subject.actor');
  });

  it('needs at least two snapshots', () => {
    expect(errorOf(() => thinningFromChains([{ period: 1, chain: cocoa }], { country: 'GHA' })).code).toBe(
      'INSUFFICIENT_DATA',
    );
  });

  it('names a function without a knowledge-intensity rank at its stage, and accepts a rank', () => {
    const odd = {
      ...cocoa,
      stages: cocoa.stages.map((s) => (s.id === 'grind' ? { ...s, function: 'roasting' } : s)),
    };
    const snaps = [
      { period: 1, chain: cocoa },
      { period: 2, chain: odd },
    ];
    const e = errorOf(() => thinningFromChains(snaps, { country: 'NLD' }));
    expect(e.issues.map((i) => i.path)).toEqual(['snapshots[1].chain.stages[3].function']);
    const p = thinningFromChains(snaps, { country: 'NLD' }, { knowledgeIntensity: { roasting: 2 } });
    expect(p.transitions[0]?.functionsAdded).toEqual(['roasting']);
  });

  it('rejects a zero final price as UNSUPPORTED', () => {
    const free = {
      ...cocoa,
      stages: cocoa.stages.map((s) =>
        s.id === 'retail' ? { ...s, output: { ...s.output, unitPrice: 0 } } : s,
      ),
    };
    const e = errorOf(() =>
      thinningFromChains(
        [
          { period: 1, chain: cocoa },
          { period: 2, chain: free },
        ],
        { country: 'GHA' },
      ),
    );
    expect(e.code).toBe('UNSUPPORTED');
    expect(e.issues[0]?.path.startsWith('snapshots[1].chain')).toBe(true);
  });
});

describe('compareChainSnapshots (Kaplinsky 2015; Xing & Detert 2010)', () => {
  // T7 — a country can be an entrant while the firm is an incumbent: Foxconn moved, it did not thin.
  it('T7: China enters, Taiwan exits, Foxconn is a relocated incumbent (hand: 6.5 / 500 = 0.013)', () => {
    const c = compareChainSnapshots(assembledInTaiwan, iphone3g);
    const chn = c.byCountry.find((x) => x.key === 'CHN');
    const twn = c.byCountry.find((x) => x.key === 'TWN');
    expect(chn).toMatchObject({
      status: 'entrant',
      kind: 'thinning-in',
      rule: 'T1-entrant-low-share',
      shareBefore: 0,
    });
    expect(chn?.shareAfter).toBeCloseTo(0.013, 12);
    expect(twn).toMatchObject({ status: 'exit', kind: 'exit', rule: 'X-exit', shareAfter: 0 });
    expect(twn?.shareBefore).toBeCloseTo(0.013, 12);
    expect(c.byActor.find((x) => x.key === 'foxconn')).toMatchObject({ status: 'incumbent', kind: 'stable' });
    const chnRow = c.composition.find((r) => r.country === 'CHN');
    const twnRow = c.composition.find((r) => r.country === 'TWN');
    expect(chnRow).toMatchObject({
      entrants: [],
      incumbents: ['foxconn'],
      relocatedIn: ['foxconn'],
      exits: [],
    });
    expect(twnRow).toMatchObject({ relocatedOut: ['foxconn'], exits: [], incumbents: [] });
    expect(c.explanation.text).toContain('incumbent actors relocated: foxconn');
  });

  // Kaplinsky 2015 (Ghana drew grinders in): the new Ghanaian grinder is an entrant in Ghana, the
  // Dutch grinder an exit; Ghana's smallholders and exporter stay. Hand as in T5.
  it('cocoa: the Ghanaian grinder enters, the Dutch one exits, Ghana thickens', () => {
    const c = compareChainSnapshots(cocoa, cocoaGhanaGrinding);
    expect(c.byCountry.find((x) => x.key === 'GHA')).toMatchObject({
      status: 'incumbent',
      kind: 'thickening',
    });
    expect(c.byActor.find((x) => x.key === 'grinder-gha')).toMatchObject({
      status: 'entrant',
      kind: 'thinning-in',
    });
    expect(c.byActor.find((x) => x.key === 'grinder')).toMatchObject({ status: 'exit', rule: 'X-exit' });
    const gha = c.composition.find((r) => r.country === 'GHA');
    expect(gha).toMatchObject({
      entrants: ['grinder-gha'],
      incumbents: ['exporter', 'smallholders'],
      exits: [],
    });
    expect(gha?.entrantsShare).toBeCloseTo(0.076, 12);
    expect(gha?.incumbentsShareBefore).toBeCloseTo(0.13, 12);
    expect(gha?.incumbentsShareAfter).toBeCloseTo(0.13, 12);
    expect(c.composition.find((r) => r.country === 'NLD')).toMatchObject({ exits: ['grinder'] });
  });

  it('keeps the identities exits + incumbents before = share before, entrants + incumbents after = share after', () => {
    for (const [b, a] of [
      [assembledInTaiwan, iphone3g],
      [cocoa, cocoaGhanaGrinding],
      [cocoa, relocateStage(cocoa, 'grind', { country: 'GHA' })],
    ] as const) {
      const c = compareChainSnapshots(b, a);
      for (const row of c.composition) {
        const ch = c.byCountry.find((x) => x.key === row.country);
        expect(
          Math.abs(row.exitsShare + row.incumbentsShareBefore - (ch?.shareBefore ?? Number.NaN)),
        ).toBeLessThan(1e-12);
        expect(
          Math.abs(row.entrantsShare + row.incumbentsShareAfter - (ch?.shareAfter ?? Number.NaN)),
        ).toBeLessThan(1e-12);
      }
    }
  });

  it('reports invalid chains under before and after, and is frozen', () => {
    const e = errorOf(() => compareChainSnapshots({ id: 1 } as never, { id: 2 } as never));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.some((i) => i.path.startsWith('before'))).toBe(true);
    expect(e.issues.some((i) => i.path.startsWith('after'))).toBe(true);
    expect(isDeepFrozen(compareChainSnapshots(cocoa, cocoaGhanaGrinding))).toBe(true);
  });
});
