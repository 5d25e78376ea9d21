/**
 * One plan from the plans of a sharded run (issue 18): the matrix's shards each plan alone and
 * save their plan; this joins them, in shard order, into the one plan the pull request comment and
 * the job summary show. It says which shards were read and, when the matrix is known, which were
 * not: a missing shard's domains are unknown, so the combined plan is then scoped, never a whole
 * "No changes". Pure: the digest is passed in.
 */
import { ACTIONS, type Plan, type PlanSummary } from './types.js';

/** A shard's saved plan and the shard's name. */
export interface ShardPlan {
  name: string;
  plan: Plan;
}

/** The combined plan's input. */
export interface CombineInput {
  plans: readonly ShardPlan[];
  /** Names of every shard of the matrix, when known (`--matrix`): those without a plan were not read. */
  expected?: readonly string[];
  digest: (text: string) => string;
}

/** The combined plan and the shards that are missing from it. */
export interface Combined {
  plan: Plan;
  missing: string[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Joins shard plans into one plan (changes, refusals and notes in shard order, counts summed). */
export function combinePlans(input: CombineInput): Combined {
  const plans = [...input.plans].sort((a, b) => compare(a.name, b.name));
  const read = new Set(plans.map((p) => p.name));
  const missing = [...new Set(input.expected ?? [])].filter((n) => !read.has(n)).sort(compare);
  const summary = Object.fromEntries(ACTIONS.map((a) => [a, 0])) as PlanSummary;
  for (const { plan } of plans) for (const a of ACTIONS) summary[a] += plan.summary[a] ?? 0;
  // A note every shard repeats (a manifest warning) is said once.
  const notes = [...new Set(plans.flatMap((p) => p.plan.notes))];
  const shardLines = plans.map(
    ({ name, plan }) => `shard ${name} read: plan fingerprint ${plan.fingerprint}`,
  );
  const plan: Plan = {
    formatVersion: 1,
    summary,
    changes: plans.flatMap((p) => p.plan.changes),
    refused: plans.flatMap((p) => p.plan.refused),
    notes: [...shardLines, ...notes],
    // Each shard applies its own plan; this one stands for the set of them, shard by shard.
    fingerprint: `sha256:${input.digest(shardLines.join('\n'))}`,
  };
  const scope = combinedScope(
    plans.map((p) => p.name),
    missing,
    input.expected !== undefined,
  );
  if (scope) plan.scope = scope;
  return { plan, missing };
}

/** The header of the combined plan: which shards were read, and what that leaves unknown. */
function combinedScope(
  read: readonly string[],
  missing: readonly string[],
  known: boolean,
): string | undefined {
  const list = (names: readonly string[]) => (names.length === 0 ? 'none' : names.join(', '));
  if (missing.length > 0)
    return `combined from ${read.length} of ${read.length + missing.length} shards (read: ${list(read)}); NOT read: ${list(missing)}, so nothing of theirs is in this plan`;
  if (!known)
    return `combined from ${read.length} shard plans (read: ${list(read)}); without --matrix, whether every shard is here is not known`;
  // Every shard of the matrix was read: together they plan what one unsharded run would.
  return undefined;
}
