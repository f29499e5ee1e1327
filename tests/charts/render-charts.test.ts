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
    // assembly 6.50 / 500 = 1.3%, Apple 321.04 / 500 = 64.2%; a parabola through three points is exact,
    // so the subtitle gives no R²: three parameters through three points are determined, not estimated.
    const svg = readFileSync(join(outDir, 'iphone-smile.svg'), 'utf8');
    expect(svg).toContain('<tspan>Assembly</tspan><tspan x="0" dy="11">1.3%</tspan>'); // the stage's name
    expect(svg).toContain('share: 1.3%');
    expect(svg).toContain('share: 34.5%');
    expect(svg).toContain('share: 64.2%');
    expect(svg).toContain('exact fit through 3 points: the curve is determined, not estimated');
    expect(svg).not.toContain('R²');
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

  it('draws the illustrative thinning path: thinning out with upgrading, stable, rebuilding', () => {
    // rules of thinningProfile applied by hand: 0.60 -> 0.35 -> 0.20 fall by more than 0.01 while the
    // mean knowledge intensity of the functions rises (2.75 -> 3.33 -> 4): thinning-out with upgrading;
    // 0.20 -> 0.205 is within 0.01: stable; 0.205 -> 0.30 -> 0.38 rise after thinning: rebuilding
    const svg = readFileSync(join(outDir, 'thinning-trajectory.svg'), 'utf8');
    expect(svg).toContain('period: 1992; share: 35.0%');
    expect(svg).toContain('transition: thinning-out; upgrading: with upgrading; period: 1998');
    expect(svg).toContain('transition: stable; upgrading: without upgrading; period: 2004');
    expect(svg).toContain('transition: rebuilding; upgrading: without upgrading; period: 2016');
    expect(svg).toContain('>overall: rebuilding</text>');
  });

  it('draws the cluster tables, recomputed and as published', () => {
    // Counted independently from the shared Table 1 TSV (python3, csv module): the 4 clusters selling
    // locally or nationally and regionally (Suame, Nnewi, Mwenge, Keko) show growth 3, upgrading 1,
    // both 1; Kaplinsky (2015, Table 2) prints growth 1, upgrading 0, both 1.
    const computed = readFileSync(join(outDir, 'clusters-market-orientation.svg'), 'utf8');
    const published = readFileSync(join(outDir, 'clusters-market-orientation-published.svg'), 'utf8');
    expect(computed).toContain('columnName: growth; end markets: domestic-and-regional; clusters: 3;');
    expect(computed).toContain('columnName: upgrading; end markets: domestic-and-regional; clusters: 1;');
    expect(published).toContain('columnName: growth; end markets: domestic-and-regional; clusters: 1;');
    expect(published).toContain('columnName: upgrading; end markets: domestic-and-regional; clusters: 0;');
    const action = readFileSync(join(outDir, 'clusters-collective-action.svg'), 'utf8');
    expect(action).toContain('>learning</text>');
    expect(action).toContain('>exactly-3</text>');
  });

  it('draws the ICIO gross-exports decomposition, one bar per country', () => {
    const svg = readFileSync(join(outDir, 'icio-gross-exports.svg'), 'utf8');
    expect(svg).toContain('>Share of gross exports</text>');
    for (const country of ['GHA', 'NLD', 'USA']) expect(svg).toContain(`>${country}</text>`);
    expect(svg.match(/aria-roledescription="bar"/g)).toHaveLength(12);
  });
});
