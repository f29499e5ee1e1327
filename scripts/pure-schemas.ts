/**
 * The build's pure-marking of schema calls (used by tsup.config.ts's ESM build): see
 * {@link markSchemaCallsPure}. Tested in tests/consumer/bundle-size.test.ts.
 */
import { readFileSync } from 'node:fs';
import type { Options } from 'tsup';
import ts from 'typescript';

const PURE = '/* @__PURE__ */ ';

/** A call `z.name(…)` (or `z.name<T>(…)`, or a chain starting so) on the zod namespace `z`. */
function isZodCall(node: ts.CallExpression): boolean {
  let callee: ts.Expression = node.expression;
  while (ts.isPropertyAccessExpression(callee) || ts.isCallExpression(callee)) {
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression))
      return callee.expression.text === 'z';
    callee = callee.expression;
  }
  return false;
}

/** A node whose body runs later, when called: what it contains is not evaluated at module load. */
function isDeferred(node: ts.Node): boolean {
  return ts.isFunctionLike(node) || ts.isClassLike(node);
}

/**
 * Marks calls as `/* @__PURE__ *\/` so that a bundler drops the schemas, checkers and tables a module
 * defines but the app does not reach (zod/mini marks its own the same way):
 * - every call and `new` evaluated by the initialiser of a top-level `const` — the outer call and the
 *   calls in its arguments (`const Stage = strictObject({ id: optional(IdCheck) })`: a bundler keeps
 *   an unused pure call's arguments unless they are pure too), but not calls inside the functions the
 *   initialiser defines (they run later, and may be statements kept for their effect);
 * - each call on zod's namespace, `z.name(…)`, wherever it is.
 *
 * The source is parsed with the TypeScript compiler, so comments, strings, template text and
 * regular expressions are never touched. A module's top-level constants are values (CONTRIBUTING:
 * nothing computed at module load); statements with an effect (`setHooks(…)`) are not touched.
 */
export function markSchemaCallsPure(source: string, fileName = 'module.ts'): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const marks = new Set<number>();
  const markCall = (node: ts.Node) => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) marks.add(node.getStart(file));
  };
  // Everything a top-level constant's initialiser evaluates at load, outside the functions it defines.
  const evaluated = (node: ts.Node): void => {
    if (isDeferred(node)) return;
    markCall(node);
    ts.forEachChild(node, evaluated);
  };
  const anywhere = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isZodCall(node)) marks.add(node.getStart(file));
    ts.forEachChild(node, anywhere);
  };
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement) && statement.declarationList.flags & ts.NodeFlags.Const) {
      for (const d of statement.declarationList.declarations) if (d.initializer) evaluated(d.initializer);
    }
  }
  anywhere(file);
  let out = '';
  let from = 0;
  for (const at of [...marks].sort((a, b) => a - b)) {
    out += source.slice(from, at) + PURE;
    from = at;
  }
  return out + source.slice(from);
}

export const pureSchemas: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'gvckit-pure-schemas',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => ({
      contents: markSchemaCallsPure(readFileSync(args.path, 'utf8'), args.path),
      loader: 'ts',
    }));
  },
};
