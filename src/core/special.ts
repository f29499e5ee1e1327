/**
 * Special functions for the statistical tests: the complementary error function, the normal and
 * chi-squared (one degree of freedom) upper tails, and log-factorials.
 *
 * - `erfc` is W. J. Cody's rational Chebyshev approximation (Cody, W.J. 1969, Rational Chebyshev
 *   approximations for the error function, *Mathematics of Computation* 23(107), 631–637), with the
 *   coefficients and the three intervals (|x| ≤ 0.46875, ≤ 4, > 4) of his routine `CALERF` in the
 *   SPECFUN package (Cody, W.J. 1993, Algorithm 715, *ACM Transactions on Mathematical Software*
 *   19(1), 22–32). Cody states a maximal relative error below 1e-15 in IEEE double precision; the
 *   tests check it against R's `pnorm` to 1e-13 relative.
 * - `logFactorial` multiplies out n! for n ≤ 20 (exact in a double up to 18!, one rounding after)
 *   and uses Stirling's series with four correction terms beyond (Abramowitz, M. & Stegun, I.A. 1964,
 *   *Handbook of Mathematical Functions*, 6.1.41): for n > 20 the first omitted term, 1/(1188 n⁹),
 *   is below 1e-15, so the result is good to a few units in the last place of ln n!.
 *
 * Internal to gvckit (not exported from the package); imported by path by the modules that test.
 *
 * @internal
 * @packageDocumentation
 */

// biome-ignore-start lint/correctness/noPrecisionLoss: Cody's coefficients as printed (18 digits), so they can be checked against CALERF
/** Cody's coefficients for erf on |x| ≤ 0.46875. */
const A = [
  3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947, 0.185777706184603153,
];
const B = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062];
/** Cody's coefficients for erfc on 0.46875 < |x| ≤ 4. */
const C = [
  0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131, 881.95222124176909,
  1712.04761263407058, 2051.07837782607147, 1230.33935479799725, 2.15311535474403846e-8,
];
const D = [
  15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.79923573345963,
  4362.61909014324716, 3439.36767414372164, 1230.33935480374942,
];
/** Cody's coefficients for erfc on |x| > 4. */
const P = [
  0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766,
  6.58749161529837803e-4, 0.0163153871373020978,
];
const Q = [
  2.56852019228982242, 1.87295284992346047, 0.527905102951428412, 0.0605183413124413191,
  2.33520497626869185e-3,
];
/** 1/√π. */
const SQRPI = 0.56418958354775628695;
// biome-ignore-end lint/correctness/noPrecisionLoss: end of Cody's coefficients
/** Beyond this, erfc(x) underflows to 0 in double precision (Cody's XBIG). */
const XBIG = 26.543;

/** exp(−y²) computed as exp(−ȳ²)·exp(−(y − ȳ)(y + ȳ)) with ȳ = y rounded down to 1/16 (Cody's trick against cancellation). */
function expMinusSquare(y: number): number {
  const ysq = Math.trunc(y * 16) / 16;
  const del = (y - ysq) * (y + ysq);
  return Math.exp(-ysq * ysq) * Math.exp(-del);
}

/**
 * The complementary error function erfc(x) = 1 − erf(x) = (2/√π)∫ₓ^∞ e^(−t²) dt, by Cody's (1969)
 * rational Chebyshev approximations (relative error below 1e-15). Returns a number in [0, 2]; NaN
 * only for NaN.
 *
 * @param x - any number
 * @returns erfc(x): 1 at 0, 2 − erfc(−x) for negative x, 0 beyond x ≈ 26.5 (underflow)
 * @throws never
 * @example
 * ```ts
 * erfc(1); // R: 2 * pnorm(-sqrt(2)) = 0.15729920705028513
 * //=> 0.15729920705029
 * ```
 * @internal
 */
