import type { Timing } from '../aws/rate-budget.js';
import { terminalConfirm } from './prompt.js';

/**
 * The CLI's view of the process: streams, environment, working directory. Commands receive it
 * instead of touching `process`, so that tests run them in-process and compare whole outputs.
 */
export interface CliIo {
  /** Human output (plans, summaries, diagnostics). */
  readonly stdout: (text: string) => void;
  /** Logs and warnings. */
  readonly stderr: (text: string) => void;
  /** Environment variables (only read, never mutated). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Directory that relative paths resolve against. */
  readonly cwd: string;
  /** Whether stdout is a terminal (colour, prompts). */
  readonly isTTY: boolean;
  /** Whether stderr is a terminal (read progress lines); false when absent. */
  readonly stderrIsTTY?: boolean;
  /** Resolves when the user asks the command to stop (SIGINT/SIGTERM); long-running commands await it. */
  readonly interrupted: Promise<void>;
  /** Asks a yes/no question on the terminal; absent when there is no terminal to ask on. */
  readonly confirm?: (question: string) => Promise<boolean>;
  /**
   * Clock and sleep of the live read's and apply's rate budgets, backoff and waits; real time
   * when absent. The reliability campaigns inject a virtual clock: against an emulator without
   * rate limits, real waiting proves nothing and would dominate their run time.
   */
  readonly timing?: Timing;
  /**
   * True once stdout's reader went away (EPIPE: `plan | head -1`). Output after that is
   * discarded; commands keep running (an apply never stops half-way because nobody reads).
   */
  readonly stdoutClosed?: () => boolean;
}

/**
 * A writer that survives its reader going away: an EPIPE (or any write error) marks the stream
 * closed and later writes are dropped. Node ignores SIGPIPE and reports a closed pipe as an
 * 'error' event; without a listener that event is an uncaught exception with a stack trace.
 */
export function epipeSafe(stream: NodeJS.WritableStream): {
  write: (text: string) => void;
  closed: () => boolean;
} {
  let closed = false;
  stream.on('error', () => {
    closed = true;
  });
  return {
    write: (text) => {
      if (closed) return;
      try {
        stream.write(text);
      } catch {
        closed = true;
      }
    },
    closed: () => closed,
  };
}

/** The `CliIo` of the real process. */
export function processIo(): CliIo {
  const out = epipeSafe(process.stdout);
  const err = epipeSafe(process.stderr);
  const confirm = terminalConfirm(process.stdin, Boolean(process.stdout.isTTY), out.write);
  return {
    ...(confirm ? { confirm } : {}),
    stdout: out.write,
    stderr: err.write,
    stdoutClosed: out.closed,
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    interrupted: new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
  };
}
