import type { Timing } from '../apply/rate-budget.js';

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
}

/** The `CliIo` of the real process. */
export function processIo(): CliIo {
  const canAsk = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  return {
    ...(canAsk ? { confirm: askOnTerminal } : {}),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    interrupted: new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
  };
}

async function askOnTerminal(question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`${question} Only 'yes' will be accepted: `);
    return answer.trim() === 'yes';
  } finally {
    rl.close();
  }
}
