/**
 * The `cpu` scenario: ten domains at quota (10,000 projects) against an emulator without latency
 * or rate limits, so what remains is the tool's own work. A plan over the empty cloud and a
 * no-change plan over the populated one each run in a fresh process (cpu-child.mjs: plain node
 * over the built dist/, as users run the tool, not tsx) for its stage times and peak RSS. In
 * between the cloud is seeded (seed.ts: domains, units and associations applied by the tool,
 * blueprint configurations, pools, profiles and projects made in-process, as apply would have
 * made them) and timed for information.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { INSTANT_DURATIONS } from '../src/emulator/behaviour.js';
import { startHostedEmulator } from './emulator-host.js';
import { generateBenchOrg, ORG_AT_QUOTA, type BenchOrgSize } from './org.js';
import { benchClients, loadOrThrow } from './pipeline.js';
import { seedWorld, type SeedResult } from './seed.js';

const run = promisify(execFile);

/** What the child (cpu-child.mjs) prints. */
export interface CpuStages {
  documents: number;
  loadMs: number;
  validateMs: number;
  readMs: number;
  diffPlanMs: number;
  /** The tool's own work: load + validate + diff and plan (the read is the API's time, measured by the network scenarios). */
  planMs: number;
  /** CPU time (user + system) of those stages: less sensitive than wall time to a busy machine. */
  planCpuMs: number;
  /**
   * The main thread's share of planCpuMs: the tool's own work. The rest is V8's background threads
   * (optimising compilers, collector helpers). Null on a node without `process.threadCpuUsage`.
   */
  planMainThreadCpuMs: number | null;
  /** Everything, the read included. */
  totalMs: number;
  /** The process's peak resident set size (the emulator is not in it). */
  peakRssMb: number;
  /** Resident set size at the start (modules loaded) and after each stage: where the peak comes from. */
  rssMb: { start: number; load: number; validate: number; read: number; plan: number };
  changes: number;
  liveResources: number;
}

/** Results of the cpu scenario. */
export interface CpuResult {
  domains: number;
  projects: number;
  coldPlan: CpuStages;
  /**
   * Seeding: `changes` = `apiChanges` applied through the API + `inProcess` made in-process
   * (blueprint configurations, pools, profiles and the `projects`); `cpuMs` its CPU by step and
   * in all (bench/seed.ts), steadier than the wall on a loaded machine.
   */
  populate: {
    wallMs: number;
    changes: number;
    failed: number;
    apiChanges: number;
    inProcess: number;
    projects: number;
    cpuMs: SeedResult['cpuMs'] & { total: number };
  };
  /** The re-plan run whose planCpuMs is the median of `replanRuns` (a real run, not a blend). */
  replan: CpuStages;
  /**
   * Every re-plan run's figures, each in a fresh process against the same cloud: one run of a
   * cold process moves ±15 % with the JIT's and the collector's timing (docs/bench.md, `cpu`).
   */
  replanRuns: { planCpuMs: number[]; planMainThreadCpuMs: (number | null)[]; peakRssMb: number[] };
}

/** The median of `values` (the lower middle of an even count), NaN when there are none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : (sorted[Math.floor((sorted.length - 1) / 2)] as number);
}

async function measure(dir: string, endpoint: string): Promise<CpuStages> {
  // Plain node, no tsx: its loader thread and the sources it compiles are no part of what users run.
  const child = fileURLToPath(new URL('./cpu-child.mjs', import.meta.url));
  const { stdout } = await run(process.execPath, [child, dir, endpoint], {
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as CpuStages;
}

/**
 * Runs the cpu scenario with `domains` domains of `size`; the no-change re-plan `replanRuns`
 * times (at least once).
 */
export async function runCpuScenario(
  domains = 10,
  size: BenchOrgSize = ORG_AT_QUOTA,
  seed = 1,
  progress: (line: string) => void = () => undefined,
  replanRuns = 3,
): Promise<CpuResult> {
  const dir = mkdtempSync(join(tmpdir(), 'smus-bench-cpu-'));
  for (let d = 0; d < domains; d++)
    writeFileSync(join(dir, `domain-${d}.yaml`), generateBenchOrg(seed + d, size, `bench-${d}`, d));
  const emulator = await startHostedEmulator({
    seed,
    rateLimits: 'off',
    behaviour: {
      defaultPageSize: 50,
      durations: INSTANT_DURATIONS,
    },
  });
  try {
    const coldPlan = await measure(dir, emulator.endpoint);
    progress(`bench: cpu cold plan ${coldPlan.planMs} ms; populating ${coldPlan.changes} resources`);
    const loaded = await loadOrThrow([dir]);
    const clients = benchClients(emulator.endpoint);
    const seeded = await seedWorld(loaded, clients, (calls) => emulator.invoke(calls), {
      concurrency: 128,
      maxSleepMs: 10,
      // No limits in this emulator: the tool's own pacing at the documented TPS would be all that is measured.
      rateScale: 1000,
    });
    progress(
      `bench: cpu seeded ${seeded.apiChanges} changes through the API and ${seeded.inProcess} resources directly`,
    );
    const populate = {
      wallMs: seeded.wallMs,
      changes: seeded.apiChanges + seeded.inProcess,
      failed: seeded.apiFailed,
      apiChanges: seeded.apiChanges,
      inProcess: seeded.inProcess,
      projects: seeded.projects,
      cpuMs: {
        ...seeded.cpuMs,
        total: seeded.cpuMs.plan + seeded.cpuMs.structure + seeded.cpuMs.reread + seeded.cpuMs.projects,
      },
    };
    clients.destroy();
    const runs: CpuStages[] = [];
    for (let r = 0; r < Math.max(1, replanRuns); r++) {
      runs.push(await measure(dir, emulator.endpoint));
      progress(
        `bench: cpu re-plan ${r + 1}: CPU ${runs[r]?.planCpuMs} ms, peak RSS ${runs[r]?.peakRssMb} MB`,
      );
    }
    const middle = median(runs.map((r) => r.planCpuMs));
    const replan = runs.find((r) => r.planCpuMs === middle) ?? (runs[0] as CpuStages);
    const replanFigures = {
      planCpuMs: runs.map((r) => r.planCpuMs),
      planMainThreadCpuMs: runs.map((r) => r.planMainThreadCpuMs ?? null),
      peakRssMb: runs.map((r) => r.peakRssMb),
    };
    return {
      domains,
      projects: domains * size.projects,
      coldPlan,
      populate,
      replan,
      replanRuns: replanFigures,
    };
  } finally {
    await emulator.close();
  }
}
