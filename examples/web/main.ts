/// <reference lib="dom" />
/**
 * The gvckit browser example: loads a chain from `chain.json` (the iPhone 3G of Xing & Detert 2010,
 * Table 1), decomposes its value added, runs the small illustrative ICIO table of `gvckit/data`, writes
 * the numbers into the page and draws the charts with vega-embed. Built into `build/main.js` by
 * `scripts/build-web-example.mjs` (esbuild, from the built package); see README.md.
 */
import {
  chainLabels,
  decomposeValueAdded,
  parseValueChain,
  smileCurve,
  smileCurveChart,
  valueAddedChart,
} from 'gvckit';
import { exampleIcio } from 'gvckit/data';
import { createIcio, kwwDecomposition, leontiefInverse, valueAddedExports } from 'gvckit/io';
import embed from 'vega-embed';

/** Writes a number into the element with this id: the raw value in `data-value`, the text formatted. */
function show(id: string, value: number, text: string): void {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`no element #${id} in the page`);
  el.dataset.value = String(value);
  el.textContent = text;
}

/** Appends a row of cells to the body of the table with this id; `data-key` names the row. */
function addRow(tableId: string, key: string, cells: Array<[string, number, string]>): void {
  const body = document.querySelector(`#${tableId} tbody`);
  if (body === null) throw new Error(`no table #${tableId} in the page`);
  const tr = document.createElement('tr');
  tr.dataset.key = key;
  const th = document.createElement('th');
  th.textContent = key;
  tr.append(th);
  for (const [field, value, text] of cells) {
    const td = document.createElement('td');
    td.dataset.field = field;
    td.dataset.value = String(value);
    td.textContent = text;
    tr.append(td);
  }
  body.append(tr);
}

const usd = (x: number) => `$${x.toFixed(2)}`;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Draws a Vega-Lite spec into the element with this id. */
async function draw(id: string, spec: object): Promise<void> {
  // gvckit's specs are plain Vega-Lite JSON; vega-embed's own type for them is wider than `object`.
  await embed(`#${id}`, spec as never, { actions: false, renderer: 'svg' });
}

async function main(): Promise<void> {
  // 1. A chain from a JSON file, validated as any user input must be.
  const response = await fetch('chain.json');
  if (!response.ok) throw new Error(`chain.json: HTTP ${response.status}`);
  const chain = parseValueChain(await response.json());
  document.getElementById('chain-name')!.textContent = chain.name;

  // 2. Its value added per unit of the final product, by country.
  const full = decomposeValueAdded(chain);
  const assembly = chain.stages.find((s) => s.function === 'assembly');
  if (assembly !== undefined)
    show('factory-price', assembly.output.unitPrice, usd(assembly.output.unitPrice));
  show('retail-price', full.finalValue, usd(full.finalValue));
  for (const g of full.byCountry) {
    addRow('by-country', g.key, [
      ['valueAdded', g.valueAdded, usd(g.valueAdded)],
      ['share', g.share, pct(g.share)],
    ]);
  }
  const smile = smileCurve(chain);

  // 3. A small inter-country input–output table: the Leontief inverse and value added in exports.
  const icio = createIcio(exampleIcio);
  const L = leontiefInverse(icio);
  for (let j = 0; j < L.cols; j++) {
    let multiplier = 0;
    for (let i = 0; i < L.rows; i++) multiplier += L.data[i * L.cols + j]!;
    addRow('multipliers', L.colLabels?.[j] ?? `#${j + 1}`, [
      ['multiplier', multiplier, multiplier.toFixed(3)],
    ]);
  }
  for (const r of valueAddedExports(icio)) {
    addRow('vax', r.country, [
      ['GEXP', r.GEXP, r.GEXP.toFixed(1)],
      ['VAX', r.VAX, r.VAX.toFixed(2)],
      ['VAXratio', r.VAXratio, r.VAXratio.toFixed(3)],
    ]);
  }
  // Gross exports by origin of value added (Koopman, Wang & Wei 2014), one bar per country.
  const kww = kwwDecomposition(icio).map((r) => {
    const parts: Array<[string, number]> = [
      ['domestic value added absorbed abroad', r.DVA_FIN + r.DVA_INT + r.DVA_INTrex],
      ['domestic value added returning home', r.RDV_FIN + r.RDV_INT],
      ['foreign value added', r.FVA_FIN + r.FVA_INT],
      ['double counting', r.DDC + r.FDC],
    ];
    return {
      depth: r.country,
      finalValue: r.GEXP,
      currency: 'XXX', // ISO 4217 for "no currency": the table is in an arbitrary unit
      byStage: parts.map(([key, value]) => ({ key, valueAdded: value, share: value / r.GEXP })),
    };
  });

  // 4. The charts, built by gvckit as Vega-Lite specs and drawn by vega-embed.
  await Promise.all([
    draw(
      'chart-value-added',
      valueAddedChart(full, { by: 'country', title: `${chain.name}: value added by country` }),
    ),
    draw(
      'chart-smile',
      // Stage names, not ids, on the points.
      smileCurveChart(smile, { title: `${chain.name}: the smile curve`, labels: chainLabels(chain) }),
    ),
    draw(
      'chart-icio',
      valueAddedChart(kww, {
        by: 'stage',
        measure: 'share',
        legendTitle: 'part of exports',
        axisTitle: 'Share of gross exports',
        title: 'Gross exports by origin of value added (illustrative ICIO table)',
      }),
    ),
  ]);
}

main().then(
  () => {
    document.body.dataset.status = 'ready';
  },
  (error: unknown) => {
    document.body.dataset.status = 'error';
    document.getElementById('status')!.textContent =
      `Error: ${error instanceof Error ? error.message : String(error)}`;
    console.error(error);
  },
);
