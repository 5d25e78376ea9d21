/** The `drift` command's body: the plan's reading and diffing, reported as drift. */
import { renderPlanMarkdown } from '../../render/plan-markdown.js';
import type { DriftOutcome } from '../../github/drift-issue.js';
import { ExitCode } from '../exit-codes.js';
import type { DriftCommandOptions } from '../commands/drift.js';
import { shardDomains, type GlobalOptions } from '../global-options.js';
import { useColor } from '../color.js';
import type { CliIo } from '../io.js';
import { createLogger } from '../logger.js';
import { reportingToGitHub } from '../../github/report.js';
import { makePlan, type PlanRun } from './make-plan.js';
import { appendSummary, hasChanges, renderPlan } from './plan-run.js';

/** One drift issue: a DataZone domain, a Studio domain, or the whole run (when it failed early). */
interface IssueKey {
  domain: string;
  about: 'domain' | 'studio' | 'run';
}

/** Reports the outcome on each domain's drift issue (`--github-issue`). */
async function reportOnIssues(outcome: DriftOutcome, keys: readonly IssueKey[], io: CliIo): Promise<void> {
  const { syncDriftIssue } = await import('../../github/drift-issue.js');
  for (const key of keys) {
    const url = await syncDriftIssue(outcome, { env: io.env, domain: key.domain, about: key.about }, io);
    io.stderr(`smus-gitops: drift issue ${url}\n`);
  }
}

/** Where a run that failed before knowing its domains reports: the --domain shard, else the run. */
function failureKeys(globals: GlobalOptions): IssueKey[] {
  const domains = shardDomains(globals);
  return domains.length > 0
    ? domains.map((domain): IssueKey => ({ domain, about: 'domain' }))
    : [{ domain: 'run', about: 'run' }];
}

/**
 * Every domain the run checked: the DataZone domains read, and the Studio domains declared or
 * planned (a scoped --domain run reads no Studio domain, so reports none).
 */
function checkedKeys(run: PlanRun, globals: GlobalOptions): IssueKey[] {
  const keys: IssueKey[] = run.scope.domains.map((d) => ({ domain: d.name, about: 'domain' }));
  if (shardDomains(globals).length > 0) return keys;
  const studio = new Set<string>();
  for (const d of run.loaded.documents)
    if (d.manifest.kind === 'StudioDomain') studio.add(d.manifest.metadata.name);
  for (const c of run.plan.changes) if (c.address.kind === 'StudioDomain') studio.add(c.address.name);
  for (const r of run.plan.refused) if (r.address.kind === 'StudioDomain') studio.add(r.address.name);
  return [...keys, ...[...studio].sort().map((domain): IssueKey => ({ domain, about: 'studio' }))];
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
  // Drift is the scheduled full check: it reads everything, whatever changed in the last commits.
  if (globals.changedSince)
    io.stderr(
      `smus-gitops: drift ignores --changed-since ${globals.changedSince}: a drift run always reads every declared resource\n`,
    );
  const { changedSince: _ignored, ...full } = globals;
  try {
    run = await makePlan(paths, full, io, log);
  } catch (error) {
    // A failed drift run is reported on an issue too, then fails the job.
    if (options.githubIssue) {
      const outcome: DriftOutcome = { kind: 'failed', message: (error as Error).message };
      await reportingToGitHub(io, () => reportOnIssues(outcome, failureKeys(globals), io));
    }
    throw error;
  }
  if ('exit' in run) {
    if (options.githubIssue) {
      const outcome: DriftOutcome = {
        kind: 'failed',
        message: 'the manifests could not be loaded or live state could not be read (see the run log)',
      };
      await reportingToGitHub(io, () => reportOnIssues(outcome, failureKeys(globals), io));
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
      const done = await reportingToGitHub(io, () => reportOnIssues(outcome, checkedKeys(run, globals), io));
      if (!done) return ExitCode.Error;
    }
    if (!run.observation.complete) return ExitCode.Error;
    return drifted ? ExitCode.Changes : ExitCode.Ok;
  } finally {
    await run.connection.close();
  }
}
