/** Runs the CLI in-process with captured output, as a user would see it. */
import { afterAll, beforeAll } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { timingFor } from './emulator.js';

/** What a CLI run printed and returned. */
export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Whether the current test file opted in to the emulator's clock (useEmulatorClock). */
let emulatorClock = false;

/**
 * Opts the calling test file in: its runCli calls against a running test emulator run the CLI's
 * waits on that emulator's clock (emulatorTiming: pacing at AWS's rates, backoff and lifecycle
 * polls cost no real time, issue 18). Opt-in per file, not the default: concurrent changes then
 * interleave differently than under real-time pacing, so ids the emulator draws from its world
 * counter differ, and some files' snapshots pin such ids. Call at the top level of the file.
 */
export function useEmulatorClock(): void {
  beforeAll(() => {
    emulatorClock = true;
  });
  // Files share a worker's modules (isolate: false): the next file starts on real time again.
  afterAll(() => {
    emulatorClock = false;
  });
}

/**
 * Runs `smus-gitops <argv>` in `cwd` (default: the project root) and captures its output. The
 * CLI's waits run on `timing` when given; otherwise, in a file that called useEmulatorClock and
 * when `--endpoint-url` names a running test emulator, on that emulator's clock, unless the run can
 * be interrupted (an interrupt lands in real time); real time otherwise.
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
  if (options.interrupted || !emulatorClock) return {};
  const at = argv.indexOf('--endpoint-url');
  const inline = argv.find((a) => a.startsWith('--endpoint-url='));
  const endpoint = at >= 0 ? argv[at + 1] : inline?.slice('--endpoint-url='.length);
  const timing = timingFor(endpoint);
  return timing ? { timing } : {};
}
