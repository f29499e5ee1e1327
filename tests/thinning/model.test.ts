import { describe, expect, it } from 'vitest';
import { standardStageFunctions } from '../../src/chains/model.js';
import {
  knowledgeIntensityScale,
  ThinningKind,
  ThinningObservation,
  ThinningOptions,
} from '../../src/thinning/model.js';

describe('thinning model (Kaplinsky 2015)', () => {
  it('has the five kinds in the order the thinning chart lists them', () => {
    expect(ThinningKind.options).toEqual([
      'thinning-in',
      'thinning-out',
      'thickening',
      'rebuilding',
      'stable',
    ]);
  });

  it('ranks every standard stage function on the 1–4 knowledge-intensity scale', () => {
    expect(Object.keys(knowledgeIntensityScale).sort()).toEqual([...standardStageFunctions].sort());
    for (const rank of Object.values(knowledgeIntensityScale)) expect([1, 2, 3, 4]).toContain(rank);
  });

  it('orders the functions of the OEA → OEM → ODM → OBM trajectory (Kaplinsky & Morris 2001)', () => {
    const {
      assembly,
      'component-manufacture': oem,
      design,
      branding,
      marketing,
      services,
    } = knowledgeIntensityScale;
    expect(assembly).toBeLessThan(oem);
    expect(oem).toBeLessThan(design);
    expect(design).toBeLessThanOrEqual(branding);
    expect(assembly).toBeLessThan(marketing);
    expect(assembly).toBeLessThan(services);
  });

  it('documents its defaults', () => {
    expect(ThinningOptions.parse({})).toEqual({
      stableTolerance: 0.01,
      entryShareMax: 0.1,
      knowledgeIntensity: {},
      rebuildingAfter: 'any-thinning',
    });
  });

  it('accepts numeric and string periods and rejects shares outside [0, 1] and unknown keys', () => {
    expect(ThinningObservation.parse({ period: '2015-03', valueAddedShare: 0, functions: [] }).period).toBe(
      '2015-03',
    );
    expect(ThinningObservation.safeParse({ period: 1, valueAddedShare: 1.01, functions: [] }).success).toBe(
      false,
    );
    expect(
      ThinningObservation.safeParse({ period: 1, valueAddedShare: 0.5, functions: [], share: 1 }).success,
    ).toBe(false);
  });
});
