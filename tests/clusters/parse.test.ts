import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Cluster, GvcError, parseCluster, safeParseCluster } from '../../src/index.js';
import { deepFreeze } from '../helpers.js';
import { sampleCluster } from './fixtures.js';

function issuesOf(input: unknown): Array<{ path: string; message: string }> {
  try {
    parseCluster(input);
  } catch (e) {
    expect(e).toBeInstanceOf(GvcError);
    expect((e as GvcError).code).toBe('INVALID_INPUT');
    return (e as GvcError).issues;
  }
  throw new Error('expected parseCluster to throw');
}

describe('parseCluster', () => {
  it('accepts a minimal cluster and returns an equal, fresh copy', () => {
    const input = sampleCluster();
    const out = parseCluster(input);
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
    expectTypeOf(out).toEqualTypeOf<Cluster>();
  });

  it('accepts every optional field', () => {
    const input = {
      ...sampleCluster(),
      origin: 'policy-created',
      trust: { competence: 'high', contractual: 'low' },
      indicators: [
        { period: 2005, firms: 100, employment: 800, sales: 1.5e6, upgradingEvents: 0 },
        { period: 2010, firms: 140 },
      ],
      source: { citation: 'Field survey (2012)', page: 3 },
    };
    expect(parseCluster(input)).toEqual(input);
  });

  it('does not mutate a deep-frozen input', () => {
    const input = deepFreeze({ ...sampleCluster(), indicators: [{ period: 2001, firms: 3 }] });
    const copy = structuredClone(input);
    parseCluster(input);
    expect(input).toEqual(copy);
  });

  it('reports every problem at once, each with its path', () => {
    const issues = issuesOf({
      ...sampleCluster(),
      country: 'Kenya',
      endMarkets: ['local', 'global'],
      collectiveAction: ['learning', 'learning'],
      externalEconomies: ['suppliers', 'suppliers', 'suppliers'],
      dynamism: { growth: 'yes', upgrading: false },
      extra: 1,
    });
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'country',
        'endMarkets[1]',
        'collectiveAction[1]',
        'externalEconomies[1]',
        'externalEconomies[2]',
        'dynamism.growth',
      ]),
    );
    expect(issues.find((i) => i.path === 'endMarkets[1]')?.message).toBe(
      'expected one of "local", "national", "regional", "international", found "global"',
    );
    expect(issues.find((i) => i.path === 'collectiveAction[1]')?.message).toBe(
      'expected each value at most once, found "learning" again (first at [0])',
    );
    expect(issues.find((i) => i.path === 'externalEconomies[2]')?.message).toBe(
      'expected each value at most once, found "suppliers" again (first at [0])',
    );
    expect(issues.find((i) => i.path === 'dynamism.growth')?.message).toBe(
      'expected true or false, found "yes"',
    );
    // the unknown key is reported too (at the root), never passed through
    expect(issues).toContainEqual({
      path: '',
      message: 'expected only known keys, found unknown key "extra"',
    });
  });

  it('requires at least one end market', () => {
    expect(issuesOf({ ...sampleCluster(), endMarkets: [] })).toEqual([
      { path: 'endMarkets', message: 'expected at least one end market, found none' },
    ]);
  });

  it('rejects duplicate periods and negative or fractional indicators', () => {
    const issues = issuesOf({
      ...sampleCluster(),
      indicators: [
        { period: 2000, firms: -1 },
        { period: 2001, upgradingEvents: 1.5 },
        { period: 2000, sales: 5 },
      ],
    });
    expect(issues).toEqual([
      { path: 'indicators[0].firms', message: 'expected a finite number >= 0, found -1' },
      { path: 'indicators[1].upgradingEvents', message: 'expected a whole number >= 0, found 1.5' },
    ]);
    expect(issuesOf({ ...sampleCluster(), indicators: [{ period: 2000 }, { period: 2000 }] })).toEqual([
      { path: 'indicators[1].period', message: 'expected each period once, found 2000 again (first at [0])' },
    ]);
  });

  it('rejects a missing required field and a bad trust level', () => {
    const { sector: _omit, ...noSector } = sampleCluster();
    const issues = issuesOf({ ...noSector, trust: { competence: 'total' } });
    expect(issues.map((i) => i.path)).toEqual(['sector', 'trust.competence']);
  });
});

describe('safeParseCluster', () => {
  it('does not mutate a deep-frozen input', () => {
    const input = deepFreeze({ ...sampleCluster(), trust: { competence: 'low' } });
    const copy = structuredClone(input);
    expect(safeParseCluster(input).success).toBe(true);
    expect(input).toEqual(copy);
  });

  it('returns the data on success', () => {
    const r = safeParseCluster(sampleCluster());
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.id).toBe('ken-ngong-furniture');
  });

  it('returns the same GvcError parseCluster throws, without throwing', () => {
    const r = safeParseCluster({ ...sampleCluster(), origin: 'planned' });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(r.error.issues).toEqual([
        { path: 'origin', message: 'expected one of "spontaneous", "policy-created", found "planned"' },
      ]);
    }
    expect(safeParseCluster(null).success).toBe(false);
  });
});
