/**
 * The accounting identities of issue #14 as fast-check properties on random valid tables and chains.
 *
 * The fixed-table checks live beside the functions (tests/io/decompositions/*.test.ts compare with
 * NumPy and R on fixtures; tests/chains/properties.test.ts checks decompositions, TiVA and the
 * consolidated account on random chains). This file adds, on random tables of 2–4 countries × 1–4
 * sectors (zeros, zero rows and columns, some negative final demand):
 * - KWW (Koopman, Wang & Wei 2014): the nine terms sum to gross exports, and gross exports equal
 *   E_s = Σ_{i∈s} (Σ_{j∉s} Z_ij + Σ_{d≠s} Y_id) computed here from the table;
 * - WWZ (Wang, Wei & Zhu 2013): the sixteen terms of each exporter–sector–partner row sum to texp,
 *   texp = texpint + texpfd = Z_sr^i·1 + Y_sr^i, and the rows of a country sum to its KWW GEXP;
 * - Borin & Mancini (2023): DVA + DDC + FVA + FDC = GEXP, and the others it states, DC = DVA + DDC,
 *   FC = FVA + FDC, VAX + REF = DVA, GVC = GVCB + GVCF, GEXP = DAVAX + GVC; sector rows sum to the
 *   country row;
 * - VAX (Johnson & Noguera 2012): each country's VAX equals Σ_{i∈s} Σ_{d≠s} (v̂BY)_{i,d} with B
 *   inverted here by Gauss–Jordan, and world VAX + world domestically absorbed value added = world
 *   final demand = world value added;
 * and, on random chains whose stages state a distribution equal to their value added per unit,
 * "value created = value distributed" in agentAccounts at both bases, and the consolidated value
 * added equals Σ requirement × margin computed here.
 *
 * Tolerance: 1e-8 relative to the world's total output (tables; every term is bounded by it) or to
 * the final value (chains).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentAccounts } from '../../src/chains/index.js';
import {
  bmDecomposition,
  createIcio,
  kwwDecomposition,
  valueAddedExports,
  wwzDecomposition,
} from '../../src/io/index.js';
import { REFERENCE } from '../io/fixtures/decompositions-reference.js';
import { type TableInput, tableArb } from './arbitraries.js';

/** The nine KWW (2014) and sixteen WWZ (2013) terms, as the numpy reference names them (less their totals). */
const KWW_TERMS = REFERENCE.kwwKeys.filter((k) => k !== 'GEXP');
const WWZ_TERMS = REFERENCE.wwzKeys.filter((k) => k !== 'texp');

const RUNS = Number(process.env.IDENTITY_RUNS ?? 200);
const REL = 1e-8;

type Row = Record<string, number | string>;
const num = (r: Row, k: string) => r[k] as number;

function close(a: number, b: number, scale: number): boolean {
  return Math.abs(a - b) <= REL * Math.max(1, Math.abs(scale));
}

function expectClose(a: number, b: number, scale: number, what: string): void {
  if (!close(a, b, scale))
    expect.fail(`${what}: ${a} vs ${b} (tolerance ${REL * Math.max(1, Math.abs(scale))})`);
}

