import * as z from 'zod/mini';
import { quote, validateOptions } from '../../core/boundary.js';
import { conditionedFactors } from '../core.js';
import { checkIcio, localBasis, valueAddedBySource } from '../decompositions/common.js';
import { checkFiniteRecords, finish, ratio } from '../internal.js';
import { luSolveOf } from '../kernels/lu-solve.js';
import { identityMinusOf } from '../kernels/matrix.js';
import { oneOf } from '../options.js';
import type { Icio } from '../types.js';
import { TIVA_CODE_LIST, TIVA_CODES, type TivaCode, TivaCodeSchema, type TivaLevel } from './codes.js';

/**
 * One value of one OECD TiVA indicator, tidy: the indicator's code, the reporting `country`, the
 * `sector` at level `'sector'` and the `partner` at level `'bilateral'` (what each means for each
 * code is in {@link TIVA_CODES}), the value and its unit (`'value'`, the table's currency unit, or
 * `'percent'`).
 *
 * @example
 * ```ts
 * TivaRecord.parse({ indicator: 'EXGR', country: 'A', value: 30, unit: 'value' }).value;
 * //=> 30
 * ```
 */
export const TivaRecord = z.strictObject({
  indicator: TivaCodeSchema,
  country: z.string(),
  sector: z.optional(z.string()),
  partner: z.optional(z.string()),
  value: z.number(),
  unit: oneOf(['value', 'percent']),
});
/** One TiVA indicator value; see {@link TivaRecord}. */
export type TivaRecord = z.output<typeof TivaRecord>;

/**
 * Options of {@link tivaIndicators}: `level` — `'country'` (the default), `'sector'` (per
 * country–industry) or `'bilateral'` (per country and partner country) — and `codes`, the indicators
 * to report (every code defined at the level when omitted; a code not defined at the level is an
 * error, see {@link TIVA_CODES}).
 *
 * @example
 * ```ts
 * const o: TivaOptions = { codes: ['EXGR', 'EXGR_DVA'] };
 * TivaOptions.parse(o).level;
 * //=> 'country'
 * ```
 */
export const TivaOptions = z
  .strictObject({
    level: z._default(oneOf(['country', 'sector', 'bilateral']), 'country'),
    codes: z.optional(
      z.array(TivaCodeSchema).check(z.minLength(1, { error: 'expected at least one TiVA code, found none' })),
    ),
  })
  .check(
    z.superRefine((o, ctx) => {
      const seen = new Set<string>();
      o.codes?.forEach((code, i) => {
        const levels: readonly TivaLevel[] = TIVA_CODES[code].levels;
        if (!levels.includes(o.level))
          ctx.addIssue({
            code: 'custom',
            path: ['codes', i],
            message: `expected a code defined at level ${quote(o.level)} (${code} is defined at ${levels.map((l) => quote(l)).join(', ')}), found ${quote(code)}`,
          });
        if (seen.has(code))
          ctx.addIssue({
            code: 'custom',
            path: ['codes', i],
            message: `expected each code once, found ${quote(code)} again`,
          });
        seen.add(code);
      });
    }),
  );
/** What a caller may pass as {@link TivaOptions}. */
export type TivaOptions = z.input<typeof TivaOptions>;

