/** The `export` command's body (implemented with the GitOps issue). */
import { ExitCode } from '../exit-codes.js';
import type { ExportCommandOptions } from '../commands/export.js';
import type { GlobalOptions } from '../global-options.js';
import type { CliIo } from '../io.js';

/** Runs `export`; returns the exit code. */
export async function runExport(
  _options: ExportCommandOptions,
  _globals: GlobalOptions,
  io: CliIo,
): Promise<number> {
  io.stderr('smus-gitops: export is not implemented yet\n');
  return ExitCode.Error;
}
