import { describe, expect, it } from 'vitest';
import { smileCurve } from '../../src/chains/smile.js';
import { isGvcError } from '../../src/core/errors.js';
import { deepFreeze } from '../helpers.js';
import { cocoaChain, iphoneChain, nestedChain } from './decompose-fixtures.js';

// Tolerance: coefficients and R² to 1e-9 absolute (toBeCloseTo(x, 9)); numpy prints 16 significant digits.

describe('smileCurve by longest path', () => {
  it('fits the additive cocoa chain as numpy.polyfit does', () => {
    // Positions 0..4 (grow, ferment, grind, make, retail); shares 0.099, 0.02, 0.06, 1, 1 over 2.5.
    // python3: x=np.array([0,1,2,3,4.]); y=np.array([0.099,0.02,0.06,1.0,1.0])/2.5
    //   np.polyfit(x,y,2) -> array([ 0.03022857, -0.00963429,  0.01221714]); R² 0.802398749012934
    const s = smileCurve(cocoaChain());
    expect(s.positioning).toBe('longest-path');
    expect(s.stages.map((p) => [p.stage, p.position])).toEqual([
      ['grow', 0],
      ['ferment', 1],
      ['grind', 2],
      ['make', 3],
      ['retail', 4],
    ]);
    expect(s.stages[0]?.valueAddedPerUnit).toBeCloseTo(1.8, 9);
    expect(s.stages[0]?.share).toBeCloseTo(0.0396, 9);
    expect(s.fit?.a).toBeCloseTo(0.03022857142857, 9);
    expect(s.fit?.b).toBeCloseTo(-0.00963428571429, 9);
    expect(s.fit?.c).toBeCloseTo(0.01221714285714, 9);
    expect(s.fit?.rSquared).toBeCloseTo(0.802398749012934, 9);
    expect(s.fit?.smiles).toBe(true);
    // Five positions for three coefficients: estimated, not determined.
    expect(s.fit?.n).toBe(5);
    expect(s.fit?.determined).toBe(false);
  });

  it('puts parallel components at one position and sums them (nested chain)', () => {
    // by position: 0 wafer 20 + display 24 = 44; 1 chip 15; 2 assembly 6; 3 brand 120 (of 200)
    // np.polyfit([0,1,2,3], [44/200,15/200,6/200,120/200], 2) -> [0.17875, -0.42675, 0.24575]; R² 0.9340297857786899
    const s = smileCurve(nestedChain());
    expect(s.byPosition.map((g) => [g.position, g.stages])).toEqual([
      [0, ['wafer', 'display']],
      [1, ['chip']],
      [2, ['assembly']],
      [3, ['brand']],
    ]);
    expect(s.byPosition[0]?.share).toBeCloseTo(0.22, 9);
    expect(s.fit?.a).toBeCloseTo(0.17875, 9);
    expect(s.fit?.b).toBeCloseTo(-0.42675, 9);
    expect(s.fit?.c).toBeCloseTo(0.24575, 9);
    expect(s.fit?.rSquared).toBeCloseTo(0.9340297857786899, 9);
  });

  it('interpolates three positions exactly (the iPhone: components, assembly, Apple)', () => {
    // shares 172.46/500, 6.5/500, 321.04/500; np.polyfit -> [0.4805, -0.81242, 0.34492]
    const s = smileCurve(iphoneChain(true));
    expect(s.fit?.a).toBeCloseTo(0.4805, 9);
    expect(s.fit?.b).toBeCloseTo(-0.81242, 9);
    expect(s.fit?.c).toBeCloseTo(0.34492, 9);
    expect(s.fit?.rSquared).toBeCloseTo(1, 9);
    expect(s.fit?.smiles).toBe(true);
    // Three points, three coefficients: R² = 1 by construction, so the fit says it is determined.
    expect(s.fit?.n).toBe(3);
    expect(s.fit?.determined).toBe(true);
  });

  it('has no fit with fewer than three positions (boundary: two)', () => {
    expect(smileCurve(iphoneChain(false)).fit).toBeNull();
  });

  it('frowns when the middle captures most (a < 0)', () => {
    // shares 0.1, 0.8, 0.1 at 0, 1, 2: a = (0.1 − 2·0.8 + 0.1)/2 = −0.7
    const stage = (id: string, p: number, input?: string) => ({
      id,
      name: id,
      country: 'CHN',
      output: { unit: 'u', unitPrice: p },
      inputs: input ? [{ stage: input, quantity: 1 }] : [],
    });
    const s = smileCurve({
      id: 'c',
      name: 'C',
      family: 'additive',
      currency: 'USD',
      finalStage: 'c',
      stages: [stage('a', 1), stage('b', 9, 'a'), stage('c', 10, 'b')],
    });
    expect(s.fit?.a).toBeCloseTo(-0.7, 9);
    expect(s.fit?.smiles).toBe(false);
  });
});

