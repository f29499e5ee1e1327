// The WebAssembly SIMD kernels of gvckit's LU factorisation, triangular solves and inverse
// (src/io/kernels/simd.ts loads them). AssemblyScript, compiled by `npm run build:kernels`
// (scripts/build-kernels.ts) into four variants embedded in src/io/kernels/simd-binaries.generated.ts:
// with or without relaxed SIMD (`--enable relaxed-simd`, which sets ASC_FEATURE_RELAXED_SIMD
// below), each with a shared memory (for worker threads) or a private one.
//
// Every function works on the imported memory (`env.memory`) through byte addresses (usize, i32 in
// WebAssembly): matrices are rows of f64, handled two at a time as f64x2 vectors (v128). All of them
// compute X −= C·U, the block update of an LU step, in some shape:
// - `update`: one row of X at a time against up to four rows of U per pass (the leftovers);
// - `gemm`: 2 rows × 8 columns of X per register block, from operands packed by `packU` and `packC`;
// - `maxAbs`: the largest |a| of a run of doubles (the pivot search).
// No allocation, no runtime, no bounds checks: the callers in simd.ts keep every address in range.

/** Columns per register block of `gemm` (GEMM_COLUMNS in simd.ts): four f64x2 vectors. */
const BLOCK_BYTES: usize = 64;

/**
 * acc − s·b, lane by lane: one fused multiply–add (`f64x2.relaxed_nmadd`, rounded once where the
 * hardware fuses, as x86-64 with FMA3 and arm64 do) when compiled with relaxed SIMD, a multiply then
 * a subtract (rounded twice) otherwise. ASC_FEATURE_RELAXED_SIMD is a compile-time constant: the
 * branch not taken is not compiled.
 */
function nmadd(s: v128, b: v128, acc: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_nmadd(s, b, acc);
  return f64x2.sub(acc, f64x2.mul(s, b));
}

/**
 * X_i[0..nb) −= Σ_{p < np} c[p]·U_p[0..nb), for one row X_i at byte address `xi`: U_0 at `u`, rows
 * U_p `xs` bytes apart, the coefficients c[p] at `cp`, `nb` bytes of columns (a multiple of 16).
 * Four rows p per pass over X_i while four remain, then one at a time. Always a multiply then a
 * subtract (no fused multiply–add), in the order of p.
 */
export function update(xi: usize, u: usize, xs: usize, cp: usize, np: usize, nb: usize): void {
  let p: usize = 0;
  for (; p + 4 <= np; p += 4) {
    const c = cp + (p << 3);
    const l0 = v128.load64_splat(c, 0);
    const l1 = v128.load64_splat(c, 8);
    const l2 = v128.load64_splat(c, 16);
    const l3 = v128.load64_splat(c, 24);
    const u0 = u + p * xs;
    const u1 = u0 + xs;
    const u2 = u1 + xs;
    const u3 = u2 + xs;
    for (let j: usize = 0; j < nb; j += 16) {
      let x = v128.load(xi + j);
      x = f64x2.sub(x, f64x2.mul(l0, v128.load(u0 + j)));
      x = f64x2.sub(x, f64x2.mul(l1, v128.load(u1 + j)));
      x = f64x2.sub(x, f64x2.mul(l2, v128.load(u2 + j)));
      x = f64x2.sub(x, f64x2.mul(l3, v128.load(u3 + j)));
      v128.store(xi + j, x);
    }
  }
  for (; p < np; p++) {
    const l0 = v128.load64_splat(cp + (p << 3));
    const u0 = u + p * xs;
    for (let j: usize = 0; j < nb; j += 16) {
      v128.store(xi + j, f64x2.sub(v128.load(xi + j), f64x2.mul(l0, v128.load(u0 + j))));
    }
  }
}

/**
 * The register-blocked update of `pairs` pairs of rows of X (byte address `x`, rows `xs` bytes
 * apart) over `nb` bytes of columns (a multiple of BLOCK_BYTES), from packed operands (Goto & van
 * de Geijn 2008, "Anatomy of high-performance matrix multiplication"):
 * - C at `c`, by `packC`: for each pair of rows i, i + 1, the coefficients C(i, p), C(i + 1, p)
 *   side by side for p = 0, 1, … ([pair][p][row]), `npb` = 16·np bytes per pair (np ≥ 1);
 * - U at `u`, by `packU`: blocks of 8 columns, each np rows of 8 consecutive doubles
 *   ([block][p][column]), 4·npb bytes per block.
 * As in Goto's macro-kernel, the outer loop runs over the blocks of U and the inner one over the
 * pairs of rows, so that a block of U (4 KiB at np = 64) stays in the L1 cache while the pairs of C
 * stream past it. The register block is 2 rows × 4 vectors (8 columns): its eight accumulators, the
 * four vectors of U and the splatted coefficient (13 of x86-64's 16 vector registers) stay in
 * registers while p runs, so the innermost loop is the eight multiply–adds, six loads and one
 * compare. 2 × 8 did 15–40 % more multiply–adds per second under V8 than 4 × 4, 4 × 6 or 3 × 4.
 */
