// The Modelling your own chain guide (docs/guides/modelling-your-chain.md), runnable: a chain as JSON,
// its validation errors, its decomposition, and immutable what-if edits with patches.
// Run: npm run example -- examples/modelling-your-chain.ts
import {
  decomposeValueAdded,
  isGvcError,
  parseValueChain,
  relocateStage,
  safeParseValueChain,
  setPrice,
  updateChainWithPatches,
} from 'gvckit';

// Shea nuts collected and pressed in Burkina Faso, made into cosmetics in France (illustrative numbers).
const json = `{
  "id": "shea", "name": "Shea butter", "family": "additive", "currency": "USD",
  "finalStage": "cosmetics", "finalMarket": "FRA",
  "stages": [
    { "id": "collect", "name": "Nut collection", "function": "growing/extraction", "country": "BFA",
      "output": { "unit": "kg nuts", "unitPrice": 0.3 } },
    { "id": "press", "name": "Butter pressing", "function": "primary-processing", "country": "BFA",
      "output": { "unit": "kg butter", "unitPrice": 2 }, "inputs": [{ "stage": "collect", "quantity": 3 }] },
    { "id": "cosmetics", "name": "Cosmetics", "function": "processing", "country": "FRA",
      "output": { "unit": "jar", "unitPrice": 12 }, "inputs": [{ "stage": "press", "quantity": 0.05 }],
      "purchases": [{ "description": "jar and oils", "value": 1.5, "country": "FRA" }] }
  ]
}`;

// A first draft with six mistakes: every one is reported, with its path.
const draft = {
  id: 'shea',
  name: 'Shea butter',
  family: 'additive',
  currency: 'usd',
  finalStage: 'shop',
  stages: [
    { id: 'collect', name: 'Nut collection', country: 'BFA', output: { unit: 'kg nuts', unitPrice: 0.3 } },
    {
      id: 'press',
      name: 'Butter pressing',
      country: 'BFA',
      output: { unit: 'kg butter', unitPrice: -2 },
      inputs: [{ stage: 'colect', quantity: 3 }],
    },
    {
      id: 'press',
      name: 'Cosmetics',
      country: 'France',
      output: { unit: 'jar', unitPrice: 12 },
      inputs: [{ stage: 'press', quantity: 0.05 }],
    },
  ],
};
try {
  parseValueChain(draft);
} catch (e) {
  if (isGvcError(e, 'INVALID_INPUT')) console.log(e.message);
}
const checked = safeParseValueChain(draft);
console.log(
  `safeParseValueChain: success ${checked.success}, ${checked.success ? 0 : checked.error.issues.length} issues\n`,
);

// The corrected chain, decomposed per jar.
const shea = parseValueChain(JSON.parse(json));
const show = (label: string, chain: typeof shea) =>
  console.log(
    label.padEnd(34),
    decomposeValueAdded(chain)
      .byCountry.map((g) => `${g.key} ${g.valueAdded.toFixed(3)} (${(100 * g.share).toFixed(1)}%)`)
      .join(', '),
  );
show('baseline', shea);

// What if the cosmetics were made in Burkina Faso? What if pressers were paid more?
const local = relocateStage(shea, 'cosmetics', { country: 'BFA' });
show('cosmetics made in Burkina Faso', local);
show('butter sold at 2.50 a kg', setPrice(shea, 'press', 2.5));
console.log(
  'the baseline is unchanged:',
  shea.stages[2]?.country,
  '; edits are frozen:',
  Object.isFrozen(local),
);

// Any edit, with Immer patches to store, replay or undo it.
const [, patches, inverse] = updateChainWithPatches(shea, (d) => {
  d.stages[1]!.output.unitPrice = 2.4;
});
console.log('patches', JSON.stringify(patches));
console.log('inverse', JSON.stringify(inverse));
