/**
 * One network scenario of the benchmark: a fresh emulator with latency and scaled TPS limits,
 * then three phases, each measured on its own: a cold plan over the empty cloud, the apply of
 * that plan from scratch, and a re-plan that must find no change. Each phase reports its calls
 * per operation, wall time, lower bound (bound.ts), efficiency = bound ÷ wall, and failures.
 * The bound counts API calls and latency only, so a plan's wall time is its read; the diff and
 * plan that follow are reported beside it as toolMs.
 */
import { defaultBehaviour } from '../src/emulator/behaviour.js';
import type { BehaviourPatch } from '../src/emulator/server.js';
import type { EmulatorBehaviour } from '../src/emulator/types.js';
import type { LoadResult } from '../src/validate/load-manifests.js';
import type { Change } from '../src/plan/types.js';
import {
  applyCriticalPathMs,
  operationPathBoundMs,
  planCriticalPathMs,
  rateBoundMs,
  type OperationPath,
} from './bound.js';
import { actionLines, applyPlanned, benchClients, loadOrThrow, planLoaded } from './pipeline.js';
import { startHostedEmulator } from './emulator-host.js';
import { emulatorLatency, meanLatencyMs, type BenchLatency } from './latency.js';
import {
  callsByOperation,
  operationTrace,
  totalCalls,
  type OperationCount,
  type OperationTrace,
} from './trace.js';

/** Figures of one phase. */
export interface PhaseResult {
  phase: 'cold-plan' | 'apply' | 'replan';
  /** Requests per `service.Operation`, throttled and failed ones included. */
  calls: Record<string, number>;
  totalCalls: number;
  /**
   * Wall time of the phase's API work, which the bound is a bound of: for a plan, the live read;
   * for the apply, all of it (its own work overlaps its calls).
   */
  wallMs: number;
  /**
   * Plans only: the diff and plan after the read, the tool's own work (no API call; the `cpu`
   * scenario measures it at ten times this size). Reported so that nothing is hidden: a plan's
   * whole wall time is wallMs + toolMs.
   */
  toolMs?: number;
  boundMs: number;
  /**
   * What sets the bound: `rate <service.Op@account>`, `critical-path`, or (apply)
   * `operation-path <service.Op@account>` (bound.ts operationPathBoundMs).
   */
  boundBy: string;
  efficiency: number;
  /** Failed operations: read failures (plans) or changes not done (apply). */
  failed: number;
  /** Requests the emulator answered with throttling. */
  throttled: number;
  /** Plans: actionable changes; apply: changes carried out. */
  changes: number;
  /**
   * Apply: the operation path's bound terms beside what the trace shows for that operation (its
   * first and last answer and the apply's end, ms from the start), so a gap is located: a late
   * first call, calls slower than the rate, or a long tail.
   */
  path?: { bound: OperationPath; trace: OperationTrace };
}

/** Settings of a network scenario. */
export interface NetworkSettings {
  /** Multiplies every TPS limit (emulator) and budget (tool). */
  scale: number;
  /** `fixedMs ± jitterMs`, uniform (latency.ts). */
  latency: BenchLatency;
  seed: number;
  concurrency?: number;
  readConcurrency?: number;
}

