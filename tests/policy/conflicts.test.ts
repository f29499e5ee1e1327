import { describe, expect, it } from 'vitest';
import { GvcError, policyConflicts } from '../../src/index.js';

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
