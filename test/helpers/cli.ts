/** Runs the CLI in-process with captured output, as a user would see it. */
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { timingFor } from './emulator.js';

/** What a CLI run printed and returned. */
export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `smus-gitops <argv>` in `cwd` (default: the project root) and captures its output. The
 * CLI's waits run on `timing` when given; otherwise, when `--endpoint-url` names a running test
 * emulator, on that emulator's clock (emulatorTiming: pacing, backoff and lifecycle polls cost no
 * real time, issue 18), unless the run can be interrupted (an interrupt lands in real time); real
 * time otherwise.
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
    ...timingOf(argv, options),
  };
  const exitCode = await main(argv, io);
  return { exitCode, stdout, stderr };
}

function timingOf(argv: string[], options: { interrupted?: Promise<void>; timing?: CliIo['timing'] }) {
  if (options.timing) return { timing: options.timing };
  if (options.interrupted) return {};
  const at = argv.indexOf('--endpoint-url');
  const inline = argv.find((a) => a.startsWith('--endpoint-url='));
  const endpoint = at >= 0 ? argv[at + 1] : inline?.slice('--endpoint-url='.length);
  const timing = timingFor(endpoint);
  return timing ? { timing } : {};
}
