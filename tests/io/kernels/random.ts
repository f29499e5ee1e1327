/**
 * A deterministic rows×cols matrix, row-major, of entries in [−0.5, 0.5) from a linear
 * congruential generator (the glibc constants), for the kernel tests that compare two computations
 * of the same thing.
 */
export function randomMatrix(rows: number, seed: number, cols = rows): Float64Array {
  let s = seed;
  const a = new Float64Array(rows * cols);
  for (let i = 0; i < a.length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    a[i] = s / 2147483648 - 0.5;
  }
  return a;
}
