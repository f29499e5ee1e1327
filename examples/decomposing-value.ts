// Who adds, and who captures, the value of one product: the iPhone 3G at both depths of
// decomposition, its trade in value added, and a cocoa-to-chocolate chain.
// Run: npm run example -- examples/decomposing-value.ts
import {
  addStage,
  agentAccounts,
  decomposeValueAdded,
  smileCurve,
  smileCurveChart,
  tradeInValueAdded,
  valueAddedChart,
  valueAddedShare,
} from 'gvckit';
import { cocoa, iphone3g } from 'gvckit/data';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

// 1. First round at the Chinese assembler: each component bought by the assembler counts in whole for
//    its supplier's country — Xing & Detert's (2010) table.
const firstRound = decomposeValueAdded(iphone3g, { depth: 'first-round', at: 'assembly' });
for (const g of firstRound.byCountry)
  console.log(`${g.key}  ${g.valueAdded.toFixed(2).padStart(7)}  ${pct(g.share)}`);
//=> USA   331.79  66.4%   (Apple's 321.04 + US components 10.75)
//=> ...
//=> CHN     6.50  1.3%

// China's share of the ex-factory value (178.96): decompose the chain whose final stage is the assembler.
const exFactory = {
  ...iphone3g,
  finalStage: 'assembly',
  stages: iphone3g.stages.filter((s) => s.id !== iphone3g.finalStage),
};
console.log(
  `China holds ${pct(valueAddedShare(exFactory, { country: 'CHN' }))} of the phone as it leaves China`,
);
//=> China holds 3.6% of the phone as it leaves China

// 2. The full decomposition attributes every stage's own value added to its country, however deep.
//    Here it agrees with the first round at the assembler, because the dataset does not model the
//    components' own sub-chains; a first round at the final stage shows how first-round numbers can
//    mislead: the whole phone then counts for China.
const atFinal = decomposeValueAdded(iphone3g, { depth: 'first-round' });
const full = decomposeValueAdded(iphone3g);
const cn = (d: typeof full) => d.byCountry.find((g) => g.key === 'CHN')?.valueAdded.toFixed(2);
console.log(`China: ${cn(atFinal)} (first round at Apple) vs ${cn(full)} (full)`);
//=> China: 178.96 (first round at Apple) vs 6.50 (full)

// 3. Gross trade against trade in value added: the US–China gap.
const tiva = tradeInValueAdded(iphone3g);
const chnUsa = tiva.bilateral.find((b) => b.exporter === 'CHN' && b.importer === 'USA');
console.log(`China → USA: gross ${chnUsa?.gross.toFixed(2)}, value added ${chnUsa?.valueAdded.toFixed(2)}`);
//=> China → USA: gross 178.96, value added 6.50
console.log(`double counting: ${tiva.doubleCounting.toFixed(2)}`);
//=> double counting: 172.46

// 4. An additive chain: cocoa grown and exported by Ghana, ground in the Netherlands, made into
//    chocolate and sold in the United Kingdom.
const bar = decomposeValueAdded(cocoa);
console.log(bar.byCountry.map((g) => `${g.key} ${pct(g.share)}`).join(', '));
const accounts = agentAccounts(cocoa, { domesticCountry: 'GHA' });
for (const a of accounts.accounts) {
  console.log(
    `${a.actor.padEnd(14)} production ${a.productionValue.toFixed(3)}  value added ${a.valueAdded.toFixed(3)}`,
  );
}
const smile = smileCurve(cocoa);
console.log(
  `smile curve: ${smile.byPosition.map((p) => pct(p.share)).join(' → ')}; smiles: ${smile.fit?.smiles}`,
);

// 5. (The guide's chart) Where first round and full differ: give Toshiba an illustrative — not
//    published — Korean supplier of USD 8.00 of panel glass per phone. The first round at the
//    assembler still counts Toshiba's components in whole for Japan; the full decomposition moves the
//    glass to Korea. addStage returns a new chain: iphone3g is unchanged.
const nested = addStage(
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
const depths = [
  decomposeValueAdded(nested, { depth: 'first-round', at: 'assembly' }),
  decomposeValueAdded(nested),
];
for (const d of depths) {
  const of = (c: string) => d.byCountry.find((g) => g.key === c)?.valueAdded.toFixed(2);
  console.log(`${d.depth}: Japan ${of('JPN')}, Korea ${of('KOR')}`);
}
//=> first-round: Japan 60.60, Korea 22.96
//=> full: Japan 52.60, Korea 30.96

// The charts of the guide are Vega-Lite specifications: paste them into https://vega.github.io/editor
const charts = [
  valueAddedChart(depths, { by: 'country', labels: ['first round', 'full'] }),
  smileCurveChart(smileCurve(iphone3g)),
];
console.log(`charts: ${charts.map((c) => `${JSON.stringify(c).length} characters`).join(', ')}`);
