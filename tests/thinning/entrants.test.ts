/**
 * Issue #18, point 2: entrants vs incumbents in thinningProfile (rules T1, T1b, T2–T5), the
 * `rebuildingAfter` option, `peakShareBeforeThinning` / `rebuiltToPeak` and the explanations.
 * Shares marked illustrative are ours: the sources give the direction, not the figure.
 */
import { describe, expect, it } from 'vitest';
import { Explanation } from '../../src/core/explanation.js';
import { ThinningRuleId, thinningProfile } from '../../src/thinning/index.js';
import { deepFreeze, isDeepFrozen } from '../helpers.js';

const o = (period: number, valueAddedShare: number, functions: string[] = [], extra = {}) => ({
  period,
  valueAddedShare,
  functions,
  ...extra,
});
const kinds = (p: ReturnType<typeof thinningProfile>) => p.transitions.map((t) => t.kind);
const rules = (p: ReturnType<typeof thinningProfile>) => p.transitions.map((t) => t.rule);
const IS = ['component-manufacture', 'assembly', 'design', 'branding'];

describe('thinningProfile: entrants and incumbents (Kaplinsky 2015; Kaplinsky & Morris 2016)', () => {
  // T1 — Kaplinsky 2015, section on thinning and thickening (thinning-in: entrants join at a low
  // share, cut-make-trim apparel); Kaplinsky & Morris 2016. Shares illustrative.
  it('T1: an entrant with no earlier activity joining at a low share is thinning-in', () => {
    const p = thinningProfile([o(1995, 0, []), o(2000, 0.05, ['assembly'], { newToChain: true })]);
    expect(kinds(p)).toEqual(['thinning-in']);
    expect(rules(p)).toEqual(['T1-entrant-low-share']);
    expect(p.transitions[0]?.entrant).toBe(true);
    expect(p.transitions[0]?.explanation).toMatch(/^1995 → 2000: T1: an entrant/);
  });

  // T2 — the counter-example. Kaplinsky 2015; Kaplinsky & Morris 2016: incumbent
  // import-substituting firms give up design and brand to assemble for a buyer (thinning-out).
  // Shares illustrative. Before the fix: 'thinning-in'.
  it('T2: an incumbent import-substituting firm entering a GVC as assembler is thinning-out (T1b)', () => {
    const p = thinningProfile([o(1985, 0.7, IS), o(1995, 0.08, ['assembly'], { newToChain: true })]);
    expect(kinds(p)).toEqual(['thinning-out']);
    expect(rules(p)).toEqual(['T1b-incumbent-entry']);
    const t = p.transitions[0];
    expect(t?.entrant).toBe(false);
    // hand: mean intensity (2 + 1 + 4 + 4) / 4 = 2.75 → 1, value added per unit not stated: no upgrading
    expect(t?.knowledgeIntensity).toEqual({ from: 2.75, to: 1 });
    expect(t?.withUpgrading).toBe(false);
    expect(t?.functionsDropped).toEqual(['component-manufacture', 'design', 'branding']);
    expect(p.peakShareBeforeThinning).toBe(0.7);
    expect(p.rebuiltToPeak).toBeNull();
  });

  // T2b — same source; the incumbent's earlier share is not on record, only the flag.
  it('T2b: the incumbent flag alone makes an entry thinning-out, saying the earlier share is not recorded', () => {
    const p = thinningProfile([
      o(1985, 0, []),
      o(1995, 0.08, ['assembly'], { newToChain: true, incumbent: true }),
    ]);
    expect(kinds(p)).toEqual(['thinning-out']);
    expect(rules(p)).toEqual(['T1b-incumbent-entry']);
    expect(p.transitions[0]?.explanation).toContain('earlier share not recorded');
    expect(p.explanation.evidence).toContain('observations[1].incumbent');
  });

  it('an earlier record of functions alone (share 0) also makes the participant an incumbent', () => {
    const p = thinningProfile([o(1, 0, ['assembly']), o(2, 0.05, ['assembly'], { newToChain: true })]);
    expect(rules(p)).toEqual(['T1b-incumbent-entry']);
    // a share of 0.005 ≤ τ = 0.01 with no functions is no record of activity: still an entrant
    const q = thinningProfile([o(1, 0.005, []), o(2, 0.05, ['assembly'], { newToChain: true })]);
    expect(rules(q)).toEqual(['T1-entrant-low-share']);
  });

  // T3 — Kaplinsky 2015: Ford's River Rouge (1927) added virtually all value in one plant; firms now
  // outsource non-core activities. 0.95 stands for "virtually all"; 0.3 illustrative.
  it('T3: River Rouge to a firm that outsources production is thinning-out with upgrading', () => {
    const p = thinningProfile([
      o(1927, 0.95, ['primary-processing', 'component-manufacture', 'assembly', 'design', 'branding']),
      o(2010, 0.3, ['assembly', 'design', 'branding']),
    ]);
    expect(kinds(p)).toEqual(['thinning-out']);
    expect(rules(p)).toEqual(['T3-share-fell']);
    expect(p.transitions[0]?.entrant).toBeNull();
    // hand: (1 + 2 + 1 + 4 + 4) / 5 = 2.4 → (1 + 4 + 4) / 3 = 3: intensity rose, share fell
    expect(p.transitions[0]?.knowledgeIntensity.from).toBeCloseTo(2.4, 12);
    expect(p.transitions[0]?.knowledgeIntensity.to).toBeCloseTo(3, 12);
    expect(p.transitions[0]?.withUpgrading).toBe(true);
  });

  // T4 — Kaplinsky 2015 (a thinned firm may rebuild its share, seldom to import-substitution depth);
  // Gereffi 1999 (OEM → OBM in East Asian apparel). Shares illustrative.
  it('T4: a thinned firm that rebuilds short of its import-substitution share', () => {
    const p = thinningProfile([
      o(1980, 0.7, IS),
      o(1990, 0.1, ['assembly']),
      o(2000, 0.3, ['assembly', 'design']),
    ]);
    expect(kinds(p)).toEqual(['thinning-out', 'rebuilding']);
    expect(rules(p)).toEqual(['T3-share-fell', 'T4-rebuilding']);
    expect(p.peakShareBeforeThinning).toBe(0.7);
    // hand: 0.3 < 0.7 − 0.01
    expect(p.rebuiltToPeak).toBe(false);
    expect(p.explanation.notes.some((n) => n.includes('not reached'))).toBe(true);
  });

  it('rebuiltToPeak is true when the last share comes back within the tolerance (illustrative)', () => {
    const p = thinningProfile([o(1, 0.4, IS), o(2, 0.1, ['assembly']), o(3, 0.395, IS)]);
    // hand: 0.395 ≥ 0.4 − 0.01 = 0.39
    expect(p.rebuiltToPeak).toBe(true);
    // the peak is the highest share up to the start of the first thinning: 0.5 here, not 0.4
    const q = thinningProfile([o(1, 0.4, IS), o(2, 0.5, IS), o(3, 0.1, ['assembly']), o(4, 0.45, IS)]);
    expect(q.peakShareBeforeThinning).toBe(0.5);
    expect(q.rebuiltToPeak).toBe(false);
  });

  // T8 — the stable tolerance (gvckit's convention: no source gives a number).
  it('T8: a change within the tolerance is stable (T2), with no peak', () => {
    const p = thinningProfile([o(1, 0.3), o(2, 0.31)]);
    expect(rules(p)).toEqual(['T2-stable']);
    expect(p.peakShareBeforeThinning).toBeNull();
    expect(p.explanation.text).toMatch(/^Overall stable/);
    expect(p.explanation.notes[0]).toContain("gvckit's convention");
  });

  // T9 — the option: an entrant never had a larger share to rebuild (Kaplinsky 2015's "rebuild …
  // seldom to import-substitution depth" speaks of incumbents). Shares illustrative.
  it("T9: rebuildingAfter 'thinning-out' makes an entrant's later rise thickening", () => {
    const obs = [
      o(1, 0, []),
      o(2, 0.05, ['assembly'], { newToChain: true }),
      o(3, 0.2, ['assembly', 'design']),
    ];
    expect(kinds(thinningProfile(obs))).toEqual(['thinning-in', 'rebuilding']);
    const strict = thinningProfile(obs, { rebuildingAfter: 'thinning-out' });
    expect(kinds(strict)).toEqual(['thinning-in', 'thickening']);
    expect(rules(strict)).toEqual(['T1-entrant-low-share', 'T5-thickening']);
    // an incumbent's rise after T1b is rebuilding under either reading
    const inc = [
      o(1, 0.6, IS),
      o(2, 0.05, ['assembly'], { newToChain: true }),
      o(3, 0.2, ['assembly', 'design']),
    ];
    expect(kinds(thinningProfile(inc, { rebuildingAfter: 'thinning-out' }))).toEqual([
      'thinning-out',
      'rebuilding',
    ]);
  });

  it('rejects an unknown rebuildingAfter at its path', () => {
    expect(() =>
      thinningProfile([o(1, 0), o(2, 0.1)], { rebuildingAfter: 'never' as 'thinning-out' }),
    ).toThrow(/options\.rebuildingAfter/);
  });

  it('returns a well-formed, frozen explanation and leaves its argument alone', () => {
    const obs = deepFreeze([o(1985, 0.7, IS), o(1995, 0.08, ['assembly'], { newToChain: true })]);
    const p = thinningProfile(obs);
    expect(Explanation.safeParse(p.explanation).success).toBe(true);
    expect(p.explanation.rules.every((r) => ThinningRuleId.options.includes(r as ThinningRuleId))).toBe(true);
    expect(p.explanation.text).toMatch(/^Overall thinning-out: .*T1b/);
    expect(p.explanation.sources[0]).toMatch(/^Kaplinsky 2015/);
    expect(isDeepFrozen(p)).toBe(true);
  });
});
