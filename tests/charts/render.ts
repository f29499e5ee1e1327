/** Test helper: compiles a Vega-Lite spec with vega-lite and renders it to SVG with vega, in-process. */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { VegaLiteSpec } from '../../src/charts/index.js';

/** Compiles a Vega-Lite spec to a Vega spec (throws on an invalid spec). */
export function compileSpec(spec: VegaLiteSpec): vega.Spec {
  return compile(spec as unknown as TopLevelSpec).spec;
}

/** Renders a Vega-Lite spec to an SVG string, headless. */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const view = new vega.View(vega.parse(compileSpec(spec)), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Runs the view and returns, for each dataset of the compiled spec with a transform of type `transform`, its rows. */
export async function transformedRows(
  spec: VegaLiteSpec,
  transform: string,
): Promise<Array<Record<string, unknown>>> {
  const compiled = compileSpec(spec);
  const names = (compiled.data ?? [])
    .filter((d) => (d.transform ?? []).some((t) => t.type === transform))
    .map((d) => d.name);
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    await view.runAsync();
    return names.flatMap((name) => view.data(name).map((row: Record<string, unknown>) => ({ ...row })));
  } finally {
    view.finalize();
  }
}
