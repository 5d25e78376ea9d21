/**
 * The CLI run in-process for the campaigns, as test/helpers/cli.ts runs it, but with the CLI's
 * waits on a virtual clock (see virtual-time.ts).
 */
import { runCli, type CliRun } from '../../helpers/cli.js';
import { virtualTiming } from './virtual-time.js';

/** Runs `smus-gitops <argv>` in the project root and captures its output. */
export function runCampaignCli(
  argv: string[],
  options: { env: Record<string, string>; interrupted?: Promise<void>; cwd?: string },
): Promise<CliRun> {
  return runCli(argv, { ...options, timing: virtualTiming() });
}
