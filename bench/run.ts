/**
 * `npm run bench [-- --json] [--scenario example,org,cpu,sharded] [--scale 10] [--cpu-domains 10]
 * [--cpu-runs 3] [--concurrency N] [--read-concurrency N] [--sharded-scale 1]`:
 * deterministic generated scenarios against the emulator. `example` and `org` run with 20 ms ±
 * 5 ms latency and the documented TPS × scale (the tool's budgets use the same scale); `cpu` runs
 * ten domains at quota with no latency or limits. Prints a readable report, or one JSON object.
 * The targets (issue 18: org apply ≥ 0.95 of its bound with ≤ 4 calls per change, re-plan ≥
 * 0.95, cpu plan ≤ 1 s of CPU and ≤ 300 MB, sharded ≤ 1.2× and no throttling, the whole bench
 * ≤ 10 min) are reported, not asserted.
 */
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median, runCpuScenario, type CpuResult } from './cpu.js';
import { generateBenchOrg, ORG_AT_QUOTA } from './org.js';
import { writeManifests } from './pipeline.js';
import { benchBehaviour, runNetworkScenario, type PhaseResult } from './scenario.js';
import { prLines, prTargets, runPrScenario, type PrScenarioResult } from './pr.js';
import { runShardedScenario, shardedLines, type ShardedResult } from './sharded.js';

/** The whole report (`--json` prints exactly this). */
export interface BenchReport {
  scale: number;
  latency: { fixedMs: number; jitterMs: number };
  /** Executor and read concurrency when set (the tool's defaults otherwise: 256 and 64). */
  concurrency: { apply: number | null; read: number | null };
  machine: { cpus: number; node: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  scenarios: {
    example?: PhaseResult[];
    org?: PhaseResult[];
    cpu?: CpuResult;
    'org-pr'?: PrScenarioResult;
    sharded?: ShardedResult;
  };
  targets: Record<string, { value: number | null; target: string; met: boolean | null }>;
  /** Wall time of the whole bench run, scenarios and their set-up included (target ≤ 10 min). */
  durationMs?: number;
}

interface Args {
  json: boolean;
  scenarios: string[];
  scale: number;
  cpuDomains: number;
  /** No-change re-plans of the cpu scenario, each in a fresh process; the targets take the median. */
  cpuRuns: number;
  seed: number;
  concurrency?: number;
  readConcurrency?: number;
  /** Projects of the org-pr scenario's organisation (default: at quota). */
  prProjects?: number;
  /**
   * TPS scale of the sharded scenario (default 1, the documented quotas): its subject is the
   * shards' buckets at AWS's limits. At ×10 eleven shards need more than this machine's two
   * cores, and the ratio measures the cores (docs/bench.md, `sharded`).
   */
  shardedScale: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    json: false,
    scenarios: ['example', 'org', 'cpu'],
    scale: 10,
    cpuDomains: 10,
    cpuRuns: 3,
    seed: 1,
    shardedScale: 1,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--json') args.json = true;
    else if (a === '--scenario') args.scenarios = value().split(',');
    else if (a === '--scale') args.scale = Number(value());
    else if (a === '--cpu-domains') args.cpuDomains = Number(value());
    else if (a === '--cpu-runs') args.cpuRuns = Number(value());
    else if (a === '--seed') args.seed = Number(value());
    else if (a === '--concurrency') args.concurrency = Number(value());
    else if (a === '--read-concurrency') args.readConcurrency = Number(value());
    else if (a === '--pr-projects') args.prProjects = Number(value());
    else if (a === '--sharded-scale') args.shardedScale = Number(value());
    else throw new Error(`unknown argument ${a}`);
  }
  for (const s of args.scenarios)
    if (!['example', 'org', 'cpu', 'org-pr', 'sharded'].includes(s)) throw new Error(`unknown scenario ${s}`);
  if (!(args.scale > 0)) throw new Error('--scale must be a positive number');
  if (!(Number.isInteger(args.cpuRuns) && args.cpuRuns > 0))
    throw new Error('--cpu-runs must be a positive whole number');
  if (!(args.shardedScale > 0)) throw new Error('--sharded-scale must be a positive number');
  return args;
}

function target(value: number | undefined, text: string, ok: (v: number) => boolean) {
  return { value: value ?? null, target: text, met: value === undefined ? null : ok(value) };
}

