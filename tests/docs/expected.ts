/**
 * The result shown after `//=>` in an example, parsed into a pattern, and the comparison of a value
 * with it. The rules (CONTRIBUTING, "Examples"):
 *
 * - The text is a JavaScript expression: literals (`'a'`, `1.5`, `-2`, `true`, `null`, `undefined`,
 *   `NaN`, `Infinity`), arrays and objects of them, and any other expression (`2 / 3`), which is
 *   evaluated.
 * - A number written with k ≥ 1 decimals matches any value within half a unit of its last digit
 *   (`0.96` matches 0.955 to 0.965: the result rounded to the digits shown). An integer, a number in
 *   exponent notation (`1e-9`) and a computed number (`2 / 3`) match to a relative 1e-9 (floating-point
 *   noise only).
 * - Strings match exactly, except that `…` in an expected string stands for any text.
 * - Arrays match element by element and must have the same length; a last element `…` allows more
 *   elements. `Float64Array [1, 2]` (any typed array name) expects that typed array.
 * - Objects match key by key, and may not have other keys; a `…` entry (`{ dva: 0.84, … }`) allows
 *   other keys. A key whose value is `undefined` counts as absent.
 * - `throws GvcError` expects the expression to throw a `GvcError`; `throws GvcError INVALID_INPUT`
 *   also checks its code, and `throws GvcError INVALID_INPUT: text` also checks that the message
 *   contains `text` (`…` in it stands for any text). Any other name checks the error's `name`.
 */
import ts from 'typescript';

const REST = '__REST__';

export type Pattern =
  | { readonly kind: 'number'; readonly value: number; readonly tolerance: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'exact'; readonly value: unknown }
  | { readonly kind: 'array'; readonly items: readonly Pattern[]; readonly partial: boolean }
  | { readonly kind: 'typed'; readonly type: string; readonly items: readonly Pattern[] }
  | { readonly kind: 'object'; readonly entries: ReadonlyMap<string, Pattern>; readonly partial: boolean }
  | { readonly kind: 'throws'; readonly name: string; readonly code?: string; readonly message?: string };

/** Replaces `…` (and a bare `...` before `,`, `]`, `}`) outside strings by a marker, and `X [` (a typed array name) by `X([` … `])`. */
function preprocess(text: string): string {
  let out = '';
  const closers: string[] = [];
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== null) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      quote = c;
      out += c;
    } else if (c === '…') out += REST;
    else if (text.startsWith('...', i) && /^\.\.\.\s*[,\]}]/.test(text.slice(i))) {
      out += REST;
      i += 2;
    } else if (c === '[' || c === '{' || c === '(') {
      const typed = /\b([A-Z][A-Za-z0-9]*Array)\s*$/.exec(out);
      if (c === '[' && typed) {
        out = `${out.slice(0, typed.index)}${typed[1]}([`;
        closers.push('])');
      } else {
        out += c;
        closers.push(c === '[' ? ']' : c === '{' ? '}' : ')');
      }
    } else if (c === ']' || c === '}' || c === ')') out += closers.pop() ?? c;
    else out += c;
  }
  return out;
}

function decimals(literal: string): number | null {
  if (/[eExXoObB]/.test(literal)) return null;
  const dot = literal.indexOf('.');
  return dot < 0 ? null : literal.length - dot - 1;
}

function numberPattern(value: number, literal: string | null): Pattern {
  const text = literal?.replace(/_/g, '') ?? null;
  const k = text === null ? null : decimals(text);
  const integer = text !== null && /^\d+$/.test(text);
  const tolerance =
    k !== null && k > 0
      ? 0.5 * 10 ** -k * (1 + 1e-9) // rounded display; the factor absorbs the binary error of 0.005
      : integer
        ? 1e-9 * Math.max(1, Math.abs(value))
        : value === 0
          ? 1e-12
          : 1e-9 * Math.abs(value);
  return { kind: 'number', value, tolerance };
}