/**
 * Computes the OECD's Trade in Value Added (TiVA) indicators from an inter-country table, as tidy
 * records keyed by the official code, following OECD (2023), "Guide to OECD Trade in Value Added
 * (TiVA) Indicators, 2023 edition", OECD Directorate for Science, Technology and Innovation (§4
 * structural indicators, §5 value added in gross exports and imports, §6 value added in final demand).
 * With v the value-added coefficients, B = (I − A)⁻¹, L_ss = (I − A_ss)⁻¹, e the gross exports of
 * country s and Y final demand:
 * - PROD = x, VALU = va; EXGR (= EXGR_INT + EXGR_FNL), IMGR (the partners' exports to the country),
 *   BALGR = EXGR − IMGR (guide §4.1–4.6);
 * - EXGR_DVA = v_s B_ss e (domestic content) = EXGR_DDC + EXGR_IDC + EXGR_RIM, with EXGR_DDC =
 *   v̂_s diag(L_ss) e (value added of the exporting industry itself), EXGR_IDC = v_s (L_ss − diag L_ss)
 *   e (other domestic industries), EXGR_RIM = v_s (B_ss − L_ss) e (domestic value added that returns
 *   home in imports and leaves again), as exvatools (Feás 2023) splits it; EXGR_FVA = Σ_{t≠s} v_t B_ts
 *   e; EXGR_DVASH, EXGR_FVASH their percentages of EXGR (§5.1–5.10); IMGR_DVA = Σ_{t≠s} v_s B_st
 *   e_{t→s}, IMGR_DVASH its percentage of IMGR (§5.19–5.20);
 * - DEXFVAP by partner t = v_t B_ts e (backward participation; the partners sum to EXGR_FVA),
 *   DEXFVAPSH = 100 DEXFVAP / EXGR_s; FEXDVAP by partner r = v_s B_sr e_r (the country's value added in
 *   r's exports, forward participation), FEXDVAPSH = 100 FEXDVAP / EXGR_s (§5.11–5.13);
 * - FD_VA = v B Y_·s (all value added in the country's final demand, by country of origin; equals its
 *   final demand in a balanced table), FFD_DVA = Σ_{r≠s} v_s (B Y)_sr (domestic value added absorbed
 *   abroad, VAX), DFD_FVA = Σ_{t≠s} v_t (B Y)_ts (foreign value added absorbed at home, VAM),
 *   BALVAFD = FFD_DVA − DFD_FVA, VALU_FFDDVA = 100 FFD_DVA / VALU (§6).
 * Shares of an empty denominator are 0. Cost: one LU factorisation of I − A and 2G solves (3G at
 * level `'sector'` with FEXDVAP); B is never formed, nor its diagonal blocks (v_s B_ss is read off
 * v·B by source country), so it costs less than {@link bmDecomposition}.
 *
 * @param icio - the table, from {@link createIcio}; at least two countries
 * @param options - `{ level, codes }`, see {@link TivaOptions}
 * @returns one record per code and country (and sector or partner), code by code in
 *   {@link TIVA_CODES} order, then country by country in table order
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a table built by `createIcio`, has fewer
 *   than two countries, or `options` is invalid (an unknown code, a code not defined at the level, a
 *   code twice); `SINGULAR_MATRIX` when I − A is singular or its condition number is above
 *   CONDITION_LIMIT; `UNSUPPORTED` when a result overflows
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[20, 10], [30, 40]], Y: [[50, 20], [10, 70]] });
 * const r = tivaIndicators(t, { codes: ['EXGR', 'EXGR_DVA', 'EXGR_FVA'] }).filter((x) => x.country === 'A');
 * r.map((x) => [x.indicator, x.value.toFixed(4)]);
 * //=> [['EXGR', '30.0000'], ['EXGR_DVA', '19.4118'], ['EXGR_FVA', '10.5882']]
 * ```
 */
export function tivaIndicators(icio: Icio, options?: TivaOptions): TivaRecord[] {
  const { level, codes } = validateOptions(TivaOptions, options);
  checkIcio(icio, 'tivaIndicators');
  const wanted = TIVA_CODE_LIST.filter((c) =>
    codes ? codes.includes(c) : (TIVA_CODES[c].levels as readonly TivaLevel[]).includes(level),
  );
  const { values, warnings } = tivaValues(icio, level, wanted);
  const { countries, sectors, G, N } = icio;
  const out: TivaRecord[] = [];
  for (const code of wanted) {
    const a = values.get(code)!;
    const unit = TIVA_CODES[code].unit;
    if (level === 'country') {
      for (let c = 0; c < G; c++)
        out.push({ indicator: code, country: countries[c]!, value: a[c]! + 0, unit });
    } else if (level === 'sector') {
      for (let i = 0; i < G * N; i++)
        out.push({
          indicator: code,
          country: countries[Math.floor(i / N)]!,
          sector: sectors[i % N]!,
          value: a[i]! + 0,
          unit,
        });
    } else {
      for (let c = 0; c < G; c++) {
        for (let p = 0; p < G; p++) {
          if (p === c && code !== 'FD_VA') continue;
          out.push({
            indicator: code,
            country: countries[c]!,
            partner: countries[p]!,
            value: a[c * G + p]! + 0,
            unit,
          });
        }
      }
    }
  }
  checkFiniteRecords(out, 'TiVA indicators');
  return finish(out, warnings);
}

/**
 * Every requested code's values at a level: G entries (country), n entries (country–sector) or G×G
 * entries (country × partner, row-major).
 */