/** The issue's targets (issue 18 acceptance 2–5; cold plan from the earlier scale issue). */
function targetsOf(report: BenchReport): BenchReport['targets'] {
  const org = report.scenarios.org;
  const phase = (name: string) => org?.find((p) => p.phase === name);
  const apply = phase('apply');
  const cpu = report.scenarios.cpu;
  const perChange =
    apply && apply.changes > 0 ? Math.round((apply.totalCalls / apply.changes) * 100) / 100 : undefined;
  return {
    orgColdPlanEfficiency: target(phase('cold-plan')?.efficiency, '>= 0.8', (v) => v >= 0.8),
    orgApplyEfficiency: target(apply?.efficiency, '>= 0.95', (v) => v >= 0.95),
    orgApplyCallsPerChange: target(perChange, '<= 4', (v) => v <= 4),
    orgReplanEfficiency: target(phase('replan')?.efficiency, '>= 0.95', (v) => v >= 0.95),
    orgFailed: target(org ? org.reduce((n, p) => n + p.failed, 0) : undefined, '= 0', (v) => v === 0),
    // CPU time, not wall: the plan's own work, which the machine's load does not inflate. Both are
    // the median of the re-plan runs: one cold process moves ±15 % with the JIT and the collector.
    cpuPlanCpuMs: target(cpu?.replan.planCpuMs, '<= 1000 (median)', (v) => v <= 1000),
    cpuPeakRssMb: target(cpu && median(cpu.replanRuns.peakRssMb), '<= 300 (median)', (v) => v <= 300),
    ...prTargets(report.scenarios['org-pr'], target),
    shardedWallRatio: target(report.scenarios.sharded?.ratio, '<= 1.2', (v) => v <= 1.2),
    // The separate-runner model (bench/sharded.ts contentionOf), beside the raw ratio, never instead of it.
    shardedModelRatio: target(
      report.scenarios.sharded?.contention.separateRunnersRatio,
      '<= 1.2 (model)',
      (v) => v <= 1.2,
    ),
    shardedThrottled: target(report.scenarios.sharded?.throttledConcurrent, '= 0', (v) => v === 0),
    // Only the default scenarios are the issue's "npm run bench"; other selections still report it.
    benchSeconds: target(
      report.durationMs === undefined ? undefined : Math.round(report.durationMs / 1000),
      '<= 600',
      (v) => v <= 600,
    ),
  };
}

function phaseLines(name: string, phases: PhaseResult[]): string[] {
  const lines = [`${name}:`];
  for (const p of phases) {
    lines.push(
      `  ${p.phase.padEnd(10)} calls ${String(p.totalCalls).padStart(6)}  wall ${p.wallMs.toFixed(0).padStart(7)} ms  bound ${p.boundMs.toFixed(0).padStart(7)} ms (${p.boundBy})  efficiency ${p.efficiency.toFixed(2)}  failed ${p.failed}  throttled ${p.throttled}  changes ${p.changes}${p.toolMs === undefined ? '' : `  + diff/plan ${p.toolMs.toFixed(0)} ms`}`,
    );
    const top = Object.entries(p.calls)
      .sort(([, a], [, b]) => b - a)
      .slice(0, 6)
      .map(([op, n]) => `${op} ${n}`)
      .join(', ');
    if (top) lines.push(`             top calls: ${top}`);
    if (p.path) {
      const { bound: b, trace: t } = p.path;
      lines.push(
        `             ${b.operation}: first answer ${t.firstMs.toFixed(0)} ms (bound ${b.firstCallMs.toFixed(0)}), first→last ${(t.lastMs - t.firstMs).toFixed(0)} ms (bound ${b.spreadMs.toFixed(0)}), last→end ${(t.endMs - t.lastMs).toFixed(0)} ms (bound ${b.tailMs.toFixed(0)}), longest gap ${t.longestGapMs.toFixed(0)} ms, ${t.throttled} throttled`,
      );
    }
  }
  return lines;
}

function cpuLines(cpu: CpuResult): string[] {
  const stages = (s: CpuResult['replan']) =>
    `load ${s.loadMs} ms, validate ${s.validateMs} ms, diff+plan ${s.diffPlanMs} ms: plan ${s.planMs} ms (CPU ${s.planCpuMs} ms); read ${s.readMs} ms; peak RSS ${s.peakRssMb} MB, ${s.changes} changes`;
  return [
    `cpu (${cpu.domains} domains, ${cpu.projects} projects, no latency, no limits):`,
    `  cold plan   ${stages(cpu.coldPlan)}`,
    `  seed        ${cpu.populate.apiChanges} changes applied + ${cpu.populate.inProcess} created in-process (${cpu.populate.projects} projects) in ${cpu.populate.wallMs} ms, CPU ${cpu.populate.cpuMs.total} ms (plan ${cpu.populate.cpuMs.plan}, structure ${cpu.populate.cpuMs.structure}, re-read ${cpu.populate.cpuMs.reread}, in-process ${cpu.populate.cpuMs.projects}; ${cpu.populate.failed} failed)`,
    `  re-plan     ${stages(cpu.replan)} (the median of ${cpu.replanRuns.planCpuMs.length} runs)`,
    `  re-plans    CPU ${cpu.replanRuns.planCpuMs.join(', ')} ms (main thread ${cpu.replanRuns.planMainThreadCpuMs.map((v) => v ?? 'n/a').join(', ')}); peak RSS ${cpu.replanRuns.peakRssMb.join(', ')} MB`,
  ];
}