export function gemm(x: usize, xs: usize, c: usize, u: usize, npb: usize, nb: usize, pairs: usize): void {
  let ublock = u;
  for (let jj: usize = 0; jj < nb; jj += BLOCK_BYTES) {
    // Every pair of rows against this block of columns, from the first row of X and pair of C.
    let x0 = x + jj;
    let cp = c;
    for (let pair: usize = 0; pair < pairs; pair++) {
      const x1 = x0 + xs;
      let a00 = v128.load(x0, 0);
      let a01 = v128.load(x0, 16);
      let a02 = v128.load(x0, 32);
      let a03 = v128.load(x0, 48);
      let a10 = v128.load(x1, 0);
      let a11 = v128.load(x1, 16);
      let a12 = v128.load(x1, 32);
      let a13 = v128.load(x1, 48);
      let up = ublock;
      const ce = cp + npb;
      do {
        const b0 = v128.load(up, 0);
        const b1 = v128.load(up, 16);
        const b2 = v128.load(up, 32);
        const b3 = v128.load(up, 48);
        // Row i: C(i, p) in both lanes.
        let s = v128.load64_splat(cp, 0);
        a00 = nmadd(s, b0, a00);
        a01 = nmadd(s, b1, a01);
        a02 = nmadd(s, b2, a02);
        a03 = nmadd(s, b3, a03);
        // Row i + 1: C(i + 1, p).
        s = v128.load64_splat(cp, 8);
        a10 = nmadd(s, b0, a10);
        a11 = nmadd(s, b1, a11);
        a12 = nmadd(s, b2, a12);
        a13 = nmadd(s, b3, a13);
        up += BLOCK_BYTES;
        cp += 16;
      } while (cp < ce);
      v128.store(x0, a00, 0);
      v128.store(x0, a01, 16);
      v128.store(x0, a02, 32);
      v128.store(x0, a03, 48);
      v128.store(x1, a10, 0);
      v128.store(x1, a11, 16);
      v128.store(x1, a12, 32);
      v128.store(x1, a13, 48);
      // cp has reached the next packed pair; two rows down.
      x0 = x1 + xs;
    }
    ublock += npb << 2;
  }
}

/**
 * Copies np rows of U (byte address `u`, rows `us` bytes apart) over `nb` bytes of columns (a
 * multiple of BLOCK_BYTES) to `dst` in the layout `gemm` reads: blocks of 8 columns, each np rows
 * of 8 consecutive doubles.
 */
export function packU(u: usize, us: usize, dst: usize, np: usize, nb: usize): void {
  let d = dst;
  for (let jb: usize = 0; jb < nb; jb += BLOCK_BYTES) {
    let src = u + jb;
    for (let p: usize = 0; p < np; p++) {
      v128.store(d, v128.load(src, 0), 0);
      v128.store(d, v128.load(src, 16), 16);
      v128.store(d, v128.load(src, 32), 32);
      v128.store(d, v128.load(src, 48), 48);
      d += BLOCK_BYTES;
      src += us;
    }
  }
}

/**
 * Copies C(i, 0..np) for `pairs` pairs of rows (byte address `c`, rows `cs` bytes apart) to `dst`
 * with the two rows of each pair interleaved, [pair][p][row]: C(i, 0), C(i + 1, 0), C(i, 1), ….
 */
export function packC(c: usize, cs: usize, dst: usize, np: usize, pairs: usize): void {
  let d = dst;
  let row = c;
  const bytes = np << 3;
  for (let k: usize = 0; k < pairs; k++) {
    for (let p: usize = 0; p < bytes; p += 8) {
      store<f64>(d, load<f64>(row + p), 0);
      store<f64>(d, load<f64>(row + cs + p), 8);
      d += 16;
    }
    row += cs << 1;
  }
}

/**
 * Stores at `out` the two lanes of the largest |a_k| over `nb` bytes at `a` (a multiple of 16, at
 * least 16), lane by lane: lane 0 over a[0], a[2], …, lane 1 over a[1], a[3], …. f64x2.max keeps a
 * NaN, as Math.max does.
 */
export function maxAbs(a: usize, nb: usize, out: usize): void {
  let m = f64x2.abs(v128.load(a));
  for (let j: usize = 16; j < nb; j += 16) m = f64x2.max(m, f64x2.abs(v128.load(a + j)));
  v128.store(out, m);
}
