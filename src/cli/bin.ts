import { readFile } from 'node:fs/promises';
import { runCli } from './main.js';

declare const __GVCKIT_VERSION__: string;

// A closed pipe (`gvckit io … | head`) ends the output quietly instead of raising an unhandled
// `EPIPE` error with a stack trace; any other write error ends the program with exit code 1.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') process.exitCode = 1;
    process.exit();
  });
}

/** The whole of standard input as UTF-8 text (the file argument `-`). */
async function readStdin(): Promise<string> {
  process.stdin.setEncoding('utf8');
  let text = '';
  for await (const chunk of process.stdin) text += chunk as string;
  return text;
}

// runCli never rejects and never prints a stack trace; the handler below is a last resort that keeps
// that promise should it ever fail.
runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(`${t}\n`),
  stderr: (t) => process.stderr.write(`${t}\n`),
  readFile: (p) => readFile(p, 'utf8'),
  readStdin,
  version: typeof __GVCKIT_VERSION__ === 'string' ? __GVCKIT_VERSION__ : '0.0.0',
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('gvckit: unexpected error\n');
    process.exitCode = 1;
  },
);
