import { parseValueChain, safeParseValueChain } from '../../src/index.js';
import type { DemoSection } from './sections.js';

const minimal = {
  id: 'phone',
  name: 'A phone',
  family: 'vertically-specialised',
  currency: 'USD',
  finalStage: 'retail',
  actors: [{ id: 'maker', name: 'Assembler Ltd', country: 'CHN' }],
  stages: [
    {
      id: 'chip',
      name: 'Chip',
      country: 'JPN',
      function: 'component-manufacture',
      output: { unit: 'piece', unitPrice: 40 },
      purchases: [{ description: 'wafer', value: 10, country: 'USA' }],
    },
    {
      id: 'assembly',
      name: 'Assembly',
      actor: 'maker',
      country: 'CHN',
      function: 'assembly',
      output: { unit: 'phone', unitPrice: 100 },
      inputs: [{ stage: 'chip', quantity: 1 }],
    },
    {
      id: 'retail',
      name: 'Retail',
      country: 'USA',
      function: 'retail',
      output: { unit: 'phone', unitPrice: 150 },
      inputs: [{ stage: 'assembly', quantity: 1 }],
    },
  ],
};

export const modelSection: DemoSection = {
  title: 'The value-chain model: parse a chain, and see every problem of a malformed one at once',
  render: () => {
    const chain = parseValueChain(minimal);
    const parsed = `parsed "${chain.name}" (${chain.family}): ${chain.stages.map((s) => `${s.id} ${s.country} ${s.output.unitPrice}`).join(' → ')}`;
    // a malformed copy: a negative price, an unknown key, an unknown actor and a misspelt stage id
    const stages: Array<Record<string, unknown>> = minimal.stages.map((s) => ({ ...s }));
    stages[0] = { ...stages[0], output: { unit: 'piece', unitPrice: -40 } };
    stages[1] = { ...stages[1], actor: 'foxconn', colour: 'black' };
    stages[2] = { ...stages[2], inputs: [{ stage: 'asembly', quantity: 1 }] };
    const malformed = { ...minimal, stages };
    const result = safeParseValueChain(malformed);
    return [parsed, '', result.success ? 'unexpectedly valid' : result.error.message].join('\n');
  },
};