/** Output, gross exports by sector and by bilateral pair, and v̂BY, computed here from the plain table. */
function reference(t: TableInput) {
  const G = t.countries.length;
  const N = t.sectors.length;
  const n = G * N;
  const cty = (i: number) => Math.floor(i / N);
  const x = t.Z.map((row, i) => row.reduce((a, b) => a + b, 0) + (t.Y[i] ?? []).reduce((a, b) => a + b, 0));
  const va = x.map((xj, j) => xj - t.Z.reduce((a, r) => a + (r[j] ?? 0), 0));
  // M = I − A, A_ij = Z_ij / x_j; B = M⁻¹ by Gauss–Jordan with partial pivoting.
  const M = Array.from({ length: n }, (_, i) =>
    Array.from(
      { length: n },
      (_, j) => (i === j ? 1 : 0) - (x[j] ? (t.Z[i]?.[j] ?? 0) / (x[j] as number) : 0),
    ),
  );
  const B: number[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j): number => (i === j ? 1 : 0)),
  );
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]?.[c] ?? 0) > Math.abs(M[p]?.[c] ?? 0)) p = r;
    [M[c], M[p]] = [M[p] as number[], M[c] as number[]];
    [B[c], B[p]] = [B[p] as number[], B[c] as number[]];
    const d = M[c]?.[c] as number;
    for (let j = 0; j < n; j++) {
      (M[c] as number[])[j] = (M[c]?.[j] as number) / d;
      (B[c] as number[])[j] = (B[c]?.[j] as number) / d;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]?.[c] as number;
      if (f === 0) continue;
      for (let j = 0; j < n; j++) {
        (M[r] as number[])[j] = (M[r]?.[j] as number) - f * (M[c]?.[j] as number);
        (B[r] as number[])[j] = (B[r]?.[j] as number) - f * (B[c]?.[j] as number);
      }
    }
  }
  const v = va.map((a, j) => (x[j] ? a / (x[j] as number) : 0));
  // vBY[i][d] = v_i Σ_k B_ik Y_kd
  const vBY = Array.from({ length: n }, (_, i) =>
    Array.from(
      { length: G },
      (_, d) => (v[i] as number) * B[i]!.reduce((a, b, k) => a + b * (t.Y[k]?.[d] ?? 0), 0),
    ),
  );
  const bilateral = Array.from({ length: n }, (_, i) =>
    Array.from({ length: G }, (_, r) => {
      if (r === cty(i)) return 0;
      let e = t.Y[i]?.[r] ?? 0;
      for (let j = r * N; j < r * N + N; j++) e += t.Z[i]?.[j] ?? 0;
      return e;
    }),
  );
  const gexp = Array.from({ length: G }, (_, s) => {
    let e = 0;
    for (let i = s * N; i < s * N + N; i++) e += bilateral[i]!.reduce((a, b) => a + b, 0);
    return e;
  });
  const world = x.reduce((a, b) => a + b, 0);
  return { G, N, x, va, vBY, bilateral, gexp, world, cty };
}

const tables = tableArb({ minG: 2, maxG: 4, maxN: 4 });

