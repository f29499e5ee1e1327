import { describe, expect, it } from 'vitest';
import { GvcError, governanceShift } from '../../src/index.js';
import { errorOf, isDeepFrozen } from '../helpers.js';

// Expected values by hand from Table 1 of Gereffi, Humphrey & Sturgeon (2005) (see links.test.ts),
// applying the changes one at a time; the names of the changes follow the arrows of their Table 2
// ("dynamics of global value chain governance"). The codings of each case are ours, read from the
// cited descriptions. Coordination ranks (Table 1): market 1, modular 2, relational 3, captive 4,
// hierarchy 5.
const d = (
  complexity: 'high' | 'low',
  codifiability: 'high' | 'low',
  supplierCapability: 'high' | 'low',
) => ({
  complexity,
  codifiability,
  supplierCapability,
});
const types = (paths: ReadonlyArray<ReadonlyArray<{ type: unknown }>>) =>
  paths.map((p) => p.map((s) => s.type));

describe('governanceShift: cases from the literature', () => {
  // G5 — GHS (2005), electronics; Sturgeon (2002): from integrated firms to turnkey contract
  // manufacturers as specifications were codified and suppliers became capable.
  // Hand: high/low/low = hierarchy; codify first → high/high/low = captive → high/high/high = modular;
  // competence first → high/low/high = relational → modular. Rank 5 → 2: less coordination.
  it('G5 electronics: hierarchy → modular by codification and increasing supplier competence', () => {
    const s = governanceShift(d('high', 'low', 'low'), d('high', 'high', 'high'));
    expect([s.from.type, s.to.type]).toEqual(['hierarchy', 'modular']);
    expect(s.changes).toEqual(['codification', 'increasing supplier competence']);
    expect(types(s.paths)).toEqual([
      ['captive', 'modular'],
      ['relational', 'modular'],
    ]);
    expect(s.paths[0]?.map((p) => p.change)).toEqual(['codification', 'increasing supplier competence']);
    expect(s.coordination).toBe('less');
    expect(s.explanation.rules).toEqual(['GHS-table-2']);
    expect(s.explanation.evidence).toEqual([
      'before.codifiability',
      'after.codifiability',
      'before.supplierCapability',
      'after.supplierCapability',
    ]);
  });

  // G6 — Gereffi (1999), apparel: from assembly to full-package supply; GHS (2005), apparel: captive
  // → relational as suppliers gained capabilities and took on tacit design and sourcing tasks.
  // Hand: high/high/low = captive; de-codify first → high/low/low = hierarchy → relational;
  // competence first → high/high/high = modular → relational. Rank 4 → 3: less.
  it('G6 apparel: captive → relational by de-codification and increasing supplier competence', () => {
    const s = governanceShift(d('high', 'high', 'low'), d('high', 'low', 'high'));
    expect([s.from.type, s.to.type]).toEqual(['captive', 'relational']);
    expect(s.changes).toEqual(['de-codification', 'increasing supplier competence']);
    expect(types(s.paths)).toEqual([
      ['hierarchy', 'relational'],
      ['modular', 'relational'],
    ]);
    expect(s.coordination).toBe('less');
  });

  // G7 — Dolan & Humphrey (2000); GHS (2005), fresh vegetables: supermarkets' demands made
  // transactions more complex and harder to codify. Hand: low/high/high = market; complexity first →
  // high/high/high = modular → relational; de-codify first → low/low/high = no type → relational.
  // Rank 1 → 3: more.
  it('G7 fresh vegetables: market → relational, one path through a combination of no type', () => {
    const s = governanceShift(d('low', 'high', 'high'), d('high', 'low', 'high'));
    expect([s.from.type, s.to.type]).toEqual(['market', 'relational']);
    expect(s.changes).toEqual(['increasing complexity', 'de-codification']);
    expect(types(s.paths)).toEqual([
      ['modular', 'relational'],
      [null, 'relational'],
    ]);
    expect(s.coordination).toBe('more');
    expect(s.explanation.text).toMatch(
      /^increasing complexity and de-codification move market to relational/,
    );
  });

  // G8 — GHS (2005), Table 2: de-skilling of the supply base. Hand: high/high/high = modular →
  // high/high/low = captive; rank 2 → 4: more.
  it('G8 de-skilling of the supply base: modular → captive, one path', () => {
    const s = governanceShift(d('high', 'high', 'high'), d('high', 'high', 'low'));
    expect(s.changes).toEqual(['de-skilling of the supply base']);
    expect(types(s.paths)).toEqual([['captive']]);
    expect(s.coordination).toBe('more');
  });

  // G9 — GHS (2005), Table 2: decreasing complexity (with codified transactions and capable
  // suppliers) moves modular to market. Hand: high/high/high → low/high/high; rank 2 → 1: less.
  it('G9 decreasing complexity: modular → market', () => {
    const s = governanceShift(d('high', 'high', 'high'), d('low', 'high', 'high'));
    expect(s.changes).toEqual(['decreasing complexity']);
    expect([s.from.type, s.to.type, s.coordination]).toEqual(['modular', 'market', 'less']);
  });
});

describe('governanceShift: edges and contract', () => {
  it('three changes give 3! = 6 paths; a side without type leaves coordination null', () => {
    const s = governanceShift(d('low', 'high', 'low'), d('high', 'low', 'high'));
    expect(s.from.type).toBeNull(); // exclusion (GHS 2005, Table 1 note)
    expect(s.to.type).toBe('relational');
    expect(s.paths).toHaveLength(6);
    expect(s.paths.every((p) => p.length === 3 && p[2]?.type === 'relational')).toBe(true);
    expect(s.coordination).toBeNull();
  });

  it('no change: one empty path, coordination the same, rule no-change', () => {
    const s = governanceShift(d('high', 'low', 'high'), d('high', 'low', 'high'));
    expect(s.changes).toEqual([]);
    expect(s.paths).toEqual([[]]);
    expect(s.coordination).toBe('same');
    expect(s.explanation.rules).toEqual(['no-change']);
  });

  it('reports problems in both arguments at once, rooted at before and after', () => {
    const e = errorOf(() => governanceShift({ complexity: 'mid' } as never, d('high', 'x' as never, 'low')));
    expect(e).toBeInstanceOf(GvcError);
    expect(e.code).toBe('INVALID_INPUT');
    const paths = e.issues.map((i) => i.path);
    expect(paths).toContain('before.complexity');
    expect(paths).toContain('before.codifiability');
    expect(paths).toContain('after.codifiability');
  });

  it('freezes the result and leaves the arguments untouched', () => {
    const before = d('high', 'low', 'low');
    const s = governanceShift(before, d('high', 'high', 'high'));
    expect(before).toEqual(d('high', 'low', 'low'));
    expect(isDeepFrozen(s)).toBe(true);
  });
});
