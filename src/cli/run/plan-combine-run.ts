/**
 * The `plan-combine` command's body: read the shards' saved plans (files, or directories of
 * `*.json` as artifact downloads lay them out), join them, print, and publish the one comment and
 * summary. A shard is named by its file: `smus-plan-<name>.json` (or `<name>.json`).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { combinePlans, type ShardPlan } from '../../plan/combine.js';
import type { Plan } from '../../plan/types.js';
import { renderPlanMarkdown } from '../../render/plan-markdown.js';
import { sanitizeLine } from '../../render/plan-values.js';
import { reportingToGitHub } from '../../github/report.js';
import type { PlanCombineCommandOptions } from '../commands/shards.js';
import { useColor } from '../color.js';
import { ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import type { CliIo } from '../io.js';
import { sha256 } from './make-plan.js';
import { appendSummary, hasChanges, renderPlan } from './plan-run.js';

/** A reason the input cannot be combined; said on stderr, nothing published. */
class CombineInputError extends Error {}

async function planFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (path: string): Promise<void> => {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new CombineInputError(`${path}: no such file or directory`);
    if (!info.isDirectory()) {
      files.push(path);
      return;
    }
    for (const entry of (await readdir(path)).sort()) {
      const child = join(path, entry);
      if (entry.endsWith('.json') || (await stat(child)).isDirectory()) await walk(child);
    }
  };
  for (const p of paths) await walk(resolve(cwd, p));
  return files;
}

function isPlan(value: unknown): value is Plan {
  const v = value as Partial<Plan> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.formatVersion === 1 &&
    typeof v.fingerprint === 'string' &&
    typeof v.summary === 'object' &&
    Array.isArray(v.changes) &&
    Array.isArray(v.refused) &&
    Array.isArray(v.notes)
  );
}

async function readShardPlans(paths: readonly string[], cwd: string): Promise<ShardPlan[]> {
  const plans: ShardPlan[] = [];
  for (const file of await planFiles(paths, cwd)) {
    let value: unknown;
    try {
      value = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new CombineInputError(
        `${file}: not JSON (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    if (!isPlan(value))
      throw new CombineInputError(`${file}: not a saved plan of \`plan --out\` (formatVersion 1)`);
    const name = basename(file, '.json').replace(/^smus-plan-/, '');
    if (plans.some((p) => p.name === name))
      throw new CombineInputError(`${file}: a second plan of shard ${name}`);
    plans.push({ name, plan: value });
  }
  if (plans.length === 0) throw new CombineInputError('no saved plan (*.json) was found');
  return plans;
}

async function matrixNames(matrix: string, cwd: string): Promise<string[]> {
  const text = matrix.trimStart().startsWith('{')
    ? matrix
    : await readFile(resolve(cwd, matrix), 'utf8').catch(() => {
        throw new CombineInputError(`--matrix ${matrix}: neither JSON nor a readable file`);
      });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CombineInputError('--matrix: not JSON (give the output of `shards --format github-matrix`)');
  }
  const include = (parsed as { include?: unknown }).include;
  if (!Array.isArray(include) || !include.every((r) => typeof (r as { name?: unknown })?.name === 'string'))
    throw new CombineInputError(
      '--matrix: no {"include":[{"name":...}]} (give the output of `shards --format github-matrix`)',
    );
  return include.map((r) => (r as { name: string }).name);
}

/** Runs `plan-combine`; returns the exit code (1 when a shard of the matrix has no plan). */
export async function runPlanCombine(
  paths: string[],
  options: PlanCombineCommandOptions,
  globals: GlobalOptions,
  io: CliIo,
): Promise<number> {
  let combined;
  try {
    const plans = await readShardPlans(paths, io.cwd);
    const expected = options.matrix === undefined ? undefined : await matrixNames(options.matrix, io.cwd);
    combined = combinePlans({ plans, ...(expected ? { expected } : {}), digest: sha256 });
  } catch (error) {
    if (!(error instanceof CombineInputError)) throw error;
    io.stderr(sanitizeLine(`smus-gitops: plan-combine: ${error.message}`) + '\n');
    return ExitCode.Error;
  }
  const { plan, missing } = combined;
  io.stdout(renderPlan(plan, options.format, useColor(io, globals.color)));
  const published = await reportingToGitHub(io, async () => {
    if (options.summaryFile || options.githubComment)
      await appendSummary(renderPlanMarkdown(plan), options.summaryFile, io);
    if (!options.githubComment) return;
    const { upsertPlanComment } = await import('../../github/pr-comment.js');
    io.stderr(`smus-gitops: plan comment ${await upsertPlanComment(plan, { env: io.env }, io)}\n`);
  });
  if (!published) return ExitCode.Error;
  if (missing.length > 0) {
    io.stderr(sanitizeLine(`smus-gitops: plan-combine: no plan of shard ${missing.join(', ')}`) + '\n');
    return ExitCode.Error;
  }
  if (plan.refused.length > 0) return ExitCode.Refused;
  return options.detailedExitcode && hasChanges(plan) ? ExitCode.Changes : ExitCode.Ok;
}
