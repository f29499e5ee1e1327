import { describe, expect, it } from 'vitest';
import { GvcError } from '../../src/core/errors.js';
import {
  backwardDepth,
  forwardDepth,
  horizontalLinkage,
  linkageBreadth,
} from '../../src/linkages/metrics.js';
import { deepFreeze, thrown } from '../helpers.js';

// A mining sector's inputs (values in USD m). Hand calculation:
//   domestic = 0 + 10 + 15 + 5 = 30; imported = 30 + 0 + 35 + 5 = 70; total = 100 → backward depth 0.30
//   (rows: fuel 0/30, catering 10/10, explosives 15/50, explosives again by a second supplier 5/10).
//   By category after adding rows: fuel 0/30 = 0, catering 10/10 = 1, explosives 20/60 = 1/3.
const mining = {
  sector: 'gold mining',
  inputs: [
    { category: 'fuel', domesticValue: 0, importedValue: 30 },
    { category: 'catering', domesticValue: 10, importedValue: 0 },
    { category: 'explosives', domesticValue: 15, importedValue: 35 },
    { category: 'explosives', domesticValue: 5, importedValue: 5 },
  ],
};

describe('backwardDepth (Hirschman 1981; Morris, Kaplinsky & Kaplan 2012)', () => {
  it('is the domestic share of input value (hand calculation 30 / 100)', () => {
    const r = backwardDepth(mining);
    expect(r.part).toBe(30);
    expect(r.total).toBe(100);
    expect(r.share).toBeCloseTo(0.3, 15);
  });

  it('is 0 with all inputs imported and 1 with all domestic', () => {
    expect(backwardDepth({ inputs: [{ category: 'a', domesticValue: 0, importedValue: 4 }] }).share).toBe(0);
    expect(backwardDepth({ inputs: [{ category: 'a', domesticValue: 4, importedValue: 0 }] }).share).toBe(1);
  });

  it('refuses inputs that total zero with INSUFFICIENT_DATA', () => {
    const e = thrown(() => backwardDepth({ inputs: [] }));
    expect(e).toBeInstanceOf(GvcError);
    expect((e as GvcError).code).toBe('INSUFFICIENT_DATA');
    expect((e as GvcError).message).toBe(
      'cannot compute backward depth: sector.inputs: expected a positive total value, found 0',
    );
  });

  it('reports every invalid field with its path', () => {
    const e = thrown(() =>
      backwardDepth({
        inputs: [
          { category: '', domesticValue: 1, importedValue: 1 },
          { category: 'b', domesticValue: -2, importedValue: Number.NaN },
        ],
      }),
    ) as GvcError;
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path)).toEqual([
      'sector.inputs[0].category',
      'sector.inputs[1].domesticValue',
      'sector.inputs[1].importedValue',
    ]);
    expect(e.issues[1]?.message).toBe('expected a finite number >= 0, found -2');
  });

  it('rejects unknown keys', () => {
    const e = thrown(() =>
      backwardDepth({ inputs: [{ category: 'a', domesticValue: 1, importedValue: 0, local: 1 } as never] }),
    ) as GvcError;
    expect(e.issues[0]?.path).toBe('sector.inputs[0]');
  });

  it('does not mutate its input', () => {
    const input = deepFreeze(structuredClone(mining));
    backwardDepth(input);
    expect(input).toEqual(mining);
  });
});

