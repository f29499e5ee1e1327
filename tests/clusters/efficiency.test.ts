import { describe, expect, it } from 'vitest';
import { africanClusters } from '../../src/data/index.js';
import { collectiveEfficiency, GvcError, parseCluster } from '../../src/index.js';
import { deepFreeze, errorOf, isDeepFrozen } from '../helpers.js';
import { sampleCluster } from './fixtures.js';

describe('collectiveEfficiency', () => {
  it('lists the passive and active halves in canonical order with their counts and the support behind them', () => {
    const c = parseCluster({
      ...sampleCluster(),
      externalEconomies: ['specialised-services', 'labour-supply'],
      collectiveAction: ['logistics', 'learning', 'marketing'],
      institutionalSupport: ['external', 'government'],
    });
    expect(collectiveEfficiency(c)).toEqual({
      externalEconomies: { present: ['labour-supply', 'specialised-services'], count: 2 },
      jointAction: { present: ['learning', 'marketing', 'logistics'], count: 3 },
      institutionalSupport: { sources: ['government', 'external'], combination: 'government+external' },
      kind: 'passive-and-active',
      // added fields (issue 18): the fixture states no trust
      trust: { competence: null, contractual: null },
      jointActionFoundation: 'unknown',
      explanation: expect.objectContaining({ rules: ['E0-trust-unknown'] }),
    });
  });

  it.each([
    [['suppliers'], [], 'passive-only'],
    [[], ['learning'], 'active-only'],
    [[], [], 'none'],
  ])('economies %j and joint action %j → %s', (externalEconomies, collectiveAction, kind) => {
    const c = parseCluster({ ...sampleCluster(), externalEconomies, collectiveAction });
    const r = collectiveEfficiency(c);
    expect(r.kind).toBe(kind);
    expect(r.institutionalSupport).toEqual({ sources: [], combination: 'none' });
  });

  it('rejects an invalid cluster and does not mutate a valid one', () => {
    expect(() =>
      collectiveEfficiency({ ...sampleCluster(), collectiveAction: ['lobbying'] } as never),
    ).toThrow(GvcError);
    const c = deepFreeze(parseCluster(sampleCluster()));
    const copy = structuredClone(c);
    collectiveEfficiency(c);
    expect(c).toEqual(copy);
  });

  describe('trust as the foundation of joint action (Humphrey & Schmitz 1998; Sako 1992 ch. 2)', () => {
    const withTrust = (collectiveAction: string[], trust?: Record<string, string>) =>
      parseCluster({ ...sampleCluster(), collectiveAction, ...(trust === undefined ? {} : { trust }) });

    it('E1: every cluster of Kaplinsky 2015 Table 1 is unknown (the table has no trust column)', () => {
      for (const c of africanClusters) {
        const r = collectiveEfficiency(c);
        expect(r.jointActionFoundation).toBe('unknown');
        expect(r.trust).toEqual({ competence: null, contractual: null });
      }
      // one level stated is not enough
      expect(
        collectiveEfficiency(withTrust(['learning'], { competence: 'high' })).jointActionFoundation,
      ).toBe('unknown');
    });

    it('E2: Schmitz 1999 (Sinos Valley: joint action undermined by conflicts of interest) → fragile', () => {
      const r = collectiveEfficiency(withTrust(['marketing'], { competence: 'high', contractual: 'low' }));
      expect(r.jointActionFoundation).toBe('fragile');
      expect(r.trust).toEqual({ competence: 'high', contractual: 'low' });
      expect(r.explanation.rules).toEqual(['E2-fragile']);
      expect(r.explanation.text).toContain('low');
    });

    it('E3: Nadvi 1999 (Sialkot: association-led joint response to the US FDA ban) → supported; fragile if high trust is required', () => {
      const c = withTrust(['learning', 'marketing'], { competence: 'medium', contractual: 'high' });
      expect(collectiveEfficiency(c).jointActionFoundation).toBe('supported');
      expect(collectiveEfficiency(c, { minTrust: 'high' }).jointActionFoundation).toBe('fragile');
    });

    it('E4/E5: Humphrey & Schmitz 1998 — trust without joint action is latent; neither is absent', () => {
      expect(
        collectiveEfficiency(withTrust([], { competence: 'high', contractual: 'high' }))
          .jointActionFoundation,
      ).toBe('latent');
      expect(
        collectiveEfficiency(withTrust([], { competence: 'low', contractual: 'low' })).jointActionFoundation,
      ).toBe('absent');
      // medium both: at the default minimum → latent (boundary of the rule)
      expect(
        collectiveEfficiency(withTrust([], { competence: 'medium', contractual: 'medium' }))
          .jointActionFoundation,
      ).toBe('latent');
    });

    it('rejects an unknown minTrust with its path, accepts null options, and returns a frozen result', () => {
      expect(errorOf(() => collectiveEfficiency(withTrust([]), { minTrust: 'low' } as never)).issues).toEqual(
        [{ path: 'options.minTrust', message: 'expected one of "medium", "high", found "low"' }],
      );
      const r = collectiveEfficiency(withTrust([]), null);
      expect(isDeepFrozen(r)).toBe(true);
    });
  });
});
