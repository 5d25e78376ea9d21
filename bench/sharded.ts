/**
 * The `sharded` scenario (issue 18, acceptance 5): a generated ten-domain, ten-account
 * organisation, sharded as `smus-gitops shards` shards it, each shard planning, applying and
 * re-planning with its own account's credentials against an emulator with latency and the
 * documented per-bucket TPS limits. First every shard runs alone (one after the other, on one
 * emulator) for its own time; then all run at once on a fresh emulator, as a matrix's jobs do.
 * Reported: the concurrent wall time against the slowest shard alone (target ≤ 1.2×), and the
 * throttled calls of the concurrent run (target 0: no two shards draw on one bucket). Each shard
 * runs in a process of its own (sharded-child.ts), as each matrix job has a runner; they still
 * share this machine's cores and the one emulator thread, which separate runners and AWS do not,
 * so on a loaded machine the ratio is, if anything, pessimistic.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { ClientFactory } from '../src/aws/clients.js';
import { readLive } from '../src/live/read-live.js';
import type { LoadResult } from '../src/load/load-manifests.js';
import { buildPlan } from '../src/plan/planner.js';
import { readScope } from '../src/plan/scope.js';
import { planShards, shardDocuments, type Shard } from '../src/plan/shards.js';
import { writeShardedOrg } from '../test/shards/org.js';
import { startHostedEmulator, type HostedEmulator } from './emulator-host.js';
import type { BenchOrgSize } from './org.js';
import {
  actionLines,
  applyPlanned,
  BENCH_CREDENTIALS,
  loadOrThrow,
  sha256,
  type Planned,
} from './pipeline.js';
import type { NetworkSettings } from './scenario.js';
import { totalCalls, type OperationCount } from './trace.js';

/** Each domain of the sharded organisation: a mid-sized one, so a shard's work is more than a round trip. */
export const SHARDED_DOMAIN_SIZE: BenchOrgSize = {
  units: 5,
  associations: 5,
  pools: 5,
  accountsPerPool: 3,
  profiles: 5,
  projects: 40,
  membersPerProject: 3,
};

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
}

/** Figures of the scenario. */
export interface ShardedResult {
  domains: number;
  shards: number;
  /** Buckets two shards would share (`shards` warns of them): 0 for this organisation. */
  sharedBuckets: number;
  alone: ShardRun[];
  concurrent: ShardRun[];
  /** Wall time of all shards at once. */
  wallMs: number;
  /** The slowest shard run alone. */
  slowestAloneMs: number;
  /** wallMs ÷ slowestAloneMs (target ≤ 1.2). */
  ratio: number;
  callsAlone: number;
  callsConcurrent: number;
  throttledAlone: number;
  throttledConcurrent: number;
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
  const cpu = process.cpuUsage();
  const planned = await planShard(loaded, shard, clients, settings.scale);
  const documents = documentsOf(loaded, shard);
  const outcomes = await applyPlanned({ ...loaded, documents }, planned, clients, {
    rateScale: settings.scale,
    ...(settings.concurrency ? { concurrency: settings.concurrency } : {}),
  });
  const replan = await planShard(loaded, shard, clients, settings.scale);
  const failed = outcomes.filter((o) => o.status !== 'done').length + replan.observation.failures.length;
  return {
    name: shard.name,
    wallMs: Math.round(performance.now() - began),
    changes: outcomes.length,
    failed,
    replanChanges: actionLines(replan.plan).length,
    cpuMs: Math.round((process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000),
  };
}

/** A shard's process, started and ready: `go` starts its run, `result` is its ShardRun. */
interface ShardProcess {
  go(): void;
  result: Promise<ShardRun>;
}

/** Starts a shard's process and resolves once it is ready (loaded, credentials in hand). */
function startShard(
  dir: string,
  endpoint: string,
  shard: Shard,
  settings: NetworkSettings,
): Promise<ShardProcess> {
  const script = fileURLToPath(new URL('./sharded-child.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, dir, endpoint, JSON.stringify(shard), JSON.stringify(settings)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    },
  );
  const lines: string[] = [];
  let buffer = '';
  let onLine: () => void = () => undefined;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    let n;
    while ((n = buffer.indexOf('\n')) >= 0) {
      lines.push(buffer.slice(0, n));
      buffer = buffer.slice(n + 1);
      onLine();
    }
  });
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  const line = (index: number) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (lines.length > index) resolve(lines[index]!);
      };
      onLine = check;
      check();
      void exited.then((code) => reject(new Error(`shard ${shard.name} exited with ${code}`)));
    });
  return line(0).then((ready) => {
    if (ready !== 'ready') throw new Error(`shard ${shard.name}: ${ready}`);
    return {
      go: () => child.stdin.end('go\n'),
      result: line(1).then((text) => JSON.parse(text) as ShardRun),
    };
  });
}

