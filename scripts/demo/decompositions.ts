import { exampleIcio } from '../../src/data/index.js';
import { bmDecomposition, createIcio, kwwDecomposition } from '../../src/io/index.js';
import type { DemoSection } from './sections.js';

const pct = (x: number, w = 8) => `${(100 * x).toFixed(1)}%`.padStart(w);

/**
 * Gross exports of the embedded illustrative table decomposed with KWW (2014) and Borin–Mancini
 * (2019, 2023): how much of each country's exports is its own value added, how much comes back
 * home, how much is foreign, how much is counted twice, and how much is GVC-related trade.
 */
export const decompositionsSection: DemoSection = {
  title: 'Gross exports decomposed: KWW and Borin–Mancini (illustrative data)',
  render: () => {
    const t = createIcio(exampleIcio);
    const kww = kwwDecomposition(t);
    const bm = bmDecomposition(t);
    const head = ['exports', 'VAX', 'RDV', 'DDC', 'FVA', 'FDC', 'DAVAX', 'GVC bwd', 'GVC fwd'];
    const lines = [`${'country'.padEnd(8)}${head.map((h) => h.padStart(8)).join('')}`];
    kww.forEach((k, s) => {
      const b = bm[s]!;
      const e = k.GEXP;
      lines.push(
        `${k.country.padEnd(8)}${e.toFixed(0).padStart(8)}` +
          pct((k.DVA_FIN + k.DVA_INT + k.DVA_INTrex) / e) +
          pct((k.RDV_FIN + k.RDV_INT) / e) +
          pct(k.DDC / e) +
          pct((k.FVA_FIN + k.FVA_INT) / e) +
          pct(k.FDC / e) +
          pct(b.DAVAX / e) +
          pct(b.GVCB / e) +
          pct(b.GVCF / e),
      );
    });
    lines.push('VAX…FDC: KWW terms (sum to 100%); DAVAX + GVC bwd + GVC fwd: Borin–Mancini (sum to 100%)');
    return lines.join('\n');
  },
};
