import { describe, expect, it } from 'vitest';
import { GvcError } from '../../src/core/errors.js';
import {
  aggregateIcio,
  bmDecomposition,
  CONDITION_LIMIT,
  CONDITION_WARNING,
  createIcio,
  createIcioFromRecords,
  domesticInverses,
  downstreamness,
  gvcParticipation,
  type Icio,
  kwwDecomposition,
  leontiefDecomposition,
  leontiefInverse,
  luFactor,
  luSolve,
  MAX_ICIO_ORDER,
  matmul,
  outputMultipliers,
  rasmussenLinkages,
  readIcioCsv,
  technicalCoefficients,
  upstreamness,
  valueAddedExports,
  wwzDecomposition,
} from '../../src/io/index.js';
import type { SimdKernel } from '../../src/io/kernels/simd.js';
import { withSimdMemory } from '../../src/io/kernels/simd.js';
import { isDeepFrozen } from '../helpers.js';
import { HAND_TABLE } from './decompositions/helpers.js';

function caught(fn: () => unknown): GvcError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GvcError);
    return e as GvcError;
  }
  throw new Error('expected a GvcError');
}
const lines = (e: GvcError) => e.issues.map((i) => `${i.path}: ${i.message}`);

/** The hand-worked table of the decomposition tests, as an Icio. */
const two = () => createIcio(HAND_TABLE);

/**
 * One country, two sectors with I − A = [[1, −(1 − δ)], [−1, 1]]: det = δ, ‖I − A‖₁ = 2,
 * (I − A)⁻¹ = (1/δ)[[1, 1 − δ], [1, 1]], ‖(I − A)⁻¹‖₁ = 2/δ, so κ₁ = 4/δ (hand calculation).
 * Outputs 100: Z_01 = 100(1 − δ), Z_10 = 100, Y_0 = 100δ, Y_1 = 0.
 */
const nearSingular = (delta: number) =>
  createIcio({
    countries: ['A'],
    sectors: ['s1', 's2'],
    Z: [
      [0, 100 * (1 - delta)],
      [100, 0],
    ],
    Y: [[100 * delta], [0]],
    x: [100, 100],
  });

describe('gvcParticipation position (Koopman et al. 2010)', () => {
  it('is null with a reason where gross exports are negative', () => {
    // A's only export is a negative final sale to B (a run-down of inventories): E_A = −2.
    const t = createIcio({
      countries: ['A', 'B'],
      sectors: ['s'],
      Z: [
        [0, 0],
        [0, 0],
      ],
      Y: [
        [12, -2],
        [0, 10],
      ],
    });
    const [a] = gvcParticipation(t);
    expect(a!.GEXP).toBe(-2);
    expect(a!.position).toBeNull();
    expect(a!.positionReason).toBe('gross exports are negative (-2): shares of exports are not defined');
  });
  it('is a number where exports are positive: ln(1 + 0) − ln(1 + 0) = 0 for A exporting its own value added', () => {
    const t = createIcio({
      countries: ['A', 'B'],
      sectors: ['s'],
      Z: [
        [0, 2],
        [0, 0],
      ],
      Y: [
        [8, 0],
        [0, 10],
      ],
    });
    const [a] = gvcParticipation(t);
    expect(a!.position).toBe(0);
    expect(a!.positionReason).toBeUndefined();
  });
});

