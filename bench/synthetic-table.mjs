// The synthetic inter-country input–output table of the benchmarks, as plain JavaScript so that
// bench/peak-memory.mjs can build it in a plain `node` process (no tsx) as a user's script would;
// bench/synthetic.ts wraps it in createIcio for the TypeScript benchmarks.

/**
 * A deterministic synthetic table of G countries × N sectors, domestic blocks heavier than foreign:
 * the arguments of createIcio (countries, sectors, Z and Y by rows).
 *
 * @param {number} G countries
 * @param {number} N sectors
 * @returns {{ countries: string[], sectors: string[], Z: Float64Array, Y: Float64Array }}
 */
export function syntheticTable(G, N) {
  const n = G * N;
  let seed = 12345 + n;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const Z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const home = Math.floor(i / N) === Math.floor(j / N);
      Z[i * n + j] = rand() * (home ? 10 : 1);
    }
  }
  const Y = new Float64Array(n * G);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < G; d++) Y[i * G + d] = rand() * (Math.floor(i / N) === d ? 10 * N : N / 2);
  }
  const countries = Array.from({ length: G }, (_, k) => `C${String(k).padStart(2, '0')}`);
  const sectors = Array.from({ length: N }, (_, k) => `S${String(k).padStart(2, '0')}`);
  return { countries, sectors, Z, Y };
}
