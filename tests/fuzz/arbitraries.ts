/**
 * The fuzzer's random valid inputs (part c): input–output tables (as `createIcio` input, records and
 * CSV), square matrices and vectors for the kernels, and value chains, for the functions that take
 * them. The junk is in `junk.ts`, the mutations of seeds in `mutations.ts`.
 */
import fc from 'fast-check';

/** A plain input–output table input (`createIcio`'s argument). */
export interface TableInput {
  countries: string[];
  sectors: string[];
  Z: number[][];
  Y: number[][];
}

const countryCodes = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'];

/**
 * A random valid table: G countries × N sectors (G in 1..4, N in 1..4 by default), flows in [0, 100]
 * with about 15% zeros, some zero rows and columns, final demand positive with occasionally a
 * negative entry (inventory changes), and value added kept non-negative by construction (each
 * sector's final demand is raised until output covers its column of inputs).
 */
export function tableArb(
  opts: { minG?: number; maxG?: number; maxN?: number; negativeY?: boolean } = {},
): fc.Arbitrary<TableInput> {
  const { minG = 1, maxG = 4, maxN = 4, negativeY = true } = opts;
  return fc
    .tuple(fc.integer({ min: minG, max: maxG }), fc.integer({ min: 1, max: maxN }))
    .chain(([G, N]) => {
      const n = G * N;
      const cell = fc.oneof(
        { weight: 2, arbitrary: fc.constant(0) },
        { weight: 10, arbitrary: fc.double({ min: 0.01, max: 100, noNaN: true }) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 50 }) },
      );
      const fd = fc.oneof(
        { weight: 10, arbitrary: fc.double({ min: 0.1, max: 200, noNaN: true }) },
        { weight: 2, arbitrary: fc.constant(0) },
        { weight: negativeY ? 1 : 0, arbitrary: fc.double({ min: -5, max: -0.01, noNaN: true }) },
      );
      return fc.record({
        G: fc.constant(G),
        N: fc.constant(N),
        Z: fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
        Y: fc.array(fc.array(fd, { minLength: G, maxLength: G }), { minLength: n, maxLength: n }),
        zeroRow: fc.option(fc.nat({ max: n - 1 }), { nil: undefined }),
        zeroCol: fc.option(fc.nat({ max: n - 1 }), { nil: undefined }),
      });
    })
    .map(({ G, N, Z, Y, zeroRow, zeroCol }) => {
      const n = G * N;
      if (zeroRow !== undefined) Z[zeroRow] = Z[zeroRow]?.map(() => 0) ?? [];
      if (zeroCol !== undefined) for (const row of Z) row[zeroCol] = 0;
      // Keep every output positive and at least its column of inputs (value added >= 0): raise the
      // first final-demand entry of a row where needed.
      for (let j = 0; j < n; j++) {
        const colInputs = Z.reduce((t, r) => t + (r[j] ?? 0), 0);
        const out = (Z[j] ?? []).reduce((t, v) => t + v, 0) + (Y[j] ?? []).reduce((t, v) => t + v, 0);
        const need = Math.max(colInputs * 1.05, 1) - out;
        const yj = Y[j];
        if (need > 0 && yj) yj[0] = (yj[0] ?? 0) + need + 1;
      }
      return {
        countries: countryCodes.slice(0, G),
        sectors: Array.from({ length: N }, (_, i) => `s${i + 1}`),
        Z,
        Y,
      };
    });
}

/** The table as `createIcioFromRecords` input (`A_s` row and column labels, final demand by country). */
export function tableToRecords(t: TableInput): unknown {
  const labels = t.countries.flatMap((c) => t.sectors.map((s) => `${c}_${s}`));
  const Z: Record<string, Record<string, number>> = {};
  const Y: Record<string, Record<string, number>> = {};
  labels.forEach((r, i) => {
    Z[r] = {};
    labels.forEach((c, j) => {
      const v = t.Z[i]?.[j] ?? 0;
      if (v !== 0) (Z[r] as Record<string, number>)[c] = v;
    });
    Y[r] = {};
    t.countries.forEach((c, k) => {
      (Y[r] as Record<string, number>)[c] = t.Y[i]?.[k] ?? 0;
    });
  });
  return { countries: t.countries, sectors: t.sectors, Z, Y };
}

