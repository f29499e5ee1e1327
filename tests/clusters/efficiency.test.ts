import { describe, expect, it } from 'vitest';
import { collectiveEfficiency, GvcError, parseCluster } from '../../src/index.js';
import { deepFreeze } from '../helpers.js';
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
});
