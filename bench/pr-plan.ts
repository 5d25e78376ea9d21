/**
 * One measured scoped plan of the org-pr scenario (pr.ts): the PR workflow's steps (load, change
 * scope, targeted read, plan, dependents read) with their read windows timed and their calls
 * counted and traced, and the phase figures of the median of several.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { readDependents } from '../src/live/dependents.js';
import { readLive } from '../src/live/read-live.js';
import { loadManifests } from '../src/validate/load-manifests.js';
import { changeScope, changeScopeText } from '../src/plan/changed.js';
import { addFindings } from '../src/plan/findings.js';
import { buildPlanDetailed } from '../src/plan/planner.js';
import { dependentsPreflight, dependentsRequest } from '../src/plan/preflight.js';
import type { Plan } from '../src/plan/types.js';
import { loadChangedSince } from '../src/cli/run/changed-since.js';
import { identityKey } from '../src/model/identity.js';
import { rateBoundMs } from './bound.js';
import type { HostedEmulator } from './emulator-host.js';
import type { benchClients } from './pipeline.js';
import { actionLines, sha256 } from './pipeline.js';
import { floorCriticalPathMs, listsOf, scopedCriticalPathMs, type ScopedLists } from './pr-bound.js';
import { latencyWidthMs, meanLatencyMs } from './latency.js';
import type { PrPhaseResult } from './pr.js';
import type { NetworkSettings } from './scenario.js';
import type { Timeline } from './trace.js';
import {
  callsByOperation,
  offWireMs,
  timelineLines,
  totalCalls,
  type OperationCount,
  type TimedCall,
} from './trace.js';

/** n rounded to `digits` decimals. */
export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** One change-scoped plan of the working tree of `dir` against `main`, as the CLI makes it. */
export async function scopedPlan(
  dir: string,
  clients: ReturnType<typeof benchClients>,
  scale: number,
  readConcurrency?: number,
  timeline?: Timeline,
  split?: () => Promise<OperationCount[]>,
): Promise<{
  plan: Plan;
  readMs: number;
  /** Main-thread busy time during the reads (event-loop utilisation), in ms. */
  busyMs: number;
  failures: number;
  calls: TimedCall[];
  marks: number[];
  lists: ScopedLists;
  /** Requests of the first read (`split`'s answer, taken between the reads, untimed). */
  firstCounts: OperationCount[];
  /** Wall of each stage of the PR workflow, ms (the reads' are readMs's parts). */
  stagesMs: StagesMs;
  /** Main-thread garbage collection during the reads, ms (a pause there delays an answer's turn). */
  gcMs: number;
}> {
  const stage = stageClock();
  const loaded = await loadManifests(['.'], dir);
  const loadMs = stage();
  const base = await loadChangedSince('main', ['.'], dir);
  const baseMs = stage();
  const changed = changeScope(base.documents, loaded.documents, 'main', loaded.deferred);
  const scopeMs = stage();
  if (timeline) {
    const regions = new Set([...changed.scope.domains, ...changed.scope.studioDomains].map((d) => d.region));
    for (const region of regions) {
      timeline.attach(clients.home(region).dataZone);
      timeline.attach(clients.home(region).sts);
    }
    timeline.reset();
  }
  const marks: number[] = [];
  // The main thread's busy time during the reads (the emulator runs in a worker, not counted):
  // the tool's own work, far less sensitive to the machine's load than wall time.
  let elu = performance.eventLoopUtilization();
  const gc = gcClock();
  const began = performance.now();
  const observation = await readLive(changed.scope, {
    clients,
    rateScale: scale,
    ...(readConcurrency ? { concurrency: readConcurrency } : {}),
  });
  let readMs = performance.now() - began;
  let busyMs = performance.eventLoopUtilization(elu).active;
  let gcMs = gc.take();
  marks.push(readMs);
  const firstCounts = split ? await split() : [];
  stage();
  const { plan, preflight } = buildPlanDetailed({
    documents: changed.documents,
    observation,
    deferred: loaded.deferred.filter((r) => changed.only.has(identityKey(r.from))),
    digest: sha256,
    only: changed.only,
  });
  const planMs = stage();
  let dependentsMs = 0;
  const request = dependentsRequest(preflight);
  let failures = observation.failures.length;
  if (request.principals.length + request.projects.length + request.profiles.length > 0) {
    const second = performance.now();
    elu = performance.eventLoopUtilization();
    const facts = await readDependents(request, { clients, rateScale: scale });
    busyMs += performance.eventLoopUtilization(elu).active;
    gcMs += gc.take();
    marks.push(second - began);
    readMs += performance.now() - second;
    marks.push(performance.now() - began);
    failures += facts.failures.length;
    addFindings(plan, dependentsPreflight(preflight, facts), sha256);
    dependentsMs = stage();
  }
  gc.stop();
  plan.scope = changeScopeText(changed, 'main');
  return {
    plan,
    readMs,
    busyMs,
    failures,
    calls: timeline?.take() ?? [],
    marks,
    lists: listsOf(changed.scope),
    firstCounts,
    stagesMs: {
      load: round(loadMs),
      base: round(baseMs),
      scope: round(scopeMs),
      read: round(marks[0] ?? 0),
      plan: round(planMs),
      dependents: round(dependentsMs),
    },
    gcMs: round(gcMs),
  };
}