export function erfc(x: number): number {
  const y = Math.abs(x);
  let result: number;
  if (y <= 0.46875) {
    const ysq = y > 1.11e-16 ? y * y : 0;
    let xnum = (A[4] as number) * ysq;
    let xden = ysq;
    for (let i = 0; i < 3; i++) {
      xnum = (xnum + (A[i] as number)) * ysq;
      xden = (xden + (B[i] as number)) * ysq;
    }
    return 1 - (x * (xnum + (A[3] as number))) / (xden + (B[3] as number));
  }
  if (y <= 4) {
    let xnum = (C[8] as number) * y;
    let xden = y;
    for (let i = 0; i < 7; i++) {
      xnum = (xnum + (C[i] as number)) * y;
      xden = (xden + (D[i] as number)) * y;
    }
    result = ((xnum + (C[7] as number)) / (xden + (D[7] as number))) * expMinusSquare(y);
  } else if (y >= XBIG) {
    result = 0;
  } else {
    const ysq = 1 / (y * y);
    let xnum = (P[5] as number) * ysq;
    let xden = ysq;
    for (let i = 0; i < 4; i++) {
      xnum = (xnum + (P[i] as number)) * ysq;
      xden = (xden + (Q[i] as number)) * ysq;
    }
    const r = (ysq * (xnum + (P[4] as number))) / (xden + (Q[4] as number));
    result = ((SQRPI - r) / y) * expMinusSquare(y);
  }
  return x < 0 ? 2 - result : result;
}

/**
 * The upper tail of the standard normal distribution, P(Z ≥ z) = Φ(−z) = erfc(z/√2)/2.
 *
 * @param z - any number
 * @returns a probability in [0, 1]
 * @throws never
 * @example
 * ```ts
 * normalUpperTail(1.959963984540054); // R: pnorm(-1.959963984540054) = 0.025
 * //=> 0.025
 * ```
 * @internal
 */
export function normalUpperTail(z: number): number {
  return erfc(z / Math.SQRT2) / 2;
}

/**
 * The upper tail of the chi-squared distribution with one degree of freedom,
 * P(χ²₁ ≥ x) = erfc(√(x/2)); 1 for x ≤ 0.
 *
 * @param x - the statistic
 * @returns a probability in [0, 1]
 * @throws never
 * @example
 * ```ts
 * chiSquared1UpperTail(3.841458820694124); // R: pchisq(3.841458820694124, 1, lower.tail = FALSE)
 * //=> 0.05
 * ```
 * @internal
 */
export function chiSquared1UpperTail(x: number): number {
  return x > 0 ? erfc(Math.sqrt(x / 2)) : 1;
}

/** ½ ln(2π). */
const HALF_LOG_2PI = 0.9189385332046728;

/**
 * ln(n!) for a whole number n ≥ 0: the product itself for n ≤ 20, Stirling's series
 * (n + ½) ln n − n + ½ ln 2π + 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) beyond (Abramowitz &
 * Stegun 1964, 6.1.41; truncation error below 1e-15). The caller passes whole numbers
 * ≤ `Number.MAX_SAFE_INTEGER`.
 *
 * @param n - a whole number ≥ 0
 * @returns ln(n!), finite
 * @throws never
 * @example
 * ```ts
 * logFactorial(10); // R: lfactorial(10) = 15.104412573075519
 * //=> 15.10441257307552
 * ```
 * @internal
 */
export function logFactorial(n: number): number {
  if (n <= 20) {
    let f = 1;
    for (let i = 2; i <= n; i++) f *= i;
    return Math.log(f);
  }
  const r = 1 / n;
  const r2 = r * r;
  const series = r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 / 1680)));
  return (n + 0.5) * Math.log(n) - n + HALF_LOG_2PI + series;
}

/**
 * ln C(n, k) = ln n! − ln k! − ln (n − k)! for whole numbers 0 ≤ k ≤ n.
 *
 * @param n - a whole number ≥ 0
 * @param k - a whole number from 0 to n
 * @returns ln of the binomial coefficient, ≥ 0 (0 when k is 0 or n)
 * @throws never
 * @example
 * ```ts
 * logChoose(25, 11); // R: lchoose(25, 11) = 15.310076194367953
 * //=> 15.31007619436795
 * ```
 * @internal
 */
export function logChoose(n: number, k: number): number {
  if (k === 0 || k === n) return 0;
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}
