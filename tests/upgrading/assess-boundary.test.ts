import { describe, expect, it } from 'vitest';
import type { MovementKind } from '../../src/upgrading/index.js';
import { assessUpgrading, upgradingTrajectory } from '../../src/upgrading/index.js';
import { errorOf, isDeepFrozen } from '../helpers.js';

type Pos = 'OEA' | 'OEM' | 'ODM' | 'OBM';
const at = (chain: string, position: Pos, extra: object = {}) => ({ chain, position, ...extra });

describe('assessUpgrading: boundary', () => {
  it('reports the problems of both sides at once, rooted at from and to', () => {
    const e = errorOf(() =>
      assessUpgrading(at('x', 'OEM', { unitValue: -1 }), at('x', 'OEM', { competences: [''] })),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path)).toEqual(['from.unitValue', 'to.competences[0]']);
  });

  it('rejects contradictory flags at the second one', () => {
    const e = errorOf(() =>
      assessUpgrading(at('x', 'OEM'), at('x', 'OEM', { efficiencyGain: true, efficiencyLoss: true })),
    );
    expect(e.issues).toEqual([
      { path: 'to.efficiencyLoss', message: 'expected efficiencyGain or efficiencyLoss, found both true' },
    ]);
    const p = errorOf(() =>
      assessUpgrading(at('x', 'OEM', { productUpgrade: true, productDowngrade: true }), at('x', 'OEM')),
    );
    expect(p.issues.map((i) => i.path)).toEqual(['from.productDowngrade']);
  });

  it('rejects bad options with paths under options; null means the defaults', () => {
    const e = errorOf(() =>
      assessUpgrading(at('x', 'OEM'), at('x', 'ODM'), {
        tolerance: 2,
        valueScale: { a: Number.POSITIVE_INFINITY },
      } as never),
    );
    expect(e.issues.map((i) => i.path)).toEqual(['options.tolerance', 'options.valueScale.a']);
    expect(assessUpgrading(at('x', 'OEM'), at('x', 'ODM'), null).primary).toBe('product');
  });

  it('does not mutate frozen inputs and returns a deeply frozen result', () => {
    const from = Object.freeze(at('x', 'OEM', { functions: Object.freeze(['assembly', 'design']) }));
    const to = Object.freeze(at('x', 'OEM', { functions: Object.freeze(['assembly']) }));
    const a = assessUpgrading(from as never, to as never);
    expect(isDeepFrozen(a)).toBe(true);
    expect(from).toEqual(at('x', 'OEM', { functions: ['assembly', 'design'] }));
  });

  it('keeps built-in names as data, huge ratios finite and long lists bounded in the text', () => {
    const a = assessUpgrading(
      at('x', 'OEM', { functions: ['constructor', 'toString'], unitValue: 1e-300 }),
      at('x', 'OEM', { functions: ['__proto__'], unitValue: 1e300 }),
    );
    expect(a.functional.unranked).toEqual(['__proto__', 'constructor', 'toString']);
    expect(a.unitValueChange).toBeNull(); // 1e300 / 1e-300 overflows: not reported, still product up
    expect(a.primary).toBe('product');
    const many = Array.from({ length: 1000 }, (_, i) => `f${i}`);
    const b = assessUpgrading(
      at('x', 'OEM', { functions: ['assembly'] }),
      at('x', 'OEM', { functions: ['assembly', ...many] }),
      { valueScale: Object.fromEntries(many.map((f) => [f, 1e308])) },
    );
    // (1 + 1000 × 1e308) / 1001 ≈ (1000 / 1001) × 1e308: the plain sum would overflow.
    expect((b.functional.mean.to as number) / 1e308).toBeCloseTo(1000 / 1001, 9);
    expect(Number.isFinite(b.functional.mean.to)).toBe(true);
    expect(b.explanation.text.length).toBeLessThan(1000);
  });
});

describe('upgradingTrajectory: assessments and chain claims (issue 18)', () => {
  type At = ReturnType<typeof at>;
  const ev = (period: number, kind: MovementKind, from: At, to: At) => ({
    subject: 'f',
    period,
    kind,
    from,
    to,
  });

  it('returns one assessment per ordered event', () => {
    const t = upgradingTrajectory([
      ev(2, 'product', at('shoes', 'OEM'), at('shoes', 'ODM')),
      ev(1, 'process', at('shoes', 'OEA'), at('shoes', 'OEM')),
    ]);
    expect(t.assessments.map((a) => a.primary)).toEqual(['process', 'product']);
  });

  it("accepts an event's 'chain' claim when the carry-over is undetermined, and rejects it when competences show none (H&S 2002, p. 1020)", () => {
    expect(
      upgradingTrajectory([ev(1, 'chain', at('tv-tubes', 'OBM'), at('monitors', 'OEM'))]).kinds.chain,
    ).toBe(1);
    const e = errorOf(() =>
      upgradingTrajectory([
        ev(
          1,
          'chain',
          at('monitors', 'OBM', { competences: ['CRT'] }),
          at('garments', 'OEA', { competences: ['sewing'] }),
        ),
      ]),
    );
    expect(e.issues).toEqual([
      {
        path: 'events[0].kind',
        message: 'expected "downgrading" for OBM in "monitors" → OEA in "garments", found "chain"',
      },
    ]);
  });

  it('passes the options on (valueScale) and validates them', () => {
    const sew = ev(
      1,
      'downgrading',
      at('x', 'OEM', { functions: ['cut', 'sew'] }),
      at('x', 'OEM', { functions: ['sew'] }),
    );
    expect(() => upgradingTrajectory([sew])).toThrow(/with none/);
    expect(upgradingTrajectory([sew], { valueScale: { cut: 1, sew: 1 } }).kinds.downgrading).toBe(1);
    expect(errorOf(() => upgradingTrajectory([sew], { tolerance: -1 })).issues[0]?.path).toBe(
      'options.tolerance',
    );
  });
});
