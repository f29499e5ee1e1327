/**
 * The guides' chart pictures (docs/guides/media/*.svg) are committed, so that the guides show them
 * where they are read (GitHub, the docs site) without a build. This test keeps them current: each
 * must be byte for byte what scripts/render-charts.ts renders now from the embedded datasets, and
 * every picture a guide links to must be one of them. After changing a chart, run
 * `npx tsx scripts/render-charts.ts` and commit the SVGs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { guideCharts } from '../../scripts/render-charts/charts.js';
import { toSvg } from '../../scripts/render-charts.js';

const guides = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/guides');
const media = join(guides, 'media');
const rerender = 'run `npx tsx scripts/render-charts.ts` and commit docs/guides/media';

describe('docs/guides/media: the committed chart pictures', () => {
  it('every chart picture a guide links to is rendered by scripts/render-charts.ts, and every one is linked', () => {
    const linked = new Set<string>();
    for (const file of readdirSync(guides).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(guides, file), 'utf8');
      for (const m of text.matchAll(/\]\(media\/([^)\s]+)\.svg\)/g)) linked.add(m[1] as string);
    }
    const names = guideCharts.map((c) => c.name);
    expect([...linked].filter((n) => !names.includes(n))).toEqual([]);
    expect(names.filter((n) => !linked.has(n))).toEqual([]);
  });

  for (const chart of guideCharts) {
    it(`${chart.name}.svg is current`, async () => {
      const file = join(media, `${chart.name}.svg`);
      expect(existsSync(file), `${file} is missing: ${rerender}`).toBe(true);
      const svg = await toSvg(chart.spec());
      expect(readFileSync(file, 'utf8') === svg, `${file} is out of date: ${rerender}`).toBe(true);
    }, 30_000);
  }
});