describe('forwardDepth', () => {
  // Hand calculation: processed 30 + 10 = 40 of 40 + 60 + 100 = 200 → 0.2
  const cocoa = {
    outputs: [
      { product: 'beans', processedDomestically: 30, exportedUnprocessed: 60 },
      { product: 'cocoa butter', processedDomestically: 10, exportedUnprocessed: 100 },
    ],
  };
  it('is the share of output processed domestically (hand calculation 40 / 200)', () => {
    expect(forwardDepth(cocoa)).toEqual({ share: 0.2, part: 40, total: 200 });
  });
  it('refuses zero output', () => {
    const e = thrown(() => forwardDepth({ outputs: [{ processedDomestically: 0, exportedUnprocessed: 0 }] }));
    expect((e as GvcError).code).toBe('INSUFFICIENT_DATA');
  });
  it('names the invalid field', () => {
    const e = thrown(() => forwardDepth({ outputs: [{ processedDomestically: 1 } as never] })) as GvcError;
    expect(e.issues).toEqual([
      {
        path: 'sector.outputs[0].exportedUnprocessed',
        message: 'expected a finite number >= 0, found nothing',
      },
    ]);
  });
  it('does not mutate its input', () => {
    const input = deepFreeze(structuredClone(cocoa));
    forwardDepth(input);
    expect(input).toEqual(cocoa);
  });
});

describe('horizontalLinkage (Morris, Kaplinsky & Kaplan 2012)', () => {
  // Hand calculation: other sectors 20 + 5 + 0 = 25 of 80 + 20 + 0 = 100 → 0.25
  const suppliers = {
    suppliers: [
      { supplier: 'pumps', salesToResourceSector: 60, salesToOtherSectors: 20 },
      { supplier: 'engineering', salesToResourceSector: 15, salesToOtherSectors: 5 },
      { supplier: 'idle', salesToResourceSector: 0, salesToOtherSectors: 0 },
    ],
  };
  it('is the share of supplier sales to other sectors (hand calculation 25 / 100)', () => {
    expect(horizontalLinkage(suppliers)).toEqual({ share: 0.25, part: 25, total: 100 });
  });
  it('refuses zero sales', () => {
    expect((thrown(() => horizontalLinkage({ suppliers: [] })) as GvcError).code).toBe('INSUFFICIENT_DATA');
  });
  it('does not mutate its input', () => {
    const input = deepFreeze(structuredClone(suppliers));
    horizontalLinkage(input);
    expect(input).toEqual(suppliers);
  });
});

describe('linkageBreadth', () => {
  it('counts categories with any domestic value by default (catering and explosives, of 3)', () => {
    const r = linkageBreadth(mining);
    expect(r).toEqual({
      breadth: 2,
      categories: ['catering', 'explosives'],
      totalCategories: 3,
      share: 2 / 3,
    });
  });

  it('applies minDomesticShare at and around the boundary (explosives 20 / 60 = 1/3)', () => {
    const share = 20 / 60;
    expect(linkageBreadth(mining, { minDomesticShare: share }).categories).toEqual([
      'catering',
      'explosives',
    ]);
    expect(linkageBreadth(mining, { minDomesticShare: share + 1e-9 }).categories).toEqual(['catering']);
    expect(linkageBreadth(mining, { minDomesticShare: 1 }).categories).toEqual(['catering']);
  });

  it('never counts a category with no domestic value, even with a zero threshold', () => {
    const r = linkageBreadth({ inputs: [{ category: 'fuel', domesticValue: 0, importedValue: 0 }] });
    expect(r).toEqual({ breadth: 0, categories: [], totalCategories: 1, share: 0 });
  });

  it('is zero, with share 0, for a sector without inputs', () => {
    expect(linkageBreadth({ inputs: [] })).toEqual({
      breadth: 0,
      categories: [],
      totalCategories: 0,
      share: 0,
    });
  });

  it('reports invalid data and options together', () => {
    const e = thrown(() =>
      linkageBreadth(
        { inputs: [{ category: 'a', domesticValue: 1, importedValue: -1 }] },
        { minDomesticShare: 1.5 },
      ),
    ) as GvcError;
    expect(e.issues).toEqual([
      { path: 'sector.inputs[0].importedValue', message: 'expected a finite number >= 0, found -1' },
      { path: 'options.minDomesticShare', message: 'expected a number <= 1, found 1.5' },
    ]);
  });

  it('does not mutate its input', () => {
    const input = deepFreeze(structuredClone(mining));
    const options = deepFreeze({ minDomesticShare: 0.5 });
    linkageBreadth(input, options);
    expect(input).toEqual(mining);
    expect(options).toEqual({ minDomesticShare: 0.5 });
  });
});
