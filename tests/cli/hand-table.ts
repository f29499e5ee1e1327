import type { Row } from './helpers.js';

/*
 * HAND_TABLE of tests/io/decompositions/helpers.ts (two countries A and B, one sector s) in the OECD
 * ICIO layout, worked by hand (the same steps as the hand tests of tests/io/decompositions and
 * tests/io/indicators):
 *   Z = [[20, 10], [30, 40]], Y = [[50, 20], [10, 70]]: x = (100, 150), va = x − column sums of Z =
 *   (50, 100), v = va / x = (0.5, 2/3); gross exports E_A = Z_AB + Y_AB = 30, E_B = Z_BA + Y_BA = 40.
 *   A = Z / x_column = [[0.2, 1/15], [0.3, 4/15]], det(I − A) = 8.5/15, B = (I − A)⁻¹ =
 *   [[11, 1], [4.5, 12]] / 8.5; domestic inverses L_AA = 1/0.8 = 1.25, L_BB = 1/(11/15) = 15/11.
 *   Allocation coefficients Δ = Z / x_row = [[0.2, 0.1], [0.2, 4/15]], Ghosh inverse (I − Δ)⁻¹ =
 *   [[11, 1.5], [3, 12]] / 8.5.
 */
export const HAND_CSV = `V1,A_s,B_s,A_HFCE,B_HFCE,OUT
A_s,20,10,50,20,100
B_s,30,40,10,70,150
VA,50,100,,,
OUT,100,150,,,
`;

