/**
 * One shard's job of the `sharded` scenario (bench/sharded.ts): its credentials, its plan and its
 * plan → apply → re-plan run, timed and with its CPU by step. Kept apart from the scenario so a
 * shard's process (sharded-child.ts) loads only what a shard needs.
 */
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { ClientFactory } from '../src/aws/clients.js';
import { readLive } from '../src/live/read-live.js';
import type { LoadResult } from '../src/validate/load-manifests.js';
import { buildPlan } from '../src/plan/planner.js';
import { readScope } from '../src/plan/scope.js';
import { shardDocuments, type Shard } from '../src/plan/shards.js';
import { actionLines, applyPlanned, BENCH_CREDENTIALS, sha256, type Planned } from './pipeline.js';
import type { NetworkSettings } from './scenario.js';

/** One shard's run: plan, apply, re-plan. */
export interface ShardRun {
  name: string;
  wallMs: number;
  changes: number;
  failed: number;
  /** Actionable changes of the re-plan after the apply (0: converged). */
  replanChanges: number;
  /** CPU time of the shard's process during its run (user + system): its own work, not waiting. */
  cpuMs: number;
  /** The same CPU time by step: plan, apply, re-plan. */
  cpuByStep: { plan: number; apply: number; replan: number };
  /**
   * The process's start-up before `ready` (untimed, as a runner's set-up): CPU ms since the
   * process began (node, tsx, loading and validating the manifests, credentials, warm-up read)
   * and the manifests' load alone.
   */
  startup?: { cpuMs: number; loadMs: number; documents: number };
}

/** The clients of a shard's job: its account's role (the emulator's STS), else the home account. */
export async function shardClients(endpoint: string, account: string): Promise<ClientFactory> {
  const settings = { endpoint, maxAttempts: 3, requestTimeoutMs: 30_000 };
  if (!account) return new ClientFactory({ ...settings, credentials: BENCH_CREDENTIALS });
  // The matrix job assumes its account's role; the emulator's STS issues keys that act as it.
  const sts = new STSClient({ endpoint, region: 'us-east-1', credentials: BENCH_CREDENTIALS });
  try {
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${account}:role/SmusGitOpsDeployer`,
        RoleSessionName: 'smus-bench-shard',
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('AssumeRole returned no credentials');
    return new ClientFactory({
      ...settings,
      credentials: {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
      },
    });
  } finally {
    sts.destroy();
  }
}

const documentsOf = (loaded: LoadResult, shard: Shard) =>
  shardDocuments(loaded.documents, { domains: shard.domains, studio: shard.domains.length === 0 });

/** Plans one shard as `plan <args>` does (its documents, its read scope). */
export async function planShard(
  loaded: LoadResult,
  shard: Shard,
  clients: ClientFactory,
  scale: number,
): Promise<Planned> {
  const documents = documentsOf(loaded, shard);
  const began = performance.now();
  const observation = await readLive(readScope(documents, shard.domains, loaded.documents), {
    clients,
    rateScale: scale,
  });
  const read = performance.now();
  const plan = buildPlan({ documents, observation, deferred: loaded.deferred, digest: sha256 });
  return { observation, plan, timings: { readMs: read - began, planMs: performance.now() - read } };
}

/** One shard's job: plan, apply, re-plan; timed from the first call to the last. */
export async function runShard(
  loaded: LoadResult,
  shard: Shard,
  clients: ClientFactory,
  settings: NetworkSettings,
): Promise<ShardRun> {
  const began = performance.now();
  // Process CPU in ms (user + system) at each step's end.
  const cpuNow = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const cpu = cpuNow();
  const planned = await planShard(loaded, shard, clients, settings.scale);
  const afterPlan = cpuNow();
  const documents = documentsOf(loaded, shard);
  const outcomes = await applyPlanned({ ...loaded, documents }, planned, clients, {
    rateScale: settings.scale,
    ...(settings.concurrency ? { concurrency: settings.concurrency } : {}),
  });
  const afterApply = cpuNow();
  const replan = await planShard(loaded, shard, clients, settings.scale);
  const ended = cpuNow();
  const failed = outcomes.filter((o) => o.status !== 'done').length + replan.observation.failures.length;
  return {
    name: shard.name,
    wallMs: Math.round(performance.now() - began),
    changes: outcomes.length,
    failed,
    replanChanges: actionLines(replan.plan).length,
    cpuMs: Math.round(ended - cpu),
    cpuByStep: {
      plan: Math.round(afterPlan - cpu),
      apply: Math.round(afterApply - afterPlan),
      replan: Math.round(ended - afterApply),
    },
  };
}