function tivaValues(icio: Icio, level: TivaLevel, codes: readonly TivaCode[]) {
  // One LU factorisation of I − A; unlike the decompositions, no diagonal block B_ss is formed: the
  // domestic multipliers v_s B_ss are read off v·B by source country (G transposed solves).
  const { G, N, n, A, v, Lss, E, vl } = localBasis(icio);
  const { condition: _, warnings, ...f } = conditionedFactors(icio, identityMinusOf(A, n), n, 'I − A');
  const { Z, Y, x, va } = icio;
  const cty = (i: number) => Math.floor(i / N);
  const VBt = valueAddedBySource(f, G, N, v);
  const vb = new Float64Array(n);
  const vB = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    vb[j] = VBt[j * G + cty(j)]!;
    for (let t = 0; t < G; t++) vB[j] = vB[j]! + VBt[j * G + t]!;
  }
  // Bilateral exports by exporting country–sector i and importer p (0 for p = own country).
  const eInt = new Float64Array(n * G);
  const eFnl = new Float64Array(n * G);
  for (let i = 0; i < n; i++) {
    const s = cty(i);
    for (let j = 0; j < n; j++) {
      const p = cty(j);
      if (p !== s) eInt[i * G + p] = eInt[i * G + p]! + Z[i * n + j]!;
    }
    for (let p = 0; p < G; p++) if (p !== s) eFnl[i * G + p] = Y[i * G + p]!;
  }
  const eAll = eInt.map((e, k) => e + eFnl[k]!);
  const BY = luSolveOf(f, Y, G);
  const size = level === 'country' ? G : level === 'sector' ? n : G * G;
  // Aggregates a flow given per exporting country–sector and partner, f(i, p), to the level: the
  // exporter's country (or the importer's, `imports`), its sector, or the pair.
  const flow = (fn: (i: number, p: number) => number, imports = false): Float64Array => {
    const out = new Float64Array(size);
    for (let i = 0; i < n; i++) {
      const s = cty(i);
      for (let p = 0; p < G; p++) {
        if (p === s) continue;
        const val = fn(i, p);
        if (val === 0) continue;
        const [c, other] = imports ? [p, s] : [s, p];
        const at =
          level === 'country' ? c : level === 'sector' ? (imports ? p * N + (i % N) : i) : c * G + other;
        out[at] = out[at]! + val;
      }
    }
    return out;
  };
  // Value added of origin i absorbed in the final demand of country d, v_i (B Y)_id, aggregated to
  // the level from the side of the absorbing country (`home`) or of the origin country (not `home`).
  const absorbed = (keep: (origin: number, d: number) => boolean, home: boolean): Float64Array => {
    const out = new Float64Array(size);
    for (let i = 0; i < n; i++) {
      const o = cty(i);
      for (let d = 0; d < G; d++) {
        if (!keep(o, d)) continue;
        const val = v[i]! * BY[i * G + d]!;
        const [c, other] = home ? [d, o] : [o, d];
        const at = level === 'country' ? c : level === 'sector' ? c * N + (i % N) : c * G + other;
        out[at] = out[at]! + val;
      }
    }
    return out;
  };
  const perSector = (a: Float64Array): Float64Array => {
    if (level === 'sector') return Float64Array.from(a);
    const out = new Float64Array(G);
    for (let i = 0; i < n; i++) out[cty(i)] = out[cty(i)]! + a[i]!;
    return out;
  };
  const share = (a: Float64Array, b: Float64Array) => a.map((val, k) => 100 * ratio(val, b[k]!));
  // Shares of the reporting country's total exports (bilateral: the pair's value over EXGR_s).
  const exportsShare = (a: Float64Array, exgrCountry: Float64Array) =>
    a.map((val, k) => 100 * ratio(val, exgrCountry[level === 'bilateral' ? Math.floor(k / G) : k]!));
  const dirL = new Float64Array(n);
  for (let i = 0; i < n; i++) dirL[i] = v[i]! * Lss[cty(i)]![(i % N) * N + (i % N)]!;
  const content = (coef: (i: number) => number) => flow((i, p) => coef(i) * eAll[i * G + p]!);

  const memo = new Map<TivaCode, Float64Array>();
  const get = (code: TivaCode): Float64Array => {
    let a = memo.get(code);
    if (a) return a;
    a = compute(code);
    memo.set(code, a);
    return a;
  };
  const exgrByCountry = () => {
    const out = new Float64Array(G);
    for (let i = 0; i < n; i++) out[cty(i)] = out[cty(i)]! + E[i]!;
    return out;
  };
  const compute = (code: TivaCode): Float64Array => {
    switch (code) {
      case 'PROD':
        return perSector(x);
      case 'VALU':
        return perSector(va);
      case 'EXGR':
        return flow((i, p) => eAll[i * G + p]!);
      case 'EXGR_INT':
        return flow((i, p) => eInt[i * G + p]!);
      case 'EXGR_FNL':
        return flow((i, p) => eFnl[i * G + p]!);
      case 'IMGR':
        return flow((i, p) => eAll[i * G + p]!, true);
      case 'IMGR_INT':
        return flow((i, p) => eInt[i * G + p]!, true);
      case 'IMGR_FNL':
        return flow((i, p) => eFnl[i * G + p]!, true);
      case 'BALGR': {
        const ex = get('EXGR');
        const im = get('IMGR');
        return ex.map((e, k) => e - im[k]!);
      }
      case 'EXGR_DVA':
        return content((i) => vb[i]!);
      case 'EXGR_DDC':
        return content((i) => dirL[i]!);
      case 'EXGR_IDC':
        return content((i) => vl[i]! - dirL[i]!);
      case 'EXGR_RIM':
        return content((i) => vb[i]! - vl[i]!);
      case 'EXGR_FVA':
        return content((i) => vB[i]! - vb[i]!);
      case 'EXGR_DVASH':
        return share(get('EXGR_DVA'), get('EXGR'));
      case 'EXGR_FVASH':
        return share(get('EXGR_FVA'), get('EXGR'));
      case 'IMGR_DVA':
        // Exports of j (in country t) to p carry v_p B_pj of p's own value added back home.
        return flow((j, p) => VBt[j * G + p]! * eAll[j * G + p]!, true);
      case 'IMGR_DVASH':
        return share(get('IMGR_DVA'), get('IMGR'));
      case 'FD_VA':
        return absorbed(() => true, true);
      case 'FFD_DVA':
        return absorbed((o, d) => o !== d, false);
      case 'DFD_FVA':
        return absorbed((o, d) => o !== d, true);
      case 'BALVAFD': {
        const ffd = get('FFD_DVA');
        const dfd = get('DFD_FVA');
        return ffd.map((a, k) => a - dfd[k]!);
      }
      case 'VALU_FFDDVA':
        return share(get('FFD_DVA'), get('VALU'));
      case 'DEXFVAP': {
        if (level === 'bilateral') return originOfExports();
        return content((i) => vB[i]! - vb[i]!);
      }
      case 'DEXFVAPSH':
        return exportsShare(get('DEXFVAP'), exgrByCountry());
      case 'FEXDVAP':
        return level === 'sector' ? forwardBySector() : forwardByPartner();
      case 'FEXDVAPSH':
        return exportsShare(get('FEXDVAP'), exgrByCountry());
    }
  };
  // DEXFVAP at level 'bilateral': value added of source t in the exports of s, Σ_{j∈s} VBt[j, t] e_j.
  const originOfExports = (): Float64Array => {
    const out = new Float64Array(G * G);
    for (let j = 0; j < n; j++) {
      const s = cty(j);
      for (let t = 0; t < G; t++) if (t !== s) out[s * G + t] = out[s * G + t]! + VBt[j * G + t]! * E[j]!;
    }
    return out;
  };
  // FEXDVAP at country or bilateral level: value added of s in the exports of r, Σ_{j∈r} VBt[j, s] e_j.
  const forwardByPartner = (): Float64Array => {
    const out = new Float64Array(size);
    for (let j = 0; j < n; j++) {
      const r = cty(j);
      for (let s = 0; s < G; s++) {
        if (s === r) continue;
        const val = VBt[j * G + s]! * E[j]!;
        const at = level === 'country' ? s : s * G + r;
        out[at] = out[at]! + val;
      }
    }
    return out;
  };
  // FEXDVAP at level 'sector': v_i (B e^{(−s)})_i for i in s, where e^{(−s)} is the exports of all
  // other countries (G more solves).
  const forwardBySector = (): Float64Array => {
    const rhs = new Float64Array(n * G);
    for (let j = 0; j < n; j++) {
      const r = cty(j);
      for (let s = 0; s < G; s++) if (s !== r) rhs[j * G + s] = E[j]!;
    }
    const BE = luSolveOf(f, rhs, G);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = v[i]! * BE[i * G + cty(i)]!;
    return out;
  };
  const values = new Map<TivaCode, Float64Array>();
  for (const code of codes) values.set(code, get(code));
  return { values, warnings };
}