function fromValue(value: unknown): Pattern {
  return typeof value === 'number' && Number.isFinite(value)
    ? numberPattern(value, null)
    : { kind: 'exact', value };
}

function fromNode(node: ts.Expression, source: ts.SourceFile): Pattern {
  if (ts.isParenthesizedExpression(node)) return fromNode(node.expression, source);
  if (ts.isNumericLiteral(node)) return numberPattern(Number(node.text), node.getText(source));
  if (
    ts.isPrefixUnaryExpression(node) &&
    node.operator === ts.SyntaxKind.MinusToken &&
    ts.isNumericLiteral(node.operand)
  ) {
    return numberPattern(-Number(node.operand.text), node.operand.getText(source));
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return { kind: 'string', value: node.text };
  }
  if (ts.isArrayLiteralExpression(node)) {
    const elements = [...node.elements];
    const last = elements.at(-1);
    const partial = last !== undefined && ts.isIdentifier(last) && last.text === REST;
    if (partial) elements.pop();
    return { kind: 'array', items: elements.map((e) => fromNode(e, source)), partial };
  }
  if (ts.isObjectLiteralExpression(node)) {
    const entries = new Map<string, Pattern>();
    let partial = false;
    for (const p of node.properties) {
      if (ts.isShorthandPropertyAssignment(p) && p.name.text === REST) partial = true;
      else if (ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name)) {
        entries.set(p.name.text, fromNode(p.initializer, source));
      } else throw new Error(`unsupported object entry in a shown result: ${p.getText(source)}`);
    }
    return { kind: 'object', entries, partial };
  }
  if (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.arguments.length === 1 &&
    ts.isArrayLiteralExpression(node.arguments[0]!)
  ) {
    const array = fromNode(node.arguments[0]!, source);
    if (array.kind === 'array' && !array.partial) {
      return { kind: 'typed', type: node.expression.text, items: array.items };
    }
  }
  if (ts.isIdentifier(node) && node.text === REST) throw new Error('… may only end an array or an object');
  // Anything else (true, null, undefined, NaN, 2 / 3, Math.PI): evaluated.
  return fromValue(new Function(`return (${node.getText(source)});`)());
}

/** Parses the text after `//=>` (continuation lines already joined). */
export function parseExpected(text: string): Pattern {
  const t = text.trim();
  const thrown = /^throws\s+([A-Za-z_$][\w$]*)(?:\s+([A-Z][A-Z0-9_]*))?\s*(?::\s*([\s\S]*))?$/.exec(t);
  if (thrown) {
    return {
      kind: 'throws',
      name: thrown[1]!,
      ...(thrown[2] === undefined ? {} : { code: thrown[2] }),
      ...(thrown[3] === undefined ? {} : { message: thrown[3].trim() }),
    };
  }
  const source = ts.createSourceFile('expected.ts', `(${preprocess(t)});`, ts.ScriptTarget.ES2022, true);
  const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  if (diagnostics.length > 0) {
    throw new Error(
      `the shown result ${JSON.stringify(t)} is not an expression: ${ts.flattenDiagnosticMessageText(diagnostics[0]!.messageText, '\n')}`,
    );
  }
  const statement = source.statements[0];
  if (source.statements.length !== 1 || statement === undefined || !ts.isExpressionStatement(statement)) {
    throw new Error(`the shown result ${JSON.stringify(t)} is not one expression`);
  }
  return fromNode(statement.expression, source);
}

/** Whether a string with `…` wildcards matches. */
export function wildcardMatch(pattern: string, actual: string, anywhere = false): boolean {
  const parts = pattern.split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const body = parts.join('[\\s\\S]*');
  return new RegExp(anywhere ? body : `^${body}$`).test(actual);
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'function') return `[function ${v.name}]`;
  if (ArrayBuffer.isView(v))
    return `${v.constructor.name} [${Array.from(v as unknown as ArrayLike<unknown>).join(', ')}]`;
  try {
    const s = JSON.stringify(v, (_, x) => (x === undefined ? '<undefined>' : x));
    if (s === undefined) return String(v);
    return s.length > 300 ? `${s.slice(0, 300)}…` : s;
  } catch {
    return String(v);
  }
}

