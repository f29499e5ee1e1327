import { describe, expect, it } from 'vitest';
import { GvcError, type UpgradingEvent, upgradingTrajectory } from '../../src/index.js';
import { deepFreeze } from '../helpers.js';

type P = 'OEA' | 'OEM' | 'ODM' | 'OBM';
type Kind = UpgradingEvent['kind'];
const ev = (
  subject: string,
  period: number,
  from: P,
  to: P,
  kind: Kind,
  chain = 'apparel',
  toChain = chain,
) => ({
  subject,
  period,
  kind,
  from: { chain, position: from },
  to: { chain: toChain, position: to },
});

describe('upgradingTrajectory', () => {
  // A firm following the Kaplinsky & Morris (2001) trajectory, given out of order, then moving chains
  // (black-and-white TV tubes → computer monitors in the paper's example).
  const path = [
    ev('f', 2003, 'ODM', 'OBM', 'functional'),
    ev('f', 2001, 'OEA', 'OEM', 'process'),
    ev('f', 2002, 'OEM', 'ODM', 'product'),
    ev('f', 2004, 'OBM', 'OEM', 'chain', 'apparel', 'footwear'),
  ];

  it('orders by period and summarises a single firm', () => {
    const t = upgradingTrajectory(path);
    expect(t.events.map((e) => e.period)).toEqual([2001, 2002, 2003, 2004]);
    expect(t.kinds).toEqual({ process: 1, product: 1, functional: 1, chain: 1, downgrading: 0 });
    expect(t.subjects).toHaveLength(1);
    const f = t.subjects[0]!;
    expect(f.start).toEqual({ chain: 'apparel', position: 'OEA' });
    expect(f.final).toEqual({ chain: 'footwear', position: 'OEM' });
    expect(f.kinds).toEqual(['process', 'product', 'functional', 'chain']);
    // OEA = 0, OEM = 1 on the ordinal index: net movement 1 − 0 = 1
    expect(f.disembodied).toEqual({ start: 0, final: 1 });
    expect(f.netMovement).toBe(1);
    expect(t.cluster).toBeNull();
  });

  it('keeps the input order for events of different subjects in the same period, and accepts string periods', () => {
    const t = upgradingTrajectory([
      { ...ev('b', 0, 'OEA', 'OEM', 'process'), period: '2010-02' },
      { ...ev('a', 0, 'OEA', 'OEM', 'process'), period: '2010-01' },
      { ...ev('c', 0, 'OEA', 'OEM', 'process'), period: '2010-01' },
    ]);
    expect(t.events.map((e) => e.subject)).toEqual(['a', 'c', 'b']);
    expect(t.subjects.map((s) => s.subject)).toEqual(['b', 'a', 'c']);
  });

  it('reports every inconsistency with the path of the event in the input', () => {
    const events = [
      ev('f', 2001, 'OEA', 'OEM', 'process'),
      ev('f', 2002, 'OEA', 'ODM', 'product'), // does not start where 2001 ended (OEM)
      ev('g', 2001, 'OEM', 'ODM', 'functional'), // OEM → ODM is product
      ev('g', 2002, 'ODM', 'ODM', 'process'), // changes nothing
      ev('g', 2002, 'ODM', 'OEM', 'downgrading'), // second event of g in 2002
    ];
    try {
      upgradingTrajectory(events);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GvcError);
      const err = e as GvcError;
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.issues).toEqual([
        {
          path: 'events[1].from',
          message: 'expected OEM in "apparel" (where events[0].to ended), found OEA in "apparel"',
        },
        {
          path: 'events[2].kind',
          message: 'expected "product" for OEM in "apparel" → ODM in "apparel", found "functional"',
        },
        {
          path: 'events[3]',
          message:
            'expected a change of chain, position or functions, or an efficiency gain, found ODM in "apparel" → ODM in "apparel" with none',
        },
        {
          path: 'events[4].period',
          message:
            'expected one event per period for subject "g", found a second in period 2002 (also events[3])',
        },
      ]);
    }
  });

  it('rejects schema errors and mixed period types with paths', () => {
    expect(() =>
      upgradingTrajectory([{ ...ev('f', 1, 'OEA', 'OEM', 'process'), kind: 'none' }] as never),
    ).toThrow(/events\[0\]\.kind/);
    try {
      upgradingTrajectory([
        ev('f', 1, 'OEA', 'OEM', 'process'),
        { ...ev('f', 0, 'OEM', 'ODM', 'product'), period: 'x' },
      ]);
      expect.unreachable();
    } catch (e) {
      expect((e as GvcError).issues).toEqual([
        { path: 'events[1].period', message: 'expected a number period like events[0].period, found "x"' },
      ]);
    }
  });

  it('accepts an empty list', () => {
    expect(upgradingTrajectory([])).toMatchObject({ events: [], subjects: [], cluster: null });
  });

  describe('cluster change (Kaplinsky 2015: the cluster as a whole must change position)', () => {
    // Counts worked by hand: before/after are the start and final positions of the subjects.
    it('swapping: two firms exchange OEA and OEM, same multiset {OEA, OEM} before and after', () => {
      const t = upgradingTrajectory([
        ev('a', 1, 'OEA', 'OEM', 'process'),
        ev('b', 1, 'OEM', 'OEA', 'downgrading'),
      ]);
      expect(t.cluster).toEqual({
        before: { OEA: 1, OEM: 1, ODM: 0, OBM: 0 },
        after: { OEA: 1, OEM: 1, ODM: 0, OBM: 0 },
        change: 'swapping',
      });
    });

    it('collective upgrading: {OEA, OEA, OEM} → {OEM, OEA, ODM}', () => {
      const t = upgradingTrajectory(
        [
          ev('a', 1, 'OEA', 'OEM', 'process'),
          ev('c', 1, 'OEM', 'ODM', 'product'),
          ev('b', 1, 'OEA', 'OEA', 'process'),
        ].map((e) => (e.subject === 'b' ? { ...e, to: { ...e.to, efficiencyGain: true } } : e)),
      );
      expect(t.cluster?.change).toBe('collective-upgrading');
      expect(t.cluster?.before).toEqual({ OEA: 2, OEM: 1, ODM: 0, OBM: 0 });
      expect(t.cluster?.after).toEqual({ OEA: 1, OEM: 1, ODM: 1, OBM: 0 });
    });

    it('collective downgrading, mixed and unchanged', () => {
      expect(
        upgradingTrajectory(
          [ev('a', 1, 'OEM', 'OEA', 'downgrading'), ev('b', 1, 'OEM', 'OEM', 'process')].map((e) =>
            e.subject === 'b' ? { ...e, to: { ...e.to, efficiencyGain: true } } : e,
          ),
        ).cluster?.change,
      ).toBe('collective-downgrading');
      // {OEM, OEM} → {OEA, OBM}: at or above OBM 0 → 1 (up), at or above OEM 2 → 1 (down): mixed
      expect(
        upgradingTrajectory([ev('a', 1, 'OEM', 'OEA', 'downgrading'), ev('b', 1, 'OEM', 'OBM', 'functional')])
          .cluster?.change,
      ).toBe('mixed');
      // only chain moves at the same position: no position changed
      expect(
        upgradingTrajectory([
          ev('a', 1, 'OEM', 'OEM', 'chain', 'x', 'y'),
          ev('b', 1, 'ODM', 'ODM', 'chain', 'x', 'z'),
        ]).cluster?.change,
      ).toBe('unchanged');
    });
  });

  it('does not mutate its input', () => {
    const input = deepFreeze(structuredClone(path));
    upgradingTrajectory(input);
    expect(input).toEqual(path);
  });
});
