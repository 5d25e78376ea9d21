/**
 * The CLI run in-process for the campaigns, as test/helpers/cli.ts runs it, but with apply's
 * waits on a virtual clock (see virtual-time.ts).
 */
import type { CliIo } from '../../../src/cli/io.js';
import { main } from '../../../src/cli/main.js';
import type { CliRun } from '../../helpers/cli.js';
import { virtualTiming } from './virtual-time.js';

/** Runs `smus-gitops <argv>` in the project root and captures its output. */
export async function runCampaignCli(
  argv: string[],
  options: { env: Record<string, string>; interrupted?: Promise<void> },
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
    env: options.env,
    cwd: process.cwd(),
    isTTY: false,
    interrupted: options.interrupted ?? new Promise(() => undefined),
    timing: virtualTiming(),
  };
  const exitCode = await main(argv, io);
  return { exitCode, stdout, stderr };
}
