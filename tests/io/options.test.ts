import { describe, expect, it } from 'vitest';
import {
  BmOptions,
  DetailLevel,
  DetailOptions,
  GvcError,
  gvcParticipation,
  LevelOptions,
  leontiefDecomposition,
  RasmussenOptions,
  VaxOptions,
} from '../../src/io/index.js';
import { icio3x2 } from './fixture.js';

describe('the level of detail of the io records', () => {
  it('DetailLevel is country or sector, and DetailOptions takes it, country when omitted', () => {
    expect(DetailLevel.options).toEqual(['country', 'sector']);
    expect(DetailOptions.parse({ level: 'sector' })).toEqual({ level: 'sector' });
    expect(DetailOptions.parse({})).toEqual({});
    // BmOptions writes its default in; its input shape is the same.
    expect(BmOptions.parse({})).toEqual({ level: 'country' });
  });

  it('keeps LevelOptions as a deprecated alias of the same schema', () => {
    expect(LevelOptions).toBe(DetailOptions);
  });

  it('words every refused choice alike, listing the choices', () => {
    const message = (
      schema: { safeParse: (v: unknown) => { error?: { issues: { message: string }[] } } },
      v: unknown,
    ) => schema.safeParse(v).error?.issues[0]?.message;
    expect(message(DetailOptions, { level: 'world' })).toBe('expected "country" or "sector", found "world"');
    expect(message(BmOptions, { level: 'world' })).toBe('expected "country" or "sector", found "world"');
    expect(message(VaxOptions, { level: 1 })).toBe('expected "country", "sector" or "bilateral", found 1');
    expect(message(RasmussenOptions, { forward: null })).toBe('expected "ghosh" or "leontief", found null');
  });

  it('the functions that take DetailOptions report at the level asked (country by default)', () => {
    const t = icio3x2();
    expect(leontiefDecomposition(t).map((r) => r.country)).toEqual(['A', 'B', 'C']);
    expect(leontiefDecomposition(t, { level: 'sector' }).map((r) => `${r.country}_${r.sector}`)).toEqual([
      'A_s1',
      'A_s2',
      'B_s1',
      'B_s2',
      'C_s1',
      'C_s2',
    ]);
    expect(gvcParticipation(t, { level: 'sector' })).toHaveLength(6);
    expect(() => gvcParticipation(t, { level: 'bilateral' } as never)).toThrow(GvcError);
  });
});