/** The table as an OECD-style CSV (`readIcioCsv` input). */
export function tableToCsv(t: TableInput): string {
  const labels = t.countries.flatMap((c) => t.sectors.map((s) => `${c}_${s}`));
  const fd = t.countries.map((c) => `${c}_HFCE`);
  const out = labels.map(
    (_, i) => (t.Z[i] ?? []).reduce((a, b) => a + b, 0) + (t.Y[i] ?? []).reduce((a, b) => a + b, 0),
  );
  const lines = [['', ...labels, ...fd, 'OUT'].join(',')];
  labels.forEach((l, i) => {
    lines.push([l, ...(t.Z[i] ?? []), ...(t.Y[i] ?? []), out[i]].join(','));
  });
  const va = labels.map((_, j) => (out[j] ?? 0) - t.Z.reduce((a, r) => a + (r[j] ?? 0), 0));
  lines.push(['VA', ...va, ...fd.map(() => ''), ''].join(','));
  lines.push(['OUT', ...out, ...fd.map(() => ''), ''].join(','));
  return lines.join('\n');
}

/** A random square matrix of order 1..6 with entries in [-10, 10], row-major, and its order. */
export const squareArb: fc.Arbitrary<[Float64Array, number]> = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc
    .array(
      fc.oneof(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.constant(0),
        fc.integer({ min: -3, max: 3 }),
      ),
      {
        minLength: n * n,
        maxLength: n * n,
      },
    )
    .map((a) => [Float64Array.from(a), n] as [Float64Array, number]),
);

/** A random vector of length n with entries in [-10, 10]. */
export const vectorArb = (n: number) =>
  fc
    .array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n })
    .map((a) => Float64Array.from(a));

const chainCountries = ['CHN', 'USA', 'JPN', 'GHA', 'NLD'] as const;

/**
 * A random valid value chain of 2–7 stages (stage 0 final; stage i feeds a stage with a smaller index),
 * prices in [0.5, 100], optional purchases, actors and distributions (wages + profit below the
 * stage's own value added is not guaranteed: accounts may report an uncovered part).
 */
export const chainArb: fc.Arbitrary<Record<string, unknown>> = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc
    .record({
      // additive chains take at most one chain input per stage: only a line is additive here
      line: fc.boolean(),
      stages: fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({
            price: fc.double({ min: 0.5, max: 100, noNaN: true }),
            country: fc.constantFrom(...chainCountries),
            actor: fc.option(fc.constantFrom('a1', 'a2'), { nil: undefined }),
            consumer: fc.integer({ min: 0, max: Math.max(0, i - 1) }),
            quantity: fc.double({ min: 0.1, max: 1.5, noNaN: true }),
            purchase: fc.option(fc.double({ min: 0, max: 5, noNaN: true }), { nil: undefined }),
            wagesShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
            volume: fc.option(fc.double({ min: 1, max: 1000, noNaN: true }), { nil: undefined }),
          }),
        ),
      ),
      market: fc.option(fc.constantFrom(...chainCountries), { nil: undefined }),
    })
    .map(({ line, stages, market }) => {
      const family = line ? 'additive' : 'vertically-specialised';
      const inputs: Array<Array<{ stage: string; quantity: number }>> = stages.map(() => []);
      stages.forEach((s, i) => {
        if (i > 0) inputs[line ? i - 1 : s.consumer]?.push({ stage: `s${i}`, quantity: s.quantity });
      });
      return {
        id: 'random',
        name: 'Random chain',
        family,
        currency: 'USD',
        finalStage: 's0',
        ...(market ? { finalMarket: market } : {}),
        actors: [
          { id: 'a1', name: 'A1', country: 'CHN' },
          { id: 'a2', name: 'A2', country: 'USA' },
        ],
        stages: stages.map((s, i) => ({
          id: `s${i}`,
          name: `Stage ${i}`,
          country: s.country,
          ...(s.actor ? { actor: s.actor } : {}),
          output: { unit: 'u', unitPrice: s.price, ...(s.volume !== undefined ? { volume: s.volume } : {}) },
          inputs: inputs[i] ?? [],
          purchases:
            s.purchase !== undefined ? [{ description: 'p', value: s.purchase, country: 'DEU' }] : [],
          ...(s.wagesShare !== undefined
            ? { distribution: { wages: s.price * s.wagesShare * 0.1, profit: s.price * 0.01 } }
            : {}),
        })),
      };
    }),
);