describe('accounting identities on random valid tables (2–4 countries × 1–4 sectors)', () => {
  it('KWW: the nine terms sum to gross exports, which equal the table’s', () => {
    fc.assert(
      fc.property(tables, (t) => {
        const ref = reference(t);
        const rows = kwwDecomposition(createIcio(t)) as unknown as Row[];
        expect(rows).toHaveLength(ref.G);
        rows.forEach((r, s) => {
          const terms = KWW_TERMS;
          expect(terms).toHaveLength(9);
          const sum = terms.reduce((a, k) => a + num(r, k), 0);
          expectClose(sum, num(r, 'GEXP'), ref.world, `KWW Σ terms, ${r.country}`);
          expectClose(num(r, 'GEXP'), ref.gexp[s] as number, ref.world, `KWW GEXP, ${r.country}`);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('WWZ: the sixteen terms of every row sum to texp = texpint + texpfd = the table’s bilateral exports', () => {
    const terms = WWZ_TERMS;
    expect(terms).toHaveLength(16);
    fc.assert(
      fc.property(tables, (t) => {
        const ref = reference(t);
        const rows = wwzDecomposition(createIcio(t)) as unknown as Row[];
        const kww = kwwDecomposition(createIcio(t)) as unknown as Row[];
        const byCountry = new Map<string, number>();
        for (const r of rows) {
          const sum = terms.reduce((a, k) => a + num(r, k), 0);
          const what = `${r.country}.${r.sector}→${r.partner}`;
          expectClose(sum, num(r, 'texp'), ref.world, `WWZ Σ terms, ${what}`);
          expectClose(
            num(r, 'texpint') + num(r, 'texpfd'),
            num(r, 'texp'),
            ref.world,
            `WWZ texp split, ${what}`,
          );
          const i = t.countries.indexOf(r.country as string) * ref.N + t.sectors.indexOf(r.sector as string);
          const partner = t.countries.indexOf(r.partner as string);
          expectClose(
            num(r, 'texp'),
            ref.bilateral[i]?.[partner] as number,
            ref.world,
            `WWZ texp vs table, ${what}`,
          );
          byCountry.set(r.country as string, (byCountry.get(r.country as string) ?? 0) + num(r, 'texp'));
        }
        for (const k of kww)
          expectClose(
            byCountry.get(k.country as string) ?? 0,
            num(k, 'GEXP'),
            ref.world,
            `WWZ rows vs KWW GEXP, ${k.country}`,
          );
      }),
      { numRuns: RUNS },
    );
  });

  it('Borin–Mancini: DVA + DDC + FVA + FDC = GEXP and the other stated identities, at both levels', () => {
    fc.assert(
      fc.property(tables, (t) => {
        const ref = reference(t);
        const icio = createIcio(t);
        const countries = bmDecomposition(icio) as unknown as Row[];
        const sectors = bmDecomposition(icio, { level: 'sector' }) as unknown as Row[];
        for (const r of [...countries, ...sectors]) {
          const w = `${r.country}${r.sector ? `.${r.sector}` : ''}`;
          const g = ref.world;
          expectClose(
            num(r, 'DVA') + num(r, 'DDC') + num(r, 'FVA') + num(r, 'FDC'),
            num(r, 'GEXP'),
            g,
            `BM GEXP, ${w}`,
          );
          expectClose(num(r, 'DVA') + num(r, 'DDC'), num(r, 'DC'), g, `BM DC, ${w}`);
          expectClose(num(r, 'FVA') + num(r, 'FDC'), num(r, 'FC'), g, `BM FC, ${w}`);
          expectClose(num(r, 'VAX') + num(r, 'REF'), num(r, 'DVA'), g, `BM DVA, ${w}`);
          expectClose(num(r, 'GVCB') + num(r, 'GVCF'), num(r, 'GVC'), g, `BM GVC, ${w}`);
          expectClose(num(r, 'DAVAX') + num(r, 'GVC'), num(r, 'GEXP'), g, `BM GEXP = DAVAX + GVC, ${w}`);
        }
        countries.forEach((c, s) => {
          expectClose(num(c, 'GEXP'), ref.gexp[s] as number, ref.world, `BM GEXP vs table, ${c.country}`);
          for (const k of ['GEXP', 'DVA', 'DDC', 'FVA', 'FDC', 'VAX', 'DAVAX', 'GVC']) {
            const sum = sectors.filter((r) => r.country === c.country).reduce((a, r) => a + num(r, k), 0);
            expectClose(sum, num(c, k), ref.world, `BM sectors sum to country, ${c.country}.${k}`);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('VAX: each country’s VAX is its value added absorbed abroad; world VAX + domestic absorption = world final demand = world value added', () => {
    fc.assert(
      fc.property(tables, (t) => {
        const ref = reference(t);
        const rows = valueAddedExports(createIcio(t)) as unknown as Row[];
        let worldVax = 0;
        let domestic = 0;
        for (let s = 0; s < ref.G; s++) {
          let vax = 0;
          for (let i = s * ref.N; i < s * ref.N + ref.N; i++) {
            ref.vBY[i]?.forEach((v, d) => {
              if (d === s) domestic += v;
              else vax += v;
            });
          }
          const r = rows.find(
            (x) => x.country === t.countries[s] && x.partner === undefined && x.sector === undefined,
          );
          expect(r, `a country record for ${t.countries[s]}`).toBeDefined();
          expectClose(num(r as Row, 'VAX'), vax, ref.world, `VAX, ${t.countries[s]}`);
          worldVax += num(r as Row, 'VAX');
        }
        const worldFinal = t.Y.reduce((a, row) => a + row.reduce((b, y) => b + y, 0), 0);
        const worldVa = ref.va.reduce((a, b) => a + b, 0);
        expectClose(
          worldVax + domestic,
          worldFinal,
          ref.world,
          'world VAX + domestic absorption = world final demand',
        );
        expectClose(worldFinal, worldVa, ref.world, 'world final demand = world value added');
      }),
      { numRuns: RUNS },
    );
  });
});

/**
 * A random chain of 2–7 stages where stage i > 0 feeds one stage with a smaller index, and each
 * stage's price is what it uses (inputs and a purchase) plus a positive margin, so its value added
 * per unit is the margin, known here; each stage distributes that margin as wages and profit.
 */
const distributedChain = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc
    .tuple(
      fc.array(
        fc.record({
          consumer: fc.nat(),
          quantity: fc.double({ min: 0.1, max: 2, noNaN: true }),
          margin: fc.double({ min: 0.01, max: 50, noNaN: true }),
          purchase: fc.double({ min: 0, max: 5, noNaN: true }),
          wages: fc.double({ min: 0, max: 1, noNaN: true }),
          volume: fc.double({ min: 1, max: 1000, noNaN: true }),
          country: fc.constantFrom('CHN', 'USA', 'GHA'),
          actor: fc.constantFrom('a1', 'a2', undefined),
        }),
        { minLength: n, maxLength: n },
      ),
    )
    .map(([stages]) => {
      const consumer = stages.map((s, i) => (i === 0 ? -1 : s.consumer % i));
      const price = new Array<number>(n).fill(0);
      for (let i = n - 1; i >= 0; i--) {
        let used = stages[i]!.purchase;
        for (let k = i + 1; k < n; k++)
          if (consumer[k] === i) used += stages[k]!.quantity * (price[k] as number);
        price[i] = used + stages[i]!.margin;
      }
      // requirement per unit of the final product
      const req = new Array<number>(n).fill(0);
      req[0] = 1;
      for (let i = 1; i < n; i++) req[i] = (req[consumer[i] as number] as number) * stages[i]!.quantity;
      const chain = {
        id: 'dist',
        name: 'Distributed',
        family: 'vertically-specialised',
        currency: 'USD',
        finalStage: 's0',
        actors: [
          { id: 'a1', name: 'A1', country: 'CHN' },
          { id: 'a2', name: 'A2', country: 'USA' },
        ],
        stages: stages.map((s, i) => ({
          id: `s${i}`,
          name: `S${i}`,
          country: s.country,
          ...(s.actor ? { actor: s.actor } : {}),
          output: { unit: 'u', unitPrice: price[i], volume: s.volume },
          inputs: stages.flatMap((t, k) =>
            consumer[k] === i ? [{ stage: `s${k}`, quantity: t.quantity }] : [],
          ),
          purchases: s.purchase > 0 ? [{ description: 'p', value: s.purchase, country: 'DEU' }] : [],
          distribution: { wages: s.margin * s.wages, profit: s.margin * (1 - s.wages) },
        })),
      };
      const valueAdded = stages.reduce((a, s, i) => a + (req[i] as number) * s.margin, 0);
      const outside = stages.reduce((a, s, i) => a + (req[i] as number) * s.purchase, 0);
      return { chain, finalValue: price[0] as number, valueAdded, outside };
    }),
);

describe('value created = value distributed, on random chains whose stages state their distribution', () => {
  it('agentAccounts accepts them at both bases, and every account and the consolidated one distribute exactly their value added', () => {
    fc.assert(
      fc.property(distributedChain, ({ chain, finalValue, valueAdded, outside }) => {
        for (const basis of ['per-unit', 'volume'] as const) {
          const a = agentAccounts(chain as never, { basis });
          const scale = basis === 'per-unit' ? finalValue : a.consolidated.productionValue;
          for (const acc of a.accounts) {
            expect(acc.distribution, `distribution of ${acc.actor}`).toBeDefined();
            const distributed = Object.values(acc.distribution ?? {}).reduce((s, v) => s + v, 0);
            expectClose(
              distributed,
              acc.valueAdded,
              scale,
              `${basis}: ${acc.actor} distributes its value added`,
            );
          }
          const created = a.accounts.reduce((s, acc) => s + acc.valueAdded, 0);
          expectClose(
            created,
            a.consolidated.valueAdded,
            scale,
            `${basis}: Σ accounts = consolidated value added`,
          );
          const distributed = Object.values(a.consolidated.distribution ?? {}).reduce((s, v) => s + v, 0);
          expectClose(
            distributed,
            a.consolidated.valueAdded,
            scale,
            `${basis}: consolidated value distributed = created`,
          );
          if (basis === 'per-unit') {
            // Independent: Σ requirement × margin, the final value, and the outside purchases.
            expectClose(
              a.consolidated.valueAdded,
              valueAdded,
              finalValue,
              'per-unit value added = Σ requirement × margin',
            );
            expectClose(
              a.consolidated.productionValue,
              finalValue,
              finalValue,
              'per-unit production value = final price',
            );
            expectClose(
              a.consolidated.intermediateConsumption,
              outside,
              finalValue,
              'per-unit outside purchases',
            );
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
