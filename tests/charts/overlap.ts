/**
 * Test helper: lays a Vega-Lite spec out with vega (headless, renderer 'none', which still computes
 * every item's bounds: text by vega's width estimate of 0.8 × font size per character, wider than a
 * browser draws) and reports text that overlaps other text or crosses an axis line.
 */
import * as vega from 'vega';
import type { VegaLiteSpec } from '../../src/charts/index.js';
import { compileSpec } from './render.js';

/** An axis-aligned box in the chart's coordinates. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A drawn text: what it says, the role of its mark (`axis-label`, `legend-label`, `mark`, `title-text`, …) and its box. */
export interface PlacedText {
  text: string;
  role: string;
  box: Box;
}

/** What a layout check found: the texts and axis lines drawn, and the collisions between them. */
export interface LayoutReport {
  texts: PlacedText[];
  axisLines: Box[];
  overlaps: Array<[PlacedText, PlacedText]>;
  crossings: Array<[PlacedText, Box]>;
}

interface SceneItem {
  x?: number;
  y?: number;
  text?: unknown;
  opacity?: number;
  bounds: { x1: number; y1: number; x2: number; y2: number };
  items?: SceneMark[];
}
interface SceneMark {
  marktype: string;
  role?: string;
  items: SceneItem[];
}

const textOf = (t: unknown): string =>
  Array.isArray(t) ? t.map(String).join('\n').trim() : t == null ? '' : String(t).trim();

/** Boxes that share more than `tolerance` pixels in both directions. */
function intersects(a: Box, b: Box, tolerance = 0.5): boolean {
  return (
    Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > tolerance &&
    Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > tolerance
  );
}

/** Lays the spec out and collects its texts (visible, non-empty) and axis domain lines, in chart coordinates. */
export async function layout(spec: VegaLiteSpec): Promise<LayoutReport> {
  const view = new vega.View(vega.parse(compileSpec(spec)), { renderer: 'none' });
  const texts: PlacedText[] = [];
  const axisLines: Box[] = [];
  try {
    await view.runAsync();
    const walk = (mark: SceneMark, dx: number, dy: number) => {
      for (const item of mark.items) {
        const b = item.bounds;
        const box = { x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy };
        if (mark.marktype === 'text') {
          const text = textOf(item.text);
          if (text !== '' && item.opacity !== 0) texts.push({ text, role: mark.role ?? '', box });
        } else if (mark.role === 'axis-domain') {
          axisLines.push(box);
        }
        if (mark.marktype === 'group') {
          for (const child of item.items ?? []) walk(child, dx + (item.x ?? 0), dy + (item.y ?? 0));
        }
      }
    };
    walk((view.scenegraph() as unknown as { root: SceneMark }).root, 0, 0);
  } finally {
    view.finalize();
  }
  const overlaps: Array<[PlacedText, PlacedText]> = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i] as PlacedText;
      const b = texts[j] as PlacedText;
      if (intersects(a.box, b.box)) overlaps.push([a, b]);
    }
  }
  const crossings: Array<[PlacedText, Box]> = [];
  for (const t of texts) {
    for (const line of axisLines) {
      // a domain line is a box of zero width or height: widen it to a hair so that it can intersect
      const hair = { x1: line.x1 - 0.5, y1: line.y1 - 0.5, x2: line.x2 + 0.5, y2: line.y2 + 0.5 };
      if (intersects(t.box, hair, 0.4)) crossings.push([t, line]);
    }
  }
  return { texts, axisLines, overlaps, crossings };
}

/** A one-line description of a collision, for a test's message. */
export function describeCollision(a: PlacedText, b: PlacedText | Box): string {
  const where = (x: Box) => `[${x.x1.toFixed(0)},${x.y1.toFixed(0)}–${x.x2.toFixed(0)},${x.y2.toFixed(0)}]`;
  const other = 'text' in b ? `${b.role} "${b.text}" ${where(b.box)}` : `axis line ${where(b)}`;
  return `${a.role} "${a.text}" ${where(a.box)} × ${other}`;
}