describe('overflow and subnormal flows', () => {
  it('refuses flows whose sums overflow, naming the rows and columns', () => {
    const e = caught(() =>
      createIcio({
        countries: ['A'],
        sectors: ['s'],
        Z: [[1e308]],
        Y: [[1e308]],
      }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(lines(e)).toContain(
      'input.Z[A_s]: expected intermediate and final sales whose sum is a finite number, found a sum that overflows',
    );
  });
  it('gives the same coefficients for subnormal flows as for the same table at a normal scale', () => {
    // Z = [[1, 2], [3, 4]]·s, Y = [[5, 6], [7, 8]]·s; x = (14, 22)·s, A = [[1/14, 2/22], [3/14, 4/22]].
    const scaled = (s: number) =>
      createIcio({
        countries: ['A', 'B'],
        sectors: ['s'],
        Z: [
          [1 * s, 2 * s],
          [3 * s, 4 * s],
        ],
        Y: [
          [5 * s, 6 * s],
          [7 * s, 8 * s],
        ],
      });
    const tiny = technicalCoefficients(scaled(5e-324)).data;
    for (const v of tiny) expect(Number.isFinite(v)).toBe(true);
    // At 5e-324 each flow is a multiple of the smallest subnormal: x = (14, 22) units, exactly.
    expect(Array.from(tiny)).toEqual([1 / 14, 2 / 22, 3 / 14, 4 / 22]);
    for (const v of leontiefInverse(scaled(5e-324)).data) expect(Number.isFinite(v)).toBe(true);
  });
});

describe('size limits', () => {
  it('states the limit and refuses a larger table before allocating it', () => {
    expect(MAX_ICIO_ORDER).toBe(16_000);
    const countries = Array.from({ length: 200 }, (_, i) => `C${i}`);
    const sectors = Array.from({ length: 81 }, (_, i) => `s${i}`);
    const e = caught(() => createIcio({ countries, sectors, Z: [], Y: [] }));
    expect(lines(e)).toEqual([
      'input: expected at most 16000 country–sector pairs (each n×n matrix takes 8·n² bytes, 2.05 GB at the limit), found 200 countries × 81 sectors = 16200',
    ]);
    const r = caught(() => createIcioFromRecords({ countries, sectors, Z: {}, Y: {} }));
    expect(r.issues[0]!.path).toBe('input');
  });
  it('refuses a CSV header of 100,000 columns before allocating 10¹⁰ entries', () => {
    const header = `,${Array.from({ length: 100_000 }, (_, i) => `A_s${i}`).join(',')}`;
    const e = caught(() => readIcioCsv(`${header}\nA_s0,1\n`));
    expect(lines(e)[0]).toMatch(/^text:1: expected at most 16000 country–sector pairs/);
  });
  it('refuses a CSV whose rows are too few for its header before allocating', () => {
    const header = `,${Array.from({ length: 5_000 }, (_, i) => `A_s${i}`).join(',')}`;
    expect(lines(caught(() => readIcioCsv(`${header}\nA_s0,1\n`)))).toEqual([
      'text: expected 5000 country–sector rows after the header, found 1 lines',
    ]);
  });
  it('checks kernel dimensions and arguments, with paths named after the parameters', () => {
    expect(lines(caught(() => luFactor(new Float64Array(0), 16_001)))).toEqual([
      'n: expected a whole number from 0 to 16000, found 16001',
    ]);
    expect(lines(caught(() => luFactor([1] as never, 1)))).toEqual([
      'a: expected a Float64Array of 1×1 = 1 entries, found an array of 1',
    ]);
    expect(lines(caught(() => matmul(new Float64Array(0), new Float64Array(0), 1e6, 0, 1e6)))).toEqual([
      'n: expected a product of at most 256000000 entries (m·n), found 1000000×1000000 = 1000000000000',
    ]);
    const f = luFactor(Float64Array.of(2, 0, 0, 4), 2);
    expect(lines(caught(() => luSolve({ ...f, perm: Int32Array.of(0, 0) }, Float64Array.of(1, 1))))).toEqual([
      'f.perm[1]: expected a permutation of 0…1, found 0',
    ]);
  });
  it('turns a refused WebAssembly.Memory.grow into GvcError UNSUPPORTED', () => {
    const fake = {
      memory: {
        buffer: new ArrayBuffer(0),
        grow: () => {
          throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
        },
      },
    } as unknown as SimdKernel;
    const e = caught(() => withSimdMemory(fake, [16_500 * 16_500, 16_500 * 16_500], () => 0));
    expect(e.code).toBe('UNSUPPORTED');
    expect(e.message).toMatch(/expected 4\.36 GB of WebAssembly memory, found that it cannot grow/);
  });
});

describe('labels', () => {
  it('rejects "_" in country codes, which would merge A + B_x with A_B + x', () => {
    const e = caught(() =>
      createIcioFromRecords({
        countries: ['A', 'A_B'],
        sectors: ['B_x', 'x'],
        Z: {},
        Y: { A_B_x: { A: 1 } },
      }),
    );
    expect(lines(e)).toEqual([
      'input.countries[1]: expected a country label without "_" (the separator of COUNTRY_SECTOR labels), found "A_B"',
    ]);
  });
  it('rejects duplicate country and sector labels with their paths', () => {
    const e = caught(() =>
      createIcioFromRecords({ countries: ['A', 'A'], sectors: ['s', 't', 's'], Z: {}, Y: {} }),
    );
    expect(lines(e)).toEqual([
      'input.countries[1]: expected unique country labels, found "A" again (first at [0])',
      'input.sectors[2]: expected unique sector labels, found "s" again (first at [0])',
    ]);
  });
  it('treats built-in names as data and reports a __proto__ key instead of dropping it', () => {
    const t = createIcioFromRecords({
      countries: ['constructor', 'toString'],
      sectors: ['__proto__'],
      Z: { constructor___proto__: { toString___proto__: 2 } },
      Y: { constructor___proto__: { constructor: 5 }, toString___proto__: { toString: 3 } },
    });
    expect(Array.from(t.x)).toEqual([7, 3]);
    const records = JSON.parse(
      '{"countries":["A"],"sectors":["s"],"Z":{"__proto__":{"A_s":1}},"Y":{"A_s":{"A":1}}}',
    );
    expect(lines(caught(() => createIcioFromRecords(records)))).toEqual([
      'input.Z["__proto__"]: expected a label of the table, found "__proto__"',
    ]);
  });
});

describe('condition of the Leontief matrix (Hager 1984; Higham 1988)', () => {
  it('reports κ₁ = 4/δ on the inverse, and a warning between the thresholds', () => {
    expect([CONDITION_WARNING, CONDITION_LIMIT]).toEqual([1e8, 1e12]);
    const ok = leontiefInverse(nearSingular(0.5));
    expect(ok.condition).toBeCloseTo(8, 10); // 4 / 0.5
    expect(ok.warnings).toBeUndefined();
    const b = leontiefInverse(nearSingular(1e-9));
    expect(b.condition! / 4e9).toBeCloseTo(1, 5);
    expect(b.warnings).toHaveLength(1);
    expect(b.warnings![0]!.path).toBe('icio');
    expect(b.warnings![0]!.message).toMatch(
      /^expected a condition number κ₁\(I − A\) of at most 1e8, found 4\.00e9/,
    );
  });
  it('estimates the same condition from the LU factors and warns on solve-based results', () => {
    const t = nearSingular(1e-9);
    const m = outputMultipliers(t) as ReturnType<typeof outputMultipliers> & { warnings?: unknown[] };
    expect(m.warnings).toHaveLength(1);
    expect((upstreamness(t) as { warnings?: unknown[] }).warnings).toHaveLength(1);
  });
  it('refuses above the limit with SINGULAR_MATRIX naming the sectors most involved', () => {
    const t = nearSingular(1e-13);
    for (const fn of [() => leontiefInverse(t), () => downstreamness(t), () => rasmussenLinkages(t)]) {
      const e = caught(fn);
      expect(e.code).toBe('SINGULAR_MATRIX');
      expect(e.issues[0]!.message).toMatch(/of at most 1e12, found 4\.0\de13; most involved: .*A_s[12]/);
    }
  });
});

describe('negative value added', () => {
  it('is accepted with a warning per country–sector', () => {
    // Column s1: inputs 6 + 6 = 12 for an output of 10: va = −2, coefficients sum to 1.2.
    const t = createIcio({
      countries: ['A'],
      sectors: ['s1', 's2'],
      Z: [
        [6, 1],
        [6, 1],
      ],
      Y: [[3], [13]],
    });
    expect(Array.from(t.va)).toEqual([-2, 18]);
    expect(t.warnings).toEqual([
      {
        path: 'va[A_s1]',
        message:
          'expected value added >= 0 (input coefficients summing to at most 1), found -2 (input coefficients summing to 1.20000)',
      },
    ]);
    expect(createIcio({ countries: ['A'], sectors: ['s'], Z: [[1]], Y: [[1]] }).warnings).toBeUndefined();
  });
});

describe('options and tables through the one boundary', () => {
  it('roots paths at the argument names and previews bad values without serialising them', () => {
    const e = caught(() => valueAddedExports(two(), { level: 10n } as never));
    expect(lines(e)).toEqual(['options.level: expected "country", "sector" or "bilateral", found 10n']);
    const big = caught(() => leontiefDecomposition(two(), { level: 'x'.repeat(1 << 20) } as never));
    expect(e.message.length + big.message.length).toBeLessThan(400);
    expect(
      lines(caught(() => kwwDecomposition({ ...two(), x: new Float64Array(2).fill(Number.NaN) } as Icio))),
    ).toEqual([
      'icio.x[A_s]: expected a finite number >= 0, found NaN',
      'icio.x[B_s]: expected a finite number >= 0, found NaN',
    ]);
  });
  it('accepts null options as no options', () => {
    expect(bmDecomposition(two(), null as never)).toHaveLength(2);
  });
});

describe('frozen results', () => {
  it('freezes every result deeply and returns typed arrays that are fresh', () => {
    const t = two();
    expect(isDeepFrozen(t, { exceptTypedArrays: true })).toBe(true);
    const results: unknown[] = [
      technicalCoefficients(t),
      leontiefInverse(t),
      domesticInverses(t),
      outputMultipliers(t),
      gvcParticipation(t, { level: 'sector' }),
      valueAddedExports(t, { level: 'bilateral' }),
      kwwDecomposition(t),
      wwzDecomposition(t),
      bmDecomposition(t, { level: 'sector' }),
      rasmussenLinkages(t),
      aggregateIcio(t, { countries: { W: ['A', 'B'] } }),
    ];
    for (const r of results) expect(isDeepFrozen(r, { exceptTypedArrays: true })).toBe(true);
    const a = leontiefInverse(t).data;
    a[0] = 99;
    expect(leontiefInverse(t).data[0]).not.toBe(99);
  });
});

describe('a table whose fields cannot be read', () => {
  it('is one INVALID_INPUT problem at the argument, never a raw error', () => {
    const trap = new Proxy(
      {},
      {
        get() {
          throw new TypeError('trap');
        },
      },
    );
    try {
      leontiefInverse(trap as Icio);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GvcError);
      expect((e as GvcError).code).toBe('INVALID_INPUT');
      expect((e as GvcError).issues).toEqual([
        { path: 'icio', message: 'expected plain data, found a value that could not be read' },
      ]);
    }
  });
});
