/** The `apply` command's body: plan (or check a saved plan), confirm, execute, report. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { applyPlan } from '../../apply/apply-plan.js';
import type { ChangeOutcome } from '../../apply/executor.js';
import { sanitizeLine } from '../../render/plan-values.js';
import { savedPlanDifferences } from '../../apply/saved-plan.js';
import { findStaleness } from '../../apply/stale.js';
import { formatAddress } from '../../model/identity.js';
import { resolveDesired } from '../../plan/planner.js';
import type { Plan, SavedPlan } from '../../plan/types.js';
import { TOOL_VERSION } from '../../version.js';
import type { ApplyCommandOptions } from '../commands/apply.js';
import { ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { useColor } from '../color.js';
import type { CliIo } from '../io.js';
import { createLogger } from '../logger.js';
import { APPLY_QUESTION } from '../prompt.js';
import { makePlan, type PlanRun } from './make-plan.js';
import { hasChanges, renderPlan } from './plan-run.js';
import { createProgress } from './progress.js';
import { renderApplyJson } from './result-json.js';

/** Why a saved plan cannot be applied as it is, or undefined when it can. */
async function checkSavedPlan(
  file: string,
  run: PlanRun,
  io: CliIo,
): Promise<{ plan: Plan } | { refuse: string }> {
  let saved: SavedPlan;
  try {
    saved = JSON.parse(await readFile(resolve(io.cwd, file), 'utf8')) as SavedPlan;
  } catch (error) {
    return { refuse: `cannot read the saved plan ${file}: ${(error as Error).message}` };
  }
  if (saved.formatVersion !== 1 || !Array.isArray(saved.live))
    return { refuse: `${file} is not a saved plan (plan --out)` };
  if (saved.toolVersion !== TOOL_VERSION)
    return { refuse: `${file} was made by smus-gitops ${saved.toolVersion}; this is ${TOOL_VERSION}` };
  if (saved.manifestsDigest !== run.loaded.manifestsDigest)
    return { refuse: 'the manifests changed since the plan was made' };
  const stale = findStaleness(
    saved,
    run.observation.resources.map((r) => r.fingerprint),
  );
  if (stale.length > 0) {
    return {
      refuse: `live state changed since the plan was made:\n${stale.map((s) => `  ${s.key}: ${s.detail}`).join('\n')}`,
    };
  }
  // The file is a record of what was reviewed, never an authority: what runs is the fresh plan,
  // which re-derived every safety rule, and only when the file says exactly the same.
  const differences = savedPlanDifferences(saved, run.plan);
  if (differences.length > 0) {
    return {
      refuse: `${file} does not match a fresh plan of the same manifests and live state (was it edited?):\n${differences.map((d) => `  ${d}`).join('\n')}`,
    };
  }
  return { plan: run.plan };
}

