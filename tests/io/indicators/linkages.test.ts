import { describe, expect, it } from 'vitest';
import { createIcio, GvcError, linkageClass, rasmussenLinkages } from '../../../src/io/index.js';
import { expectClose, icio3x2, millerBlair, snapshot } from '../fixture.js';

// tests/io/reference/icio3x2.py printed:
//   PD = n·B.sum(0)/B.sum(); SD ghosh = n·Gh.sum(1)/Gh.sum(); SD leontief = n·B.sum(1)/B.sum()
//   cvB = B.std(0, ddof=1)/B.mean(0); cvF ghosh = Gh.std(1, ddof=1)/Gh.mean(1)
const PD = [
  0.923602928853409, 1.0892559331673535, 0.9889333914838245, 1.0176565328824247, 1.0027783502281853,
  0.977772863384802,
];
const SDG = [
  1.047052514904912, 1.0403935208642445, 1.0213197978179893, 1.0145900622117996, 0.9822880852221392,
  0.8943560189789151,
];
const SDL = [
  1.0452327625633124, 1.0022655246263492, 1.0580975171386646, 1.0679970749696073, 0.9540236120774974,
  0.8723835086245683,
];
const CVB = [
  1.5671195083493934, 1.3834395755530042, 1.6473222762785598, 1.5251899626196872, 1.5633736838618482,
  1.535028433355651,
];
const CVF = [
  1.3495230202973951, 1.4490732926403882, 1.5871815649835417, 1.5311836992796308, 1.616396848989029,
  1.7295706569098033,
];

describe('rasmussenLinkages', () => {
  it('matches NumPy (Ghosh forward linkages) to 1e-8 and classifies', () => {
    const r = rasmussenLinkages(icio3x2());
    expectClose(
      r.map((x) => x.powerOfDispersion),
      PD,
    );
    expectClose(
      r.map((x) => x.sensitivityOfDispersion),
      SDG,
    );
    expectClose(
      r.map((x) => x.cvBackward),
      CVB,
    );
    expectClose(
      r.map((x) => x.cvForward),
      CVF,
    );
    // PD > 1 for A_s2, B_s2, C_s1; SD (Ghosh) > 1 for A_s1, A_s2, B_s1, B_s2
    expect(r.map((x) => x.linkage)).toEqual(['forward', 'key', 'forward', 'key', 'backward', 'weak']);
    expect(r.map((x) => x.keySector)).toEqual([false, true, false, true, false, false]);
  });
  it('Leontief forward variant matches NumPy', () => {
    expectClose(
      rasmussenLinkages(icio3x2(), { forward: 'leontief' }).map((x) => x.sensitivityOfDispersion),
      SDL,
    );
  });
  it('Miller & Blair two-sector example: PD = 2·(1.15/.7575)/(2.25/.7575) = 2.3/2.25', () => {
    const r = rasmussenLinkages(millerBlair());
    expectClose(
      r.map((x) => x.powerOfDispersion),
      [2.3 / 2.25, 2.2 / 2.25],
    );
    expectClose(
      r.map((x) => x.backwardLinkage),
      [1.15 / 0.7575, 1.1 / 0.7575],
    );
  });
  it('uses the Ghosh inverse directly when a sector has zero output (no x̂⁻¹Bx̂ shortcut)', () => {
    const t = createIcio({
      countries: ['A'],
      sectors: ['s1', 's2'],
      Z: [
        [0, 0],
        [0, 0],
      ],
      Y: [[5], [0]],
    });
    // B = G = I: all indices equal 1 → weak (not strictly above 1)
    expect(
      rasmussenLinkages(t).map((x) => [x.powerOfDispersion, x.sensitivityOfDispersion, x.linkage]),
    ).toEqual([
      [1, 1, 'weak'],
      [1, 1, 'weak'],
    ]);
  });
  it('rejects invalid options', () => {
    expect(() => rasmussenLinkages(icio3x2(), { forward: 'supply' } as never)).toThrow(GvcError);
  });
  it('leaves the table unchanged', () => {
    const t = icio3x2();
    const before = snapshot(t);
    rasmussenLinkages(t);
    expect(snapshot(t)).toEqual(before);
  });
});

describe('linkageClass boundaries (strictly above 1)', () => {
  it.each([
    [1.0000001, 1.0000001, 'key'],
    [1.0000001, 1, 'backward'],
    [1, 1.0000001, 'forward'],
    [1, 1, 'weak'],
    [0.5, 0.5, 'weak'],
  ] as const)('PD %f, SD %f → %s', (pd, sd, cls) => {
    expect(linkageClass(pd, sd)).toBe(cls);
  });
});
