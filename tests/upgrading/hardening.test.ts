import { describe, expect, it } from 'vitest';
import type { MovementKind, Position } from '../../src/upgrading/index.js';
import { classifyUpgrading, disembodiedIndex, upgradingTrajectory } from '../../src/upgrading/index.js';
import { errorOf, isDeepFrozen } from '../helpers.js';

// Issue #14: paths rooted at the argument's name, no serialised values in messages, frozen results.

const ev = (subject: string, period: number | string, from: Position, to: Position, kind: MovementKind) => ({
  subject,
  period,
  kind,
  from: { chain: 'shoes', position: from },
  to: { chain: 'shoes', position: to },
});

describe('disembodiedIndex: boundary', () => {
  it('rejects a built-in name, a bigint and a cycle at `position`', () => {
    expect(errorOf(() => disembodiedIndex('constructor' as never)).issues).toEqual([
      { path: 'position', message: 'expected one of "OEA", "OEM", "ODM", "OBM", found "constructor"' },
    ]);
    expect(errorOf(() => disembodiedIndex(3n as never)).issues[0]?.message).toMatch(/found 3n$/);
    const cyc: unknown[] = [];
    cyc.push(cyc);
    expect(errorOf(() => disembodiedIndex(cyc as never)).issues[0]?.path).toBe('position');
  });
});

describe('classifyUpgrading: boundary', () => {
  it('roots paths at from and to', () => {
    const e = errorOf(() => classifyUpgrading({ chain: 'a', position: 'X' } as never, 5 as never));
    expect(e.issues.map((i) => i.path)).toEqual(['from.position', 'to']);
  });
});

describe('upgradingTrajectory: boundary and results', () => {
  it('roots paths at events and quotes a long chain id in a bounded message', () => {
    const long = 'c'.repeat(1 << 20);
    const e = errorOf(() =>
      upgradingTrajectory([
        // Issue 18: a change of chain without competences is judged by position (OEA → OEM: process).
        { ...ev('a', 1, 'OEA', 'OEM', 'product'), to: { chain: long, position: 'OEM' } },
        ev('a', 2, 'OEM', 'ODM', 'product'),
      ]),
    );
    expect(e.issues.map((i) => i.path)).toEqual(['events[0].kind', 'events[1].from']);
    expect(e.message.length).toBeLessThan(600);
  });

  it('orders periods far apart without overflow and handles built-in subject ids as data', () => {
    const t = upgradingTrajectory([
      ev('constructor', 1e308, 'OEM', 'ODM', 'product'),
      ev('constructor', -1e308, 'OEA', 'OEM', 'process'),
      ev('__proto__', 1, 'OEA', 'OEM', 'process'),
    ]);
    expect(t.events.map((e) => e.period)).toEqual([-1e308, 1, 1e308]);
    // constructor: OEA (0) → ODM (2); __proto__: OEA (0) → OEM (1)
    expect(t.subjects.map((s) => [s.subject, s.netMovement])).toEqual([
      ['constructor', 2],
      ['__proto__', 1],
    ]);
    expect(isDeepFrozen(t)).toBe(true);
  });

  it('rejects a mixed period at events[i].period with a preview', () => {
    const e = errorOf(() =>
      upgradingTrajectory([ev('a', 1, 'OEA', 'OEM', 'process'), ev('a', 'x', 'OEM', 'ODM', 'product')]),
    );
    expect(e.issues).toEqual([
      { path: 'events[1].period', message: 'expected a number period like events[0].period, found "x"' },
    ]);
  });
});
