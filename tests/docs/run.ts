/**
 * Turns an example's code into a runnable function and runs it: each expression statement followed by
 * a `//=>` comment is wrapped so that its value (or what it throws) is compared with the shown result.
 *
 * Names: an example uses the public names of its module's entry point (`gvckit`, `gvckit/io` for
 * `src/io/`, `gvckit/data` for `src/data/`) without importing them, as the API documentation of that
 * entry point shows them; anything else (another entry point, `immer`) is imported explicitly, with
 * the specifier a user writes. An example of an `@internal` declaration (not exported by its entry
 * point) may also use its own module's exports.
 */
import ts from 'typescript';
import { compare, compareThrown, type Pattern, parseExpected } from './expected.js';

/** One `//=>` check: where it is in the example, what it shows, and the statement it follows. */
export interface Check {
  readonly line: number;
  readonly shown: string;
  readonly pattern: Pattern;
}

export interface CompiledExample {
  readonly checks: readonly Check[];
  /** The JavaScript body (CommonJS), with `__show(k, () => expr)` in place of each checked statement. */
  readonly body: string;
  /** The import specifiers the example uses (`gvckit/io`, `immer`). */
  readonly specifiers: readonly string[];
  /** Every identifier the code mentions (to pass only the names used). */
  readonly identifiers: ReadonlySet<string>;
}

/** Whether the brackets of `text` (outside strings) are balanced. */
function balanced(text: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('[{('.includes(c)) depth++;
    else if (']})'.includes(c)) depth--;
  }
  return depth <= 0 && quote === null;
}

interface Marker {
  readonly offset: number;
  readonly line: number;
  readonly text: string;
}

/** The `//=>` comments of the code; a shown result continues on `//` lines while its brackets are open. */
function markers(code: string, firstLine: number): Marker[] {
  const lines = code.split('\n');
  const out: Marker[] = [];
  let offset = 0;
  const offsets = lines.map((l) => {
    const o = offset;
    offset += l.length + 1;
    return o;
  });
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)\/\/=>(.*)$/.exec(lines[i]!);
    if (!m) {
      if (lines[i]!.includes('//=>')) throw new Error(`line ${firstLine + i}: //=> must start its own line`);
      continue;
    }
    const first = i;
    let text = m[2]!;
    while (!balanced(text) && i + 1 < lines.length && /^\s*\/\/(?!=>)/.test(lines[i + 1]!)) {
      text += `\n${lines[++i]!.replace(/^\s*\/\//, '')}`;
    }
    out.push({ offset: offsets[first]! + m[1]!.length, line: firstLine + first, text });
  }
  return out;
}

/**
 * Compiles an example's code, whose first line is line `firstLine` of its file (for messages). Throws
 * an `Error` saying what is wrong with the example.
 */
export function compileExample(code: string, firstLine = 1): CompiledExample {
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const parseErrors = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  if (parseErrors.length > 0) {
    const d = parseErrors[0]!;
    const { line } = source.getLineAndCharacterOfPosition(d.start ?? 0);
    throw new Error(`line ${firstLine + line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  }
  const statements: ts.ExpressionStatement[] = [];
  const specifiers = new Set<string>();
  const identifiers = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node)) statements.push(node);
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      specifiers.add(node.moduleSpecifier.text);
    }
    if (ts.isIdentifier(node)) identifiers.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);

  const found = markers(code, firstLine);
  if (found.length === 0) throw new Error('the example shows no result (no //=> line)');
  const checks: Check[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  found.forEach((marker, k) => {
    // The checked statement is the last expression statement ending before the marker, with only
    // blanks and a trailing `// comment` between them.
    const before = statements.filter((s) => s.end <= marker.offset).sort((a, b) => b.end - a.end)[0];
    if (
      before === undefined ||
      !/^[ \t]*(\/\/[^\n]*)?\n[ \t]*$/.test(code.slice(before.end, marker.offset))
    ) {
      throw new Error(`line ${marker.line}: //=> does not follow an expression statement`);
    }
    if (edits.some((e) => e.start === before.getStart(source))) {
      throw new Error(`line ${marker.line}: two //=> results for one statement`);
    }
    let pattern: Pattern;
    try {
      pattern = parseExpected(marker.text);
    } catch (e) {
      throw new Error(`line ${marker.line}: ${(e as Error).message}`);
    }
    checks.push({ line: marker.line, shown: marker.text.trim(), pattern });
    const expression = before.expression.getText(source);
    edits.push({
      start: before.getStart(source),
      end: before.end,
      text: `__show(${k}, () => (${expression}));`,
    });
  });
  let rewritten = code;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    rewritten = rewritten.slice(0, e.start) + e.text + rewritten.slice(e.end);
  }
  const body = ts.transpileModule(rewritten, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: false,
      verbatimModuleSyntax: false,
    },
  }).outputText;
  return { checks, body, specifiers: [...specifiers], identifiers };
}

/** What running an example found: one list of differences per check, and an error outside checks. */
export interface ExampleOutcome {
  readonly failures: readonly string[];
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...args: unknown[]) => Promise<unknown>;

/**
 * Runs a compiled example with `scope` (the names it may use without importing) and `modules` (what
 * its imports resolve to), and returns the differences between each result and what it shows.
 */
export async function runExample(
  compiled: CompiledExample,
  scope: Readonly<Record<string, unknown>>,
  modules: Readonly<Record<string, unknown>>,
): Promise<ExampleOutcome> {
  const failures: string[] = [];
  const done = new Set<number>();
  const pending: Promise<void>[] = [];
  const record = (k: number, differences: string[]): void => {
    done.add(k);
    const check = compiled.checks[k]!;
    for (const d of differences) failures.push(`line ${check.line} (//=> ${check.shown}): ${d}`);
  };
  const show = (k: number, f: () => unknown): void => {
    const pattern = compiled.checks[k]!.pattern;
    let value: unknown;
    try {
      value = f();
    } catch (e) {
      record(k, compareThrown(pattern, e));
      return;
    }
    if (value instanceof Promise) {
      pending.push(
        value.then(
          (v) => record(k, compare(pattern, v)),
          (e) => record(k, compareThrown(pattern, e)),
        ),
      );
    } else record(k, compare(pattern, value));
  };
  const require = (specifier: string): unknown => {
    if (!Object.hasOwn(modules, specifier)) throw new Error(`the example imports unknown ${specifier}`);
    return modules[specifier];
  };
  const reserved = new Set(['require', 'exports', '__show']);
  const names = Object.keys(scope).filter(
    (n) => compiled.identifiers.has(n) && !reserved.has(n) && /^[A-Za-z_$][\w$]*$/.test(n),
  );
  const run = new AsyncFunction(
    'require',
    'exports',
    '__show',
    ...names,
    `"use strict";\n{\n${compiled.body}\n}`,
  );
  try {
    await run(require, {}, show, ...names.map((n) => scope[n]));
    await Promise.all(pending);
  } catch (e) {
    failures.push(
      `the example threw outside a checked statement: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`,
    );
  }
  compiled.checks.forEach((c, k) => {
    if (!done.has(k)) failures.push(`line ${c.line} (//=> ${c.shown}): the statement was never run`);
  });
  return { failures };
}
