/**
 * The example harness itself: the rules for shown results (`expected.ts`), the rewriting of an
 * example (`run.ts`), and that a wrong example fails.
 */
import { describe, expect, it } from 'vitest';
import * as gvckit from '../../src/index.js';
import { compare, compareThrown, parseExpected } from './expected.js';
import { examplesOf } from './extract.js';
import { compileExample, runExample } from './run.js';

const matches = (shown: string, actual: unknown): boolean =>
  compare(parseExpected(shown), actual).length === 0;

describe('shown results', () => {
  it('a number with k decimals matches to half a unit of its last digit', () => {
    expect(matches('0.96', 0.9649)).toBe(true);
    expect(matches('0.96', 0.955)).toBe(true);
    expect(matches('0.96', 0.966)).toBe(false);
    expect(matches('0.5', 0.54)).toBe(true);
    expect(matches('0.50', 0.54)).toBe(false);
    expect(matches('-0.7', -0.7000000000000001)).toBe(true);
  });

  it('an integer, an exponent and a computed number match to floating-point noise only', () => {
    expect(matches('320', 320)).toBe(true);
    expect(matches('320', 320.0000000000001)).toBe(true);
    expect(matches('320', 320.4)).toBe(false);
    expect(matches('1e-9', 1e-9)).toBe(true);
    expect(matches('1e-9', 1.4e-9)).toBe(false);
    expect(matches('2 / 3', 0.6666666666666666)).toBe(true);
    expect(matches('2 / 3', 0.667)).toBe(false);
  });

  it('strings match exactly, with … for any text', () => {
    expect(matches("'VNM'", 'VNM')).toBe(true);
    expect(matches("'VNM'", 'VN')).toBe(false);
    expect(matches('\'expected one of …, found "brand"\'', 'expected one of "a", "b", found "brand"')).toBe(
      true,
    );
    expect(matches("'1'", 1)).toBe(false);
  });

  it('objects may not have other keys unless they end with …', () => {
    expect(matches('{ a: 1, b: [1, 2] }', { a: 1, b: [1, 2] })).toBe(true);
    expect(matches('{ a: 1 }', { a: 1, b: 2 })).toBe(false);
    expect(matches('{ a: 1, … }', { a: 1, b: 2 })).toBe(true);
    expect(matches('{ a: 1, ... }', { a: 1, b: 2 })).toBe(true);
    expect(matches('{ a: 1, … }', { b: 2 })).toBe(false);
    expect(matches('{ a: 1 }', { a: 1, b: undefined })).toBe(true);
  });

  it('arrays have the length shown unless they end with …', () => {
    expect(matches('[1, 2]', [1, 2])).toBe(true);
    expect(matches('[1, 2]', [1, 2, 3])).toBe(false);
    expect(matches('[1, 2, …]', [1, 2, 3])).toBe(true);
    expect(matches('[1, 2, …]', [1])).toBe(false);
    expect(
      matches('[[10, 2], [6, 7]]', [
        [10, 2],
        [6, 8],
      ]),
    ).toBe(false);
  });

  it('a typed array is shown with its type name', () => {
    expect(matches('Float64Array [0.6, -0.7]', Float64Array.of(0.6, -0.7))).toBe(true);
    expect(matches('Float64Array [0.6, -0.7]', [0.6, -0.7])).toBe(false);
    expect(matches('[0.6, -0.7]', Float64Array.of(0.6, -0.7))).toBe(false);
    expect(matches('{ data: Float64Array [1] }', { data: Float64Array.of(1) })).toBe(true);
  });

  it('null, undefined, booleans and NaN match themselves only', () => {
    expect(matches('null', null)).toBe(true);
    expect(matches('null', undefined)).toBe(false);
    expect(matches('undefined', undefined)).toBe(true);
    expect(matches('true', 1)).toBe(false);
    expect(matches('NaN', Number.NaN)).toBe(true);
  });

  it('throws checks the error class, its code and a fragment of its message', () => {
    const e = new gvckit.GvcError('INVALID_INPUT', 'invalid value chain', [
      { path: 'stages[0].id', message: 'bad' },
    ]);
    expect(compareThrown(parseExpected('throws GvcError'), e)).toEqual([]);
    expect(compareThrown(parseExpected('throws GvcError INVALID_INPUT'), e)).toEqual([]);
    expect(compareThrown(parseExpected('throws GvcError INVALID_INPUT: stages[0].id: bad'), e)).toEqual([]);
    expect(compareThrown(parseExpected('throws GvcError INVALID_INPUT: invalid … bad'), e)).toEqual([]);
    expect(compareThrown(parseExpected('throws GvcError NOT_FOUND'), e)).toHaveLength(1);
    expect(compareThrown(parseExpected('throws GvcError: stages[1]'), e)).toHaveLength(1);
    expect(compareThrown(parseExpected('throws TypeError'), e)).toHaveLength(1);
    expect(compareThrown(parseExpected('1'), e)).toHaveLength(1);
    expect(compare(parseExpected('throws GvcError'), 1)).toHaveLength(1);
  });

  it('a shown result that is not an expression is an error', () => {
    expect(() => parseExpected('[0.8, 1.4] (to rounding)')).toThrow(/not an expression/);
  });
});