function showPattern(p: Pattern): string {
  switch (p.kind) {
    case 'number':
      return `${p.value} (± ${p.tolerance.toPrecision(2)})`;
    case 'string':
      return JSON.stringify(p.value);
    case 'exact':
      return show(p.value);
    case 'array':
      return `an array of ${p.items.length}${p.partial ? ' or more' : ''}`;
    case 'typed':
      return `a ${p.type} of ${p.items.length}`;
    case 'object':
      return `an object with ${p.partial ? 'at least ' : ''}the keys ${[...p.entries.keys()].join(', ')}`;
    case 'throws':
      return `a thrown ${p.name}`;
  }
}

const at = (path: string): string => (path === '' ? 'the result' : `the result${path}`);

/** Compares a value with a pattern; returns the differences (empty when it matches). */
export function compare(pattern: Pattern, actual: unknown, path = ''): string[] {
  const differ = (): string[] => [`${at(path)}: expected ${showPattern(pattern)}, found ${show(actual)}`];
  switch (pattern.kind) {
    case 'number':
      return typeof actual === 'number' && Math.abs(actual - pattern.value) <= pattern.tolerance
        ? []
        : differ();
    case 'string':
      return typeof actual === 'string' && wildcardMatch(pattern.value, actual) ? [] : differ();
    case 'exact':
      return Object.is(actual, pattern.value) ? [] : differ();
    case 'throws':
      return [`${at(path)}: expected a thrown ${pattern.name}, found the value ${show(actual)}`];
    case 'typed': {
      if (!ArrayBuffer.isView(actual) || actual.constructor.name !== pattern.type) return differ();
      const items = Array.from(actual as unknown as ArrayLike<unknown>);
      if (items.length !== pattern.items.length) return differ();
      return items.flatMap((x, i) => compare(pattern.items[i]!, x, `${path}[${i}]`));
    }
    case 'array': {
      if (!Array.isArray(actual)) return differ();
      const n = pattern.items.length;
      if (pattern.partial ? actual.length < n : actual.length !== n) {
        return [
          `${at(path)}: expected ${pattern.partial ? 'at least ' : ''}${n} elements, found ${actual.length}: ${show(actual)}`,
        ];
      }
      return pattern.items.flatMap((p, i) => compare(p, actual[i], `${path}[${i}]`));
    }
    case 'object': {
      if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return differ();
      const record = actual as Record<string, unknown>;
      const out: string[] = [];
      for (const [k, p] of pattern.entries) out.push(...compare(p, record[k], `${path}.${k}`));
      if (!pattern.partial) {
        const extra = Object.keys(record).filter((k) => !pattern.entries.has(k) && record[k] !== undefined);
        if (extra.length > 0)
          out.push(`${at(path)}: unexpected keys ${extra.join(', ')} (add … to show part of an object)`);
      }
      return out;
    }
  }
}

/** Compares what an expression threw with a pattern. */
export function compareThrown(pattern: Pattern, error: unknown): string[] {
  const described = error instanceof Error ? `${error.name}: ${error.message}` : show(error);
  if (pattern.kind !== 'throws') return [`the expression threw ${described}`];
  const e = error as { name?: unknown; code?: unknown; message?: unknown; constructor?: { name?: unknown } };
  const name = e?.constructor?.name === pattern.name || e?.name === pattern.name;
  const code = pattern.code === undefined || e?.code === pattern.code;
  const message =
    pattern.message === undefined ||
    (typeof e?.message === 'string' && wildcardMatch(pattern.message, e.message, true));
  if (name && code && message) return [];
  const expected = `${pattern.name}${pattern.code ? ` ${pattern.code}` : ''}${pattern.message ? `: ${pattern.message}` : ''}`;
  return [`expected a thrown ${expected}, found ${described}${e?.code ? ` (code ${String(e.code)})` : ''}`];
}
