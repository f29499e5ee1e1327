import { readFile } from 'node:fs/promises';
import { runCli } from './main.js';

declare const __GVCKIT_VERSION__: string;

runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(`${t}\n`),
  stderr: (t) => process.stderr.write(`${t}\n`),
  readFile: (p) => readFile(p, 'utf8'),
  version: typeof __GVCKIT_VERSION__ === 'string' ? __GVCKIT_VERSION__ : '0.0.0',
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(
      `gvckit: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exitCode = 1;
  },
);
