import { describe, expect, expectTypeOf, it } from 'vitest';
import { classifyUpgrading, disembodiedIndex, GvcError, UpgradingEvent } from '../../src/index.js';

// Expected kinds: Humphrey & Schmitz (2000) and the trajectory of Kaplinsky & Morris (2001) as told in
// Kaplinsky (2015): OEA → OEM is process upgrading, → ODM product, → OBM functional, moving chains is
// chain upgrading, moving back down is downgrading.
const at = (position: 'OEA' | 'OEM' | 'ODM' | 'OBM', extra: object = {}) => ({
  chain: 'apparel',
  position,
  ...extra,
});

describe('classifyUpgrading', () => {
  it.each([
    ['OEA', 'OEM', 'process'],
    ['OEM', 'ODM', 'product'],
    ['ODM', 'OBM', 'functional'],
    ['OEA', 'ODM', 'product'], // a jump is named by where it lands
    ['OEA', 'OBM', 'functional'],
    ['OEM', 'OBM', 'functional'],
    ['OEM', 'OEA', 'downgrading'],
    ['OBM', 'ODM', 'downgrading'],
    ['OBM', 'OEA', 'downgrading'],
    ['OEM', 'OEM', 'none'],
  ] as const)('%s → %s in the same chain is %s', (from, to, kind) => {
    expect(classifyUpgrading(at(from), at(to))).toBe(kind);
  });

  // Humphrey & Schmitz (2002, p. 1020): inter-sectoral upgrading applies competence acquired in one
  // sector to another; Kaplinsky (2015): black-and-white TV tubes → computer monitors.
  it('a change of chain that carries competence over comes first, whatever the positions', () => {
    const crt = { competences: ['cathode-ray tubes'] };
    const tubes = { chain: 'tv-tubes', position: 'OBM', ...crt } as const;
    expect(classifyUpgrading(tubes, { chain: 'monitors', position: 'OEM', ...crt })).toBe('chain');
    expect(classifyUpgrading(tubes, { chain: 'monitors', position: 'OBM', ...crt })).toBe('chain');
    // Fixed in issue 18: without competence data the carry-over is not shown, so the positions decide
    // (OBM → OEM is down; OBM → OBM is nothing), unless chain upgrading is presumed.
    const bare = { chain: 'tv-tubes', position: 'OBM' } as const;
    expect(classifyUpgrading(bare, { chain: 'monitors', position: 'OEM' })).toBe('downgrading');
    expect(classifyUpgrading(bare, { chain: 'monitors', position: 'OBM' })).toBe('none');
    expect(
      classifyUpgrading(bare, { chain: 'monitors', position: 'OBM' }, { chainEvidence: 'presumed' }),
    ).toBe('chain');
  });

  it('in the same position, a change in functions is functional and an efficiency gain is process', () => {
    // Fixed in issue 18: `cut` and `sew` have no rank on the value scale, so dropping `cut` decides
    // nothing (was 'functional'); ranked equally, dropping one at the top rank is downgrading (F5).
    expect(
      classifyUpgrading(at('OEM', { functions: ['cut', 'sew'] }), at('OEM', { functions: ['sew'] })),
    ).toBe('none');
    expect(
      classifyUpgrading(at('OEM', { functions: ['cut', 'sew'] }), at('OEM', { functions: ['sew'] }), {
        valueScale: { cut: 1, sew: 1 },
      }),
    ).toBe('downgrading');
    expect(
      classifyUpgrading(at('OEM', { functions: ['sew'] }), at('OEM', { functions: ['sew', 'design'] })),
    ).toBe('functional');
    expect(classifyUpgrading(at('OEM'), at('OEM', { efficiencyGain: true }))).toBe('process');
    // functional outranks process when both are present
    expect(
      classifyUpgrading(
        at('OEM', { functions: ['sew'] }),
        at('OEM', { functions: ['sew', 'design'], efficiencyGain: true }),
      ),
    ).toBe('functional');
  });

  it('boundaries: same functions in another order, one-sided functions, efficiency gain on the wrong side or false', () => {
    expect(
      classifyUpgrading(at('OEM', { functions: ['a', 'b'] }), at('OEM', { functions: ['b', 'a', 'a'] })),
    ).toBe('none');
    expect(classifyUpgrading(at('OEM'), at('OEM', { functions: ['design'] }))).toBe('none');
    expect(classifyUpgrading(at('OEM', { efficiencyGain: true }), at('OEM'))).toBe('none');
    expect(classifyUpgrading(at('OEM'), at('OEM', { efficiencyGain: false }))).toBe('none');
    // a position change outranks an efficiency gain
    expect(classifyUpgrading(at('ODM'), at('OEM', { efficiencyGain: true }))).toBe('downgrading');
  });

  it('rejects bad positions on both sides at once, with paths', () => {
    try {
      classifyUpgrading({ chain: '', position: 'OEM' }, { chain: 'apparel', position: 'XYZ' } as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GvcError);
      expect((e as GvcError).issues.map((i) => i.path)).toEqual(['from.chain', 'to.position']);
    }
  });

  it('does not mutate its inputs', () => {
    const from = Object.freeze({
      chain: 'apparel',
      position: 'OEM' as const,
      functions: Object.freeze(['sew']),
    });
    const to = Object.freeze({
      chain: 'apparel',
      position: 'OEM' as const,
      functions: Object.freeze(['sew', 'design']),
    });
    expect(classifyUpgrading(from as never, to as never)).toBe('functional');
    expect(from).toEqual({ chain: 'apparel', position: 'OEM', functions: ['sew'] });
    expect(to).toEqual({ chain: 'apparel', position: 'OEM', functions: ['sew', 'design'] });
  });
});

describe('disembodiedIndex', () => {
  it('orders the positions 0..3 (ordinal, Kaplinsky & Morris 2001)', () => {
    expect((['OEA', 'OEM', 'ODM', 'OBM'] as const).map(disembodiedIndex)).toEqual([0, 1, 2, 3]);
    expect(() => disembodiedIndex('OXM' as never)).toThrow(GvcError);
  });
});

describe('UpgradingEvent', () => {
  it('accepts an event and rejects unknown keys and kinds', () => {
    const event = { subject: 'f', period: 1, kind: 'process', from: at('OEA'), to: at('OEM') };
    expect(UpgradingEvent.parse(event)).toEqual(event);
    expect(UpgradingEvent.safeParse({ ...event, kind: 'none' }).success).toBe(false);
    expect(UpgradingEvent.safeParse({ ...event, note: 'x' }).success).toBe(false);
    expect(UpgradingEvent.safeParse({ ...event, kind: 'downgrading' }).success).toBe(true);
  });
});

describe('contract types', () => {
  it('classifyUpgrading returns the kind as a string union and UpgradingEvent has the contract fields', () => {
    expectTypeOf(classifyUpgrading).returns.toEqualTypeOf<
      'process' | 'product' | 'functional' | 'chain' | 'downgrading' | 'none'
    >();
    expectTypeOf<UpgradingEvent>().toHaveProperty('subject').toEqualTypeOf<string>();
    expectTypeOf<UpgradingEvent['from']['position']>().toEqualTypeOf<'OEA' | 'OEM' | 'ODM' | 'OBM'>();
    expectTypeOf<UpgradingEvent['from']['chain']>().toEqualTypeOf<string>();
    expectTypeOf<UpgradingEvent>().toHaveProperty('period');
  });
});
