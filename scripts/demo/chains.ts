import { agentAccounts } from '../../src/chains/accounts.js';
import { decomposeValueAdded, type ValueAddedGroup } from '../../src/chains/decompose.js';
import { smileCurve } from '../../src/chains/smile.js';
import { tradeInValueAdded } from '../../src/chains/tiva.js';
import { cocoa, iphone3g } from '../../src/data/index.js';
import type { DemoSection } from './sections.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const money = (x: number) => x.toFixed(2).padStart(8);
const table = (groups: ValueAddedGroup[]) =>
  groups.map((g) => `    ${g.key.padEnd(8)}${money(g.valueAdded)}  ${pct(g.share).padStart(6)}`).join('\n');

/** The iPhone at both depths, its trade in value added, and the cocoa chain. */
export const chainsSection: DemoSection = {
  title: 'Who adds the value of one product: the iPhone 3G and a bar of chocolate',
  render: () => {
    const first = decomposeValueAdded(iphone3g, { depth: 'first-round', at: 'assembly' });
    const full = decomposeValueAdded(iphone3g);
    const atFinal = decomposeValueAdded(iphone3g, { depth: 'first-round' });
    const tiva = tradeInValueAdded(iphone3g);
    const chnUsa = tiva.bilateral.find((b) => b.exporter === 'CHN' && b.importer === 'USA');
    const exFactory = iphone3g.stages.find((s) => s.id === 'assembly')?.output.unitPrice ?? Number.NaN;
    const china = first.byCountry.find((g) => g.key === 'CHN')?.valueAdded ?? 0;
    const choc = decomposeValueAdded(cocoa);
    const accounts = agentAccounts(cocoa, { domesticCountry: 'GHA' });
    const smile = smileCurve(cocoa);
    return [
      `iPhone 3G (Xing & Detert 2010), per phone in ${first.currency}, retail ${first.finalValue}:`,
      `  first round at the Chinese assembler (what the paper reports):`,
      table(first.byCountry),
      `  China: ${china.toFixed(2)} of the ${exFactory.toFixed(2)} ex-factory cost = ${pct(china / exFactory)}`,
      `  full decomposition: the same here, the components' own sub-chains are not modelled; first round at`,
      `  Apple's stage instead counts the whole phone for China: CHN ${money(atFinal.byCountry.find((g) => g.key === 'CHN')?.valueAdded ?? 0).trim()} vs ${money(full.byCountry.find((g) => g.key === 'CHN')?.valueAdded ?? 0).trim()} in full`,
      `  trade: China exports ${chnUsa?.gross.toFixed(2)} to the USA gross, ${chnUsa?.valueAdded.toFixed(2)} in value added;`,
      `  double counting in the chain's gross trade: ${tiva.doubleCounting.toFixed(2)}`,
      '',
      `Chocolate bar (${cocoa.name}), per bar in ${choc.currency}, retail ${choc.finalValue}:`,
      table(choc.byCountry),
      `  Ghana's value added: ${accounts.consolidated.domesticValueAdded.toFixed(3)} of ${accounts.consolidated.productionValue.toFixed(3)} of final sales`,
      `  smile curve (share by stage, upstream → downstream): ${smile.byPosition.map((p) => pct(p.share)).join(' → ')}; quadratic a = ${smile.fit?.a.toFixed(4)} (${smile.fit?.smiles ? 'smiles' : 'does not smile'})`,
    ].join('\n');
  },
};
