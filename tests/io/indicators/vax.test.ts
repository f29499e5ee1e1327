import { describe, expect, it } from 'vitest';
import { createIcio, GvcError, type VaxOptions, valueAddedExports } from '../../../src/io/index.js';
import { expectClose, icio3x2, snapshot } from '../fixture.js';

// tests/io/reference/icio3x2.py printed (VAY = diag(v) @ B @ Y; VAX_s = VAY over rows of s, columns d ≠ s):
//   GEXP [90.0, 86.0, 52.0]
//   VAX  [62.826652134035896, 60.48641260355167, 35.32279279117331]
describe('valueAddedExports (Johnson & Noguera 2012)', () => {
  it('country VAX and VAX ratio match NumPy to 1e-8', () => {
    const r = valueAddedExports(icio3x2());
    expect(r.map((x) => x.country)).toEqual(['A', 'B', 'C']);
    expectClose(
      r.map((x) => x.GEXP),
      [90, 86, 52],
    );
    expectClose(
      r.map((x) => x.VAX),
      [62.826652134035896, 60.48641260355167, 35.32279279117331],
    );
    expectClose(
      r.map((x) => x.VAXratio),
      [62.826652134035896 / 90, 60.48641260355167 / 86, 35.32279279117331 / 52],
    );
  });
  it('sector and bilateral levels add up to the country level', () => {
    const t = icio3x2();
    const c = valueAddedExports(t);
    const s = valueAddedExports(t, { level: 'sector' });
    const b = valueAddedExports(t, { level: 'bilateral' });
    expect(s).toHaveLength(6);
    expect(b.map((x) => `${x.country}>${x.partner}`)).toEqual(['A>B', 'A>C', 'B>A', 'B>C', 'C>A', 'C>B']);
    for (const k of ['A', 'B', 'C']) {
      const sum = (rs: typeof s, f: 'VAX' | 'GEXP') =>
        rs.filter((x) => x.country === k).reduce((a, x) => a + x[f], 0);
      const row = c.find((x) => x.country === k)!;
      expectClose(
        [sum(s, 'VAX'), sum(b, 'VAX'), sum(s, 'GEXP'), sum(b, 'GEXP')],
        [row.VAX, row.VAX, row.GEXP, row.GEXP],
        1e-12,
      );
    }
  });
  it('identity: world VAX equals value added absorbed abroad, and VAX + domestic absorption = VA', () => {
    // Σ_s VAX_s + Σ_s (VA of s absorbed at home) = Σ VA = 487 (91+62+94+92+72+76).
    const t = icio3x2();
    const vax = valueAddedExports(t).reduce((a, r) => a + r.VAX, 0);
    expect(vax).toBeLessThan(487);
    expectClose([vax], [62.826652134035896 + 60.48641260355167 + 35.32279279117331]);
  });
  it('a bilateral intermediate chain: A ships 2 to B, which absorbs it (hand calculation: VAX_A = 2)', () => {
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
    expect(valueAddedExports(t)).toEqual([
      { country: 'A', GEXP: 2, VAX: 2, VAXratio: 1 },
      { country: 'B', GEXP: 0, VAX: 0, VAXratio: 0 },
    ]);
  });
  it('rejects invalid options with a path', () => {
    expect(() => valueAddedExports(icio3x2(), { level: 'world' } as unknown as VaxOptions)).toThrow(GvcError);
    expect(() => valueAddedExports(icio3x2(), { level: 'world' } as unknown as VaxOptions)).toThrow(
      /level: expected "country", "sector" or "bilateral", found "world"/,
    );
  });
  it('leaves the table and options unchanged', () => {
    const t = icio3x2();
    const before = snapshot(t);
    const opts = Object.freeze({ level: 'bilateral' as const });
    valueAddedExports(t, opts);
    expect(snapshot(t)).toEqual(before);
  });
});
