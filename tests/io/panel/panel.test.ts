import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isGvcError } from '../../../src/core/errors.js';
import {
  type Icio,
  icioPanel,
  type PanelProgress,
  readIcioCsv,
  upstreamness,
} from '../../../src/io/index.js';
import { HAND_CSV } from '../../cli/hand-table.js';

/*
 * The hand table of tests/cli/hand-table.ts (A and B, one sector s), worked there by hand: gross
 * exports E = (30, 40), VAX = (145, 230)/8.5, VAX ratio = VAX/E = 145/255, 230/340; upstreamness
 * (12.5, 15)/8.5. The 2020 table is the same with every flow doubled: A = Z/x and B = (I − A)⁻¹
 * do not change, so exports and VAX double and the ratios and upstreamness stay as they are.
 */
const doubled = HAND_CSV.replace(/\d+(?=[,\n])/g, (m) => String(2 * Number(m)));
const dir = mkdtempSync(join(tmpdir(), 'gvckit-panel-'));
const f2019 = join(dir, 'ICIO_2019.csv');
const f2020 = join(dir, 'ICIO_2020.csv');
const bad = join(dir, 'bad.csv');
writeFileSync(f2019, HAND_CSV);
writeFileSync(f2020, doubled);
writeFileSync(bad, HAND_CSV.replace('B_s,30', 'B_s,x30'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = { release: 'csv' as const, files: { 2019: f2019, 2020: f2020 } };
const TOL = 1e-12;

function close(actual: readonly Record<string, unknown>[], expected: readonly Record<string, unknown>[]) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => {
    for (const [k, v] of Object.entries(e)) {
      const got = actual[i]?.[k];
      if (typeof v === 'number')
        expect(Math.abs((got as number) - v), `${i}.${k}`).toBeLessThanOrEqual(
          TOL * Math.max(1, Math.abs(v)),
        );
      else expect(got, `${i}.${k}`).toBe(v);
    }
  });
}

const vax = [
  { year: 2019, country: 'A', GEXP: 30, VAX: 145 / 8.5, VAXratio: 145 / 255 },
  { year: 2019, country: 'B', GEXP: 40, VAX: 230 / 8.5, VAXratio: 230 / 340 },
  { year: 2020, country: 'A', GEXP: 60, VAX: 290 / 8.5, VAXratio: 145 / 255 },
  { year: 2020, country: 'B', GEXP: 80, VAX: 460 / 8.5, VAXratio: 230 / 340 },
];

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('icioPanel: the records of every year, tagged with the year', () => {
  it('reads files of a release and computes a named indicator (hand table, doubled in 2020)', async () => {
    const r = await icioPanel({ load: files, indicator: { name: 'vax', options: { level: 'country' } } });
    close(r, vax);
    expect(Object.keys(r[0] as object)[0]).toBe('year');
  });

  it('gives the same records on the calling thread (workers: 0) and by default', async () => {
    const a = await icioPanel({ load: files, indicator: 'vax' }, { workers: 0 });
    const b = await icioPanel({ load: files, indicator: 'vax' }, { workers: 'auto' });
    expect(b).toEqual(a);
    close(a, vax);
  });

  it('takes a loader and an indicator function, years in the order given', async () => {
    const seen: number[] = [];
    const r = await icioPanel({
      years: [2020, 2019],
      load: async (year: number) => readIcioCsv(year === 2019 ? HAND_CSV : doubled),
      indicator: (icio: Icio, year: number) => {
        seen.push(year);
        return upstreamness(icio);
      },
    });
    expect(seen).toEqual([2020, 2019]);
    close(r, [
      { year: 2020, country: 'A', sector: 's', upstreamness: 12.5 / 8.5 },
      { year: 2020, country: 'B', sector: 's', upstreamness: 15 / 8.5 },
      { year: 2019, country: 'A', sector: 's', upstreamness: 12.5 / 8.5 },
      { year: 2019, country: 'B', sector: 's', upstreamness: 15 / 8.5 },
    ]);
  });

  it('reads the same files with readOecdIcio (release oecd, given each year)', async () => {
    const r = await icioPanel({ load: { ...files, release: 'oecd' }, indicator: 'vax' });
    close(r, vax);
  });

  it('filters the years of the files', async () => {
    const r = await icioPanel({ years: [2020], load: files, indicator: 'vax' });
    close(r, vax.slice(2));
  });

  it('returns frozen records and leaves the panel as it was', async () => {
    const panel = {
      load: { release: 'csv' as const, files: { 2019: f2019 } },
      indicator: 'upstreamness' as const,
    };
    const copy = structuredClone(panel);
    const r = await icioPanel(panel);
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r[0])).toBe(true);
    expect(panel).toEqual(copy);
  });
});

