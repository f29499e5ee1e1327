import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * Runs src/cli/bin.ts in this process, as `gvckit ...argv`: process.argv is set, the writes to
 * stdout and stderr are captured (`write` may throw on chosen calls), and the module is evaluated
 * afresh. Returns what was written, the exit code set, and the stream error handlers it installed.
 */
async function runBin(
  argv: string[],
  {
    failStdout = false,
    failStderrOnce = false,
    version,
  }: { failStdout?: boolean; failStderrOnce?: boolean; version?: string } = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  let stderrFailures = failStderrOnce ? 1 : 0;
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    if (failStdout) throw new Error('stdout closed');
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    if (stderrFailures-- > 0) throw new Error('stderr closed');
    err.push(String(chunk));
    return true;
  });
  const before = {
    stdout: process.stdout.listeners('error'),
    stderr: process.stderr.listeners('error'),
  };
  process.argv = ['node', 'gvckit', ...argv];
  process.exitCode = undefined;
  if (version !== undefined) vi.stubGlobal('__GVCKIT_VERSION__', version);
  vi.resetModules();
  await import('../../src/cli/bin.js');
  await vi.waitFor(() => expect(process.exitCode).not.toBeUndefined());
  const code = process.exitCode;
  const added = {
    stdout: process.stdout.listeners('error').filter((l) => !before.stdout.includes(l)),
    stderr: process.stderr.listeners('error').filter((l) => !before.stderr.includes(l)),
  };
  for (const l of added.stdout) process.stdout.off('error', l as (e: Error) => void);
  for (const l of added.stderr) process.stderr.off('error', l as (e: Error) => void);
  return { out: out.join(''), err: err.join(''), code, added };
}

// Each run evaluates the CLI's whole module graph afresh: seconds on a busy machine.
describe('gvckit (the executable, src/cli/bin.ts)', { timeout: 60_000 }, () => {
  const argv = process.argv;
  const exitCode = process.exitCode;
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    process.argv = argv;
    process.exitCode = exitCode;
  });

  it('runs the command line, writes each text with a line feed and sets the exit code', async () => {
    const r = await runBin(['--version']);
    // Without the version tsup defines at build time, 0.0.0.
    expect([r.out, r.err, r.code]).toEqual(['0.0.0\n', '', 0]);
    const bad = await runBin(['nope']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^gvckit: unknown command "nope"/);
  });

  it('prints the version defined at build time', async () => {
    expect((await runBin(['-v'], { version: '1.2.3' })).out).toBe('1.2.3\n');
  });

  it('reads the file named on the command line', async () => {
    const r = await runBin(['clusters', 'tests/fixtures/african-clusters-table1.tsv', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('cluster,country,market_orientation,dynamism,survivalist');
  });

  it('should runCli ever fail, prints one line and exits 1', async () => {
    // stdout fails, then the report of that failure to stderr fails: runCli's promise rejects.
    const r = await runBin(['--version'], { failStdout: true, failStderrOnce: true });
    expect([r.err, r.code]).toEqual(['gvckit: unexpected error\n', 1]);
  });

  it('ends quietly on a closed pipe (EPIPE), with exit code 1 on any other write error', async () => {
    const r = await runBin(['--version']);
    expect(r.added.stdout).toHaveLength(1);
    expect(r.added.stderr).toHaveLength(1);
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    const [onStdoutError] = r.added.stdout as Array<(e: NodeJS.ErrnoException) => void>;
    const [onStderrError] = r.added.stderr as Array<(e: NodeJS.ErrnoException) => void>;
    process.exitCode = 0;
    onStdoutError?.(Object.assign(new Error('EPIPE'), { code: 'EPIPE' }));
    expect([exit.mock.calls.length, process.exitCode]).toEqual([1, 0]);
    onStderrError?.(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }));
    expect([exit.mock.calls.length, process.exitCode]).toEqual([2, 1]);
  });
});
