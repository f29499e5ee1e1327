import { expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import type {
  Icio,
  IcioPanelOptions,
  IcioPanelOptions as IcioPanelSchema,
  IcioPanelSpec,
  PanelProgress,
  PanelRecord,
} from '../../../src/io/index.js';

test('IcioPanelOptions is what a caller may pass: {} and partial objects', () => {
  const empty = {};
  expectTypeOf(empty).toExtend<IcioPanelOptions>();
  expectTypeOf<{ workers: 2 }>().toExtend<IcioPanelOptions>();
  expectTypeOf<{ workers: 'auto'; signal: AbortSignal }>().toExtend<IcioPanelOptions>();
  expectTypeOf<{ onProgress: (p: PanelProgress) => void }>().toExtend<IcioPanelOptions>();
  expectTypeOf<IcioPanelOptions>().toEqualTypeOf<z.input<typeof IcioPanelSchema>>();
});

test('a panel takes files or a loader, and a name, { name, options } or a function', () => {
  expectTypeOf<{
    load: { release: 'oecd'; files: Record<string, string> };
    indicator: 'vax';
  }>().toExtend<IcioPanelSpec>();
  expectTypeOf<{
    years: number[];
    load: (year: number) => Promise<Icio>;
    indicator: (icio: Icio, year: number) => object[];
  }>().toExtend<IcioPanelSpec>();
  expectTypeOf<{
    load: { release: 'csv'; files: Record<string, string> };
    indicator: { name: 'bm'; options: { level: 'sector' } };
  }>().toExtend<IcioPanelSpec>();
  expectTypeOf<PanelRecord['year']>().toEqualTypeOf<number>();
});