/** Runs shards each in its own process, all started together; returns their runs and the wall time. */
async function runShards(
  dir: string,
  emulator: HostedEmulator,
  shards: readonly Shard[],
  settings: NetworkSettings,
): Promise<{ runs: ShardRun[]; wallMs: number; counts: OperationCount[] }> {
  const processes = await Promise.all(shards.map((s) => startShard(dir, emulator.endpoint, s, settings)));
  // The warm-up reads of the ready shards are not the run's calls.
  await emulator.takeCounts();
  const began = performance.now();
  for (const p of processes) p.go();
  const runs = await Promise.all(processes.map((p) => p.result));
  const wallMs = Math.round(performance.now() - began);
  return { runs, wallMs, counts: await emulator.takeCounts() };
}

async function emulatorFor(settings: NetworkSettings): Promise<HostedEmulator> {
  return startHostedEmulator({
    seed: settings.seed,
    latency: settings.latency,
    rateLimits: 'documented',
    rateLimitScale: settings.scale,
    behaviour: { defaultPageSize: 50 },
  });
}

/** Runs the scenario: every shard alone, then all at once. */
export async function runShardedScenario(
  settings: NetworkSettings,
  size: BenchOrgSize = SHARDED_DOMAIN_SIZE,
  progress: (line: string) => void = () => undefined,
): Promise<ShardedResult> {
  const dir = writeShardedOrg(true, 10, size);
  const loaded = await loadOrThrow([dir]);
  const { shards, collisions } = planShards(loaded.documents);
  const alone: ShardRun[] = [];
  const first = await emulatorFor(settings);
  const aloneCounts: OperationCount[] = [];
  try {
    for (const shard of shards) {
      progress(`bench: sharded, shard ${shard.name} alone`);
      const one = await runShards(dir, first, [shard], settings);
      alone.push(...one.runs);
      aloneCounts.push(...one.counts);
    }
  } finally {
    await first.close();
  }
  progress(`bench: sharded, ${shards.length} shards at once`);
  const second = await emulatorFor(settings);
  let concurrent: ShardRun[];
  let wallMs: number;
  let counts: OperationCount[];
  try {
    ({ runs: concurrent, wallMs, counts } = await runShards(dir, second, shards, settings));
  } finally {
    await second.close();
  }
  const slowestAloneMs = Math.max(...alone.map((r) => r.wallMs));
  const throttled = (c: readonly OperationCount[]) => c.reduce((n, r) => n + r.throttled, 0);
  return {
    domains: loaded.documents.filter((d) => d.manifest.kind === 'Domain').length,
    shards: shards.length,
    sharedBuckets: collisions.length,
    alone,
    concurrent,
    wallMs,
    slowestAloneMs,
    ratio: Math.round((wallMs / slowestAloneMs) * 1000) / 1000,
    callsAlone: totalCalls(aloneCounts),
    callsConcurrent: totalCalls(counts),
    throttledAlone: throttled(aloneCounts),
    throttledConcurrent: throttled(counts),
  };
}

/** The scenario's lines of the readable report. */
export function shardedLines(r: ShardedResult): string[] {
  const lines = [
    `sharded (${r.domains} domains in ${r.domains} accounts, ${r.shards} shards, ${r.sharedBuckets} shared buckets):`,
    `  at once     wall ${r.wallMs} ms vs slowest shard alone ${r.slowestAloneMs} ms: ×${r.ratio.toFixed(2)}; calls ${r.callsConcurrent}, throttled ${r.throttledConcurrent}`,
    `  alone       calls ${r.callsAlone}, throttled ${r.throttledAlone}`,
  ];
  for (const [i, a] of r.alone.entries()) {
    const c = r.concurrent[i]!;
    lines.push(
      `  ${a.name.padEnd(10)}  alone ${String(a.wallMs).padStart(6)} ms (CPU ${a.cpuMs} ms)  at once ${String(c.wallMs).padStart(6)} ms (CPU ${c.cpuMs} ms)  changes ${c.changes}  failed ${c.failed}  re-plan changes ${c.replanChanges}`,
    );
  }
  return lines;
}
