import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { africanClusters, cocoa, iphone3g } from '../../src/data/index.js';
import { publicJsonSchema, publicSchemas } from '../../src/schemas.js';
import { minimalChainJson } from '../chains/fixtures.js';

/** An independent validator (ajv, JSON Schema draft 2020-12) for one of the public schemas, generated in-process. */
function validator(name: string) {
  const schema = publicSchemas()[name];
  if (schema === undefined) throw new Error(`no public schema "${name}"`);
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  return ajv.compile(publicJsonSchema(name, schema));
}

describe('JSON Schemas of the public models', () => {
  it('include value-chain and cluster (required by the issue) and the other public models', () => {
    expect(Object.keys(publicSchemas()).sort()).toEqual(
      [
        'actor',
        'cluster',
        'governance',
        'gvc-issue',
        'rent',
        'stage',
        'upgrading-event',
        'value-chain',
      ].sort(),
    );
  });

  it.each(Object.keys(publicSchemas()))(
    '%s compiles under ajv strict mode, with its published $id',
    (name) => {
      const schema = publicJsonSchema(name, publicSchemas()[name]!);
      expect(schema.$id).toBe(`https://unpkg.com/gvckit/schemas/${name}.json`);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(() => validator(name)).not.toThrow();
    },
  );

  it('value-chain accepts the datasets and the minimal chain (defaults are optional in the input schema)', () => {
    const validate = validator('value-chain');
    for (const chain of [iphone3g, cocoa, JSON.parse(minimalChainJson)]) {
      expect(validate(chain), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('value-chain names the models it is made of in $defs', () => {
    const schema = publicJsonSchema('value-chain', publicSchemas()['value-chain']!);
    expect(Object.keys(schema.$defs as object).sort()).toEqual(['Actor', 'Governance', 'Rent', 'Stage']);
  });

  it('value-chain rejects an unknown key, a negative price, an unknown family and a bad country code', () => {
    const validate = validator('value-chain');
    const base = JSON.parse(minimalChainJson);
    expect(validate({ ...base, colour: 'black' })).toBe(false);
    const negative = JSON.parse(minimalChainJson);
    negative.stages[0].output.unitPrice = -1;
    expect(validate(negative)).toBe(false);
    expect(validate({ ...base, family: 'modular' })).toBe(false);
    const country = JSON.parse(minimalChainJson);
    country.stages[0].country = 'Japan';
    expect(validate(country)).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === '/stages/0/country')).toBe(true);
  });

  it('stage, actor and rent accept the datasets’ parts and reject a bad one', () => {
    const stage = validator('stage');
    const actor = validator('actor');
    const rent = validator('rent');
    for (const chain of [iphone3g, cocoa]) {
      for (const s of chain.stages) expect(stage(s)).toBe(true);
      for (const a of chain.actors) expect(actor(a)).toBe(true);
      for (const r of chain.rents ?? []) expect(rent(r)).toBe(true);
    }
    expect(stage({ id: 'x', name: 'X', country: 'CHN' })).toBe(false); // output is required
    expect(actor({ id: 'x', name: 'X', country: 'CHN', size: 'huge' })).toBe(false);
    expect(rent({ family: 'exogenous', kind: 'technology', barriers: 'low' })).toBe(false);
  });

  it('governance accepts a governance and rejects an unknown type', () => {
    const governance = validator('governance');
    expect(
      governance({
        type: 'modular',
        determinants: { complexity: 'high', codifiability: 'high', supplierCapability: 'high' },
      }),
    ).toBe(true);
    expect(governance({ type: 'network' })).toBe(false);
  });

  it('cluster accepts the 25 African clusters dataset and rejects an unknown end market', () => {
    const cluster = validator('cluster');
    expect(africanClusters).toHaveLength(25);
    for (const c of africanClusters) expect(cluster(c), JSON.stringify(cluster.errors)).toBe(true);
    const first = africanClusters[0]!;
    expect(cluster({ ...first, endMarkets: ['global'] })).toBe(false);
  });
});
