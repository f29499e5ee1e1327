import { describe, expect, it } from 'vitest';
import {
  chiSquared1UpperTail,
  erfc,
  logChoose,
  logFactorial,
  normalUpperTail,
} from '../../src/core/special.js';

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

// Reference values printed by R 4.2.2 on this machine (.scratch/p8/special.R):
//   options(digits = 17); erfc <- function(x) 2 * pnorm(-x * sqrt(2))
//   print(data.frame(x = xs, erfc = erfc(xs)))
// R's own erfc is computed from pnorm at x·√2, whose rounding (relative 1.1e-16) moves the result by
// about 2x² · 1.1e-16 relative: the tolerance grows with x accordingly.
const erfcReference: Array<[number, number, number]> = [
  [-3, 1.9999779095030015, 1e-15],
  [-0.5, 1.5204998778130465, 1e-15],
  [0, 1, 0],
  [1e-10, 0.99999999988716204, 1e-15],
  [0.3, 0.67137324054087255, 1e-14],
  [0.46875, 0.50738652678206209, 1e-14], // the boundary of Cody's first interval
  [0.5, 0.47950012218695348, 1e-14],
  [1, 0.15729920705028513, 1e-14],
  [2, 4.6777349810472636e-3, 1e-14],
  [3.9, 3.479224859723162e-8, 1e-13],
  [4, 1.5417257900279984e-8, 1e-13], // the boundary of Cody's second interval
  [4.5, 1.9661604415428778e-10, 1e-13],
  [6, 2.1519736712498728e-17, 1e-13],
  [10, 2.088487583762529e-45, 1e-13],
  [26, 5.6631924088549709e-296, 1e-12],
];

describe('erfc (Cody 1969, CALERF)', () => {
  it.each(erfcReference)("erfc(%d) matches R's 2 * pnorm(-x * sqrt(2))", (x, expected, tol) => {
    if (tol === 0) expect(erfc(x)).toBe(expected);
    else expect(relErr(erfc(x), expected)).toBeLessThan(tol);
  });

  it('underflows to 0 beyond x = 26.543, as R does (erfc(27) prints 0), and to 2 on the left', () => {
    expect(erfc(27)).toBe(0);
    expect(erfc(-27)).toBe(2);
    expect(erfc(1e308)).toBe(0);
  });

  it('satisfies erfc(-x) = 2 - erfc(x)', () => {
    for (const x of [0.1, 0.46875, 0.7, 2.5, 4, 5.5]) expect(erfc(-x)).toBeCloseTo(2 - erfc(x), 15);
  });
});

describe('normalUpperTail and chiSquared1UpperTail', () => {
  it("match R's pnorm and pchisq (R 4.2.2, options(digits = 17))", () => {
    // pnorm(-2.61880329637) = 0.0044119406101183322 (the one-sided p of the joint-action trend, S1)
    expect(relErr(normalUpperTail(2.61880329637), 0.0044119406101183322)).toBeLessThan(1e-13);
    // 2 * pnorm(-3.517995489) = 0.00043481975412423048 (S2)
    expect(relErr(2 * normalUpperTail(3.517995489), 0.00043481975412423048)).toBeLessThan(1e-13);
    // pnorm(c(-8, -1.96, 1.96, 0)) = 6.2209605742717849e-16 2.4997895148220428e-02 9.7500210485177963e-01 0.5
    expect(relErr(normalUpperTail(8), 6.2209605742717849e-16)).toBeLessThan(1e-13);
    expect(relErr(normalUpperTail(1.96), 2.4997895148220428e-2)).toBeLessThan(1e-14);
    expect(relErr(normalUpperTail(-1.96), 9.7500210485177963e-1)).toBeLessThan(1e-15);
    expect(normalUpperTail(0)).toBe(0.5);
    // pchisq(c(3.841458820694124, 6.85813070507, 0, 100), 1, lower.tail = FALSE)
    //   = 4.9999999999999975e-02 8.8238812202780272e-03 1 1.5239706048321054e-23
    expect(relErr(chiSquared1UpperTail(3.841458820694124), 0.049999999999999975)).toBeLessThan(1e-13);
    expect(relErr(chiSquared1UpperTail(6.85813070507), 8.8238812202780272e-3)).toBeLessThan(1e-13);
    expect(chiSquared1UpperTail(0)).toBe(1);
    expect(chiSquared1UpperTail(-1)).toBe(1);
    expect(relErr(chiSquared1UpperTail(100), 1.5239706048321054e-23)).toBeLessThan(1e-13);
  });
});

describe('logFactorial and logChoose', () => {
  // R: print(lfactorial(c(0, 1, 2, 5, 10, 19, 20, 21, 50, 100, 1000, 1e6, 1e9)))
  it.each([
    [0, 0],
    [1, 0],
    [2, 6.9314718055994529e-1],
    [5, 4.7874917427820458],
    [10, 15.104412573075519],
    [19, 39.339884187199495],
    [20, 42.335616460753485], // the last product
    [21, 45.380138898476901], // the first Stirling series
    [50, 148.47776695177302],
    [100, 363.73937555556347],
    [1000, 5912.1281784881639],
    [1e6, 12815518.384658169],
    [1e9, 19723265848.226982],
  ])("logFactorial(%d) matches R's lfactorial to 1e-14 relative", (n, expected) => {
    if (expected === 0) expect(logFactorial(n)).toBe(0);
    else expect(relErr(logFactorial(n), expected)).toBeLessThan(1e-14);
  });

  it("logChoose matches R's lchoose", () => {
    // R: lchoose(c(25, 1e6, 100), c(11, 500000, 0)) = 15.310076194367953 693140.047013063682243 0
    expect(relErr(logChoose(25, 11), 15.310076194367953)).toBeLessThan(1e-14);
    expect(relErr(logChoose(1e6, 5e5), 693140.04701306368)).toBeLessThan(1e-12);
    expect(logChoose(100, 0)).toBe(0);
    expect(logChoose(100, 100)).toBe(0);
    // by hand: C(5, 2) = 10
    expect(logChoose(5, 2)).toBeCloseTo(Math.log(10), 14);
  });
});
