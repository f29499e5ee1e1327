import { describe, expect, it } from 'vitest';
import { tradeInValueAdded } from '../../src/chains/tiva.js';
import { deepFreeze } from '../helpers.js';
import { cocoaChain, iphoneChain, nestedChain } from './decompose-fixtures.js';

// Tolerance: 1e-9 absolute on amounts of order 1–500 (toBeCloseTo(x, 9)).
const DIGITS = 9;

type Row = Record<string, number | string>;
function expectRows(actual: ReadonlyArray<object>, expected: ReadonlyArray<Row>): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => {
    const a = actual[i] as Row;
    for (const [k, v] of Object.entries(e)) {
      if (typeof v === 'number') expect(a[k], `${i}.${k}`).toBeCloseTo(v, DIGITS);
      else expect(a[k], `${i}.${k}`).toBe(v);
    }
  });
}

describe('tradeInValueAdded: the iPhone (Xing & Detert 2010)', () => {
  const t = tradeInValueAdded(iphoneChain(true));

  it('China exports 178.96 to the USA gross, but only its 6.50 of value added', () => {
    const chnUsa = t.bilateral.find((b) => b.exporter === 'CHN' && b.importer === 'USA');
    expect(chnUsa?.gross).toBeCloseTo(178.96, DIGITS);
    expect(chnUsa?.valueAdded).toBeCloseTo(6.5, DIGITS);
    expect(t.finalMarket).toBe('USA');
  });

  it('per country: gross exports, VAX, domestic value added and foreign content (hand computed)', () => {
    // Components go to China (JPN 60.60, DEU 30.15, KOR 22.96, USA 10.75, ROW 48.00 = 172.46); China
    // ships the phone (178.96) to the USA; China's domestic content 6.50, foreign content 172.46.
    // Every country but the USA (the final market) exports its value added; the USA's 10.75 of
    // components come back inside the phone, so its VAX is 0 though its gross exports are 10.75.
    expectRows(t.countries, [
      {
        country: 'CHN',
        grossExports: 178.96,
        valueAddedExports: 6.5,
        domesticValueAddedInExports: 6.5,
        foreignContent: 172.46,
      },
      {
        country: 'DEU',
        grossExports: 30.15,
        valueAddedExports: 30.15,
        domesticValueAddedInExports: 30.15,
        foreignContent: 0,
      },
      {
        country: 'JPN',
        grossExports: 60.6,
        valueAddedExports: 60.6,
        domesticValueAddedInExports: 60.6,
        foreignContent: 0,
      },
      {
        country: 'KOR',
        grossExports: 22.96,
        valueAddedExports: 22.96,
        domesticValueAddedInExports: 22.96,
        foreignContent: 0,
      },
      {
        country: 'ROW',
        grossExports: 48,
        valueAddedExports: 48,
        domesticValueAddedInExports: 48,
        foreignContent: 0,
      },
      {
        country: 'USA',
        grossExports: 10.75,
        valueAddedExports: 0,
        domesticValueAddedInExports: 10.75,
        foreignContent: 0,
        valueAdded: 331.79,
      },
    ]);
  });

  it('double counting: gross 172.46 + 178.96 = 351.42 less the 178.96 of value added carried = 172.46', () => {
    expect(t.valueAddedCarried).toBeCloseTo(178.96, DIGITS);
    expect(t.doubleCounting).toBeCloseTo(172.46, DIGITS);
  });

  it('bilateral rows, sorted by exporter then importer', () => {
    expect(t.bilateral.map((b) => `${b.exporter}>${b.importer}`)).toEqual([
      'CHN>USA',
      'DEU>CHN',
      'DEU>USA',
      'JPN>CHN',
      'JPN>USA',
      'KOR>CHN',
      'KOR>USA',
      'ROW>CHN',
      'ROW>USA',
      'USA>CHN',
    ]);
    expectRows(t.bilateral.slice(1, 3), [
      { exporter: 'DEU', importer: 'CHN', gross: 30.15, valueAdded: 0 },
      { exporter: 'DEU', importer: 'USA', gross: 0, valueAdded: 30.15 },
    ]);
  });
});

