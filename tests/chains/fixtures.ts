/** The minimal chain of issue 3, verbatim: it must parse as it is. */
export const minimalChainJson = `{ "id": "phone", "name": "A phone", "family": "vertically-specialised", "currency": "USD",
  "finalStage": "retail",
  "actors": [{ "id": "maker", "name": "Assembler Ltd", "country": "CHN" }],
  "stages": [
    { "id": "chip", "name": "Chip", "country": "JPN", "function": "component-manufacture",
      "output": { "unit": "piece", "unitPrice": 40 },
      "purchases": [{ "description": "wafer", "value": 10, "country": "USA" }] },
    { "id": "assembly", "name": "Assembly", "actor": "maker", "country": "CHN", "function": "assembly",
      "output": { "unit": "phone", "unitPrice": 100 }, "inputs": [{ "stage": "chip", "quantity": 1 }] },
    { "id": "retail", "name": "Retail", "country": "USA", "function": "retail",
      "output": { "unit": "phone", "unitPrice": 150 }, "inputs": [{ "stage": "assembly", "quantity": 1 }] } ] }`;

/** A fresh, mutable copy of the minimal chain as raw JSON input. */
// biome-ignore lint/suspicious/noExplicitAny: raw JSON input, edited freely to make malformed examples
export function minimalInput(): any {
  return JSON.parse(minimalChainJson);
}

/** A small additive chain (cocoa-like) as raw JSON input. */
// biome-ignore lint/suspicious/noExplicitAny: raw JSON input, edited freely to make malformed examples
export function additiveInput(): any {
  return {
    id: 'cocoa',
    name: 'Cocoa',
    family: 'additive',
    currency: 'USD',
    finalStage: 'retail',
    actors: [{ id: 'farmers', name: 'Smallholders', country: 'GHA' }],
    stages: [
      { id: 'grow', name: 'Growing', actor: 'farmers', country: 'GHA', output: { unit: 'kg', unitPrice: 2 } },
      {
        id: 'grind',
        name: 'Grinding',
        country: 'NLD',
        output: { unit: 'kg liquor', unitPrice: 5 },
        inputs: [{ stage: 'grow', quantity: 1.25 }],
      },
      {
        id: 'retail',
        name: 'Retail',
        country: 'GBR',
        output: { unit: 'bar', unitPrice: 1 },
        inputs: [{ stage: 'grind', quantity: 0.025 }],
      },
    ],
  };
}
