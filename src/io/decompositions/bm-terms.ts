/**
 * The arithmetic shared by the Borin–Mancini perspectives (bm-perspectives.ts): the export vectors
 * of a perimeter, the assembly of the thirteen terms from value-added coefficients, and the
 * sink-based double counting of the exporter perspective.
 *
 * @packageDocumentation
 */
import type { GvcIssue } from '../../core/errors.js';
import type { LuFactors } from '../kernels/lu.js';
import { luFactor } from '../kernels/lu.js';
import { luSolveOf } from '../kernels/lu-solve.js';
import { matmul } from '../kernels/matrix.js';
import type { Icio } from '../types.js';
import type { BmKey } from './bm.js';
import { denseBasis, localTimesInverse } from './bm-shared.js';
import { globalBasis, type LocalBasis } from './common.js';

/** The thirteen terms of one record, without its keys. @internal */
export type BmTerms = Record<BmKey, number>;

/**
 * What every perspective needs: the {@link LocalBasis}, the diagonal blocks B_ss of the global
 * inverse with the content multipliers v_s B_ss and v B, and B·Y (n×G, output of each country–sector
 * driven by each country's final demand).
 *
 * @internal
 */
export interface BmContext extends LocalBasis {
  readonly icio: Icio;
  readonly Bss: readonly Float64Array[];
  readonly vb: Float64Array;
  readonly vB: Float64Array;
  readonly BY: Float64Array;
  readonly warnings: GvcIssue[];
}

/**
 * Builds the {@link BmContext} from the LU factors of I − A (kept, for further solves), without
 * forming B: one factorisation, the diagonal blocks by structured solves and G solves.
 *
 * @internal
 */
export function bmContext(icio: Icio): BmContext & { readonly f: LuFactors } {
  const basis = globalBasis(icio);
  return { ...basis, icio, BY: luSolveOf(basis.f, icio.Y, icio.G) };
}

/**
 * Builds the {@link BmContext} with the whole global inverse B, for the bilateral perspectives,
 * which need every block B_rs: one inversion of I − A (with its exact condition number), then
 * O(n²G) products. Peak memory is A, B and the inversion's scratch, as {@link bmContext}'s.
 *
 * @internal
 */
export function denseBmContext(icio: Icio): BmContext & { readonly B: Float64Array } {
  const basis = denseBasis(icio);
  return { ...basis, icio, BY: matmul(basis.B, icio.Y, basis.n, basis.n, icio.G) };
}

/**
 * Exports of country–sector i = s·N + k to the partners r in `partners` (all r ≠ s when omitted):
 * gross exports E = Σ_r (Y_sr + A_sr x_r)_k, directly absorbed exports DAE = Σ_r (Y_sr +
 * A_sr L_rr Y_rr)_k, and exports absorbed outside s, VAXE = Σ_r (Y_sr + A_sr (x_r − (B Y)_{r,s}))_k.
 *
 * @internal
 */
export function exportFlows(
  c: BmContext,
  s: number,
  k: number,
  partners?: readonly number[],
): { e: number; dae: number; vaxe: number } {
  const { G, N, n, A, h, BY } = c;
  const { Y, x } = c.icio;
  const i = s * N + k;
  let e = 0;
  let dae = 0;
  let vaxe = 0;
  const one = (r: number) => {
    const y = Y[i * G + r]!;
    let ax = 0;
    let ah = 0;
    let ab = 0;
    for (let l = 0; l < N; l++) {
      const j = r * N + l;
      const a = A[i * n + j]!;
      ax += a * x[j]!;
      ah += a * h[j]!;
      ab += a * BY[j * G + s]!;
    }
    e += y + ax;
    dae += y + ah;
    vaxe += y + ax - ab;
  };
  if (partners) for (const r of partners) one(r);
  else for (let r = 0; r < G; r++) if (r !== s) one(r);
  return { e, dae, vaxe };
}

/**
 * The source-approach terms of one exporting country–sector: with p = (v_s B_ss)_k and q =
 * (Σ_{t≠s} v_t B_ts)_k (the domestic and foreign content per unit of exports), ℓ = (v_s L_ss)_k,
 * and d, f the domestic and foreign value added per unit counted once in the perspective:
 * DC = pE, FC = qE, DVA = dE, FVA = fE, VAX = d·VAXE, DAVAX = ℓ·DAE, and the residual terms.
 *
 * @internal
 */
