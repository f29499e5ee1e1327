import { describe, expect, it } from 'vitest';
import type { GvcError } from '../../src/core/errors.js';
import { summarizeLinkages } from '../../src/linkages/summary.js';
import { deepFreeze, thrown } from '../helpers.js';

const party = (sector: string) => ({ sector });
const base = { country: 'GHA', currency: 'USD', period: 2012 } as const;
// Hand calculation:
//   backward: 30 (domestic) + 90 (imported) = 120, domestic 30 → 0.25
//   forward: 40 (domestic), share 1
//   fiscal: 25 (domestic government)
//   consumption: 10 domestic + 30 imported = 40 → 0.25
//   horizontal: 0 in value → share null
const linkages = [
  {
    ...base,
    type: 'production',
    direction: 'backward',
    from: party('engineering'),
    to: party('gold'),
    value: 30,
    domestic: true,
  },
  {
    ...base,
    type: 'production',
    direction: 'backward',
    from: party('fuel'),
    to: party('gold'),
    value: 90,
    domestic: false,
  },
  { ...base, type: 'consumption', from: party('gold'), to: party('food'), value: 10, domestic: true },
  {
    ...base,
    type: 'fiscal',
    instrument: 'royalty',
    from: party('gold'),
    to: party('government'),
    value: 25,
    domestic: true,
  },
  {
    ...base,
    type: 'production',
    direction: 'forward',
    from: party('gold'),
    to: party('refining'),
    value: 40,
    domestic: true,
  },
  { ...base, type: 'consumption', from: party('gold'), to: party('vehicles'), value: 30, domestic: false },
  {
    ...base,
    type: 'production',
    direction: 'horizontal',
    from: party('engineering'),
    to: party('farming'),
    value: 0,
    domestic: true,
  },
] as const;

describe('summarizeLinkages', () => {
  it('adds up value and domestic value by type and direction, in a fixed order (hand calculation)', () => {
    const s = summarizeLinkages(linkages);
    expect(s.country).toBe('GHA');
    expect(s.currency).toBe('USD');
    expect(s.period).toBe(2012);
    expect(s.rows).toEqual([
      { type: 'fiscal', direction: null, count: 1, value: 25, domesticValue: 25, domesticShare: 1 },
      { type: 'consumption', direction: null, count: 2, value: 40, domesticValue: 10, domesticShare: 0.25 },
      {
        type: 'production',
        direction: 'backward',
        count: 2,
        value: 120,
        domesticValue: 30,
        domesticShare: 0.25,
      },
      { type: 'production', direction: 'forward', count: 1, value: 40, domesticValue: 40, domesticShare: 1 },
      {
        type: 'production',
        direction: 'horizontal',
        count: 1,
        value: 0,
        domesticValue: 0,
        domesticShare: null,
      },
    ]);
  });

  it('refuses records of different economies, currencies or periods, naming each', () => {
    const e = thrown(() =>
      summarizeLinkages([
        linkages[0],
        { ...linkages[1], country: 'ZMB' },
        { ...linkages[2], currency: 'GHS', period: undefined },
      ]),
    ) as GvcError;
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toEqual([
      {
        path: 'linkages[1].country',
        message: 'expected "GHA" country as at linkages[0].country, found "ZMB"',
      },
      {
        path: 'linkages[2].currency',
        message: 'expected "USD" currency as at linkages[0].currency, found "GHS"',
      },
      { path: 'linkages[2].period', message: 'expected 2012 period as at linkages[0].period, found none' },
    ]);
  });

  it('reports invalid records with paths, and refuses an empty list', () => {
    const e = thrown(() => summarizeLinkages([{ ...linkages[0], value: -1 }])) as GvcError;
    expect(e.issues[0]?.path).toBe('linkages[0].value');
    expect((thrown(() => summarizeLinkages([])) as GvcError).code).toBe('INSUFFICIENT_DATA');
  });

  it('does not mutate its input', () => {
    const input = deepFreeze(structuredClone(linkages));
    summarizeLinkages(input);
    expect(input).toEqual(linkages);
  });
});
