/** The `iam-policy` command's body (implemented with the multi-account issue). */
import { ExitCode } from '../exit-codes.js';
import type { IamPolicyCommandOptions } from '../commands/iam-policy.js';
import type { GlobalOptions } from '../global-options.js';
import type { CliIo } from '../io.js';

/** Runs `iam-policy`; returns the exit code. */
export async function runIamPolicy(
  _options: IamPolicyCommandOptions,
  _globals: GlobalOptions,
  io: CliIo,
): Promise<number> {
  io.stderr('smus-gitops: iam-policy is not implemented yet\n');
  return ExitCode.Error;
}
