import { describe, expect, it } from 'vitest';
import { GvcError, policyConflicts } from '../../src/index.js';
import { errorOf } from '../helpers.js';

// Expected: the rule table of policyConflicts, from Kaplinsky (2015): open (VS) and restrictive
// (additive) levers conflict over the trade regime; a large economy can insulate (China's SEZs, "walk
// on more than one leg"); a small one cannot; zones selling domestically invite malfeasance.
const both = ['export-processing-zones', 'local-content-rules'];

describe('policyConflicts', () => {
  it('finds no conflict without both open and restrictive levers (neutral levers never conflict)', () => {
    const vs = policyConflicts(['trade-facilitation', 'skills', 'resource-skills'], { size: 'small' });
    expect(vs).toMatchObject({
      conflict: false,
      resolution: 'none',
      open: ['trade-facilitation'],
      restrictive: [],
      families: ['additive', 'vertically-specialised'],
      risks: [],
    });
    expect(policyConflicts(['local-content-rules', 'skills'], { size: 'small' }).conflict).toBe(false);
    expect(policyConflicts([], { size: 'large' }).resolution).toBe('none');
  });

  it('a large economy with insulated zones resolves the conflict', () => {
    const r = policyConflicts(both, { size: 'large', insulatedZones: true });
    expect(r).toMatchObject({
      conflict: true,
      resolution: 'insulated',
      open: ['export-processing-zones'],
      restrictive: ['local-content-rules'],
      risks: [],
    });
    expect(r.reason).toMatch(/walk on more than one leg/);
  });

  it('boundaries of insulation: not insulated, zones selling at home, or a small economy', () => {
    expect(policyConflicts(both, { size: 'large' }).resolution).toBe('unresolved');
    expect(policyConflicts(both, { size: 'large', insulatedZones: false }).resolution).toBe('unresolved');
    const leaking = policyConflicts(both, {
      size: 'large',
      insulatedZones: true,
      zonesSellDomestically: true,
    });
    expect(leaking.resolution).toBe('unresolved');
    expect(leaking.risks[0]).toMatch(/malfeasance/);
    const small = policyConflicts(both, { size: 'small', insulatedZones: true });
    expect(small.resolution).toBe('unresolved');
    expect(small.reason).toMatch(/small economy cannot insulate/);
    expect(policyConflicts(both, { size: 'small', zonesSellDomestically: true }).risks).toHaveLength(1);
    expect(policyConflicts(both, { size: 'small', zonesSellDomestically: false }).risks).toEqual([]);
  });

  it('lists every problem with its path', () => {
    try {
      policyConflicts(['skills', 'tariff-holiday', 'skills'], { size: 'medium', zones: 1 } as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GvcError);
      const err = e as GvcError;
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.issues.map((i) => i.path)).toEqual([
        'portfolio[1]',
        'portfolio[2]',
        'economy.size',
        'economy',
      ]);
      expect(err.issues[1]?.message).toBe(
        'expected each lever once, found "skills" again (as at portfolio[0])',
      );
      expect(err.issues[0]?.message).toMatch(
        /^expected a lever id of policyAgenda \(.*\), found "tariff-holiday"$/,
      );
    }
  });

  it('does not mutate its inputs', () => {
    const portfolio = Object.freeze([...both]);
    const economy = Object.freeze({ size: 'small' as const });
    policyConflicts(portfolio, economy);
    expect(portfolio).toEqual(both);
    expect(economy).toEqual({ size: 'small' });
  });
});

describe('policyConflicts: documented pairs and the explanation (issue #18)', () => {
  // Case P2 — Kaplinsky 2015; Kaplinsky & Morris 2016 ("walk on more than one leg"): unchanged answer,
  // no documented pair between zones and local content (that clash is the trade-regime rule).
  it('keeps the insulated answer for a large economy, with no pair', () => {
    const r = policyConflicts(both, { size: 'large', insulatedZones: true });
    expect(r.resolution).toBe('insulated');
    expect(r.pairs).toEqual([]);
    expect(r.explanation.rules).toEqual(['trade-regime-insulated']);
    expect(r.explanation.evidence).toEqual([
      'portfolio[0]',
      'portfolio[1]',
      'economy.size',
      'economy.insulatedZones',
    ]);
  });

  // Case P3 — Morris, Staritz & Barnes 2011 (Lesotho, Swaziland): AGOA's third-country fabric
  // provision rests on imported fabric, so limiting imported inputs removes the preference's advantage;
  // trade preferences are open, input limits restrictive: a small economy cannot insulate them.
  it('reports AGOA trade preferences against limits on imported inputs as a pair, in catalogue order', () => {
    const r = policyConflicts(['trade-preferences', 'imported-input-limits'], { size: 'small' });
    expect(r).toMatchObject({
      conflict: true,
      resolution: 'unresolved',
      open: ['trade-preferences'],
      restrictive: ['imported-input-limits'],
      families: ['additive', 'vertically-specialised'],
    });
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]?.levers).toEqual(['imported-input-limits', 'trade-preferences']);
    expect(r.pairs[0]?.reason).toMatch(/third-country fabric/);
    expect(r.explanation.rules).toEqual(['trade-regime-unresolved', 'lever-pair']);
    expect(r.explanation.sources).toContain('Morris, Staritz & Barnes 2011');
    expect(r.explanation.text).toMatch(/imported-input-limits and trade-preferences conflict/);
  });

  // Case P4 — Kaplinsky 2015: small economies whose EPZs sell domestically invite malfeasance; offsets
  // are a restrictive (local-content) lever, so the clash with zones is the trade-regime rule.
  it('treats offsets as restrictive: zones selling at home in a small economy are unresolved, with the risk', () => {
    const r = policyConflicts(['export-processing-zones', 'offsets'], {
      size: 'small',
      zonesSellDomestically: true,
    });
    expect(r.resolution).toBe('unresolved');
    expect(r.families).toEqual(['vertically-specialised']);
    expect(r.pairs).toEqual([]);
    expect(r.risks[0]).toMatch(/malfeasance/);
    expect(r.explanation.rules).toEqual(['trade-regime-unresolved', 'zones-sell-domestically']);
    expect(r.explanation.evidence).toContain('economy.zonesSellDomestically');
  });

  it('accepts every lever of the full catalogue and lists them all for an unknown id', () => {
    const neutral = policyConflicts(['skills-programmes', 'standards-and-certification'], { size: 'small' });
    expect(neutral).toMatchObject({ conflict: false, resolution: 'none', pairs: [] });
    expect(neutral.explanation.rules).toEqual(['trade-regime-none']);
    const e = errorOf(() => policyConflicts(['agoa'], { size: 'small' }));
    expect(e.issues[0]?.message).toMatch(/trade-preferences\), found "agoa"$/);
  });
});