/** The PR workflow's stages: load the tree, the base from git, the change scope, read, plan, dependents. */
export interface StagesMs {
  load: number;
  base: number;
  scope: number;
  read: number;
  plan: number;
  dependents: number;
}

/** A clock that answers the ms since it last answered (or was made). */
function stageClock(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const ms = now - last;
    last = now;
    return ms;
  };
}

/** Main-thread GC time, taken in parts (the emulator's worker has its own heap, not counted). */
function gcClock(): { take: () => number; stop: () => void } {
  let ms = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) ms += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    take: () => {
      for (const entry of observer.takeRecords()) ms += entry.duration;
      const taken = ms;
      ms = 0;
      return taken;
    },
    stop: () => observer.disconnect(),
  };
}

function phaseResult(
  phase: PrPhaseResult['phase'],
  planned: Awaited<ReturnType<typeof scopedPlan>>,
  secondCounts: readonly OperationCount[],
  settings: NetworkSettings,
  transportMs: number,
): PrPhaseResult {
  const counts = [...planned.firstCounts, ...secondCounts];
  const calls = callsByOperation(counts);
  const first = callsByOperation(planned.firstCounts);
  const second = callsByOperation(secondCounts);
  const rate = rateBoundMs(counts, settings.scale);
  // Every chained call costs its latency and this machine's transport (transport.ts).
  const chain = (perCallMs: number) =>
    scopedCriticalPathMs(
      first,
      perCallMs,
      planned.lists,
      second,
      settings.scale,
      latencyWidthMs(settings.latency),
    );
  const critical = chain(meanLatencyMs(settings.latency) + transportMs);
  const latencyOnly = Math.max(rate.ms, chain(meanLatencyMs(settings.latency)));
  const floor = floorCriticalPathMs(
    first,
    settings.latency,
    planned.lists,
    second,
    settings.scale,
    transportMs,
  );
  const boundMs = Math.max(rate.ms, critical);
  return {
    phase,
    scope: planned.plan.scope ?? '',
    calls,
    totalCalls: totalCalls(counts),
    wallMs: round(planned.readMs),
    boundMs: round(boundMs),
    boundBy: rate.ms >= critical ? `rate ${rate.by}` : 'critical-path',
    efficiency: round(planned.readMs > 0 ? boundMs / planned.readMs : 0, 3),
    floorMs: round(Math.max(rate.ms, floor)),
    transportMs,
    latencyOnlyBoundMs: round(latencyOnly),
    latencyOnlyEfficiency: round(planned.readMs > 0 ? latencyOnly / planned.readMs : 0, 3),
    realQuotaRateBoundMs: round(rateBoundMs(counts, 1).ms),
    failed: planned.failures,
    changes: actionLines(planned.plan),
    refused: planned.plan.refused.map((r) => `${r.reason} ${r.address.kind}/${r.address.name}: ${r.detail}`),
    busyMs: round(planned.busyMs),
    gcMs: planned.gcMs,
    stagesMs: planned.stagesMs,
    offWireMs: offWireMs(planned.calls, readWindows(planned.marks)),
    timeline: [
      ...timelineLines(planned.calls),
      `marks (first read end, second read start/end): ${planned.marks.map((m) => m.toFixed(1)).join(', ')} ms`,
    ],
  };
}

/**
 * `count` (odd) plans of the working tree as it is; the median's figures. A plan of a dozen round
 * trips is as long as a GC pause or a late timer, and the sum of four latency draws of 20 ± 5 ms
 * has a spread of about 6 ms, so one run says little; every run's wall is kept.
 */
export async function medianOf(
  count: number,
  phase: PrPhaseResult['phase'],
  dir: string,
  clients: ReturnType<typeof benchClients>,
  emulator: HostedEmulator,
  timeline: Timeline,
  settings: NetworkSettings,
  transportMs: number,
): Promise<PrPhaseResult> {
  const runs = [];
  for (let i = 0; i < count; i++) {
    await emulator.takeCounts();
    const planned = await scopedPlan(dir, clients, settings.scale, settings.readConcurrency, timeline, () =>
      emulator.takeCounts(),
    );
    runs.push({ planned, counts: await emulator.takeCounts() });
  }
  const walls = runs.map((r) => round(r.planned.readMs));
  runs.sort((a, b) => a.planned.readMs - b.planned.readMs);
  const median = runs[Math.floor(runs.length / 2)]!;
  return { ...phaseResult(phase, median.planned, median.counts, settings, transportMs), runsMs: walls };
}

/** The read windows of a plan's timeline: [0, first read's end], then the dependents read, if any. */
function readWindows(marks: readonly number[]): [number, number][] {
  const windows: [number, number][] = [[0, marks[0] ?? 0]];
  if (marks.length >= 3) windows.push([marks[1]!, marks[2]!]);
  return windows;
}
