import { describe, expect, it } from 'vitest';
import { leontiefDecomposition } from '../../../src/io/index.js';
import { expectClose, icio3x2, snapshot } from '../fixture.js';

// tests/io/reference/icio3x2.py printed (VBE = diag(v) @ B @ diag(E)):
//   DVA [71.07123337647187, 70.12781083055386, 40.86758379834551]
//   i2e [18.92876662352812, 15.872189169446152, 11.13241620165449]
//   e2r [15.569247518335079, 17.93303422419788, 12.431090252095803]
const DVA = [71.07123337647187, 70.12781083055386, 40.86758379834551];
const I2E = [18.92876662352812, 15.872189169446152, 11.13241620165449];
const E2R = [15.569247518335079, 17.93303422419788, 12.431090252095803];

describe('leontiefDecomposition (V·B·diag(E))', () => {
  it('matches NumPy at country level to 1e-8', () => {
    const r = leontiefDecomposition(icio3x2());
    expectClose(
      r.map((x) => x.DVA),
      DVA,
    );
    expectClose(
      r.map((x) => x.i2e),
      I2E,
    );
    expectClose(
      r.map((x) => x.e2r),
      E2R,
    );
  });
  it('identities: DVA + i2e = GEXP per exporter; Σ i2e = Σ e2r over the world', () => {
    const r = leontiefDecomposition(icio3x2());
    expectClose(
      r.map((x) => x.DVA + x.i2e),
      r.map((x) => x.GEXP),
      1e-12,
    );
    const sum = (f: 'i2e' | 'e2r') => r.reduce((a, x) => a + x[f], 0);
    expectClose([sum('i2e')], [sum('e2r')], 1e-12);
  });
  it('sector level sums to the country level', () => {
    const t = icio3x2();
    const s = leontiefDecomposition(t, { level: 'sector' });
    expect(s.map((x) => `${x.country}_${x.sector}`)).toEqual([
      'A_s1',
      'A_s2',
      'B_s1',
      'B_s2',
      'C_s1',
      'C_s2',
    ]);
    for (const [k, c] of ['A', 'B', 'C'].entries()) {
      const rows = s.filter((x) => x.country === c);
      expectClose(
        [
          rows.reduce((a, x) => a + x.DVA, 0),
          rows.reduce((a, x) => a + x.i2e, 0),
          rows.reduce((a, x) => a + x.e2r, 0),
        ],
        [DVA[k]!, I2E[k]!, E2R[k]!],
      );
    }
  });
  it('rejects unknown options', () => {
    expect(() => leontiefDecomposition(icio3x2(), { level: 'sector', extra: 1 } as never)).toThrow(
      /invalid Leontief decomposition options/,
    );
  });
  it('leaves the table unchanged', () => {
    const t = icio3x2();
    const before = snapshot(t);
    leontiefDecomposition(t, { level: 'sector' });
    expect(snapshot(t)).toEqual(before);
  });
});
