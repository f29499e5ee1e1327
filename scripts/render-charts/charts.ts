/**
 * The charts shown in the guides, each built from an embedded dataset with the library's public
 * functions. `name` is the file name (without `.svg`) under docs/guides/media.
 */
import { decomposeValueAdded } from '../../src/chains/decompose.js';
import { cocoa, iphone3g } from '../../src/data/index.js';
import { addStage, type VegaLiteSpec, valueAddedChart } from '../../src/index.js';

/** A chart of a guide: its file name and how to build its spec. */
export interface GuideChart {
  name: string;
  spec: () => VegaLiteSpec;
}

/**
 * The iPhone 3G with one illustrative nested supplier: a Korean panel-glass maker selling USD 8.00 of
 * glass per phone to Toshiba (hypothetical, to show how a full decomposition differs from a first round).
 */
export function iphoneWithNestedSupplier() {
  return addStage(
    iphone3g,
    {
      id: 'panel-glass',
      name: 'Display panel glass (illustrative)',
      function: 'component-manufacture',
      country: 'KOR',
      output: { unit: 'set per phone', unitPrice: 8 },
      inputs: [],
      purchases: [],
    },
    { feeds: 'toshiba-components', quantity: 1 },
  );
}

/** The guides' charts, in the order they are rendered. */
export const guideCharts: GuideChart[] = [
  {
    name: 'iphone-value-added',
    spec: () => {
      const nested = iphoneWithNestedSupplier();
      return valueAddedChart(
        [
          decomposeValueAdded(nested, { depth: 'first-round', at: 'assembly' }),
          decomposeValueAdded(nested, { depth: 'full' }),
        ],
        {
          by: 'country',
          labels: ['first round at the assembler', 'full (with an illustrative Korean sub-supplier)'],
          title: 'iPhone 3G: value added per phone by country (USD)',
        },
      );
    },
  },
  {
    name: 'cocoa-value-added',
    spec: () =>
      valueAddedChart(decomposeValueAdded(cocoa), {
        by: 'stage',
        measure: 'share',
        labels: ['100 g milk-chocolate bar'],
        title: 'Cocoa to chocolate: share of the retail price by stage',
      }),
  },
];
