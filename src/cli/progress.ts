import type { PanelProgress } from '../io/index.js';
import type { CliContext } from './types.js';

/**
 * What the `io` command may know of the terminal beyond {@link CliContext}: whether stdout and
 * stderr are terminals, the terminal's width, a raw writer to stderr (no line feed added, control
 * characters kept: the progress bar's `\r`), and a writer of bytes to stdout (Arrow). `bin.ts`
 * passes none of them today, so each falls back to `process`; tests pass their own.
 */
export interface TerminalContext extends CliContext {
  readonly terminal?: {
    readonly stdoutIsTTY: boolean;
    readonly stderrIsTTY: boolean;
    readonly columns?: number;
    readonly writeStderr: (text: string) => void;
    readonly writeStdoutBytes: (bytes: Uint8Array) => void;
  };
}

/** The terminal of a context: its own, or the process's streams. */
export function terminalOf(ctx: CliContext): NonNullable<TerminalContext['terminal']> {
  const own = (ctx as TerminalContext).terminal;
  if (own !== undefined) return own;
  return {
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stderr.columns,
    writeStderr: (t) => process.stderr.write(t),
    writeStdoutBytes: (b) => process.stdout.write(b),
  };
}

/** The widest bar drawn, in characters. */
const BAR = 30;

/**
 * A progress bar on stderr for a panel: `[########······················] 2/7 years  2019 compute`,
 * redrawn in place with `\r`, and erased when `end` is called; `undefined` when stderr is not a
 * terminal (piped or redirected output gets no progress text at all).
 */
export function progressBar(
  ctx: CliContext,
): { onProgress: (p: PanelProgress) => void; end: () => void } | undefined {
  const term = terminalOf(ctx);
  if (!term.stderrIsTTY) return undefined;
  const width = Math.max(10, Math.min(BAR, (term.columns ?? 80) - 40));
  let shown = false;
  return {
    onProgress: ({ year, phase, done, total }) => {
      const full = total === 0 ? width : Math.round((width * done) / total);
      const bar = `${'#'.repeat(full)}${'·'.repeat(width - full)}`;
      term.writeStderr(`\r\u001b[K[${bar}] ${done}/${total} years  ${year} ${phase}`);
      shown = true;
    },
    end: () => {
      if (shown) term.writeStderr('\r\u001b[K');
      shown = false;
    },
  };
}
