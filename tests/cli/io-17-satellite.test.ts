/**
 * `gvckit io` with the indicators of issue #17 beyond one CSV table: footprints of a table read with
 * its satellite accounts, folders of years, tidy records and Arrow output.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import {
  embodiedInExports,
  embodiedInFinalDemand,
  footprintAccounts,
  readExiobase,
} from '../../src/io/index.js';
import { HAND_CSV } from './hand-table.js';
import { expectRecords, type Row, readCsv, readTable, root, run, STACK } from './helpers.js';
import { bm, FOUR_DECIMALS, FULL, files, myRows, partner, tivaRows, world } from './io-17-expected.js';

describe('gvckit io: footprints from a table with satellite accounts', () => {
  // The EXIOBASE 3 fixture (tests/fixtures/exiobase/README.md): two regions, satellite rows with
  // units. The numbers are those footprintAccounts, embodiedInFinalDemand and embodiedInExports
  // return on the same table (checked by hand and against numpy in tests/io/satellite).
  const zip = join(root, 'tests/fixtures/exiobase/IOT_2011_pxp.zip');
  const functions = {
    footprints: footprintAccounts,
    'embodied-final-demand': embodiedInFinalDemand,
    'embodied-exports': embodiedInExports,
  } as const;

  it.each([
    ...Object.keys(functions).flatMap((name) =>
      [undefined, 'country', 'sector'].map((level) => [name as keyof typeof functions, level] as const),
    ),
    ['embodied-exports', 'bilateral'] as const,
  ])(
    '--indicator %s --level %s: json as the API returns, csv and table the same records',
    async (name, level) => {
      const icio = await readExiobase(zip);
      const stressor = icio.meta!.satellite!.stressors[0]!.name;
      const want = (functions[name] as (i: typeof icio, o: object) => object[])(icio, {
        stressors: [stressor],
        ...(level === undefined ? {} : { level }),
      }) as unknown as Row[];
      expect(want.length).toBeGreaterThan(0);
      const argv = ['io', zip, '--release', 'exiobase', '--indicator', name, '--stressors', stressor];
      if (level !== undefined) argv.push('--level', level);
      const json = await run([...argv, '--format', 'json']);
      expect(json.err).toBe('');
      expect(JSON.parse(json.out)).toEqual(JSON.parse(JSON.stringify(want)));
      const table = await run(argv);
      expect(table.code).toBe(0);
      // The table cuts long stressor names and prints '' as an empty cell: compare the places and numbers.
      const places = want.map((w) =>
        Object.fromEntries(
          Object.entries(w).filter(
            ([k, v]) => typeof v === 'number' || ['country', 'sector', 'partner'].includes(k),
          ),
        ),
      );
      expectRecords(readTable(table.out).rows, places, FOUR_DECIMALS);
    },
  );

  it('--stressors takes a quoted name holding commas; production − consumption = exports − imports', async () => {
    const icio = await readExiobase(zip);
    const names = [...new Set(icio.meta!.satellite!.stressors.map((s) => s.name))];
    const comma = names.find((n) => n.includes(','));
    expect(comma).toBeDefined();
    const r = await run([
      'io',
      zip,
      '--release',
      'exiobase',
      '--indicator',
      'footprints',
      '--stressors',
      `"${comma!.replaceAll('"', '""')}",${names[0]}`,
      '--format',
      'json',
    ]);
    expect(r.err).toBe('');
    const rows = JSON.parse(r.out) as Array<Record<string, number | string>>;
    expect(new Set(rows.map((x) => x.stressor))).toEqual(new Set([comma, names[0]]));
    for (const x of rows) {
      const lhs = (x.production as number) - (x.consumption as number);
      expect(lhs).toBeCloseTo((x.exports as number) - (x.imports as number), 9);
    }
  });

  it('--level bilateral: embodied-exports takes it (records with partner), the other satellite indicators refuse it', async () => {
    const stressor = (await readExiobase(zip)).meta!.satellite!.stressors[0]!.name;
    const argv = ['io', zip, '--release', 'exiobase', '--stressors', stressor, '--level', 'bilateral'];
    const ok = await run([...argv, '--indicator', 'embodied-exports', '--format', 'json']);
    expect(ok.err).toBe('');
    const rows = JSON.parse(ok.out) as Array<Record<string, unknown>>;
    expect(rows.length).toBeGreaterThan(0);
    for (const x of rows) expect(x.partner).not.toBe(x.country);
    const no = await run([...argv, '--indicator', 'footprints']);
    expect(no.code).toBe(2);
    expect(no.err).toContain('--level');
  });

  it('a table without satellite accounts: exit 1 with one clear message, no stack trace', async () => {
    for (const name of Object.keys(functions)) {
      const r = await run(['io', 'hand.csv', '--indicator', name], files);
      expect(r.code).toBe(1);
      expect(r.err).toBe(
        `gvckit io: --indicator ${name} needs satellite accounts: table: expected stressor rows (employment, emissions…) with the table, as --release exiobase or eora26 read them, found none\n`,
      );
    }
  });

  it('an unknown stressor: exit 1 with the library message; a malformed list: exit 2', async () => {
    const r = await run([
      'io',
      zip,
      '--release',
      'exiobase',
      '--indicator',
      'footprints',
      '--stressors',
      'Unobtainium',
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Unobtainium');
    expect(r.err).not.toMatch(STACK);
    const bad = await run([
      'io',
      zip,
      '--release',
      'exiobase',
      '--indicator',
      'footprints',
      '--stressors',
      '"CO2',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(
      '--stressors: expected names separated by commas (in double quotes when they hold one)',
    );
  });
});

describe('gvckit io <folder> with the indicators of #17', () => {
  // Two years of the hand table, 2020 with every flow doubled: coefficients stay, exports double.
  const dir = mkdtempSync(join(tmpdir(), 'gvckit-cli-17-'));
  const folder = join(dir, 'ICIO');
  mkdirSync(folder);
  writeFileSync(join(folder, 'ICIO_2019.csv'), HAND_CSV);
  writeFileSync(
    join(folder, 'ICIO_2020.csv'),
    HAND_CSV.replace(/\d+(?=[,\n])/g, (m) => String(2 * Number(m))),
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('tiva --codes and bm --perspective by year, on the calling thread and through the panel', async () => {
    const t = await run([
      'io',
      folder,
      '--indicator',
      'tiva',
      '--codes',
      'EXGR_DVA',
      '--level',
      'bilateral',
      '--format',
      'csv',
      '--workers',
      '0',
    ]);
    expect(t.err).toBe('');
    expectRecords(
      readCsv(t.out).rows,
      [
        { year: 2019, indicator: 'EXGR_DVA', country: 'A', partner: 'B', value: 165 / 8.5 },
        { year: 2019, indicator: 'EXGR_DVA', country: 'B', partner: 'A', value: 320 / 8.5 },
        { year: 2020, indicator: 'EXGR_DVA', country: 'A', partner: 'B', value: 330 / 8.5 },
        { year: 2020, indicator: 'EXGR_DVA', country: 'B', partner: 'A', value: 640 / 8.5 },
      ],
      FULL,
    );
    const b = await run([
      'io',
      folder,
      '--indicator',
      'bm',
      '--perspective',
      'world',
      '--format',
      'csv',
      '--workers',
      '0',
    ]);
    expect(b.err).toBe('');
    expectRecords(
      readCsv(b.out).rows,
      [2019, 2020].flatMap((year) =>
        world.map((r) => ({
          year,
          country: r.country as string,
          FVA: 0,
          DVA: (r.DVA as number) * (year - 2018),
        })),
      ),
      FULL,
    );
  });

  it('my --perimeter and a footprint refusal by year', async () => {
    const m = await run([
      'io',
      folder,
      '--indicator',
      'my',
      '--perimeter',
      'world',
      '--tidy',
      '--format',
      'csv',
      '--workers',
      '0',
    ]);
    expect(m.err).toBe('');
    const fva = readCsv(m.out).rows.filter((r) => r.term === 'FVA');
    expect(fva.map((r) => [r.year, r.country, r.value])).toEqual([
      [2019, 'A', 0],
      [2019, 'B', 0],
      [2020, 'A', 0],
      [2020, 'B', 0],
    ]);
    const f = await run(['io', folder, '--indicator', 'footprints', '--workers', '0']);
    expect(f.code).toBe(1);
    expect(f.err).toContain('needs satellite accounts');
    expect(f.err).not.toMatch(STACK);
  });
});

describe('gvckit io --tidy with the records of #17', () => {
  it('a TiVA record is one tidy row whose term is its code; unit stays a column', async () => {
    const r = await run(
      ['io', 'hand.csv', '--indicator', 'tiva', '--codes', 'EXGR,EXGR_DVA', '--tidy', '--format', 'csv'],
      files,
    );
    expect(r.err).toBe('');
    const { columns, rows } = readCsv(r.out);
    expect(columns).toEqual(['country', 'unit', 'term', 'value']);
    expectRecords(
      rows,
      [
        { country: 'A', unit: 'value', term: 'EXGR', value: 30 },
        { country: 'B', unit: 'value', term: 'EXGR', value: 40 },
        { country: 'A', unit: 'value', term: 'EXGR_DVA', value: 165 / 8.5 },
        { country: 'B', unit: 'value', term: 'EXGR_DVA', value: 320 / 8.5 },
      ],
      FULL,
    );
  });

  it('bilateral-sector records keep country, partner and sector', async () => {
    const r = await run(
      [
        'io',
        'hand.csv',
        '--indicator',
        'bm',
        '--perspective',
        'bilateral-sector',
        '--tidy',
        '--format',
        'json',
      ],
      files,
    );
    const rows = JSON.parse(r.out) as Row[];
    expect(rows[0]).toEqual({ country: 'A', partner: 'B', sector: 's', term: 'GEXP', value: 30 });
    expect(rows.find((x) => x.country === 'A' && x.term === 'DVA')?.value).toBeCloseTo(18.75, 12);
  });
});

describe('gvckit io --format arrow with the records of #17', () => {
  it('writes TiVA, bilateral Borin–Mancini and Miroudot–Ye records read back by apache-arrow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gvckit-cli-17-arrow-'));
    try {
      const cases: Array<[string[], string[], Row[]]> = [
        [
          ['--indicator', 'tiva', '--codes', 'EXGR,EXGR_DVA', '--tidy'],
          ['country', 'unit', 'term', 'value'],
          tivaRows(() => ({}))
            .slice(0, 4)
            .map((x): Row => ({ country: x.country!, unit: x.unit!, term: x.indicator!, value: x.value! })),
        ],
        [
          ['--indicator', 'bm', '--perspective', 'bilateral'],
          ['country', 'partner', 'GEXP'],
          bm.map((r) => ({ ...r, partner: partner(r) })),
        ],
        [
          ['--indicator', 'my', '--perimeter', 'world'],
          ['country', 'GEXP'],
          myRows.map((r) => ({ ...r, FVA: 0 })),
        ],
      ];
      for (const [k, [flags, leading, rows]] of cases.entries()) {
        const out = join(dir, `${k}.arrow`);
        const r = await run(['io', 'hand.csv', ...flags, '--format', 'arrow', '--out', out], files);
        expect(r.err).toBe('');
        const table = tableFromIPC(new Uint8Array(readFileSync(out)));
        expect(table.schema.fields.map((f) => f.name).slice(0, leading.length)).toEqual(leading);
        expectRecords(
          table.toArray().map((x) => ({ ...x.toJSON() }) as Row),
          rows,
          FULL,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
