import { describe, expect, it } from 'vitest';
import { classifyMarketOrientation, type EndMarket, type GvcError } from '../../src/index.js';

describe('classifyMarketOrientation', () => {
  // Every non-empty subset of the four end markets (15), classified by hand with the rules:
  // international alone → international-only; international + anything → domestic-and-international;
  // regional without international → domestic-and-regional; national (±local) → domestic; local → local-only.
  const cases: Array<[EndMarket[], string]> = [
    [['local'], 'local-only'],
    [['national'], 'domestic'],
    [['local', 'national'], 'domestic'],
    [['regional'], 'domestic-and-regional'],
    [['local', 'regional'], 'domestic-and-regional'],
    [['national', 'regional'], 'domestic-and-regional'],
    [['local', 'national', 'regional'], 'domestic-and-regional'],
    [['international'], 'international-only'],
    [['local', 'international'], 'domestic-and-international'],
    [['national', 'international'], 'domestic-and-international'],
    [['regional', 'international'], 'domestic-and-international'],
    [['local', 'national', 'international'], 'domestic-and-international'],
    [['local', 'regional', 'international'], 'domestic-and-international'],
    [['national', 'regional', 'international'], 'domestic-and-international'],
    [['local', 'national', 'regional', 'international'], 'domestic-and-international'],
  ];
  it.each(cases)('%j → %s', (markets, expected) => {
    expect(classifyMarketOrientation(markets)).toBe(expected);
    expect(classifyMarketOrientation([...markets].reverse())).toBe(expected);
  });

  it('rejects an empty list, a repeated market and an unknown one', () => {
    const issues = (m: unknown) => {
      try {
        classifyMarketOrientation(m as EndMarket[]);
      } catch (e) {
        expect((e as GvcError).code).toBe('INVALID_INPUT');
        return (e as GvcError).issues;
      }
      throw new Error('expected a GvcError');
    };
    expect(issues([])).toEqual([
      { path: 'endMarkets', message: 'expected at least one end market, found none' },
    ]);
    expect(issues(['local', 'local'])).toEqual([
      {
        path: 'endMarkets[1]',
        message: 'expected each value at most once, found "local" again (first at [0])',
      },
    ]);
    expect(issues(['export'])).toEqual([
      {
        path: 'endMarkets[0]',
        message: 'expected one of "local", "national", "regional", "international", found "export"',
      },
    ]);
  });

  it('does not mutate its argument', () => {
    const markets = Object.freeze(['national', 'local'] as EndMarket[]);
    classifyMarketOrientation(markets);
    expect(markets).toEqual(['national', 'local']);
  });
});