describe('icioPanel: progress and cancellation', () => {
  it('reports load, compute and done for each year, counting the years done', async () => {
    const events: PanelProgress[] = [];
    await icioPanel({ load: files, indicator: 'kww' }, { onProgress: (e) => events.push(e) });
    expect(events).toEqual([
      { year: 2019, phase: 'load', done: 0, total: 2 },
      { year: 2019, phase: 'compute', done: 0, total: 2 },
      { year: 2019, phase: 'done', done: 1, total: 2 },
      { year: 2020, phase: 'load', done: 1, total: 2 },
      { year: 2020, phase: 'compute', done: 1, total: 2 },
      { year: 2020, phase: 'done', done: 2, total: 2 },
    ]);
  });

  it('rejects with the AbortError of a signal aborted before it starts, reading nothing', async () => {
    const loaded: number[] = [];
    const c = new AbortController();
    c.abort();
    const e = await rejection(
      icioPanel(
        {
          years: [2019],
          load: (y: number) => {
            loaded.push(y);
            return readIcioCsv(HAND_CSV);
          },
          indicator: 'vax',
        },
        { signal: c.signal },
      ),
    );
    expect((e as DOMException).name).toBe('AbortError');
    expect(loaded).toEqual([]);
  });

  it('stops between years when aborted, with the signal’s reason', async () => {
    const loaded: number[] = [];
    const c = new AbortController();
    const reason = new Error('stopped by the user');
    const e = await rejection(
      icioPanel(
        {
          years: [2019, 2020, 2021],
          load: (y: number) => {
            loaded.push(y);
            return readIcioCsv(HAND_CSV);
          },
          indicator: 'vax',
        },
        { signal: c.signal, onProgress: (p) => p.phase === 'done' && c.abort(reason) },
      ),
    );
    expect(e).toBe(reason);
    expect(loaded).toEqual([2019]);
  });

  it('stops when aborted while a year loads', async () => {
    const c = new AbortController();
    const e = await rejection(
      icioPanel(
        {
          years: [2019, 2020],
          load: async () => {
            c.abort();
            return readIcioCsv(HAND_CSV);
          },
          indicator: 'vax',
        },
        { signal: c.signal },
      ),
    );
    expect((e as DOMException).name).toBe('AbortError');
  });

  it('passes on an error thrown by onProgress', async () => {
    const boom = new Error('boom');
    const e = await rejection(
      icioPanel(
        { load: files, indicator: 'vax' },
        {
          onProgress: () => {
            throw boom;
          },
        },
      ),
    );
    expect(e).toBe(boom);
  });
});

describe('icioPanel: invalid panels and failing years', () => {
  const invalid = async (panel: unknown, options?: unknown) => {
    const e = await rejection(icioPanel(panel as never, options as never));
    expect(isGvcError(e, 'INVALID_INPUT')).toBe(true);
    return (e as { issues: { path: string; message: string }[] }).issues;
  };

  it('names every problem of the panel with its path', async () => {
    expect((await invalid({ load: files, indicator: 'gdp' }))[0]?.path).toBe('panel.indicator');
    expect((await invalid({ load: () => null, indicator: 'vax' }))[0]).toEqual({
      path: 'panel.years',
      message: 'expected the years to compute when load is a function, found none',
    });
    expect(
      (await invalid({ years: [2019, 2021, 2019], load: files, indicator: 'vax' })).map((i) => i.path),
    ).toEqual(['panel.years[1]', 'panel.years[2]']);
    expect(
      (await invalid({ load: { release: 'gtap', files: {} }, indicator: 'vax' })).map((i) => i.path),
    ).toEqual(['panel.load.release', 'panel.load.files']);
    expect(
      (await invalid({ load: files, indicator: { name: 'kww', options: { level: 'sector' } } }))[0]?.path,
    ).toBe('panel.indicator.options');
    expect((await invalid({ years: [2019.5], load: files, indicator: 'vax' }))[0]?.path).toBe(
      'panel.years[0]',
    );
    expect((await invalid(null))[0]?.path).toBe('panel');
    expect((await invalid({ load: files, indicator: 'vax' }, { workers: -1 }))[0]?.path).toBe(
      'options.workers',
    );
    expect((await invalid({ load: files, indicator: 'vax' }, { signal: {} }))[0]?.path).toBe(
      'options.signal',
    );
  });

  it('a failing year is one error, its summary naming the year and its issue the file, line and field', async () => {
    const e = await rejection(
      icioPanel({ load: { release: 'csv', files: { 2019: f2019, 2020: bad } }, indicator: 'vax' }),
    );
    expect(isGvcError(e, 'INVALID_INPUT')).toBe(true);
    expect((e as Error).message).toMatch(/^year 2020: invalid ICIO CSV/);
    expect((e as { issues: { path: string }[] }).issues[0]?.path).toMatch(/:3/);
  });

  it('a missing file is the error of the reader, with the year', async () => {
    const e = await rejection(
      icioPanel({ load: { release: 'csv', files: { 2019: join(dir, 'none.csv') } }, indicator: 'vax' }),
    );
    expect(isGvcError(e, 'NOT_FOUND')).toBe(true);
    expect((e as Error).message).toMatch(/^year 2019: file not found/);
  });

  it('an indicator function must return records', async () => {
    const issues = await invalid({ years: [2019], load: () => readIcioCsv(HAND_CSV), indicator: () => 42 });
    expect(issues[0]?.path).toBe('panel.indicator');
  });
});
