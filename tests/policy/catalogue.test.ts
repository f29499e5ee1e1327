import { describe, expect, it } from 'vitest';
import { PolicyLever, policyAgenda } from '../../src/index.js';
import { errorOf, isDeepFrozen } from '../helpers.js';

// The paper's wider policy menu. Expected lists come from the catalogue table of the design (issue
// #18, point 6), itself read from Kaplinsky, R. (2015) UNU-MERIT WP 2015-027 (policy sections on
// vertically specialised and additive GVCs and clusters), Morris, Kaplinsky & Kaplan (2012) ch. 5–6,
// Dolan & Humphrey (2000) and Morris, Staritz & Barnes (2011): not from running gvckit.

const additiveCore = [
  'local-content-rules',
  'imported-input-limits',
  'raw-material-export-restrictions',
  'resource-infrastructure',
  'resource-skills',
];
const vsCore = [
  'trade-facilitation',
  'export-processing-zones',
  'innovation-systems',
  'skills',
  'rd-incentives',
];
const all = () => {
  const seen = new Map<string, PolicyLever>();
  for (const f of ['additive', 'vertically-specialised'] as const) {
    for (const l of policyAgenda(f, { catalogue: 'full' })) seen.set(l.id, l);
  }
  return [...seen.values()];
};

describe('policyAgenda: the full catalogue', () => {
  // Case P1 — Kaplinsky 2015 (Ethiopia: export taxes and bans on raw hides and skins; Indonesia): the
  // default agenda is today's, with the paper's examples; the full one adds five additive levers.
  it('keeps the default additive agenda and adds five levers with catalogue "full" (Kaplinsky 2015)', () => {
    expect(policyAgenda('additive').map((l) => l.id)).toEqual(additiveCore);
    expect(policyAgenda('additive', { catalogue: 'core' }).map((l) => l.id)).toEqual(additiveCore);
    expect(policyAgenda('additive', null as never).map((l) => l.id)).toEqual(additiveCore);
    expect(
      policyAgenda('additive').find((l) => l.id === 'raw-material-export-restrictions')?.examples,
    ).toEqual(['Ethiopia: leather', 'Indonesia']);
    expect(policyAgenda('additive', { catalogue: 'full' }).map((l) => l.id)).toEqual([
      ...additiveCore,
      'marketing-institutions',
      'linkage-development-zones',
      'standards-and-certification',
      'skills-programmes',
      'supplier-development',
    ]);
  });

  // Kaplinsky 2015 (AGOA; offsets as local content on procurement); Morris, Staritz & Barnes 2011.
  it('adds offsets and trade preferences to the vertically specialised agenda, with their stances', () => {
    expect(
      policyAgenda('vertically-specialised', { catalogue: 'full' }).map((l) => [l.id, l.tradeRegime]),
    ).toEqual([
      ...vsCore.map((id) => [
        id,
        id === 'trade-facilitation' || id === 'export-processing-zones' ? 'open' : 'neutral',
      ]),
      ['standards-and-certification', 'neutral'],
      ['skills-programmes', 'neutral'],
      ['offsets', 'restrictive'],
      ['supplier-development', 'neutral'],
      ['trade-preferences', 'open'],
    ]);
  });

  // Kaplinsky 2015 (inclusion and sustainability: top-down zones have had little local ownership);
  // Morris, Kaplinsky & Kaplan 2012 (supplier development by lead firms in mining).
  it('states which firms each lever fits', () => {
    const byId = new Map(all().map((l) => [l.id, l]));
    expect(byId.get('export-processing-zones')?.fits).toEqual({ ownership: ['foreign'] });
    expect(byId.get('local-content-rules')?.fits).toEqual({ ownership: ['domestic'], needsLeadFirm: true });
    expect(byId.get('supplier-development')?.fits).toEqual({
      size: ['small', 'medium'],
      needsLeadFirm: true,
    });
    expect(byId.get('offsets')?.fits).toEqual({ ownership: ['foreign'], needsLeadFirm: true });
    expect(byId.get('offsets')?.conflictsWith).toBeUndefined();
    expect(byId.get('marketing-institutions')?.examples).toEqual(["Ghana's Cocoa Board (COCOBOD)"]);
  });

  // Case P9 — catalogue integrity.
  it('has 17 levers with unique ids, known and symmetric cross-references, valid as PolicyLever', () => {
    const levers = all();
    expect(levers).toHaveLength(17);
    expect(levers.filter((l) => l.tier === 'core')).toHaveLength(10);
    const ids = new Set(levers.map((l) => l.id));
    expect(ids.size).toBe(17);
    for (const l of levers) {
      expect(PolicyLever.parse(l)).toEqual(l);
      expect(l.families?.[0]).toBe(l.family);
      for (const id of l.complements ?? []) expect(ids.has(id)).toBe(true);
      for (const c of l.conflictsWith ?? []) {
        expect(ids.has(c.lever)).toBe(true);
        const back = levers.find((m) => m.id === c.lever)?.conflictsWith?.find((x) => x.lever === l.id);
        expect(back?.reason).toBe(c.reason);
      }
    }
    // exactly one documented pair (Morris, Staritz & Barnes 2011)
    expect(levers.flatMap((l) => (l.conflictsWith ?? []).map((c) => c.lever)).sort()).toEqual([
      'imported-input-limits',
      'trade-preferences',
    ]);
  });

  it('reports a bad family and bad options together, and freezes its result', () => {
    expect(
      errorOf(() => policyAgenda('x' as never, { catalogue: 'all' as never })).issues.map((i) => i.path),
    ).toEqual(['family', 'options.catalogue']);
    expect(errorOf(() => policyAgenda('additive', { extra: 1 } as never)).issues[0]?.path).toBe('options');
    expect(isDeepFrozen(policyAgenda('additive', { catalogue: 'full' }))).toBe(true);
  });
});
