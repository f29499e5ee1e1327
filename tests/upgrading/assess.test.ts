import { describe, expect, it } from 'vitest';
import { assessUpgrading, classifyUpgrading } from '../../src/upgrading/index.js';

// Literature cases of issue 18 (design file 01-upgrading.md, §5). Expected values are read from the
// sources' definitions and worked by hand in the comments, not produced by the code under test.
// Value scale (knowledgeIntensityScale, Kaplinsky & Morris 2001; Kaplinsky 2015): assembly 1;
// component-manufacture, distribution 2; marketing 3; design, branding 4.
type Pos = 'OEA' | 'OEM' | 'ODM' | 'OBM';
const at = (chain: string, position: Pos, extra: object = {}) => ({ chain, position, ...extra });
const rules = (a: ReturnType<typeof assessUpgrading>) => a.moves.map((m) => [m.kind, m.direction, m.rule]);

describe('assessUpgrading: the trajectory (Kaplinsky & Morris 2001, section 4; Kaplinsky 2015)', () => {
  it('U1: OEA → OEM is process upgrading (Kaplinsky & Morris 2001, section 4)', () => {
    const a = assessUpgrading(at('apparel', 'OEA'), at('apparel', 'OEM'));
    expect(a.primary).toBe('process');
    expect(rules(a)).toEqual([['process', 'up', 'P1-position-up']]);
    expect(a.explanation.evidence).toEqual(['from.position', 'to.position']);
    expect(a.explanation.sources).toEqual(['Kaplinsky & Morris 2001, section 4']);
  });

  it('U2: OEM → ODM is product upgrading (Kaplinsky & Morris 2001, section 4)', () => {
    const a = assessUpgrading(at('apparel', 'OEM'), at('apparel', 'ODM'));
    expect([a.primary, rules(a)]).toEqual(['product', [['product', 'up', 'P1-position-up']]]);
  });

  it('U3: ODM → OBM is functional upgrading (Kaplinsky 2015: Samsung; Lenovo buying ThinkPad)', () => {
    const a = assessUpgrading(at('computers', 'ODM'), at('computers', 'OBM'));
    expect([a.primary, a.upgrading, a.downgrading]).toEqual(['functional', ['functional'], []]);
  });
});

describe('assessUpgrading: functional change on the value scale (Humphrey & Schmitz 2002, p. 1020)', () => {
  it('U4 (counter-example): an OEM dropping design and keeping assembly has functionally downgraded', () => {
    // top rank: {assembly 1, design 4} → 4; {assembly 1} → 1: 4 → 1 falls (F2). Was 'functional'.
    const a = assessUpgrading(
      at('apparel', 'OEM', { functions: ['assembly', 'design'] }),
      at('apparel', 'OEM', { functions: ['assembly'] }),
    );
    expect(a.primary).toBe('downgrading');
    expect([a.upgrading, a.downgrading]).toEqual([[], ['functional']]);
    expect(rules(a)).toEqual([['functional', 'down', 'F2-top-function-falls']]);
    expect(a.functional.top).toEqual({ from: 4, to: 1 });
    expect(a.functional.mean).toEqual({ from: 2.5, to: 1 }); // (1 + 4) / 2 = 2.5
    expect(a.functional.dropped).toEqual(['design']);
    expect(a.explanation.rules).toEqual(['F2-top-function-falls']);
  });

  it('U5: abandoning low-value assembly to focus on design is functional upgrading (H&S 2002; Gereffi 1999, triangle manufacturing)', () => {
    // top 4 = 4; dropped assembly (1) < 4: F4.
    const a = assessUpgrading(
      at('apparel', 'OEM', { functions: ['assembly', 'design'] }),
      at('apparel', 'OEM', { functions: ['design'] }),
    );
    expect(a.primary).toBe('functional');
    expect(rules(a)).toEqual([['functional', 'up', 'F4-low-functions-dropped']]);
  });

  it('taking on functions below the top is functional upgrading (Kaplinsky & Morris 2001, section 4: changing the mix of activities)', () => {
    // top: {design 4} → {design 4, distribution 2}: 4 = 4; added only: F3.
    const a = assessUpgrading(
      at('apparel', 'ODM', { functions: ['design'] }),
      at('apparel', 'ODM', { functions: ['design', 'distribution'] }),
    );
    expect(rules(a)).toEqual([['functional', 'up', 'F3-functions-added']]);
  });

  it('an exchange of functions is judged by the mean rank (Kaplinsky & Morris 2001: moving the locus of activities)', () => {
    // {design 4, assembly 1} mean 2.5 → {design 4, marketing 3} mean 3.5: up (F6).
    const up = assessUpgrading(
      at('x', 'OEM', { functions: ['design', 'assembly'] }),
      at('x', 'OEM', { functions: ['design', 'marketing'] }),
    );
    expect(rules(up)).toEqual([['functional', 'up', 'F6-mean-rank']]);
    // {design 4, distribution 2} 3 → {branding 4, retail 2} 3: equal, no move.
    const even = assessUpgrading(
      at('x', 'OEM', { functions: ['design', 'distribution'] }),
      at('x', 'OEM', { functions: ['branding', 'retail'] }),
    );
    expect([even.primary, even.moves]).toEqual(['none', []]);
  });

  it('U14: functions with no rank are ignored and listed; ranked equal, dropping one at the top is F5', () => {
    const a = assessUpgrading(
      at('x', 'OEM', { functions: ['cut', 'sew'] }),
      at('x', 'OEM', { functions: ['sew'] }),
    );
    expect(a.primary).toBe('none');
    expect(a.explanation.rules).toEqual(['F7-unranked']);
    expect(a.functional.unranked).toEqual(['cut', 'sew']);
    expect(a.functional.top).toEqual({ from: null, to: null });
    expect(a.explanation.notes.join(' ')).toContain('options.valueScale');
    const ranked = assessUpgrading(
      at('x', 'OEM', { functions: ['cut', 'sew'] }),
      at('x', 'OEM', { functions: ['sew'] }),
      { valueScale: { cut: 1, sew: 1 } },
    );
    expect(ranked.primary).toBe('downgrading');
    expect(rules(ranked)).toEqual([['functional', 'down', 'F5-top-level-function-dropped']]);
  });
});

