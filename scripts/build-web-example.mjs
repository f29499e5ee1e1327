/**
 * Builds and serves the browser example of examples/web.
 *
 *   node scripts/build-web-example.mjs            build examples/web/build/main.js
 *   node scripts/build-web-example.mjs --serve    build, then serve examples/web on http://127.0.0.1:8080
 *                                                 (--port N to choose; 0 for any free port)
 *
 * The bundle is made by esbuild from examples/web/main.ts, with `gvckit`, `gvckit/io` and `gvckit/data`
 * resolved to the BUILT package (dist/, run `npm run build` first), as an application would get them
 * from npm, with no other configuration: no Node built-in may reach the browser bundle. The server sends the cross-origin isolation headers (COOP/COEP), so the page may use
 * SharedArrayBuffer like any isolated app. Also imported by tests/consumer/web.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const webDir = join(root, 'examples/web');

/**
 * The built file a bundler targeting browsers gets for `gvckit`, `gvckit/io` or `gvckit/data`: read from
 * the package's `exports` map (conditions `browser`, then `import`, then `default`), as from npm.
 */
function builtEntry(specifier) {
  const exports = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).exports;
  let target = exports[`.${specifier.slice('gvckit'.length)}`];
  while (target !== null && typeof target === 'object')
    target = target.browser ?? target.import ?? target.default;
  if (typeof target !== 'string') throw new Error(`package.json exports nothing for ${specifier}`);
  const file = join(root, target);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return file;
}

/**
 * Bundles examples/web/main.ts into `outDir/main.js` (minified, with a source map).
 * @param {string} outDir - where to write (default examples/web/build)
 * @returns {Promise<{ file: string, bytes: number, gvckitBytes: number }>} the bundle written, its size
 *   and the part of it that is gvckit's own code
 */
export async function buildWebExample(outDir = join(webDir, 'build')) {
  const esbuild = await import('esbuild');
  const file = join(outDir, 'main.js');
  const result = await esbuild.build({
    entryPoints: [join(webDir, 'main.ts')],
    outfile: file,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    plugins: [
      {
        name: 'gvckit-built-package',
        setup(build) {
          build.onResolve({ filter: /^gvckit(\/(io|data))?$/ }, (args) => ({
            path: builtEntry(args.path),
          }));
        },
      },
    ],
  });
  const [, output] = Object.entries(result.metafile.outputs).find(([name]) => name.endsWith('main.js'));
  let gvckitBytes = 0; // gvckit's own modules in the bundle (its dependencies, such as zod, apart)
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    if (resolve(input).startsWith(join(root, 'dist'))) gvckitBytes += bytesInOutput;
  }
  return { file, bytes: output.bytes, gvckitBytes };
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/**
 * Serves examples/web on localhost, with `/build/…` taken from `buildDir`.
 * @param {{ port?: number, buildDir?: string }} options - port 0 (default) picks a free one
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function serveWebExample({ port = 0, buildDir = join(webDir, 'build') } = {}) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const rel = normalize(path === '/' ? 'index.html' : path.slice(1));
    const base = rel.startsWith(`build${sep}`) ? buildDir : webDir;
    const file = join(base, rel.startsWith(`build${sep}`) ? rel.slice(6) : rel);
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cache-Control': 'no-store',
    };
    if (rel.startsWith('..') || !file.startsWith(base) || !existsSync(file)) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolvePromise({
        url: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const built = await buildWebExample();
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`${built.file}: ${kb(built.bytes)} minified, of which gvckit ${kb(built.gvckitBytes)}`);
  if (args.includes('--serve')) {
    const at = args.indexOf('--port');
    const port = at >= 0 ? Number(args[at + 1]) : 8080;
    const { url } = await serveWebExample({ port });
    console.log(`gvckit web example: open ${url} (Ctrl-C to stop)`);
  }
}
