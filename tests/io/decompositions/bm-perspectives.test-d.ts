import { expectTypeOf, test } from 'vitest';
import {
  type BmBilateralRecord,
  type BmBilateralSectorRecord,
  type BmCountryRecord,
  type BmPerspective,
  type BmPerspectiveRecord,
  type BmSectorRecord,
  bmPerspectiveDecomposition,
  type Icio,
} from '../../../src/io/index.js';

declare const t: Icio;

test('bmPerspectiveDecomposition: the result type follows the perspective and the level', () => {
  expectTypeOf(bmPerspectiveDecomposition(t)).toEqualTypeOf<BmCountryRecord[]>();
  expectTypeOf(bmPerspectiveDecomposition(t, { approach: 'sink' })).toEqualTypeOf<BmCountryRecord[]>();
  expectTypeOf(bmPerspectiveDecomposition(t, { perspective: 'world' })).toEqualTypeOf<BmCountryRecord[]>();
  expectTypeOf(bmPerspectiveDecomposition(t, { approach: 'sink', level: 'sector' })).toEqualTypeOf<
    BmSectorRecord[]
  >();
  expectTypeOf(bmPerspectiveDecomposition(t, { perspective: 'sector' })).toEqualTypeOf<BmSectorRecord[]>();
  expectTypeOf(bmPerspectiveDecomposition(t, { perspective: 'world', level: 'sector' })).toEqualTypeOf<
    BmSectorRecord[]
  >();
  expectTypeOf(bmPerspectiveDecomposition(t, { perspective: 'bilateral' })).toEqualTypeOf<
    BmBilateralRecord[]
  >();
  expectTypeOf(bmPerspectiveDecomposition(t, { perspective: 'bilateral', level: 'sector' })).toEqualTypeOf<
    BmBilateralSectorRecord[]
  >();
  expectTypeOf(bmPerspectiveDecomposition(t, { perspective: 'bilateral-sector' })).toEqualTypeOf<
    BmBilateralSectorRecord[]
  >();
  // plain strings from a command line: the union
  const perspective = 'world' as BmPerspective;
  expectTypeOf(bmPerspectiveDecomposition(t, { perspective })).toEqualTypeOf<BmPerspectiveRecord[]>();
});