describe('assessUpgrading: chain upgrading needs competence carried over (Humphrey & Schmitz 2002, p. 1020)', () => {
  it('U6 (counter-example): an OBM monitor maker becoming a garment assembler is not chain upgrading', () => {
    const a = assessUpgrading(
      at('monitors', 'OBM', {
        functions: ['design', 'branding'],
        competences: ['CRT display engineering', 'electronics brand marketing'],
      }),
      at('garments', 'OEA', { functions: ['assembly'], competences: ['sewing'] }),
    );
    expect(a.primary).toBe('downgrading');
    expect(a.chain).toEqual({ changed: true, status: 'not-carried', carried: [] });
    // OBM (3) → OEA (0) down, named by the position left (OBM: functional); F2 (top 4 → 1) counted once.
    expect(rules(a)).toEqual([['functional', 'down', 'P2-position-down']]);
    expect(a.upgrading).toEqual([]);
    expect(a.explanation.rules).toEqual(['C2-chain-not-carried', 'P2-position-down']);
    expect(a.explanation.notes.join(' ')).toContain('not chain upgrading');
    expect(a.explanation.evidence).toContain('to.competences');
  });

  it('U6b: without competence data the carry-over is undetermined unless presumed (H&S 2002, p. 1020)', () => {
    const a = assessUpgrading(at('monitors', 'OBM'), at('garments', 'OEA'));
    expect([a.primary, a.chain.status]).toEqual(['downgrading', 'undetermined']);
    expect(a.explanation.rules).toEqual(['C3-chain-undetermined', 'P2-position-down']);
    expect(a.explanation.notes.join(' ')).toContain('competences');
    const presumed = assessUpgrading(at('monitors', 'OBM'), at('garments', 'OEA'), {
      chainEvidence: 'presumed',
    });
    expect([presumed.primary, rules(presumed)]).toEqual(['chain', [['chain', 'up', 'C4-chain-presumed']]]);
  });

  it('U7: black-and-white TV tubes → computer monitors is chain upgrading (Kaplinsky 2015; Kaplinsky & Morris 2001, Taiwan)', () => {
    const a = assessUpgrading(
      at('tv-tubes', 'OBM', { competences: ['cathode-ray tubes'] }),
      at('monitors', 'OEM', { competences: ['cathode-ray tubes', 'PC interfaces'] }),
    );
    expect(a.primary).toBe('chain');
    expect(rules(a)).toEqual([['chain', 'up', 'C1-chain-carried']]); // no position move reported
    expect(a.chain).toEqual({ changed: true, status: 'carried', carried: ['cathode-ray tubes'] });
    expect(a.explanation.sources).toEqual(['Humphrey & Schmitz 2002, p. 1020']);
  });
});