function text(report: BenchReport): string {
  const lines = [
    `smus-gitops bench — TPS scale ×${report.scale} (emulator limits and the tool's budgets), latency ${report.latency.fixedMs} ± ${report.latency.jitterMs} ms`,
    `machine: ${report.machine.cpus} CPUs, node ${report.machine.node}, load average ${report.machine.loadAverageAtStart.map((n) => n.toFixed(1)).join(' ')} → ${report.machine.loadAverageAtEnd.map((n) => n.toFixed(1)).join(' ')}`,
  ];
  if (report.scenarios.example) lines.push(...phaseLines('example', report.scenarios.example));
  if (report.scenarios.org) lines.push(...phaseLines('org (1 domain at quota)', report.scenarios.org));
  if (report.scenarios.cpu) lines.push(...cpuLines(report.scenarios.cpu));
  if (report.scenarios['org-pr']) lines.push(...prLines(report.scenarios['org-pr']));
  if (report.scenarios.sharded) lines.push(...shardedLines(report.scenarios.sharded));
  if (report.durationMs !== undefined)
    lines.push(
      `bench duration: ${(report.durationMs / 1000).toFixed(0)} s (scenarios ${Object.keys(report.scenarios).join(', ')})`,
    );
  lines.push('targets (reported, not asserted):');
  for (const [name, t] of Object.entries(report.targets))
    lines.push(
      `  ${name.padEnd(22)} ${String(t.value ?? '-').padStart(8)}  target ${t.target}  ${t.met === null ? 'not run' : t.met ? 'met' : 'NOT met'}`,
    );
  return `${lines.join('\n')}\n`;
}

/** Runs the benchmark with command-line arguments; returns the report. */
export async function runBench(argv: string[], progress: (line: string) => void): Promise<BenchReport> {
  const args = parseArgs(argv);
  const started = performance.now();
  const latency = { fixedMs: 20, jitterMs: 5 };
  const report: BenchReport = {
    scale: args.scale,
    latency,
    concurrency: { apply: args.concurrency ?? null, read: args.readConcurrency ?? null },
    machine: {
      cpus: cpus().length,
      node: process.version,
      loadAverageAtStart: loadavg(),
      loadAverageAtEnd: [],
    },
    scenarios: {},
    targets: {},
  };
  const settings = {
    scale: args.scale,
    latency,
    seed: args.seed,
    ...(args.concurrency ? { concurrency: args.concurrency } : {}),
    ...(args.readConcurrency ? { readConcurrency: args.readConcurrency } : {}),
  };
  if (args.scenarios.includes('example')) {
    progress('bench: example');
    const examples = fileURLToPath(new URL('../manifests-example', import.meta.url));
    // The APAC account of the example is outside the organisation (as in `npm run demo`).
    report.scenarios.example = await runNetworkScenario(
      [examples],
      settings,
      benchBehaviour({ externalAccountIds: ['777788889999'] }),
    );
  }
  if (args.scenarios.includes('org')) {
    progress('bench: org');
    const dir = writeManifests(generateBenchOrg(args.seed, ORG_AT_QUOTA));
    report.scenarios.org = await runNetworkScenario([dir], settings, benchBehaviour());
  }
  if (args.scenarios.includes('cpu')) {
    progress(`bench: cpu (${args.cpuDomains} domains)`);
    report.scenarios.cpu = await runCpuScenario(
      args.cpuDomains,
      ORG_AT_QUOTA,
      args.seed,
      progress,
      args.cpuRuns,
    );
  }
  if (args.scenarios.includes('org-pr')) {
    const size = { ...ORG_AT_QUOTA, ...(args.prProjects ? { projects: args.prProjects } : {}) };
    report.scenarios['org-pr'] = await runPrScenario(settings, size, progress);
  }
  if (args.scenarios.includes('sharded')) {
    progress('bench: sharded');
    report.scenarios.sharded = await runShardedScenario(
      { ...settings, scale: args.shardedScale },
      undefined,
      progress,
    );
  }
  report.machine.loadAverageAtEnd = loadavg();
  report.durationMs = Math.round(performance.now() - started);
  report.targets = targetsOf(report);
  return report;
}

async function main(): Promise<void> {
  // The SDK's notice about future Node versions is not part of any report.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const report = await runBench(argv, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(json ? `${JSON.stringify(report)}\n` : text(report));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
