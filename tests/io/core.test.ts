import { describe, expect, it } from 'vitest';
import {
  createIcio,
  domesticInverses,
  GvcError,
  ghoshInverse,
  type Icio,
  leontiefInverse,
  matmul,
  outputMultipliers,
  technicalCoefficients,
  valueAddedCoefficients,
} from '../../src/io/index.js';
import { expectClose, icio3x2, millerBlair, snapshot } from './fixture.js';

describe('Miller & Blair (2009) two-sector example', () => {
  // A = [[.15, .25], [.2, .05]] (M&B section 2.3). Hand calculation: I − A = [[.85, −.25], [−.2, .95]],
  // det = .85·.95 − .25·.2 = .7575, L = [[.95, .25], [.2, .85]] / .7575, printed in M&B as
  // [[1.2541, .3300], [.2640, 1.1221]].
  const det = 0.7575;
  it('technical coefficients', () => {
    expectClose(technicalCoefficients(millerBlair()).data, [0.15, 0.25, 0.2, 0.05], 1e-12);
  });
  it('Leontief inverse to 1e-8 relative (and the printed four decimals)', () => {
    const b = leontiefInverse(millerBlair());
    expectClose(b.data, [0.95 / det, 0.25 / det, 0.2 / det, 0.85 / det]);
    expect(Array.from(b.data, (v) => v.toFixed(4))).toEqual(['1.2541', '0.3300', '0.2640', '1.1221']);
    expect(b.rowLabels).toEqual(['R_s1', 'R_s2']);
  });
  it('Ghosh inverse G = x̂⁻¹Lx̂ with x = (1000, 2000)', () => {
    expectClose(ghoshInverse(millerBlair()).data, [0.95 / det, (0.25 / det) * 2, 0.2 / det / 2, 0.85 / det]);
  });
  it('value-added coefficients v = 1 − column sums of A = (.65, .7)', () => {
    expectClose(
      valueAddedCoefficients(millerBlair()).map((r) => r.v),
      [0.65, 0.7],
      1e-12,
    );
  });
  it('output multipliers: column sums of L, (.95 + .2)/.7575 and (.25 + .85)/.7575 (M&B section 6.2.1: 1.5182, 1.4521)', () => {
    const m = outputMultipliers(millerBlair());
    expectClose(
      m.map((r) => r.output),
      [1.15 / det, 1.1 / det],
    );
    expect(m.map((r) => r.foreign)).toEqual([0, 0]);
  });
});

