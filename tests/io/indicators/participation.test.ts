import { describe, expect, it } from 'vitest';
import { createIcio, gvcParticipation } from '../../../src/io/index.js';
import { expectClose, icio3x2, snapshot } from '../fixture.js';

// tests/io/reference/icio3x2.py printed (WWYZ 2017 with L block-diagonal, AF off-diagonal blocks of A,
// row sums of V̂ L ... for the forward terms, column sums for the backward terms):
const ref = {
  V_D: [
    52.71724137931034, 31.64137931034483, 59.027479604980684, 59.15414340918851, 50.822444273635675,
    57.15090955675121,
  ],
  V_RT: [
    14.591379310344827, 12.079310344827586, 15.770931730356375, 10.3791326749678, 7.0038431975403554,
    7.646084208728328,
  ],
  V_GVC_S: [
    15.848314946612, 12.389919134266624, 12.212397490691291, 13.680234132124292, 8.363924628876605,
    6.6770285573016315,
  ],
  V_GVC_C: [
    7.843064363732825, 5.889391210560965, 6.989191173971655, 8.786489783719416, 5.809787899947379,
    4.525977677218822,
  ],
  Y_D: [
    47.15172413793103, 37.20689655172414, 56.369686560755696, 61.811936453413495, 49.42864463233411,
    58.54470919805277,
  ],
  Y_RT: [
    11.787931034482758, 14.882758620689655, 16.105624731644482, 10.044439673679692, 6.8439661798616465,
    7.805961226407037,
  ],
  Y_GVC_S: [
    10.041929666216957, 9.94133365520474, 10.49094732533502, 13.848695353267924, 12.141871013085368,
    12.707041876762432,
  ],
  Y_GVC_C: [
    6.018415161369248, 7.969011172381468, 7.033741382264807, 7.294928519638907, 5.585518174718882,
    5.942287698777749,
  ],
  GVCPt_f: [0.2743182330403426, 0.22402318591670245, 0.17146431596854347],
  GVCPt_b: [0.23428061831153385, 0.21130225453828774, 0.22878439473801526],
  participation: [0.3833112682429244, 0.39308399294934915, 0.4531443548798133],
  position: [-0.0313270392004327, 0.020027809851614814, 0.020361919427648645],
};
type Key = 'V_D' | 'V_RT' | 'V_GVC_S' | 'V_GVC_C' | 'Y_D' | 'Y_RT' | 'Y_GVC_S' | 'Y_GVC_C';

describe('gvcParticipation', () => {
  it('WWYZ (2017) sector terms match NumPy to 1e-8', () => {
    const r = gvcParticipation(icio3x2(), { level: 'sector' });
    for (const k of ['V_D', 'V_RT', 'V_GVC_S', 'V_GVC_C', 'Y_D', 'Y_RT', 'Y_GVC_S', 'Y_GVC_C'] as Key[]) {
      expectClose(
        r.map((x) => x[k]),
        ref[k],
      );
    }
  });
  it('country participation and position (WWYZ 2017; Koopman et al. 2010) match NumPy to 1e-8', () => {
    const r = gvcParticipation(icio3x2());
    expectClose(
      r.map((x) => x.GVCPt_f),
      ref.GVCPt_f,
    );
    expectClose(
      r.map((x) => x.GVCPt_b),
      ref.GVCPt_b,
    );
    expectClose(
      r.map((x) => x.participation),
      ref.participation,
    );
    // Every country of the fixture exports, so every position is a number.
    expectClose(
      r.map((x) => x.position ?? Number.NaN),
      ref.position,
    );
  });
  it('identities: VA = V_D + V_RT + V_GVC and Y = Y_D + Y_RT + Y_GVC; world ΣVA = ΣY', () => {
    const r = gvcParticipation(icio3x2(), { level: 'sector' });
    expectClose(
      r.map((x) => x.V_D + x.V_RT + x.V_GVC),
      r.map((x) => x.VA),
      1e-12,
    );
    expectClose(
      r.map((x) => x.Y_D + x.Y_RT + x.Y_GVC),
      r.map((x) => x.Y),
      1e-12,
    );
    // ΣVA = 487 (hand sum of va); ΣY = Σ final demand = 487 too (GDP from both sides).
    expectClose([r.reduce((a, x) => a + x.VA, 0), r.reduce((a, x) => a + x.Y, 0)], [487, 487], 1e-12);
  });
  it('hand example: A ships intermediates to B, which absorbs them (V_GVC_S of A = 2, Y_GVC of B = 2)', () => {
    const t = createIcio({
      countries: ['A', 'B'],
      sectors: ['s'],
      Z: [
        [0, 2],
        [0, 0],
      ],
      Y: [
        [8, 0],
        [0, 10],
      ],
    });
    const [a, b] = gvcParticipation(t);
    expect(a).toMatchObject({ V_GVC_S: 2, V_GVC_C: 0, GVCPt_f: 0.2, Y_GVC: 0, FV: 0, IV: 0 });
    // B exports nothing: its Koopman position ln(1 + IV/E) − ln(1 + FV/E) is not defined.
    expect(b).toMatchObject({
      V_GVC: 0,
      Y_GVC_S: 2,
      GVCPt_b: 0.2,
      GEXP: 0,
      participation: 0,
      position: null,
    });
    expect(b!.positionReason).toBe('gross exports are 0: shares of exports are not defined');
  });
  it('leaves the table unchanged', () => {
    const t = icio3x2();
    const before = snapshot(t);
    gvcParticipation(t);
    expect(snapshot(t)).toEqual(before);
  });
});