/** The `--changed-since` base a saved plan was made with (undefined: none, or an unreadable file, refused later). */
async function savedChangedSince(
  file: string,
  io: CliIo,
): Promise<{ ref: string; commit: string } | undefined> {
  try {
    const saved = JSON.parse(await readFile(resolve(io.cwd, file), 'utf8')) as Partial<SavedPlan>;
    const c = saved.changedSince;
    return c &&
      typeof c.ref === 'string' &&
      typeof c.commit === 'string' &&
      /^[0-9a-f]{40,64}$/.test(c.commit)
      ? { ref: c.ref, commit: c.commit }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The overall deadline in ms: `--timeout` seconds, one hour by default; undefined when not a positive whole number. */
function timeoutMs(timeout: string | undefined): number | undefined {
  if (timeout === undefined) return 60 * 60_000;
  return /^[1-9][0-9]{0,6}$/.test(timeout) ? Number(timeout) * 1000 : undefined;
}

/** The stderr note when stdout's reader went away during the apply: what happened after all. */
function outputLostNote(outcomes: readonly ChangeOutcome[]): string {
  const count = (status: ChangeOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return `smus-gitops: stdout was closed during apply; the apply went on without output: ${count('done')} done, ${count('failed')} failed, ${count('skipped')} not started\n`;
}

/** Runs `apply`; returns the exit code. */
export async function runApply(
  paths: string[],
  options: ApplyCommandOptions,
  globals: GlobalOptions,
  io: CliIo,
): Promise<number> {
  const log = createLogger(io, globals.logLevel, globals.logFormat);
  const json = options.format === 'json';
  const deadlineMs = timeoutMs(options.timeout);
  if (deadlineMs === undefined) {
    io.stderr(
      `smus-gitops: --timeout must be a whole number of seconds (1 or more), not ${options.timeout}\n`,
    );
    return ExitCode.Error;
  }
  // A change-scoped saved plan is re-derived with the same scope, against the commit it was made from.
  const scoped = options.plan ? await savedChangedSince(options.plan, io) : undefined;
  const run = await makePlan(
    paths,
    scoped ? { ...globals, changedSince: scoped.ref } : globals,
    io,
    log,
    'write',
    {
      ...(options.protectBase ? { protectBase: options.protectBase } : {}),
      ...(scoped ? { changedSinceCommit: scoped.commit } : {}),
    },
  );
  if ('exit' in run) return run.exit;
  try {
    if (!run.observation.complete) {
      io.stderr('smus-gitops: live state could not be read completely; nothing was applied\n');
      return ExitCode.Error;
    }
    let plan = run.plan;
    if (options.plan) {
      const checked = await checkSavedPlan(options.plan, run, io);
      if ('refuse' in checked) {
        io.stderr(`smus-gitops: refusing the saved plan: ${sanitizeLine(checked.refuse)}\n`);
        return ExitCode.Refused;
      }
      plan = checked.plan;
    } else if (!json) {
      io.stdout(renderPlan(plan, 'text', useColor(io, globals.color)));
    }
    if (plan.refused.length > 0) {
      io.stderr(
        `smus-gitops: the plan is refused by ${plan.refused.length} safety rule(s); nothing was applied\n`,
      );
      return ExitCode.Refused;
    }
    const replaces = plan.changes.filter((c) => c.action === 'replace');
    if (replaces.length > 0 && !options.allowReplace) {
      io.stderr(
        `smus-gitops: the plan replaces ${replaces.map((c) => formatAddress(c.address)).join(', ')}; rerun with --allow-replace to allow it\n`,
      );
      return ExitCode.Refused;
    }
    if (!hasChanges(plan)) {
      io.stdout(json ? renderApplyJson([]) : 'Nothing to apply.\n');
      return ExitCode.Ok;
    }
    if (!options.autoApprove) {
      // JSON mode prints no plan to approve, and a prompt would corrupt the JSON on stdout.
      if (json) {
        io.stderr('smus-gitops: apply --format json needs --auto-approve\n');
        return ExitCode.Refused;
      }
      if (!io.confirm) {
        io.stderr('smus-gitops: apply needs --auto-approve when there is no terminal to confirm on\n');
        return ExitCode.Refused;
      }
      if (!(await io.confirm(APPLY_QUESTION))) {
        io.stdout('Apply cancelled.\n');
        return ExitCode.Ok;
      }
    }
    const { desired, domainAccount } = resolveDesired(run.loaded.documents, run.observation);
    // In JSON mode stdout carries only the result: no progress lines.
    const progress = createProgress(json ? { ...io, stdout: () => undefined } : io, Date.now);
    let interrupted = false;
    void io.interrupted.then(() => {
      interrupted = true;
    });
    const outcomes = await applyPlan(plan, {
      clients: run.connection.clients,
      desired,
      observation: run.observation,
      domainAccount,
      timing: io.timing ?? { now: Date.now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
      random: Math.random,
      concurrency: Math.max(1, Number.parseInt(options.concurrency, 10) || 256),
      onEvent: progress.onEvent,
      onWait: progress.onWait,
      deadlineMs,
      log: (event, message) => log.info(event, message),
      shouldStop: () => interrupted,
      conflictScope: run.scope,
    });
    io.stdout(json ? renderApplyJson(outcomes) : progress.summary(outcomes));
    // EPIPE (`apply | head`) never stops the apply half-way: output was dropped, the work went on.
    if (io.stdoutClosed?.()) io.stderr(outputLostNote(outcomes));
    return outcomes.every((o) => o.status === 'done') ? ExitCode.Ok : ExitCode.Error;
  } finally {
    await run.connection.close();
  }
}