describe('3-country × 2-sector table against NumPy', () => {
  // tests/io/reference/icio3x2.py printed (B = inv(I − A), Ghosh = inv(I − Z / x[:, None])):
  const B = [
    [
      1.2118720949991415, 0.3374332730512175, 0.12281738931765286, 0.09858681509401683, 0.12062311466474816,
      0.07460016981124054,
    ],
    [
      0.16920699151412433, 1.2839481408977784, 0.09328758604624957, 0.13587790174607803, 0.07610628506177423,
      0.12669074202914327,
    ],
    [
      0.10662661729998307, 0.10360049821039341, 1.3464653581391943, 0.22897307003388087, 0.10044135767525787,
      0.10402271310736762,
    ],
    [
      0.1269875479920334, 0.1725106610132772, 0.19687469713893432, 1.3046047883043073, 0.11885124525858355,
      0.08892032265562672,
    ],
    [
      0.057709419121993004, 0.09761901905757306, 0.046545190158657185, 0.09546322099864135,
      1.3161347654963707, 0.18090991668160217,
    ],
    [
      0.06476192018658083, 0.053622532192760475, 0.05405159694077809, 0.050560129354183005,
      0.1539254305155212, 1.263906601408889,
    ],
  ];
  const Gh = [
    [
      1.2118720949991415, 0.3149377215144697, 0.14246817160847733, 0.11633244181093988, 0.11016911139380334,
      0.06813482176093302,
    ],
    [
      0.18129320519370462, 1.2839481408977784, 0.1159431426574816, 0.17178849006468438, 0.07447543609616478,
      0.12397594041423302,
    ],
    [
      0.0919194976723992, 0.0833567226980177, 1.3464653581391943, 0.23292088158618918, 0.07908313793971454,
      0.08190294077993886,
    ],
    [
      0.10761656609494359, 0.13644911040598195, 0.19353783786539308, 1.3046047883043073, 0.0919922067820675,
      0.06882533448486361,
    ],
    [
      0.06318549538904344, 0.09975666181065862, 0.05911578896063029, 0.12333569428291619, 1.3161347654963707,
      0.18090991668160217,
    ],
    [
      0.07090721188311772, 0.0547967482261786, 0.06864947348682764, 0.0653222109174481, 0.1539254305155212,
      1.263906601408889,
    ],
  ];
  it('Leontief and Ghosh inverses to 1e-8 relative', () => {
    const t = icio3x2();
    expectClose(leontiefInverse(t).data, B.flat());
    expectClose(ghoshInverse(t).data, Gh.flat());
  });
  it('identities: B·y = x and v·B = 1ᵀ (1e-10)', () => {
    const t = icio3x2();
    const n = 6;
    const b = leontiefInverse(t).data;
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = t.Y[i * 3]! + t.Y[i * 3 + 1]! + t.Y[i * 3 + 2]!;
    expectClose(matmul(b, y, n, n, 1), t.x, 1e-10);
    const v = Float64Array.from(valueAddedCoefficients(t), (r) => r.v);
    expectClose(matmul(v, b, 1, n, n), new Array(n).fill(1), 1e-10);
  });
  it('output multipliers are the column sums of B, split by country', () => {
    const m = outputMultipliers(icio3x2());
    expectClose(
      m.map((r) => r.output),
      B[0]!.map((_, j) => B.reduce((s, row) => s + row[j]!, 0)),
    );
    expectClose(
      m.map((r) => r.domestic),
      [0, 1, 2, 3, 4, 5].map((j) => {
        const c = Math.floor(j / 2) * 2;
        return B[c]![j]! + B[c + 1]![j]!;
      }),
    );
    expect(m[0]).toMatchObject({ country: 'A', sector: 's1' });
  });
  it('domestic inverses L_ss = (I − A_ss)⁻¹ per country', () => {
    // Country A: A_AA = [[20/150, 30/140], [15/150, 25/140]]; hand inverse via 2×2 formula
    const a = [20 / 150, 30 / 140, 15 / 150, 25 / 140];
    const det = (1 - a[0]!) * (1 - a[3]!) - a[1]! * a[2]!;
    const d = domesticInverses(icio3x2());
    expect(d.map((r) => r.country)).toEqual(['A', 'B', 'C']);
    expectClose(d[0]!.L.data, [(1 - a[3]!) / det, a[1]! / det, a[2]! / det, (1 - a[0]!) / det]);
    expect(d[1]!.L.rowLabels).toEqual(['B_s1', 'B_s2']);
  });
});

describe('boundary checks and purity', () => {
  it('rejects something that is not an Icio', () => {
    expect(() => leontiefInverse({ countries: ['A'], sectors: ['s'] } as unknown as Icio)).toThrow(GvcError);
    expect(() => technicalCoefficients(null as unknown as Icio)).toThrow(
      /icio: expected an object, found null/,
    );
  });
  it('throws SINGULAR_MATRIX for a closed economy with no value added', () => {
    // Z = x: all output used as inputs, A = [[1]], I − A = 0.
    const t = createIcio({ countries: ['A'], sectors: ['s'], Z: [[10]], Y: [[0]] });
    expect(() => leontiefInverse(t)).toThrow(
      expect.objectContaining({ code: 'SINGULAR_MATRIX' }) as unknown as Error,
    );
  });
  it('gives zero coefficients for a sector with zero output', () => {
    const t = createIcio({
      countries: ['A'],
      sectors: ['s1', 's2'],
      Z: [
        [0, 0],
        [0, 0],
      ],
      Y: [[5], [0]],
    });
    expect(Array.from(technicalCoefficients(t).data)).toEqual([0, 0, 0, 0]);
    expect(valueAddedCoefficients(t).map((r) => r.v)).toEqual([1, 0]);
  });
  it('leaves the table unchanged', () => {
    const t = icio3x2();
    const before = snapshot(t);
    technicalCoefficients(t);
    leontiefInverse(t);
    ghoshInverse(t);
    domesticInverses(t);
    valueAddedCoefficients(t);
    outputMultipliers(t);
    expect(snapshot(t)).toEqual(before);
  });
});
