/**
 * Finds every TSDoc `@example` of `src/**\/*.ts`: its file, line, the name of what it documents, and
 * the code of its ```ts fence. Discovery only: nothing here lists the examples by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface Example {
  /** The file, relative to the repository root, with `/` separators (`src/chains/edit.ts`). */
  readonly file: string;
  /** The 1-based line of the `@example` tag in the file. */
  readonly line: number;
  /** The documented declaration (`setPrice`, `IcioInput`), or `(module)` for a file comment. */
  readonly symbol: string;
  /** The 1-based rank of this example among the examples of the same symbol in the same file. */
  readonly index: number;
  /** The code of the fence, without the comment's leading `*`, or `undefined` if it has no fence. */
  readonly code: string | undefined;
  /** The 1-based line in the file of the code's first line. */
  readonly codeLine: number;
}

/** The repository root (this file is `tests/docs/extract.ts`). */
export const repositoryRoot = join(import.meta.dirname, '..', '..');

/** Every `.ts` file under `dir`, sorted, as absolute paths. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.ts')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** `/abs/repo/src/x.ts` → `src/x.ts`. */
export function repoPath(absolute: string): string {
  return relative(repositoryRoot, absolute).split(sep).join('/');
}

const DECLARATION =
  /^\s*(?:export\s+)?(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\s*\*?|const|let|var|class|type|interface|enum|namespace)\s+([A-Za-z_$][\w$]*)/;
const MEMBER =
  /^\s*(?:(?:public|private|protected|static|readonly|override|async|get|set)\s+)*([A-Za-z_$][\w$]*)\s*[?!]?\s*[(<:=]/;

/** The name declared right after a doc comment ending at `end`, or `(module)`. */
function documentedName(text: string, end: number): string {
  const rest = text.slice(end).replace(/^\s*(?:\/\/[^\n]*\n\s*)*/, '');
  const m = DECLARATION.exec(rest) ?? MEMBER.exec(rest);
  return m?.[1] ?? '(module)';
}

/** The lines of a doc comment body, without ` * ` prefixes. */
function commentLines(comment: string): string[] {
  return comment
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, '').replace(/^\s*\*$/, ''));
}

/** The examples of one file's text. */
export function examplesOf(file: string, text: string): Example[] {
  const out: Example[] = [];
  const perSymbol = new Map<string, number>();
  for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const comment = m[0];
    if (!comment.includes('@example')) continue;
    const start = m.index ?? 0;
    const symbol = documentedName(text, start + comment.length);
    const lines = commentLines(comment);
    const firstLine = text.slice(0, start).split('\n').length;
    for (let i = 0; i < lines.length; i++) {
      if (!/^@example\b/.test(lines[i]!.trim())) continue;
      // The section runs to the next block tag (outside a fence) or the end of the comment.
      const body: string[] = [];
      let inFence = false;
      let j = i + 1;
      for (; j < lines.length; j++) {
        const l = lines[j]!;
        if (/^\s*```/.test(l)) inFence = !inFence;
        else if (!inFence && /^\s*@\w/.test(l)) break;
        body.push(l);
      }
      const index = (perSymbol.get(symbol) ?? 0) + 1;
      perSymbol.set(symbol, index);
      const fence = body.findIndex((l) => /^\s*```/.test(l));
      const codeLine = firstLine + i + fence + 2;
      out.push({ file, line: firstLine + i, symbol, index, code: fencedCode(body), codeLine });
      i = j - 1;
    }
  }
  return out;
}

/** The code of the ```ts (or ```js, ```typescript) fences of an example section, joined; or undefined. */
function fencedCode(body: string[]): string | undefined {
  const code: string[] = [];
  let found = false;
  let inFence = false;
  for (const l of body) {
    const fence = /^\s*```\s*(\w*)/.exec(l);
    if (fence) {
      if (!inFence && !['ts', 'typescript', 'js', 'javascript'].includes(fence[1] ?? '')) return undefined;
      inFence = !inFence;
      found = true;
      continue;
    }
    if (inFence) code.push(l);
  }
  return found && !inFence ? code.join('\n') : undefined;
}

/** Every example of `src/**\/*.ts`, in file order. */
export function allExamples(): Example[] {
  return sourceFiles(join(repositoryRoot, 'src')).flatMap((f) =>
    examplesOf(repoPath(f), readFileSync(f, 'utf8')),
  );
}

/** The number of `@example` tags in the text of `src/**\/*.ts` (a check on the extraction). */
export function exampleTagCount(): number {
  let n = 0;
  for (const f of sourceFiles(join(repositoryRoot, 'src'))) {
    n += readFileSync(f, 'utf8').match(/^\s*\*\s*@example\b/gm)?.length ?? 0;
  }
  return n;
}
