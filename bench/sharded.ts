/**
 * The `sharded` scenario (issue 18, acceptance 5): a generated ten-domain, ten-account
 * organisation, sharded as `smus-gitops shards` shards it, each shard planning, applying and
 * re-planning with its own account's credentials against an emulator with latency and the
 * documented per-bucket TPS limits (× `--sharded-scale`, default 1). First every shard runs alone
 * (one after the other, on one emulator) for its own time; then all run at once on a fresh
 * emulator, as a matrix's jobs do.
 * Reported: the concurrent wall time against the slowest shard alone (target ≤ 1.2×), and the
 * throttled calls of the concurrent run (target 0: no two shards draw on one bucket). Each shard
 * runs in a process of its own (sharded-child.ts), as each matrix job has a runner; they still
 * share this machine's cores and the one emulator thread, which separate runners and AWS do not,
 * so on a loaded machine the ratio is, if anything, pessimistic.
 */
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { planShards, type Shard } from '../src/plan/shards.js';
import { writeShardedOrg } from '../test/shards/org.js';
import { startHostedEmulator, type HostedEmulator } from './emulator-host.js';
import { emulatorLatency } from './latency.js';
import type { BenchOrgSize } from './org.js';
import { loadOrThrow } from './pipeline.js';
import type { NetworkSettings } from './scenario.js';
import { totalCalls, type OperationCount } from './trace.js';
import type { ShardRun } from './sharded-shard.js';

export type { ShardRun } from './sharded-shard.js';

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