export function sourceTerms(
  flows: { e: number; dae: number; vaxe: number },
  p: number,
  q: number,
  l: number,
  d: number,
  f: number,
): BmTerms {
  const { e, dae, vaxe } = flows;
  const DC = p * e;
  const FC = q * e;
  const DVA = d * e;
  const FVA = f * e;
  const VAX = d * vaxe;
  return assemble(e, DC, FC, DVA, FVA, VAX, l * dae);
}

/** The thirteen terms from the seven that define them. */
function assemble(
  e: number,
  DC: number,
  FC: number,
  DVA: number,
  FVA: number,
  VAX: number,
  DAVAX: number,
): BmTerms {
  const DDC = DC - DVA;
  const GVC = e - DAVAX;
  const GVCB = FC + DDC;
  return {
    GEXP: e,
    DC,
    DVA,
    VAX,
    DAVAX,
    REF: DVA - VAX,
    DDC,
    FC,
    FVA,
    FDC: FC - FVA,
    GVC,
    GVCB,
    GVCF: GVC - GVCB,
  };
}

/**
 * The sink-approach terms of the exporter perspective, one entry per exporting country–sector
 * (Borin & Mancini 2023, sink-based; exvatools make_exvadec_bm_snk): value added is counted the
 * last time it leaves the exporter's border. With B^s the inverse of the world without s's
 * intermediate exports, w = B^s_{·s} E_s (output along the chains that end in s's exports) and
 * q = B^s Y_{·s} (output for s's final demand in that world), the exports of sector k that come back
 * into a later export of s are g_k = Σ_{r≠s} (A_sr w_r)_k (= A_sr L_rr (A^off B^s_{·s} E_s)_r, as
 * rows r ≠ s of I − A^s are those of I − A), and those that come back for home absorption are
 * ρ_k = Σ_{r≠s} (A_sr q_r)_k. Then DDC = p g, FDC = q_F g, DVA = DC − DDC, FVA = FC − FDC,
 * REF = p ρ, VAX = DVA − REF (p, q_F the domestic and foreign content per unit).
 * B^s is never formed: B^s_{·s} = B_{·s} C_s⁻¹ and B^s y = B (y − P_s C_s⁻¹ Δ_s B y) with
 * C_s = (I − A_ss) B_ss and Δ_s the rows of s outside its own block (Woodbury), so all exporters
 * together cost one solve with 2G right-hand sides.
 *
 * @internal
 */
export function sinkTerms(c: BmContext & { readonly f: LuFactors }): BmTerms[] {
  const { G, N, n, A, Bss, E, BY, vb, vB, vl } = c;
  const m = 2 * G;
  const rhs = new Float64Array(n * m);
  for (let s = 0; s < G; s++) {
    const o = s * N;
    const Cs = luFactor(localTimesInverse(A, n, o, N, Bss[s]!), N);
    // Δ_s (B Y_{·s}) = Σ_{r≠s} A_sr (BY)_{r,s}
    const delta = new Float64Array(N);
    for (let k = 0; k < N; k++) {
      let acc = 0;
      const row = (o + k) * n;
      for (let j = 0; j < n; j++) if (j < o || j >= o + N) acc += A[row + j]! * BY[j * G + s]!;
      delta[k] = acc;
    }
    const a = luSolveOf(Cs, E.subarray(o, o + N));
    const b = luSolveOf(Cs, delta);
    for (let k = 0; k < N; k++) {
      rhs[(o + k) * m + 2 * s] = a[k]!;
      rhs[(o + k) * m + 2 * s + 1] = b[k]!;
    }
  }
  const sol = luSolveOf(c.f, rhs, m); // column 2s: w = B^s_{·s} E_s; column 2s+1: B P_s C_s⁻¹ Δ_s B Y_{·s}
  const out: BmTerms[] = [];
  for (let s = 0; s < G; s++) {
    const o = s * N;
    for (let k = 0; k < N; k++) {
      const i = o + k;
      let g = 0;
      let rho = 0;
      for (let j = 0; j < n; j++) {
        if (j >= o && j < o + N) continue;
        const aij = A[i * n + j]!;
        g += aij * sol[j * m + 2 * s]!;
        rho += aij * (BY[j * G + s]! - sol[j * m + 2 * s + 1]!);
      }
      const p = vb[i]!;
      const qF = vB[i]! - p;
      const flows = exportFlows(c, s, k);
      const DDC = p * g;
      const DVA = p * flows.e - DDC;
      out.push(
        assemble(
          flows.e,
          p * flows.e,
          qF * flows.e,
          DVA,
          qF * (flows.e - g),
          DVA - p * rho,
          vl[i]! * flows.dae,
        ),
      );
    }
  }
  return out;
}
