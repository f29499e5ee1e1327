import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { guideCharts } from '../../scripts/render-charts/charts.js';
import { renderCharts } from '../../scripts/render-charts.js';

const outDir = mkdtempSync(join(tmpdir(), 'gvckit-charts-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('scripts/render-charts.ts', () => {
  it('renders every guide chart to a non-empty SVG file in the directory given', async () => {
    const rendered = await renderCharts(outDir);
    expect(rendered.map((r) => r.name)).toEqual(guideCharts.map((c) => c.name));
    for (const r of rendered) {
      const svg = readFileSync(r.file, 'utf8');
      expect(r.file).toBe(join(outDir, `${r.name}.svg`));
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg.length).toBeGreaterThan(1000);
      expect(svg).toContain('role="graphics-symbol"'); // at least one mark was drawn
    }
  }, 60_000);

  it('draws the iPhone by country with the published first-round totals', async () => {
    const svg = readFileSync(join(outDir, 'iphone-value-added.svg'), 'utf8');
    expect(svg).toContain('>first round at the assembler</text>');
    // Xing & Detert (2010): Japan 60.60 in the first round; the illustrative 8.00 of Korean glass
    // moves to Korea in the full decomposition: 60.60 - 8.00 = 52.60 for Japan, 22.96 + 8 = 30.96 for Korea
    expect(svg).toContain('value added (USD): 60.60');
    expect(svg).toContain('value added (USD): 52.60');
    expect(svg).toContain('value added (USD): 30.96');
    expect(svg).toContain('value added (USD): 6.50');
  });

  it('draws the iPhone smile curve: components, assembly, retail', () => {
    // by hand from Xing & Detert (2010) on a USD 500 phone: components 172.46 / 500 = 34.5%,
    // assembly 6.50 / 500 = 1.3%, Apple 321.04 / 500 = 64.2%; a parabola through three points is exact.
    const svg = readFileSync(join(outDir, 'iphone-smile.svg'), 'utf8');
    expect(svg).toContain('>assembly</text>');
    expect(svg).toContain('share: 1.3%');
    expect(svg).toContain('share: 34.5%');
    expect(svg).toContain('share: 64.2%');
    expect(svg).toContain('the curve smiles');
  });

  it('draws the linkage curve with its four policy scenarios', () => {
    const svg = readFileSync(join(outDir, 'linkage-curve.svg'), 'utf8');
    for (const label of [
      'market-led (fitted)',
      'speed (rate ×2)',
      'deepen (ceiling +0.2)',
      'reverse (ceiling to 0.15)',
    ]) {
      expect(svg).toContain(`>${label}</text>`);
    }
  });
});