/** Figures of the scenario. */
export interface ShardedResult {
  /** TPS scale of the emulator's limits and the shards' budgets (1: the documented quotas). */
  scale: number;
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
  /**
   * The machine, not the tool: separate runners do not share cores, these shards share this
   * machine's and one emulator thread. CPU of the concurrent run: the shards' (their runs) and the
   * emulator's (this process), and what that CPU alone costs on `cores` cores however well the
   * shards were scheduled (cpuFloorMs = total ÷ cores).
   */
  contention: {
    cores: number;
    shardsCpuMs: number;
    emulatorCpuMs: number;
    cpuFloorMs: number;
    /** max(slowest alone, CPU floor) ÷ slowest alone: the ratio this machine cannot go below. */
    floorRatio: number;
    /** wallMs ÷ max(slowest alone, CPU floor): what is left once the machine's floor is paid. */
    beyondFloorRatio: number;
    /** Each shard at once ÷ alone (contention shows in every shard, interference in some). */
    shardRatios: number[];
    /** Cores the run together actually got: its CPU (shards and emulator) ÷ its wall time. */
    coresUsed: number;
    /**
     * The separate-runner model: a shard's wall time is its waiting (latency, rate, async
     * lifecycles: alone wall − alone CPU) plus its own CPU, uncontended on a runner of its own.
     * At once, each shard keeps its waiting and pays its CPU of the run together (more retries
     * or reads would show here), and the throttled count checks that the AWS side did not slow
     * it. max over shards of that ÷ the slowest alone. A model, reported beside the raw ratio.
     */
    separateRunnersRatio: number;
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
): Promise<{ runs: ShardRun[]; wallMs: number; counts: OperationCount[]; hostCpuMs: number }> {
  const processes = await Promise.all(shards.map((s) => startShard(dir, emulator.endpoint, s, settings)));
  // The warm-up reads of the ready shards are not the run's calls.
  await emulator.takeCounts();
  const began = performance.now();
  // This process is the emulator's (its worker thread answers every shard): its CPU is AWS's side.
  const hostCpu = process.cpuUsage();
  for (const p of processes) p.go();
  const runs = await Promise.all(processes.map((p) => p.result));
  const wallMs = Math.round(performance.now() - began);
  const used = process.cpuUsage(hostCpu);
  const hostCpuMs = Math.round((used.user + used.system) / 1000);
  return { runs, wallMs, counts: await emulator.takeCounts(), hostCpuMs };
}

async function emulatorFor(settings: NetworkSettings): Promise<HostedEmulator> {
  return startHostedEmulator({
    seed: settings.seed,
    latency: emulatorLatency(settings.latency),
    rateLimits: 'documented',
    rateLimitScale: settings.scale,
    behaviour: { defaultPageSize: 50 },
  });
}

const ratio3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * What the machine accounts for (ShardedResult.contention), from the runs alone and at once (in
 * the same order), the wall time at once, the emulator's CPU at once and the cores.
 */
export function contentionOf(
  alone: readonly Pick<ShardRun, 'wallMs' | 'cpuMs'>[],
  concurrent: readonly Pick<ShardRun, 'wallMs' | 'cpuMs'>[],
  wallMs: number,
  emulatorCpuMs: number,
  cores: number,
): ShardedResult['contention'] {
  const slowestAloneMs = Math.max(...alone.map((r) => r.wallMs));
  const shardsCpuMs = concurrent.reduce((n, r) => n + r.cpuMs, 0);
  const cpuFloorMs = Math.round((shardsCpuMs + emulatorCpuMs) / cores);
  const floor = Math.max(slowestAloneMs, cpuFloorMs);
  return {
    cores,
    shardsCpuMs,
    emulatorCpuMs,
    cpuFloorMs,
    floorRatio: ratio3(floor / slowestAloneMs),
    beyondFloorRatio: ratio3(wallMs / floor),
    shardRatios: concurrent.map((c, i) => ratio3(c.wallMs / alone[i]!.wallMs)),
    coresUsed: Math.round(((shardsCpuMs + emulatorCpuMs) / wallMs) * 100) / 100,
    separateRunnersRatio: ratio3(
      Math.max(...concurrent.map((c, i) => alone[i]!.wallMs - alone[i]!.cpuMs + c.cpuMs)) / slowestAloneMs,
    ),
  };
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
  let hostCpuMs: number;
  try {
    ({ runs: concurrent, wallMs, counts, hostCpuMs } = await runShards(dir, second, shards, settings));
  } finally {
    await second.close();
  }
  const slowestAloneMs = Math.max(...alone.map((r) => r.wallMs));
  const throttled = (c: readonly OperationCount[]) => c.reduce((n, r) => n + r.throttled, 0);
  return {
    scale: settings.scale,
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
    contention: contentionOf(alone, concurrent, wallMs, hostCpuMs, cpus().length),
  };
}

/** The scenario's lines of the readable report. */
export function shardedLines(r: ShardedResult): string[] {
  const lines = [
    `sharded (${r.domains} domains in ${r.domains} accounts, ${r.shards} shards, ${r.sharedBuckets} shared buckets, documented TPS ×${r.scale}):`,
    `  at once     wall ${r.wallMs} ms vs slowest shard alone ${r.slowestAloneMs} ms: ×${r.ratio.toFixed(2)}; calls ${r.callsConcurrent}, throttled ${r.throttledConcurrent}`,
    `  alone       calls ${r.callsAlone}, throttled ${r.throttledAlone}`,
    `  machine     CPU at once: shards ${r.contention.shardsCpuMs} ms + emulator ${r.contention.emulatorCpuMs} ms on ${r.contention.cores} cores = floor ${r.contention.cpuFloorMs} ms (×${r.contention.floorRatio.toFixed(2)} of the slowest alone); wall ÷ floor ×${r.contention.beyondFloorRatio.toFixed(2)}; cores used ${r.contention.coresUsed}`,
    `  model       separate runners (each shard's waiting alone + its CPU at once, uncontended): ×${r.contention.separateRunnersRatio.toFixed(2)} of the slowest alone (the raw ×${r.ratio.toFixed(2)} above is the target's figure)`,
  ];
  for (const [i, a] of r.alone.entries()) {
    const c = r.concurrent[i]!;
    lines.push(
      `  ${a.name.padEnd(10)}  alone ${String(a.wallMs).padStart(6)} ms (CPU ${a.cpuMs} ms)  at once ${String(c.wallMs).padStart(6)} ms (CPU ${c.cpuMs} ms: plan ${c.cpuByStep.plan}, apply ${c.cpuByStep.apply}, re-plan ${c.cpuByStep.replan}; start-up ${c.startup?.cpuMs ?? '-'} ms, load ${c.startup?.loadMs ?? '-'} ms of ${c.startup?.documents ?? '-'} documents)  changes ${c.changes}  failed ${c.failed}  re-plan changes ${c.replanChanges}`,
    );
  }
  return lines;
}