/** Emulator behaviour of the benchmark: realistic page size, default async durations. */
export function benchBehaviour(extra: BehaviourPatch = {}): BehaviourPatch {
  // The tool asks for the model's largest page; 50 answers any other caller as DataZone commonly does.
  return { defaultPageSize: 50, ...extra };
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function phaseResult(
  phase: PhaseResult['phase'],
  counts: readonly OperationCount[],
  wallMs: number,
  criticalMs: number,
  scale: number,
  failed: number,
  changes: number,
  toolMs?: number,
  path?: { bound: OperationPath; trace: OperationTrace },
): PhaseResult {
  const rate = rateBoundMs(counts, scale);
  const pathMs = path?.bound.ms ?? 0;
  const boundMs = Math.max(rate.ms, criticalMs, pathMs);
  const boundBy =
    pathMs >= boundMs && path
      ? `operation-path ${path.bound.by}`
      : rate.ms >= criticalMs
        ? `rate ${rate.by}`
        : 'critical-path';
  return {
    phase,
    calls: callsByOperation(counts),
    totalCalls: totalCalls(counts),
    wallMs: round(wallMs),
    boundMs: round(boundMs),
    boundBy,
    efficiency: round(wallMs > 0 ? boundMs / wallMs : 0, 3),
    failed,
    throttled: counts.reduce((n, c) => n + c.throttled, 0),
    changes,
    ...(toolMs === undefined ? {} : { toolMs: round(toolMs) }),
    ...(path ? { path } : {}),
  };
}

function roundPath(p: OperationPath): OperationPath {
  return {
    ...p,
    ms: round(p.ms),
    firstCallMs: round(p.firstCallMs),
    spreadMs: round(p.spreadMs),
    tailMs: round(p.tailMs),
  };
}

/** True when a project's profile has an environment deployed on create (its create waits for it). */
function deploysOnCreate(loaded: LoadResult): (change: Change) => boolean {
  const onCreate = new Set<string>();
  for (const { manifest } of loaded.documents) {
    if (manifest.kind !== 'ProjectProfile') continue;
    if ((manifest.spec.environments ?? []).some((e) => (e.deploymentMode ?? 'ON_CREATE') === 'ON_CREATE'))
      onCreate.add(`${manifest.metadata.domain}/${manifest.metadata.name}`);
  }
  const profileOf = new Map<string, string>();
  for (const { manifest } of loaded.documents) {
    if (manifest.kind === 'Project')
      profileOf.set(`${manifest.metadata.domain}/${manifest.metadata.name}`, manifest.spec.profile ?? '');
  }
  return (change) => {
    const a = change.address;
    return onCreate.has(`${a.domain}/${profileOf.get(`${a.domain}/${a.name}`) ?? ''}`);
  };
}

/** Runs the three phases of a scenario against a fresh emulator. */
export async function runNetworkScenario(
  paths: string[],
  settings: NetworkSettings,
  behaviour: BehaviourPatch,
): Promise<PhaseResult[]> {
  const loaded = await loadOrThrow(paths);
  const emulator = await startHostedEmulator({
    seed: settings.seed,
    latency: emulatorLatency(settings.latency),
    rateLimits: 'documented',
    rateLimitScale: settings.scale,
    behaviour,
  });
  const durations: EmulatorBehaviour['durations'] = {
    ...defaultBehaviour().durations,
    ...(behaviour.durations ?? {}),
  };
  const clients = benchClients(emulator.endpoint);
  const results: PhaseResult[] = [];
  try {
    /** One measured plan: its result and the counts of its calls. */
    const measuredPlan = async () => {
      await emulator.takeCounts();
      const planned = await planLoaded(loaded, clients, settings.readConcurrency, settings.scale);
      return { planned, counts: await emulator.takeCounts() };
    };
    const planPhase = async (phase: 'cold-plan' | 'replan', repeats: number) => {
      const runs = [];
      for (let i = 0; i < repeats; i++) runs.push(await measuredPlan());
      // The median run: a phase of one round trip is as long as a GC pause or a late timer.
      runs.sort((a, b) => a.planned.timings.readMs - b.planned.timings.readMs);
      const { planned, counts } = runs[Math.floor(runs.length / 2)]!;
      const critical = planCriticalPathMs(callsByOperation(counts), meanLatencyMs(settings.latency));
      results.push(
        phaseResult(
          phase,
          counts,
          planned.timings.readMs,
          critical,
          settings.scale,
          Math.max(...runs.map((r) => r.planned.observation.failures.length)),
          actionLines(planned.plan).length,
          planned.timings.planMs,
        ),
      );
      return planned;
    };
    // Warm-up, untimed and uncounted: the first read of a process pays once for the SDK's lazy
    // set-up and the JIT (~70 ms here), client-side work that is not what the bound measures.
    await planLoaded(loaded, clients, settings.readConcurrency, settings.scale);
    // Over an empty cloud a plan is a round trip or two: the median of five (each reads nothing).
    const cold = await planPhase('cold-plan', 5);
    await emulator.takeCounts();
    await emulator.takeTimeline();
    const began = performance.now();
    const beganAt = Date.now();
    const outcomes = await applyPlanned(loaded, cold, clients, {
      rateScale: settings.scale,
      ...(settings.concurrency ? { concurrency: settings.concurrency } : {}),
    });
    const wall = performance.now() - began;
    const endedAt = Date.now();
    const counts = await emulator.takeCounts();
    const timeline = await emulator.takeTimeline();
    const deploys = deploysOnCreate(loaded);
    const critical = applyCriticalPathMs(
      cold.plan.changes,
      meanLatencyMs(settings.latency),
      durations,
      deploys,
    );
    const bound = operationPathBoundMs(
      cold.plan.changes,
      counts,
      meanLatencyMs(settings.latency),
      durations,
      deploys,
      settings.scale,
    );
    const path = bound.by
      ? { bound: roundPath(bound), trace: operationTrace(timeline, bound.operation, beganAt, endedAt) }
      : undefined;
    const failed = outcomes.filter((o) => o.status !== 'done').length;
    results.push(
      phaseResult(
        'apply',
        counts,
        wall,
        critical,
        settings.scale,
        failed,
        outcomes.length - failed,
        undefined,
        path,
      ),
    );
    await planPhase('replan', 1);
  } finally {
    clients.destroy();
    await emulator.close();
  }
  return results;
}
