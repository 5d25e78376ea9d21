/** The `drift` command's body: the plan's reading and diffing, reported as drift. */
import { ExitCode } from '../exit-codes.js';
import type { DriftCommandOptions } from '../commands/drift.js';
import type { GlobalOptions } from '../global-options.js';
import type { CliIo } from '../io.js';
import { createLogger } from '../logger.js';
import { makePlan } from './make-plan.js';
import { hasChanges, renderPlan } from './plan-run.js';

/** Runs `drift`; returns 0 in sync, 2 on drift, 1 when live state could not be read. */
export async function runDrift(
  paths: string[],
  options: DriftCommandOptions,
  globals: GlobalOptions,
  io: CliIo,
): Promise<number> {
  const log = createLogger(io, globals.logLevel, globals.logFormat);
  const run = await makePlan(paths, globals, io, log);
  if ('exit' in run) return run.exit;
  try {
    const drifted = hasChanges(run.plan);
    if (options.format === 'text') {
      io.stdout(
        drifted
          ? 'Drift: live state differs from the manifests.\n\n'
          : 'In sync: live state matches the manifests.\n\n',
      );
    }
    io.stdout(renderPlan(run.plan, options.format, globals.color && io.isTTY));
    if (!run.observation.complete) return ExitCode.Error;
    return drifted ? ExitCode.Changes : ExitCode.Ok;
  } finally {
    await run.connection.close();
  }
}
