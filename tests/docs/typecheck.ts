/**
 * Type-checks the examples as a user's TypeScript would, with the project's compiler options
 * (`strict`, `noUncheckedIndexedAccess`, `exactOptionalPropertyTypes`; `gvckit`, `gvckit/io` and
 * `gvckit/data` mapped to `src/`): each example becomes a module that imports the names it uses
 * from its entry point (the names the documentation shows it without importing), then its own
 * imports, then its code in a block (so that its declarations may shadow a library name).
 */
import { join } from 'node:path';
import ts from 'typescript';
import type { Example } from './extract.js';
import { repositoryRoot } from './extract.js';

/** What an example may use without importing it: its entry point, and its module if it is internal. */
export interface ExampleScope {
  readonly entry: string;
  /** The runtime names of the entry point. */
  readonly values: ReadonlySet<string>;
  /** The module of an `@internal` example (its specifier), with its runtime and type names; else undefined. */
  readonly own?: {
    readonly specifier: string;
    readonly values: ReadonlySet<string>;
    readonly types: ReadonlySet<string>;
  };
}

/** The names an example's code declares, imports, uses as values and uses as types. */
function namesOf(source: ts.SourceFile): { imported: Set<string>; used: Set<string>; types: Set<string> } {
  const imported = new Set<string>();
  const used = new Set<string>();
  const types = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isImportSpecifier(node) || ts.isNamespaceImport(node) || ts.isImportClause(node)) {
      if (node.name) imported.add(node.name.text);
    }
    if (ts.isTypeReferenceNode(node)) {
      let name: ts.EntityName = node.typeName;
      while (ts.isQualifiedName(name)) name = name.left;
      types.add(name.text);
    }
    if (ts.isIdentifier(node)) used.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imported, used, types };
}

/** The type names a module exports by a declaration (`export type X`, `export interface X`, `export { type X }`). */
export function exportedTypeNames(moduleText: string): Set<string> {
  const source = ts.createSourceFile('module.ts', moduleText, ts.ScriptTarget.ES2022, false);
  const out = new Set<string>();
  const exported = (s: ts.Statement): boolean =>
    ts.canHaveModifiers(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const s of source.statements) {
    if (
      (ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s) || ts.isClassDeclaration(s)) &&
      exported(s)
    ) {
      if (s.name) out.add(s.name.text);
    } else if (ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause)) {
      for (const e of s.exportClause.elements) out.add(e.name.text);
    }
  }
  return out;
}

/** The text of the module that checks one example. */
export function exampleModule(code: string, scope: ExampleScope): { text: string; prefixLines: number } {
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const { imported, used, types } = namesOf(source);
  const imports: string[] = [];
  const importFrom = (
    specifier: string,
    values: ReadonlySet<string>,
    taken: Set<string>,
    typesHere?: ReadonlySet<string>,
  ): void => {
    const names = [...used].filter((n) => !imported.has(n) && !taken.has(n) && values.has(n));
    const typeNames = [...types].filter(
      (n) => !imported.has(n) && !taken.has(n) && !values.has(n) && (typesHere?.has(n) ?? true),
    );
    for (const n of [...names, ...typeNames]) taken.add(n);
    const list = [...names, ...typeNames.map((n) => `type ${n}`)];
    if (list.length > 0) imports.push(`import { ${list.join(', ')} } from '${specifier}';`);
  };
  const taken = new Set<string>();
  const localTypes = new Set<string>();
  for (const s of source.statements) {
    if (ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s)) localTypes.add(s.name.text);
  }
  for (const t of localTypes) taken.add(t);
  // Own-module names first: they are the ones an internal example means.
  if (scope.own) importFrom(scope.own.specifier, scope.own.values, taken, scope.own.types);
  importFrom(scope.entry, scope.values, taken);
  const own = source.statements.filter(ts.isImportDeclaration).map((s) => s.getText(source));
  const head = [...imports, ...own, '{'];
  // The code keeps its lines (its import lines become blank) so that positions map back.
  const lines = code.split('\n');
  for (const s of source.statements.filter(ts.isImportDeclaration)) {
    const from = source.getLineAndCharacterOfPosition(s.getStart(source)).line;
    const to = source.getLineAndCharacterOfPosition(s.end).line;
    for (let l = from; l <= to; l++) lines[l] = '';
  }
  return { text: [...head, ...lines, '}', 'export {};', ''].join('\n'), prefixLines: head.length };
}

/** One type error of an example, at a line of its source file. */
export interface TypeProblem {
  readonly example: Example;
  readonly line: number;
  readonly message: string;
}

/** Type-checks the examples (one program for all of them); returns every problem found. */
export function typecheckExamples(
  examples: ReadonlyArray<{ example: Example; scope: ExampleScope }>,
): TypeProblem[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(repositoryRoot, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => console.error(d.messageText) },
  );
  if (config === undefined) throw new Error('tsconfig.json does not parse');
  const options: ts.CompilerOptions = { ...config.options, noEmit: true, incremental: false };
  const virtual = new Map<string, { text: string; prefixLines: number; example: Example }>();
  examples.forEach(({ example, scope }, i) => {
    if (example.code === undefined) return;
    const name = join(repositoryRoot, 'tests', 'docs', '__examples__', `example-${i}.ts`);
    virtual.set(name, { ...exampleModule(example.code, scope), example });
  });
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (file, language, ...rest) => {
    const v = virtual.get(file);
    return v ? ts.createSourceFile(file, v.text, language, true) : getSourceFile(file, language, ...rest);
  };
  host.fileExists = (file) => virtual.has(file) || fileExists(file);
  host.readFile = (file) => virtual.get(file)?.text ?? readFile(file);
  const program = ts.createProgram([...virtual.keys()], options, host);
  const problems: TypeProblem[] = [];
  for (const [file, v] of virtual) {
    const sf = program.getSourceFile(file)!;
    const diagnostics = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    for (const d of diagnostics) {
      const line = sf.getLineAndCharacterOfPosition(d.start ?? 0).line - v.prefixLines;
      problems.push({
        example: v.example,
        line: v.example.codeLine + Math.max(0, line),
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      });
    }
  }
  return problems;
}
