/**
 * The build's pure-marking of schema calls (used by tsup.config.ts's ESM build): see
 * {@link markSchemaCallsPure}. Tested in tests/consumer/bundle-size.test.ts.
 */
import { readFileSync } from 'node:fs';
import type { Options } from 'tsup';

/** A call `z.name(` or `z.name<T>(`. */
const Z_CALL = /^z\.[A-Za-z_$][\w$]*(<[^;()]*>)?\(/;
/** The end of `const NAME =` or `const NAME: Type =` at the start of a line (a top-level constant). */
const TOP_CONST = /(^|\n)(export )?const [A-Za-z_$][\w$]*(: [^=;]+)? = $/;
/** An expression that starts with a call (`f(`, `a.b<T>(`, `new X(`) or a chain on a name (`z⏎  .number(`). */
const CALL_START =
  /^(new [A-Za-z_$][\w$.]*\(|[A-Za-z_$][\w$.]*(<[^;()]*>)?\(|[A-Za-z_$][\w$]*\s*\n\s*\.[A-Za-z_$][\w$]*\()/;

/**
 * Marks as `/* @__PURE__ *\/` each call `z.name(` (or `z.name<T>(`) of the sources' code (not
 * comments, strings or regular expressions), and the initialiser of each top-level `const` that is a
 * call or a `new` (`const EndMarket = namedEnum([...])`, `const Weight = z⏎  .number()…`), so that a
 * bundler drops the schemas and tables a module defines but the app does not reach (zod/mini marks its
 * own the same way). A module's top-level constants are values (CONTRIBUTING: nothing computed at
 * module load); statements with an effect (`setHooks(…)`) are not touched.
 */
export function markSchemaCallsPure(source: string): string {
  let out = '';
  let i = 0;
  let last = ''; // the last significant character of code, to tell a regular expression from a division
  const templates: number[] = []; // brace depth at which each open `${` of a template literal resumes
  let depth = 0;
  const n = source.length;
  const skipString = (q: string) => {
    let j = i + 1;
    while (j < n && source[j] !== q) j += source[j] === '\\' ? 2 : 1;
    return j + 1;
  };
  const skipTemplate = (from: number): number => {
    // From inside a template literal to its end, or to a `${` (pushing the depth to come back to).
    let j = from;
    while (j < n) {
      if (source[j] === '\\') j += 2;
      else if (source[j] === '`') return j + 1;
      else if (source[j] === '$' && source[j + 1] === '{') {
        templates.push(depth);
        depth++;
        return j + 2;
      } else j++;
    }
    return j;
  };
  while (i < n) {
    const c = source[i] as string;
    const next = source[i + 1];
    let j = i + 1;
    if (c === '/' && next === '/') j = source.indexOf('\n', i) < 0 ? n : source.indexOf('\n', i);
    else if (c === '/' && next === '*')
      j = source.indexOf('*/', i + 2) < 0 ? n : source.indexOf('*/', i + 2) + 2;
    else if (c === "'" || c === '"') j = skipString(c);
    else if (c === '`') j = skipTemplate(i + 1);
    else if (
      c === '/' &&
      (last === '' || '(,=:[!&|?{};+-*%<>~^'.includes(last) || /\breturn\s*$/.test(out.slice(-16)))
    ) {
      let inClass = false;
      j = i + 1;
      while (j < n && (inClass || source[j] !== '/') && source[j] !== '\n') {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        j++;
      }
      j++;
    } else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (templates.length > 0 && templates[templates.length - 1] === depth) {
        templates.pop();
        j = skipTemplate(i + 1);
      }
    } else if (
      depth === 0 &&
      templates.length === 0 &&
      /[A-Za-z_$]/.test(c) &&
      TOP_CONST.test(out.slice(-200))
    ) {
      if (CALL_START.test(source.slice(i, i + 200))) out += '/* @__PURE__ */ ';
    } else if (c === 'z' && source[i + 1] === '.' && !/[\w$.]/.test(source[i - 1] ?? '')) {
      if (Z_CALL.test(source.slice(i, i + 200))) out += '/* @__PURE__ */ ';
    }
    const piece = source.slice(i, j);
    out += piece;
    const code = piece.trim();
    if (!(c === '/' && (next === '/' || next === '*')) && code !== '') last = code[code.length - 1] as string;
    i = j;
  }
  return out;
}

export const pureSchemas: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'gvckit-pure-schemas',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => ({
      contents: markSchemaCallsPure(readFileSync(args.path, 'utf8')),
      loader: 'ts',
    }));
  },
};