/** Expected records at country level (one record per country–sector where the indicator has no level). */
export const expected: Record<string, Row[]> = {
  // Borin & Mancini, A as in tests/io/decompositions/bm.test.ts: DC = v_A B_AA E_A = 0.5·(11/8.5)·30,
  // DVA = v_A L_AA E_A = 0.5·1.25·30, FC = E_A − DC, FVA = (2/3)·0.375·(15/11)·30 = 90/8.8.
  // B: DC = (2/3)(12/8.5)·40 = 320/8.5, DVA = (2/3)(15/11)·40 = 400/11, FC = 40 − 320/8.5 = 20/8.5,
  // FVA = v_A (I − A_AA)⁻¹ A_AB L_BB E_B = 0.5·1.25·(1/15)·(15/11)·40 = 25/11.
  bm: [
    {
      country: 'A',
      GEXP: 30,
      DC: 165 / 8.5,
      DVA: 18.75,
      DDC: 165 / 8.5 - 18.75,
      FC: 90 / 8.5,
      FVA: 90 / 8.8,
    },
    {
      country: 'B',
      GEXP: 40,
      DC: 320 / 8.5,
      DVA: 400 / 11,
      DDC: 320 / 8.5 - 400 / 11,
      FC: 20 / 8.5,
      FVA: 25 / 11,
    },
  ],
  // KWW, A as in tests/io/decompositions/kww.test.ts; DVA_INT = v_A B_AB Y_BB = 0.5·70/8.5,
  // RDV_FIN = v_A B_AB Y_BA = 0.5·10/8.5, RDV_INT = v_A B_AB A_BA L_AA Y_AA = 0.5·(1/8.5)·0.3·1.25·50,
  // FDC = FC − FVA_FIN − FVA_INT = 90/8.5 − 60/8.5 − 210/93.5 = 120/93.5.
  // B: DVA_FIN = v_B B_BB Y_BA = (2/3)(12/8.5)·10 = 80/8.5; FVA_FIN = v_A B_AB Y_BA = 5/8.5.
  kww: [
    {
      country: 'A',
      GEXP: 30,
      DVA_FIN: 110 / 8.5,
      DVA_INT: 35 / 8.5,
      DVA_INTrex: 0,
      RDV_FIN: 5 / 8.5,
      RDV_INT: 9.375 / 8.5,
      DDC: 5.625 / 8.5,
      FVA_FIN: 60 / 8.5,
      FVA_INT: 210 / 93.5,
      FDC: 120 / 93.5,
    },
    { country: 'B', GEXP: 40, DVA_FIN: 80 / 8.5, FVA_FIN: 5 / 8.5 },
  ],
  // WWZ, A → B as in tests/io/decompositions/wwz.test.ts; B → A: DVA_FIN = v_B B_BB Y_BA = 80/8.5,
  // MVA_FIN = v_A B_AB Y_BA = 5/8.5; texpint = Z_sr, texpfd = Y_sr.
  wwz: [
    {
      country: 'A',
      sector: 's',
      partner: 'B',
      DVA_FIN: 110 / 8.5,
      MVA_FIN: 60 / 8.5,
      RDV_FIN: 0.5 / 0.85,
      texp: 30,
      texpint: 10,
      texpfd: 20,
    },
    {
      country: 'B',
      sector: 's',
      partner: 'A',
      DVA_FIN: 80 / 8.5,
      MVA_FIN: 5 / 8.5,
      texp: 40,
      texpint: 30,
      texpfd: 10,
    },
  ],
  // VAX_A = v_A (B_AA Y_AB + B_AB Y_BB) = 0.5·(11·20 + 70)/8.5 = 145/8.5;
  // VAX_B = v_B (B_BA Y_AA + B_BB Y_BA) = (2/3)(4.5·50 + 12·10)/8.5 = 230/8.5.
  vax: [
    { country: 'A', GEXP: 30, VAX: 145 / 8.5, VAXratio: 145 / 255 },
    { country: 'B', GEXP: 40, VAX: 230 / 8.5, VAXratio: 230 / 340 },
  ],
  // DVA = v_s B_ss E_s, i2e = v_r B_rs E_s, e2r = v_s B_sr E_r: A: 0.5·11·30/8.5, (2/3)·4.5·30/8.5,
  // 0.5·1·40/8.5; B: (2/3)·12·40/8.5, 0.5·1·40/8.5, (2/3)·4.5·30/8.5.
  leontief: [
    { country: 'A', GEXP: 30, DVA: 165 / 8.5, i2e: 90 / 8.5, e2r: 20 / 8.5 },
    { country: 'B', GEXP: 40, DVA: 320 / 8.5, i2e: 20 / 8.5, e2r: 90 / 8.5 },
  ],
  // FV = i2e, IV = e2r, participation = (IV + FV)/E, position = ln(1 + IV/E) − ln(1 + FV/E):
  // A: 110/255, ln(275/345); B: 110/340, ln(430/360).
  // WWYZ forward: V_D = v_s L_ss Y_ss, V_RT = v_s L_ss Y_sr, V_GVC = VA − V_D − V_RT:
  // A: 0.5·1.25·50 = 31.25, 0.625·20 = 12.5, 50 − 43.75 = 6.25; B: (10/11)·70, (10/11)·10, 100 − 800/11.
  // Backward: Y = final products of s (70, 80); Y_GVC = Y − V_D − V_RT (one sector per country).
  participation: [
    {
      country: 'A',
      GEXP: 30,
      FV: 90 / 8.5,
      IV: 20 / 8.5,
      participation: 110 / 255,
      position: Math.log(275 / 345),
      VA: 50,
      V_D: 31.25,
      V_RT: 12.5,
      V_GVC: 6.25,
      Y: 70,
      Y_GVC: 26.25,
      GVCPt_f: 6.25 / 50,
      GVCPt_b: 26.25 / 70,
    },
    {
      country: 'B',
      GEXP: 40,
      FV: 20 / 8.5,
      IV: 90 / 8.5,
      participation: 110 / 340,
      position: Math.log(430 / 360),
      VA: 100,
      V_D: 700 / 11,
      V_RT: 100 / 11,
      V_GVC: 300 / 11,
      Y: 80,
      Y_GVC: 80 / 11,
      GVCPt_f: 3 / 11,
      GVCPt_b: 1 / 11,
    },
  ],
  // Row sums of the Ghosh inverse: (11 + 1.5)/8.5, (3 + 12)/8.5.
  upstreamness: [
    { country: 'A', sector: 's', upstreamness: 12.5 / 8.5 },
    { country: 'B', sector: 's', upstreamness: 15 / 8.5 },
  ],
  // Column sums of B: (11 + 4.5)/8.5, (1 + 12)/8.5.
  downstreamness: [
    { country: 'A', sector: 's', downstreamness: 15.5 / 8.5 },
    { country: 'B', sector: 's', downstreamness: 13 / 8.5 },
  ],
  // Backward: column sums of B (15.5, 13)/8.5, total 28.5/8.5; forward: row sums of the Ghosh inverse
  // (12.5, 15)/8.5, total 27.5/8.5; power = 2·15.5/28.5, 2·13/28.5; sensitivity = 2·12.5/27.5, 2·15/27.5.
  // Coefficients of variation of two values a, b: |a − b|/√2 over (a + b)/2: B's columns (11, 4.5),
  // (1, 12); the Ghosh rows (11, 1.5), (3, 12).
  rasmussen: [
    {
      country: 'A',
      sector: 's',
      backwardLinkage: 15.5 / 8.5,
      forwardLinkage: 12.5 / 8.5,
      powerOfDispersion: 31 / 28.5,
      sensitivityOfDispersion: 25 / 27.5,
      cvBackward: 6.5 / Math.SQRT2 / 7.75,
      cvForward: 9.5 / Math.SQRT2 / 6.25,
      linkage: 'backward',
      keySector: false,
    },
    {
      country: 'B',
      sector: 's',
      backwardLinkage: 13 / 8.5,
      forwardLinkage: 15 / 8.5,
      powerOfDispersion: 26 / 28.5,
      sensitivityOfDispersion: 30 / 27.5,
      cvBackward: 11 / Math.SQRT2 / 6.5,
      cvForward: 9 / Math.SQRT2 / 7.5,
      linkage: 'forward',
      keySector: false,
    },
  ],
};
