/** The `plan` command's body: plan, render, save, and choose the exit code. */
import { appendFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { renderPlanJson } from '../../render/plan-json.js';
import type { ReportMode } from '../../render/plan-labels.js';
import { renderPlanMarkdown } from '../../render/plan-markdown.js';
import { renderPlanText } from '../../render/plan-text.js';
import type { Plan, SavedPlan } from '../../plan/types.js';
import { TOOL_VERSION } from '../../version.js';
import { ExitCode } from '../exit-codes.js';
import { shardKey, type GlobalOptions } from '../global-options.js';
import { useColor } from '../color.js';
import type { CliIo } from '../io.js';
import { createLogger } from '../logger.js';
import type { PlanCommandOptions } from '../commands/plan.js';
import { reportingToGitHub } from '../../github/report.js';
import { makePlan, type PlanRun } from './make-plan.js';

/** True when the plan would change anything. */
export function hasChanges(plan: Plan): boolean {
  return plan.summary.create + plan.summary.update + plan.summary.replace + plan.summary.delete > 0;
}

/** The saved form of a plan: what `apply --plan` checks before acting. */
export function savedPlan(run: PlanRun): SavedPlan {
  return {
    ...run.plan,
    toolVersion: TOOL_VERSION,
    manifestsDigest: run.loaded.manifestsDigest,
    live: run.observation.resources.map((r) => r.fingerprint),
  };
}

/** Renders a plan in the chosen format. */
export function renderPlan(
  plan: Plan,
  format: PlanCommandOptions['format'],
  color: boolean,
  mode: ReportMode = 'plan',
): string {
  switch (format) {
    case 'json':
      return renderPlanJson(plan);
    case 'markdown':
      return renderPlanMarkdown(plan, { mode });
    default:
      return renderPlanText(plan, { color, mode });
  }
}

/** Appends the Markdown plan to the summary file (`--summary-file`, else $GITHUB_STEP_SUMMARY when on GitHub). */
export async function appendSummary(markdown: string, file: string | undefined, io: CliIo): Promise<void> {
  const target = file ?? io.env['GITHUB_STEP_SUMMARY'];
  if (target) await appendFile(resolve(io.cwd, target), `${markdown}\n`);
}

async function publish(
  plan: Plan,
  options: PlanCommandOptions,
  globals: GlobalOptions,
  io: CliIo,
): Promise<void> {
  if (options.summaryFile || options.githubComment)
    await appendSummary(renderPlanMarkdown(plan), options.summaryFile, io);
  if (options.githubComment) {
    const { upsertPlanComment } = await import('../../github/pr-comment.js');
    const key = shardKey(globals);
    const url = await upsertPlanComment(plan, { env: io.env, ...(key === undefined ? {} : { key }) }, io);
    io.stderr(`smus-gitops: plan comment ${url}\n`);
  }
}

/**
 * With --github-comment, a plan that failed replaces the plan comment, so the pull request never
 * shows a plan that is no longer true. A GitHub failure (configuration or API) is reported plainly.
 */
async function publishFailure(
  message: string,
  options: PlanCommandOptions,
  globals: GlobalOptions,
  io: CliIo,
): Promise<void> {
  if (!options.githubComment) return;
  const { replacePlanCommentWithFailure } = await import('../../github/pr-comment.js');
  await reportingToGitHub(io, async () => {
    const shard = shardKey(globals);
    const key = shard === undefined ? {} : { key: shard };
    const url = await replacePlanCommentWithFailure(message, { env: io.env, ...key }, io);
    io.stderr(`smus-gitops: plan comment ${url} (the plan failed)\n`);
  });
}

/** Runs `plan`; returns the exit code. */
export async function runPlan(
  paths: string[],
  options: PlanCommandOptions,
  globals: GlobalOptions,
  io: CliIo,
): Promise<number> {
  const log = createLogger(io, globals.logLevel, globals.logFormat);
  let run;
  try {
    run = await makePlan(
      paths,
      globals,
      io,
      log,
      'read',
      options.protectBase ? { protectBase: options.protectBase } : {},
    );
  } catch (error) {
    await publishFailure(error instanceof Error ? error.message : String(error), options, globals, io);
    throw error;
  }
  if ('exit' in run) {
    const why = 'the manifests could not be loaded or live state could not be read';
    await publishFailure(`${why} (see the run log for the diagnostics)`, options, globals, io);
    return run.exit;
  }
  try {
    if (!run.observation.complete) {
      // A plan from a failed read would show creates for what could not be read: publish the
      // failure instead (no --out file, no PR comment, no summary), as makePlan printed it.
      io.stderr('smus-gitops: live state could not be read completely; no plan was made\n');
      await publishFailure(
        'live state could not be read completely; no plan was made (see the run log)',
        options,
        globals,
        io,
      );
      return ExitCode.Error;
    }
    io.stdout(renderPlan(run.plan, options.format, useColor(io, globals.color)));
    if (options.out) await writeFile(resolve(io.cwd, options.out), renderPlanJson(savedPlan(run)));
    if (!(await reportingToGitHub(io, () => publish(run.plan, options, globals, io)))) return ExitCode.Error;
    if (run.plan.refused.length > 0) return ExitCode.Refused;
    return options.detailedExitcode && hasChanges(run.plan) ? ExitCode.Changes : ExitCode.Ok;
  } finally {
    await run.connection.close();
  }
}
