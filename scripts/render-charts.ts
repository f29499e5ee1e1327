/**
 * Renders the guides' charts (docs/guides/*.md) from the embedded datasets, through the library's
 * public functions, to SVG files: `tsx scripts/render-charts.ts [outDir]` (default `docs/guides/media`).
 * The SVGs in docs/guides/media are committed, so that the guides show them on GitHub as well as on
 * the typedoc site (`npm run docs` renders them again before typedoc copies them); the test
 * tests/charts/guide-media.test.ts fails when one is out of date: run this script and commit them.
 * The specs are compiled with vega-lite and rendered headless with vega (dev dependencies only),
 * whose text widths without a canvas are estimates: the files are the same on every machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { guideCharts } from './render-charts/charts.js';

/** One rendered chart: its name, the file written and its size in bytes. */
export interface RenderedChart {
  name: string;
  file: string;
  bytes: number;
}

/** Compiles a Vega-Lite spec and renders it to an SVG string, headless. */
export async function toSvg(spec: object): Promise<string> {
  const compiled = compile(spec as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Renders every guide chart into `outDir` (created if missing) as `<name>.svg`. */
export async function renderCharts(outDir: string): Promise<RenderedChart[]> {
  mkdirSync(outDir, { recursive: true });
  const rendered: RenderedChart[] = [];
  for (const chart of guideCharts) {
    const svg = await toSvg(chart.spec());
    const file = join(outDir, `${chart.name}.svg`);
    writeFileSync(file, svg);
    rendered.push({ name: chart.name, file, bytes: Buffer.byteLength(svg) });
  }
  return rendered;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = resolve(process.argv[2] ?? join(root, 'docs/guides/media'));
  const rendered = await renderCharts(outDir);
  for (const r of rendered) console.log(`${r.file} (${r.bytes} bytes)`);
}