describe('tradeInValueAdded: a nested chain with re-imports (hand computed)', () => {
  // Flows (see nestedChain): wafers TWN→KOR 2·10 = 20; chemicals JPN→KOR 5; glass CHN→JPN 6;
  // chip KOR→CHN 40; display JPN→CHN 30; device CHN→USA 80. Local parts (CHN→CHN) do not cross.
  // Domestic content: TWN 20; JPN 5 + display's own 24 = 29; CHN glass 6 + device's CHN content
  // (6 + 4 + glass 6 = 16) = 22; KOR chip's own 15. Foreign content = gross − domestic.
  // Crossings per origin: wafer 20 ×3, chemicals 5 ×3, chip 15 ×2, glass 6 ×3, display 24 ×2,
  // assembly + parts 10 ×1: 60 + 15 + 30 + 18 + 48 + 10 = 181 = Σ gross. Carried once: 20 + 5 + 15 +
  // 6 + 24 + 10 = 80. Double counting 181 − 80 = 101.
  const t = tradeInValueAdded(nestedChain());

  it('splits gross exports into domestic value added and foreign content', () => {
    expectRows(t.countries, [
      {
        country: 'CHN',
        grossExports: 86,
        domesticValueAddedInExports: 22,
        foreignContent: 64,
        valueAddedExports: 16,
      },
      {
        country: 'JPN',
        grossExports: 35,
        domesticValueAddedInExports: 29,
        foreignContent: 6,
        valueAddedExports: 29,
      },
      {
        country: 'KOR',
        grossExports: 40,
        domesticValueAddedInExports: 15,
        foreignContent: 25,
        valueAddedExports: 15,
      },
      {
        country: 'TWN',
        grossExports: 20,
        domesticValueAddedInExports: 20,
        foreignContent: 0,
        valueAddedExports: 20,
      },
      {
        country: 'USA',
        grossExports: 0,
        domesticValueAddedInExports: 0,
        foreignContent: 0,
        valueAddedExports: 0,
        valueAdded: 120,
      },
    ]);
    expect(t.valueAddedCarried).toBeCloseTo(80, DIGITS);
    expect(t.doubleCounting).toBeCloseTo(101, DIGITS);
  });
});

describe('tradeInValueAdded: an additive chain (hand computed)', () => {
  it('counts processing losses and purchases crossing borders', () => {
    // fertiliser NLD→GHA 0.055·0.20 = 0.011; dry beans GHA→NLD 0.04·1.25·2.60 = 0.13; liquor NLD→CHE
    // 0.04·5 = 0.2; sugar FRA→CHE 0.30; bars CHE→GBR 1.50. Σ gross 2.141. All value added but the
    // retailer's 1.00 crosses a border: carried 1.50; double counting 0.641.
    const t = tradeInValueAdded(cocoaChain());
    expect(t.finalMarket).toBe('GBR');
    expectRows(t.countries, [
      {
        country: 'CHE',
        grossExports: 1.5,
        domesticValueAddedInExports: 1,
        foreignContent: 0.5,
        valueAddedExports: 1,
      },
      {
        country: 'FRA',
        grossExports: 0.3,
        domesticValueAddedInExports: 0.3,
        foreignContent: 0,
        valueAddedExports: 0.3,
      },
      { country: 'GBR', grossExports: 0, valueAddedExports: 0, valueAdded: 1 },
      // GHA's dry beans (0.13) embody GHA 0.119 and NLD fertiliser 0.011
      {
        country: 'GHA',
        grossExports: 0.13,
        domesticValueAddedInExports: 0.119,
        foreignContent: 0.011,
        valueAddedExports: 0.119,
      },
      // NLD: fertiliser 0.011 + liquor's NLD content (0.06 + 0.01 + fertiliser 0.011) = 0.092
      {
        country: 'NLD',
        grossExports: 0.211,
        domesticValueAddedInExports: 0.092,
        foreignContent: 0.119,
        valueAddedExports: 0.081,
      },
    ]);
    expect(t.doubleCounting).toBeCloseTo(0.641, DIGITS);
  });

  it('has no exports when the whole chain and its market are in one country', () => {
    const c = cocoaChain();
    const stages = c.stages.map((s) => ({
      ...s,
      country: 'GHA',
      purchases: (s.purchases ?? []).map((p) => ({ ...p, country: 'GHA' })),
    }));
    const t = tradeInValueAdded({ ...c, stages });
    expect(t.countries).toEqual([
      {
        country: 'GHA',
        grossExports: 0,
        valueAddedExports: 0,
        domesticValueAddedInExports: 0,
        foreignContent: 0,
        valueAdded: 2.5,
      },
    ]);
    expect(t.doubleCounting).toBe(0);
    expect(t.bilateral).toEqual([]);
  });

  it('exports the final product when the final market is elsewhere', () => {
    const t = tradeInValueAdded({ ...cocoaChain(), finalMarket: 'USA' });
    // GBR now exports the bar (2.50) with its own 1.00 of value added; all 2.50 is carried: DC = 2.141.
    const gbr = t.countries.find((c) => c.country === 'GBR');
    expect(gbr?.grossExports).toBeCloseTo(2.5, DIGITS);
    expect(gbr?.domesticValueAddedInExports).toBeCloseTo(1, DIGITS);
    expect(gbr?.valueAddedExports).toBeCloseTo(1, DIGITS);
    expect(t.valueAddedCarried).toBeCloseTo(2.5, DIGITS);
    expect(t.doubleCounting).toBeCloseTo(2.141, DIGITS);
  });
});

describe('tradeInValueAdded: boundary and purity', () => {
  it('rejects invalid options and chains', () => {
    expect(() => tradeInValueAdded(nestedChain(), { tolerance: -1 })).toThrow(/options\.tolerance/);
    expect(() => tradeInValueAdded({ ...nestedChain(), currency: 'usd' })).toThrow(/currency/);
  });

  it('does not mutate its input', () => {
    const frozen = deepFreeze(iphoneChain(true));
    expect(() => tradeInValueAdded(frozen)).not.toThrow();
    const plain = nestedChain();
    const clone = structuredClone(plain);
    tradeInValueAdded(plain);
    expect(plain).toEqual(clone);
  });
});
