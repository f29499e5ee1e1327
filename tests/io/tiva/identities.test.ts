import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bmDecomposition } from '../../../src/io/decompositions/index.js';
import { createIcio } from '../../../src/io/model.js';
import {
  myDecomposition,
  type TivaCode,
  type TivaRecord,
  tivaIndicators,
} from '../../../src/io/tiva/index.js';
import type { Icio } from '../../../src/io/types.js';
import { tableArb } from '../../fuzz/arbitraries.js';
import { expectClose } from '../decompositions/helpers.js';

const tables = tableArb({ minG: 2, maxG: 4, maxN: 3 }).map((t) => createIcio(t));
const scaleOf = (t: Icio) => Math.max(1, ...t.x.map(Math.abs), ...t.Y.map(Math.abs));

/** Values of one code in record order. */
const of = (rs: readonly TivaRecord[], code: TivaCode) =>
  rs.filter((r) => r.indicator === code).map((r) => r.value);
const sum = (a: readonly number[]) => a.reduce((x, y) => x + y, 0);

describe('TiVA indicators: identities on random balanced tables (fast-check)', () => {
  it('the content and final-demand identities hold country by country', () => {
    fc.assert(
      fc.property(tables, (t) => {
        const s = scaleOf(t);
        const close = (a: number, b: number, what: string) => expectClose(a / s, b / s, what, 1e-9);
        const rs = tivaIndicators(t);
        const bil = tivaIndicators(t, { level: 'bilateral', codes: ['FD_VA'] });
        const codes = [
          'EXGR',
          'EXGR_DVA',
          'EXGR_FVA',
          'EXGR_DDC',
          'EXGR_IDC',
          'EXGR_RIM',
          'EXGR_INT',
          'EXGR_FNL',
          'VALU',
          'FD_VA',
          'FFD_DVA',
          'DFD_FVA',
          'BALVAFD',
          'BALGR',
          'DEXFVAP',
          'FEXDVAP',
        ] as const;
        const m = new Map(codes.map((c) => [c, of(rs, c)]));
        const at = (code: (typeof codes)[number], c: number) => m.get(code)![c]!;
        const all = (code: (typeof codes)[number]) => m.get(code)!;
        const { G } = t;
        for (let c = 0; c < G; c++) {
          const w = t.countries[c];
          close(at('EXGR_DVA', c) + at('EXGR_FVA', c), at('EXGR', c), `${w}: EXGR = EXGR_DVA + EXGR_FVA`);
          close(
            at('EXGR_DDC', c) + at('EXGR_IDC', c) + at('EXGR_RIM', c),
            at('EXGR_DVA', c),
            `${w}: EXGR_DVA = DDC + IDC + RIM`,
          );
          close(at('EXGR_INT', c) + at('EXGR_FNL', c), at('EXGR', c), `${w}: EXGR = EXGR_INT + EXGR_FNL`);
          close(at('DEXFVAP', c), at('EXGR_FVA', c), `${w}: DEXFVAP = EXGR_FVA`);
          // value added at home = absorbed at home (FD_VA from the own country) + absorbed abroad
          const home = bil.find((r) => r.country === w && r.partner === w)!.value;
          close(home + at('FFD_DVA', c), at('VALU', c), `${w}: VALU = DXD + FFD_DVA`);
          close(home + at('DFD_FVA', c), at('FD_VA', c), `${w}: FD_VA = DXD + DFD_FVA`);
          // all value added in a country's final demand = its final demand (v·B = 1)
          let fd = 0;
          for (let i = 0; i < t.G * t.N; i++) fd += t.Y[i * G + c]!;
          close(at('FD_VA', c), fd, `${w}: FD_VA = final demand`);
        }
        close(sum(all('FD_VA')), sum(all('VALU')), 'Σ FD_VA = world value added');
        close(sum(all('BALVAFD')), 0, 'Σ BALVAFD = 0');
        close(sum(all('BALGR')), 0, 'Σ BALGR = 0');
        close(sum(all('FEXDVAP')), sum(all('DEXFVAP')), 'Σ FEXDVAP = Σ DEXFVAP');
      }),
      { numRuns: 60 },
    );
  });

  it('sector and bilateral records sum to the country records (value codes)', () => {
    fc.assert(
      fc.property(tables, (t) => {
        const s = scaleOf(t);
        const country = tivaIndicators(t);
        const sector = tivaIndicators(t, { level: 'sector' });
        const bilateral = tivaIndicators(t, { level: 'bilateral' });
        for (const r of country) {
          if (r.unit === 'percent') continue;
          const parts = (rs: readonly TivaRecord[]) =>
            sum(rs.filter((x) => x.indicator === r.indicator && x.country === r.country).map((x) => x.value));
          expectClose(parts(sector) / s, r.value / s, `${r.indicator} ${r.country} sectors`, 1e-9);
          if (r.indicator !== 'PROD' && r.indicator !== 'VALU')
            expectClose(parts(bilateral) / s, r.value / s, `${r.indicator} ${r.country} partners`, 1e-9);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('Miroudot–Ye: identities on random tables (fast-check)', () => {
  it('DC = DVA + DDC, FC = FVA + FDC, DC + FC = GEXP in every perimeter; country = Borin–Mancini source', () => {
    fc.assert(
      fc.property(tables, (t) => {
        const s = scaleOf(t);
        const close = (a: number, b: number, what: string) => expectClose(a / s, b / s, what, 1e-9);
        for (const perimeter of ['country', 'bilateral', 'sector', 'world'] as const) {
          for (const r of myDecomposition(t, { perimeter, level: 'sector' })) {
            const w = `${perimeter} ${r.country}/${r.partner ?? ''}/${r.sector}`;
            close(r.DVA + r.DDC, r.DC, `${w}: DC = DVA + DDC`);
            close(r.FVA + r.FDC, r.FC, `${w}: FC = FVA + FDC`);
            close(r.DC + r.FC, r.GEXP, `${w}: DC + FC = GEXP`);
            if (perimeter === 'world') expect(r.FVA).toBe(0);
          }
        }
        const bm = bmDecomposition(t, { level: 'sector' });
        myDecomposition(t, { level: 'sector' }).forEach((r, i) => {
          for (const key of ['GEXP', 'DC', 'DVA', 'DDC', 'FC', 'FVA', 'FDC'] as const)
            close(r[key], bm[i]![key], `${r.country}/${r.sector} ${key} = BM source ${key}`);
        });
        // bilateral gross exports and contents add up over partners to the exporter's
        const country = myDecomposition(t);
        const pairs = myDecomposition(t, { perimeter: 'bilateral' });
        country.forEach((r) => {
          const mine = pairs.filter((p) => p.country === r.country);
          for (const key of ['GEXP', 'DC', 'FC'] as const)
            close(sum(mine.map((p) => p[key])), r[key], `${r.country} Σ partners ${key}`);
        });
      }),
      { numRuns: 40 },
    );
  });
});
