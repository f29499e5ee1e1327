import { exampleIcio } from '../../src/data/index.js';
import {
  createIcio,
  gvcParticipation,
  leontiefDecomposition,
  rasmussenLinkages,
  upstreamness,
  valueAddedExports,
} from '../../src/io/index.js';
import type { DemoSection } from './sections.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(8);

/** A TiVA summary of the embedded illustrative 3-country × 3-sector table. */
export const ioSection: DemoSection = {
  title: 'Trade in value added from an inter-country input–output table (illustrative data)',
  render: () => {
    const t = createIcio(exampleIcio);
    const vax = valueAddedExports(t);
    const hiy = leontiefDecomposition(t);
    const gvc = gvcParticipation(t);
    const up = upstreamness(t);
    const key = rasmussenLinkages(t)
      .filter((r) => r.keySector)
      .map((r) => `${r.country}_${r.sector}`);
    const lines = [
      `${'country'.padEnd(8)}${'exports'.padStart(9)}${'VAX ratio'.padStart(10)}${'DVA'.padStart(8)}${'FVA'.padStart(8)}${'GVC fwd'.padStart(9)}${'GVC bwd'.padStart(9)}${'upstream'.padStart(10)}`,
    ];
    t.countries.forEach((c, s) => {
      const h = hiy[s]!;
      const ups = up.filter((r) => r.country === c);
      const avgUp = ups.reduce((a, r) => a + r.upstreamness, 0) / ups.length;
      lines.push(
        `${c.padEnd(8)}${h.GEXP.toFixed(0).padStart(9)}${pct(vax[s]!.VAXratio).padStart(10)}${pct(h.DVA / h.GEXP)}${pct(h.i2e / h.GEXP)}${pct(gvc[s]!.GVCPt_f).padStart(9)}${pct(gvc[s]!.GVCPt_b).padStart(9)}${avgUp.toFixed(2).padStart(10)}`,
      );
    });
    lines.push(`key sectors (power and sensitivity of dispersion above 1): ${key.join(', ') || 'none'}`);
    return lines.join('\n');
  },
};
