import { describe, expect, it } from 'vitest';
import { inverseDiagonalBlocks } from '../../../src/io/decompositions/common.js';
import { inverse, luFactor } from '../../../src/io/kernels/index.js';
import { fixtureIcio } from '../fixtures/icio-4x2.js';
import { expectClose } from './helpers.js';

describe('inverseDiagonalBlocks', () => {
  it('returns the diagonal blocks of M⁻¹ from LU factors, also when partial pivoting permutes rows', () => {
    // Small diagonal entries force row exchanges. Expected from numpy 2.4:
    //   M = np.array([[0.1,2,3,1,0,4],[5,0.2,1,2,3,1],[1,4,0.3,6,2,2],[2,1,7,0.1,1,3],
    //                 [3,2,1,5,0.2,1],[1,6,2,1,4,0.5]])
    //   Bi = np.linalg.inv(M); [Bi[2*s:2*s+2, 2*s:2*s+2].ravel().tolist() for s in range(3)]
    // printed:
    const expected = [
      [0.14373089598989938, 0.12254169034497531, 0.16258037875535858, -0.09487502197413089],
      [0.0654707491889656, 0.23853306162974794, 0.2582431358960247, 0.1102144277780121],
      [-0.43392993675825686, -0.04913990971718961, -0.125431202121159, -0.06738725212228788],
    ];
    const M = Float64Array.of(
      ...[0.1, 2, 3, 1, 0, 4],
      ...[5, 0.2, 1, 2, 3, 1],
      ...[1, 4, 0.3, 6, 2, 2],
      ...[2, 1, 7, 0.1, 1, 3],
      ...[3, 2, 1, 5, 0.2, 1],
      ...[1, 6, 2, 1, 4, 0.5],
    );
    const f = luFactor(M, 6);
    expect(Array.from(f.perm)).not.toEqual([0, 1, 2, 3, 4, 5]);
    const blocks = inverseDiagonalBlocks(f, 3, 2);
    expect(blocks).toHaveLength(3);
    blocks.forEach((b, s) => {
      expected[s]!.forEach((e, k) => {
        expectClose(b[k]!, e, `block ${s} entry ${k}`, 1e-12);
      });
    });
  });

  it('agrees with the diagonal blocks of a full inverse when the rows span several cache tiles', () => {
    // n = 3·70 = 210 > 3 tiles of 64 rows; a random matrix (fixed LCG seed) with a dominant diagonal
    // plus a few rows scaled down so that pivoting still permutes. The reference is the kernels'
    // full inverse (a different algorithm: LU then a solve against the identity), to 1e-10.
    const G = 3;
    const N = 70;
    const n = G * N;
    let seed = 12345;
    const rnd = () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const M = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) M[i * n + j] = rnd() - 0.5 + (i === j ? 0.5 * n : 0);
      if (i % 37 === 5) M[i * n + i] = 1e-3;
    }
    const f = luFactor(M, n);
    expect(Array.from(f.perm).some((p, i) => p !== i)).toBe(true);
    const full = inverse(M, n);
    inverseDiagonalBlocks(f, G, N).forEach((b, s) => {
      for (let k = 0; k < N; k++) {
        for (let l = 0; l < N; l++) {
          expectClose(b[k * N + l]!, full[(s * N + k) * n + s * N + l]!, `block ${s} (${k}, ${l})`, 1e-10);
        }
      }
    });
  });

  it('takes the trailing-factor path when no row was pivoted (I − A of a real table) and agrees with a full inverse', () => {
    // I − A with A = Z·diag(x)⁻¹ of the 4×2 fixture is column diagonally dominant, so partial
    // pivoting keeps the identity permutation. Reference: the kernels' full inverse, to 1e-12.
    const t = fixtureIcio();
    const n = 8;
    const M = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) M[i * n + j] = (i === j ? 1 : 0) - t.Z[i * n + j]! / t.x[j]!;
    }
    const f = luFactor(M, n);
    expect(Array.from(f.perm)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const full = inverse(M, n);
    inverseDiagonalBlocks(f, 4, 2).forEach((b, s) => {
      for (let k = 0; k < 2; k++) {
        for (let l = 0; l < 2; l++) {
          expectClose(b[k * 2 + l]!, full[(s * 2 + k) * n + s * 2 + l]!, `block ${s} (${k}, ${l})`, 1e-12);
        }
      }
    });
  });
});
