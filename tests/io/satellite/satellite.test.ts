import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GvcError } from '../../../src/core/errors.js';
import { createIcio } from '../../../src/io/model.js';
import { readEora26 } from '../../../src/io/readers/eora.js';
import { readExiobase } from '../../../src/io/readers/exiobase.js';
import {
  attachSatellite,
  embodiedInExports,
  embodiedInFinalDemand,
  footprintAccounts,
  stressorMultipliers,
} from '../../../src/io/satellite/index.js';
import type { Icio } from '../../../src/io/types.js';
import { cloneIcio, HAND_TABLE } from '../decompositions/helpers.js';

const table = () => createIcio(HAND_TABLE);

/** The GvcError a call throws (fails when it does not throw one). */
function errorOf(f: () => unknown): GvcError {
  try {
    f();
  } catch (e) {
    if (e instanceof GvcError) return e;
    throw e;
  }
  return expect.fail('expected a GvcError');
}

const paths = (e: GvcError) => e.issues.map((i) => i.path);

describe('attachSatellite', () => {
  it('returns a new frozen table with meta.satellite, keeping the table and the input as they were', () => {
    const t = table();
    const before = cloneIcio(t);
    const F = [
      [1, 2],
      [-3, 4],
    ];
    const input = {
      stressors: [{ name: 'CO2', unit: 'kt', compartment: 'air' }, { name: 'jobs' }],
      F,
      FY: [
        [5, 6],
        [0, 0],
      ],
    };
    const u = attachSatellite(t, input);
    expect(u).not.toBe(t);
    expect(Object.isFrozen(u)).toBe(true);
    expect(Object.isFrozen(u.meta)).toBe(true);
    expect(t.meta).toBeUndefined();
    expect(cloneIcio(t)).toEqual(before);
    expect(F).toEqual([
      [1, 2],
      [-3, 4],
    ]);
    const sat = u.meta!.satellite!;
    expect(u.meta!.release).toBe('custom');
    expect(sat.stressors).toEqual([{ name: 'CO2', unit: 'kt', compartment: 'air' }, { name: 'jobs' }]);
    expect(Array.from(sat.F)).toEqual([1, 2, -3, 4]);
    expect(Array.from(sat.FY!)).toEqual([5, 6, 0, 0]);
    expect(u.Z).toBe(t.Z); // the flows are shared, not copied: both are treated as immutable
  });

  it('never freezes what the caller passed (a table built by hand, its metadata)', () => {
    const t = table();
    const countryNames = { A: 'Aland', B: 'Bland' };
    const byHand: Icio = {
      ...t,
      countries: ['A', 'B'],
      sectors: ['s'],
      meta: { release: 'mine', countryNames },
    };
    const u = attachSatellite(byHand, { stressors: [{ name: 'CO2' }], F: [[1, 2]] });
    expect(Object.isFrozen(byHand.countries)).toBe(false);
    expect(Object.isFrozen(countryNames)).toBe(false);
    expect(Object.isFrozen(u.countries)).toBe(true);
    expect(u.meta!.countryNames).toEqual(countryNames);
  });

  it('takes row-major Float64Arrays and copies them', () => {
    const F = Float64Array.of(1, 2);
    const u = attachSatellite(table(), { stressors: [{ name: 'CO2' }], F });
    F[0] = 99;
    expect(Array.from(u.meta!.satellite!.F)).toEqual([1, 2]);
  });

  it('keeps the metadata of a table read from a release and replaces its satellite', () => {
    const t = table();
    const read: Icio = Object.freeze({
      ...t,
      meta: {
        release: 'OECD ICIO',
        year: 2020,
        satellite: { stressors: [{ name: 'old' }], F: new Float64Array(2) },
      },
    });
    const u = attachSatellite(read, { stressors: [{ name: 'new' }], F: [[1, 1]] });
    expect(u.meta!.release).toBe('OECD ICIO');
    expect(u.meta!.year).toBe(2020);
    expect(u.meta!.satellite!.stressors).toEqual([{ name: 'new' }]);
  });

  it('takes FY by final-demand category when the table has categories (meta.finalDemand)', () => {
    const t = table();
    const withCats: Icio = {
      ...t,
      meta: { release: 'x', finalDemand: { categories: ['HFCE', 'GFCF'], Y: new Float64Array(2 * 4) } },
    };
    const u = attachSatellite(withCats, { stressors: [{ name: 'CO2' }], F: [[1, 1]], FY: [[1, 2, 3, 4]] });
    expect(u.meta!.satellite!.FY!.length).toBe(4);
    // summed by country: A gets 1 + 2 = 3, B 3 + 4 = 7 (direct emissions of final demand)
    expect(footprintAccounts(u).map((r) => r.direct)).toEqual([3, 7]);
    const e = errorOf(() =>
      attachSatellite(withCats, { stressors: [{ name: 'CO2' }], F: [[1, 1]], FY: [[1, 2]] }),
    );
    expect(e.issues[0]!.message).toMatch(/expected 4 columns, found 2/);
  });

  it('reports every problem, one per fault, with paths rooted at satellite', () => {
    const e = errorOf(() =>
      attachSatellite(table(), {
        stressors: [{ name: 'CO2' }, { name: 'CO2' }, { name: 'N2O', unit: '' }],
        F: [[1, 2], [Number.NaN, 1], [1]],
      }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(paths(e)).toEqual(['satellite.stressors[2].unit']);
    const e2 = errorOf(() =>
      attachSatellite(table(), {
        stressors: [{ name: 'CO2' }, { name: 'CO2' }, { name: 'N2O' }],
        F: [
          [1, 2],
          [Number.NaN, 1],
          [1, Number.POSITIVE_INFINITY],
        ],
      }),
    );
    expect(paths(e2)).toEqual([
      'satellite.stressors[1].name',
      'satellite.F[CO2][A_s]',
      'satellite.F[N2O][B_s]',
    ]);
    expect(e2.issues[0]!.message).toMatch(
      /expected each stressor once, found "CO2" again \(first at \[0\]\)/,
    );
    const e3 = errorOf(() => attachSatellite(table(), { stressors: [{ name: 'CO2' }], F: [[1, 2, 3]] }));
    expect(e3.issues).toEqual([{ path: 'satellite.F[CO2]', message: 'expected 2 columns, found 3' }]);
    const e4 = errorOf(() => attachSatellite(table(), { stressors: [], F: [], extra: 1 } as never));
    expect(paths(e4).sort()).toEqual(['satellite', 'satellite.stressors']);
  });

  it('allows the same name in two compartments', () => {
    const u = attachSatellite(table(), {
      stressors: [
        { name: 'N', compartment: 'air' },
        { name: 'N', compartment: 'water' },
      ],
      F: [
        [1, 1],
        [2, 2],
      ],
    });
    // options.stressors picks every stressor of a name
    expect(footprintAccounts(u, { stressors: ['N'] }).map((r) => r.compartment)).toEqual([
      'air',
      'air',
      'water',
      'water',
    ]);
  });

  it('rejects a table that is not one', () => {
    expect(errorOf(() => attachSatellite({} as never, { stressors: [{ name: 'a' }], F: [[1]] })).code).toBe(
      'INVALID_INPUT',
    );
  });
});

describe('the footprint functions without satellite accounts', () => {
  it('say what is missing and where', () => {
    for (const f of [stressorMultipliers, footprintAccounts, embodiedInFinalDemand, embodiedInExports]) {
      const e = errorOf(() => f(table()));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.issues[0]!.path).toBe('icio.meta.satellite');
      expect(e.issues[0]!.message).toMatch(/attached with attachSatellite/);
    }
  });

  it('check a satellite built by hand and the stressors asked for', () => {
    const t = table();
    const bad: Icio = {
      ...t,
      meta: { release: 'x', satellite: { stressors: [{ name: 'a' }], F: new Float64Array(3) } },
    };
    expect(paths(errorOf(() => footprintAccounts(bad)))).toEqual(['icio.meta.satellite.F']);
    const nan: Icio = {
      ...t,
      meta: { release: 'x', satellite: { stressors: [{ name: 'a' }], F: Float64Array.of(1, Number.NaN) } },
    };
    expect(paths(errorOf(() => footprintAccounts(nan)))).toEqual(['icio.meta.satellite.F[a][B_s]']);
    const u = attachSatellite(t, { stressors: [{ name: 'a' }], F: [[1, 1]] });
    expect(paths(errorOf(() => footprintAccounts(u, { stressors: ['a', 'b'] })))).toEqual([
      'options.stressors[1]',
    ]);
    expect(paths(errorOf(() => footprintAccounts(u, { level: 'world' } as never)))).toEqual([
      'options.level',
    ]);
    expect(paths(errorOf(() => stressorMultipliers(u, { level: 'sector' } as never)))).toEqual(['options']);
  });

  it('embodiedInExports needs two countries', () => {
    const one = createIcio({ countries: ['A'], sectors: ['s'], Z: [[1]], Y: [[2]] });
    const u = attachSatellite(one, { stressors: [{ name: 'a' }], F: [[1]] });
    expect(paths(errorOf(() => embodiedInExports(u)))).toEqual(['icio.G']);
    expect(footprintAccounts(u)[0]!.production).toBeCloseTo(1, 12);
  });
});

describe('the satellites the readers fill', () => {
  const fixture = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));

  it('EXIOBASE (F, F_Y by category) and Eora26 (Q, QY) give balanced accounts', async () => {
    const tables = [
      await readExiobase(fixture('exiobase/IOT_2011_pxp.zip')),
      await readEora26(fixture('eora26/')),
    ];
    for (const t of tables) {
      const sat = t.meta!.satellite!;
      const k = sat.stressors.length;
      const accounts = footprintAccounts(t);
      expect(accounts.length).toBe(k * t.G);
      for (let s = 0; s < k; s++) {
        const rows = accounts.slice(s * t.G, s * t.G + t.G);
        const n = t.G * t.N;
        const F = sat.F.subarray(s * n, s * n + n).reduce((a, b) => a + b, 0);
        const FY = sat.FY
          ? sat.FY.subarray((s * sat.FY.length) / k, ((s + 1) * sat.FY.length) / k).reduce((a, b) => a + b, 0)
          : 0;
        const sum = (key: 'production' | 'consumption' | 'direct') => rows.reduce((a, r) => a + r[key], 0);
        const scale = 1 + Math.abs(F) + Math.abs(FY);
        // world totals: F + FY, whichever way it is counted (all x > 0 in the fixtures)
        expect(Math.abs(sum('production') - F - FY) / scale).toBeLessThan(1e-9);
        expect(Math.abs(sum('consumption') - F - FY) / scale).toBeLessThan(1e-9);
        expect(Math.abs(sum('direct') - FY) / scale).toBeLessThan(1e-12);
      }
    }
  });
});
