/** The `drift` command's body: the plan's reading and diffing, reported as drift. */
import { renderPlanMarkdown } from '../../render/plan-markdown.js';
import type { DriftOutcome } from '../../github/drift-issue.js';
import { ExitCode } from '../exit-codes.js';
import type { DriftCommandOptions } from '../commands/drift.js';
import type { GlobalOptions } from '../global-options.js';
import { useColor } from '../color.js';
import type { CliIo } from '../io.js';
import { createLogger } from '../logger.js';
import { makePlan } from './make-plan.js';
import { appendSummary, hasChanges, renderPlan } from './plan-run.js';

/** Reports the outcome on each domain's drift issue (`--github-issue`). */
async function reportOnIssues(outcome: DriftOutcome, domains: readonly string[], io: CliIo): Promise<void> {
  const { syncDriftIssue } = await import('../../github/drift-issue.js');
  for (const domain of domains) {
    const url = await syncDriftIssue(outcome, { env: io.env, domain }, io);
    io.stderr(`smus-gitops: drift issue ${url}\n`);
  }
}

/** Runs `drift`; returns 0 in sync, 2 on drift, 1 when live state could not be read. */
export async function runDrift(
  paths: string[],
  options: DriftCommandOptions,
  globals: GlobalOptions,
  io: CliIo,
): Promise<number> {
  const log = createLogger(io, globals.logLevel, globals.logFormat);
  let run;
  try {
    run = await makePlan(paths, globals, io, log);
  } catch (error) {
    // A failed drift run is reported on the issue too, then fails the job.
    if (options.githubIssue && globals.domain) {
      await reportOnIssues({ kind: 'failed', message: (error as Error).message }, [globals.domain], io);
    }
    throw error;
  }
  if ('exit' in run) {
    if (options.githubIssue && globals.domain) {
      await reportOnIssues(
        { kind: 'failed', message: 'the manifests could not be loaded or live state could not be read' },
        [globals.domain],
        io,
      );
    }
    return run.exit;
  }
  try {
    const drifted = hasChanges(run.plan);
    // Headed as drift in every format (text summary line, Markdown title and status line).
    io.stdout(renderPlan(run.plan, options.format, useColor(io, globals.color), 'drift'));
    if (options.summaryFile || options.githubIssue)
      await appendSummary(renderPlanMarkdown(run.plan, { mode: 'drift' }), options.summaryFile, io);
    if (options.githubIssue) {
      const outcome: DriftOutcome = !run.observation.complete
        ? {
            kind: 'failed',
            message: run.observation.failures
              .map((f) => `${f.operation} (${f.scope}): ${f.message}`)
              .join('\n'),
          }
        : drifted
          ? { kind: 'drift', plan: run.plan }
          : { kind: 'in-sync', plan: run.plan };
      await reportOnIssues(
        outcome,
        run.scope.domains.map((d) => d.name),
        io,
      );
    }
    if (!run.observation.complete) return ExitCode.Error;
    return drifted ? ExitCode.Changes : ExitCode.Ok;
  } finally {
    await run.connection.close();
  }
}