describe('smileCurve: the boundary a = 0', () => {
  const line = (prices: number[]) =>
    smileCurve({
      id: 'c',
      name: 'C',
      family: 'additive',
      currency: 'USD',
      finalStage: `s${prices.length - 1}`,
      stages: prices.map((p, i) => ({
        id: `s${i}`,
        name: `S${i}`,
        country: 'CHN',
        output: { unit: 'u', unitPrice: p },
        inputs: i > 0 ? [{ stage: `s${i - 1}`, quantity: 1 }] : [],
      })),
    });

  it('a straight line (value added 1, 2, 3 of 6) neither smiles nor frowns', () => {
    // shares 1/6, 2/6, 3/6 lie on share = 1/6 + position/6: a = 0 exactly (rounding noise snapped)
    const s = line([1, 3, 6]);
    expect(s.fit?.a).toBe(0);
    expect(s.fit?.b).toBeCloseTo(1 / 6, 12);
    expect(s.fit?.c).toBeCloseTo(1 / 6, 12);
    expect(s.fit?.smiles).toBe(false);
  });

  it('equal shares fit exactly: R² = 1, a = b = 0', () => {
    // value added 0.7 at each of 4 stages: shares 0.25
    const s = line([0.7, 1.4, 2.1, 2.8]);
    expect(s.fit).toMatchObject({ a: 0, b: 0, rSquared: 1, smiles: false });
    expect(s.fit?.c).toBeCloseTo(0.25, 12);
  });
});

describe('smileCurve by standard function', () => {
  it('orders stages by the standard function order', () => {
    // grow 0, ferment 1, grind and make 2 (processing), retail 9; shares 0.0396, 0.008, 0.424, 0.4
    // python3 (np.set_printoptions(precision=15)):
    //   np.polyfit(np.array([0,1,2,9.]), np.array([0.099,0.02,1.06,1.0])/2.5, 2)
    //   -> array([-0.019098512396694,  0.220169719008264, -0.031991140495868]); R² 0.7389138193138809
    const s = smileCurve(cocoaChain(), { position: 'function' });
    expect(s.positioning).toBe('function');
    expect(s.byPosition.map((g) => g.position)).toEqual([0, 1, 2, 9]);
    expect(s.byPosition[2]?.share).toBeCloseTo(0.424, 9);
    expect(s.fit?.a).toBeCloseTo(-0.019098512396694, 9);
    expect(s.fit?.b).toBeCloseTo(0.220169719008264, 9);
    expect(s.fit?.c).toBeCloseTo(-0.031991140495868, 9);
    expect(s.fit?.rSquared).toBeCloseTo(0.7389138193138809, 9);
    expect(s.fit?.smiles).toBe(false);
  });

  it('refuses stages without a standard function, naming each', () => {
    try {
      smileCurve(nestedChain(), { position: 'function' });
      expect.unreachable();
    } catch (e) {
      expect(isGvcError(e, 'UNSUPPORTED')).toBe(true);
      if (isGvcError(e)) expect(e.issues.map((i) => i.path)).toEqual(['chain.stages[0].function']);
    }
  });

  it('rejects unknown options and does not mutate its input', () => {
    expect(() => smileCurve(cocoaChain(), { position: 'depth' as 'function' })).toThrow(/options\.position/);
    const frozen = deepFreeze(cocoaChain());
    expect(() => smileCurve(frozen)).not.toThrow();
  });
});
