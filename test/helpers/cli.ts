/** Runs the CLI in-process with captured output, as a user would see it. */
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

/** What a CLI run printed and returned. */
export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `smus-gitops <argv>` in `cwd` (default: the project root) and captures its output; the
 * CLI's waits run on `timing` when given (real time otherwise).
 */
export async function runCli(
  argv: string[],
  options: {
    cwd?: string;
    env?: Record<string, string>;
    interrupted?: Promise<void>;
    timing?: CliIo['timing'];
  } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    isTTY: false,
    interrupted: options.interrupted ?? new Promise(() => undefined),
    ...(options.timing ? { timing: options.timing } : {}),
  };
  const exitCode = await main(argv, io);
  return { exitCode, stdout, stderr };
}
