/**
 * The command-line shell: parses arguments with commander, hands each command the process view
 * (`CliIo`) and turns its result into an exit code. It is the only place that maps outcomes to
 * exit codes; the commands themselves return them.
 */
import { Command, CommanderError } from 'commander';
import { processIo, type CliIo } from './io.js';
import { ExitCode } from './exit-codes.js';
import { describeConfigError } from './errors.js';
import { TOOL_VERSION } from '../version.js';
import { registerValidateCommand } from './commands/validate.js';
import { registerEmulatorCommand } from './commands/emulator.js';
import { registerPlanCommand } from './commands/plan.js';
import { registerApplyCommand } from './commands/apply.js';
import { registerDriftCommand } from './commands/drift.js';
import { registerExportCommand } from './commands/export.js';
import { registerIamPolicyCommand } from './commands/iam-policy.js';
import { registerInitCommand } from './commands/init.js';
import { registerCompletionCommand } from './commands/completion.js';
import { registerPlanCombineCommand, registerShardsCommand } from './commands/shards.js';
import { addGlobalOptions } from './global-options.js';
import { sanitizeLine } from '../render/plan-values.js';

/** What a command module contributes: it adds its subcommand and reports its exit code through `setExit`. */
export type CommandRegistrar = (program: Command, io: CliIo, setExit: (code: number) => void) => void;

const registrars: readonly CommandRegistrar[] = [
  registerValidateCommand,
  registerPlanCommand,
  registerApplyCommand,
  registerDriftCommand,
  registerExportCommand,
  registerIamPolicyCommand,
  registerEmulatorCommand,
  registerInitCommand,
  registerCompletionCommand,
  registerShardsCommand,
  registerPlanCombineCommand,
];

/** Builds the commander program over the given IO (exported for tests and help goldens). */
export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('smus-gitops')
    .description(
      'Declarative GitOps for SageMaker Unified Studio (DataZone V2) and SageMaker AI Studio domains',
    )
    .version(TOOL_VERSION, '-V, --version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  addGlobalOptions(program);
  for (const register of registrars) register(program, io, setExit);
  return program;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exit: number = ExitCode.Ok;
  const program = buildProgram(io, (code) => {
    exit = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exit;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride with code 0; usage mistakes are exit 1.
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Error;
    }
    const config = describeConfigError(error);
    if (config) {
      io.stderr(`smus-gitops: ${config.message}\n`);
      return config.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`smus-gitops: internal error: ${sanitizeLine(message)}\n`);
    if (io.env['SMUS_GITOPS_DEBUG'] && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return ExitCode.Error;
  }
}