describe('assessUpgrading: product and process in any position (H&S 2002, p. 1020)', () => {
  it('U8 (counter-example): a higher unit value is product upgrading without a move to ODM (H&S 2002, Sinos Valley)', () => {
    // 14 / 10 − 1 = 0.4 > 0.01. Was 'none'.
    const a = assessUpgrading(
      at('footwear', 'OEM', { unitValue: 10 }),
      at('footwear', 'OEM', { unitValue: 14 }),
    );
    expect(a.primary).toBe('product');
    expect(rules(a)).toEqual([['product', 'up', 'R1-unit-value']]);
    expect(a.unitValueChange).toBeCloseTo(0.4, 12);
    expect(a.moves[0]?.evidence).toEqual(['from.unitValue', 'to.unitValue']);
    expect(a.moves[0]?.text).toContain('40%');
  });

  it('U9: a lower real unit cost is process upgrading (Kaplinsky 2015, Kenyan furniture makers)', () => {
    // 45 / 50 − 1 = −0.1 < −0.01.
    const a = assessUpgrading(
      at('furniture', 'OEM', { unitCost: 50 }),
      at('furniture', 'OEM', { unitCost: 45 }),
    );
    expect([a.primary, rules(a)]).toEqual(['process', [['process', 'up', 'E1-unit-cost']]]);
    expect(a.unitCostChange).toBeCloseTo(-0.1, 12);
  });

  it('U10 together: assembly → full-package OEM is process and functional upgrading in one move (Gereffi 1999)', () => {
    // P1: OEA → OEM process; F1: top 1 → 2; E2 (efficiencyGain) repeats P1's process: counted once.
    const a = assessUpgrading(
      at('apparel', 'OEA', { functions: ['assembly'], efficiencyGain: false }),
      at('apparel', 'OEM', {
        functions: ['assembly', 'component-manufacture', 'distribution'],
        efficiencyGain: true,
      }),
    );
    expect(a.primary).toBe('process');
    expect(a.upgrading).toEqual(['process', 'functional']);
    expect(rules(a)).toEqual([
      ['process', 'up', 'P1-position-up'],
      ['functional', 'up', 'F1-top-function-rises'],
    ]);
    expect(a.functional.top).toEqual({ from: 1, to: 2 });
    expect(a.explanation.text).toContain('; also: ');
  });

  it('U11: a falling unit value is product downgrading (Kaplinsky & Readman 2005)', () => {
    // 8 / 10 − 1 = −0.2.
    const a = assessUpgrading(
      at('furniture', 'OEM', { unitValue: 10 }),
      at('furniture', 'OEM', { unitValue: 8 }),
    );
    expect([a.primary, a.downgrading, rules(a)]).toEqual([
      'downgrading',
      ['product'],
      [['product', 'down', 'R1-unit-value']],
    ]);
  });

  it('U12: lower-value lines with better processes, "which way is up" (Ponte & Ewert 2009, South African wine)', () => {
    // unit value 4 / 6 − 1 = −1/3 (down); unit cost 3 / 5 − 1 = −0.4 (up); product precedes process.
    const a = assessUpgrading(
      at('wine', 'OBM', { unitValue: 6, unitCost: 5 }),
      at('wine', 'OBM', { unitValue: 4, unitCost: 3 }),
    );
    expect(a.primary).toBe('downgrading');
    expect([a.upgrading, a.downgrading]).toEqual([['process'], ['product']]);
    expect(a.unitValueChange).toBeCloseTo(-1 / 3, 12);
    expect(a.unitCostChange).toBeCloseTo(-0.4, 12);
  });

  it('U13 boundary: a 1% change is not above the tolerance 0.01 (gvckit convention), 1.01% is', () => {
    // 101 / 100 − 1 = 0.010000000000000009 in binary: the slack makes it exactly τ.
    const flat = assessUpgrading(at('x', 'OEM', { unitValue: 100 }), at('x', 'OEM', { unitValue: 101 }));
    expect(flat.moves).toEqual([]);
    expect(flat.explanation.notes.join(' ')).toContain("gvckit's convention");
    const up = assessUpgrading(at('x', 'OEM', { unitValue: 100 }), at('x', 'OEM', { unitValue: 101.01 }));
    expect(up.primary).toBe('product');
    const looser = assessUpgrading(
      at('x', 'OEM', { unitValue: 100 }),
      at('x', 'OEM', { unitValue: 101.01 }),
      {
        tolerance: 0.05,
      },
    );
    expect(looser.primary).toBe('none');
  });

  it('documented flags decide when no measure does (H&S 2002, p. 1020)', () => {
    expect(rules(assessUpgrading(at('x', 'OEM'), at('x', 'OEM', { productUpgrade: true })))).toEqual([
      ['product', 'up', 'R2-product-flag'],
    ]);
    expect(rules(assessUpgrading(at('x', 'OEM'), at('x', 'OEM', { efficiencyLoss: true })))).toEqual([
      ['process', 'down', 'E2-efficiency-flag'],
    ]);
  });
});

describe('classifyUpgrading: the literature cases give the primary answer', () => {
  it.each([
    ['U1 Kaplinsky & Morris 2001', at('apparel', 'OEA'), at('apparel', 'OEM'), 'process'],
    ['U3 Kaplinsky 2015', at('computers', 'ODM'), at('computers', 'OBM'), 'functional'],
    [
      'U4 Humphrey & Schmitz 2002',
      at('apparel', 'OEM', { functions: ['assembly', 'design'] }),
      at('apparel', 'OEM', { functions: ['assembly'] }),
      'downgrading',
    ],
    [
      'U6 Humphrey & Schmitz 2002',
      at('monitors', 'OBM', { competences: ['CRT display engineering'] }),
      at('garments', 'OEA', { competences: ['sewing'] }),
      'downgrading',
    ],
    [
      'U7 Kaplinsky 2015',
      at('tv-tubes', 'OBM', { competences: ['cathode-ray tubes'] }),
      at('monitors', 'OEM', { competences: ['cathode-ray tubes'] }),
      'chain',
    ],
    [
      'U8 Humphrey & Schmitz 2002',
      at('footwear', 'OEM', { unitValue: 10 }),
      at('footwear', 'OEM', { unitValue: 14 }),
      'product',
    ],
  ] as const)('%s', (_, from, to, expected) => {
    expect(classifyUpgrading(from, to)).toBe(expected);
  });
});