async function run(code: string, scope: Record<string, unknown> = gvckit): Promise<readonly string[]> {
  return (await runExample(compileExample(code), scope, { gvckit })).failures;
}

describe('running an example', () => {
  it('checks every //=> result, including one continued on the next lines', async () => {
    expect(await run("disembodiedIndex('ODM');\n//=> 2\n[1,\n 2];\n//=> [1,\n//    2]")).toEqual([]);
  });

  it('a deliberately wrong result fails, naming the line and the difference', async () => {
    const failures = await run("const x = disembodiedIndex('ODM');\nx;\n//=> 3");
    expect(failures).toEqual(['line 3 (//=> 3): the result: expected 3 (± 3.0e-9), found 2']);
  });

  it('an expression that throws fails unless the result shows the throw', async () => {
    expect(await run("parseActor({ id: 'x' });\n//=> throws GvcError INVALID_INPUT: country")).toEqual([]);
    const failures = await run("parseActor({ id: 'x' });\n//=> { id: 'x' }");
    expect(failures[0]).toMatch(/^line 2 .*threw GvcError/);
  });

  it('a result in a block is checked, and one never reached fails', async () => {
    expect(
      await run('try { throw new Error("e"); } catch (e) {\n  (e as Error).message;\n  //=> \'e\'\n}'),
    ).toEqual([]);
    const failures = await run('if (false) {\n  1;\n  //=> 1\n}');
    expect(failures).toEqual(['line 3 (//=> 1): the statement was never run']);
  });

  it('a name the scope does not give is a failure', async () => {
    const failures = await run('chain.stages;\n//=> []', {});
    expect(failures[0]).toMatch(/chain is not defined/);
  });

  it('an example without a result, or a result after a declaration, is rejected', () => {
    expect(() => compileExample('const x = 1;')).toThrow(/shows no result/);
    expect(() => compileExample('const x = 1;\n//=> 1')).toThrow(/does not follow an expression statement/);
    expect(() => compileExample('f(); //=> 1')).toThrow(/must start its own line/);
  });

  it('imports resolve to the modules given', async () => {
    const failures = await run("import { disembodiedIndex as d } from 'gvckit';\nd('OBM');\n//=> 3", {});
    expect(failures).toEqual([]);
  });
});

describe('finding examples', () => {
  it('names each example by its declaration and rank, and locates its code', () => {
    const text = [
      '/**',
      ' * Doubles.',
      ' * @example',
      ' * ```ts',
      ' * double(2);',
      ' * //=> 4',
      ' * ```',
      ' * @example',
      ' * ```ts',
      ' * double(0);',
      ' * //=> 0',
      ' * ```',
      ' */',
      'export function double(x: number): number {',
      '  return 2 * x;',
      '}',
    ].join('\n');
    const found = examplesOf('src/x.ts', text);
    expect(found.map((e) => [e.symbol, e.index, e.line, e.codeLine, e.code])).toEqual([
      ['double', 1, 3, 5, 'double(2);\n//=> 4'],
      ['double', 2, 8, 10, 'double(0);\n//=> 0'],
    ]);
  });
});
