/**
 * The `org-pr` benchmark scenario (issue 18): the organisation is applied, committed to a
 * temporary git repository, and then a pull request is planned with `--changed-since` as the PR
 * workflow plans it (plan/changed.ts, the targeted read, the planner's `only`):
 * - `pr-edit`: one project's description edited; target ≤ 15 calls, efficiency ≥ 0.9 of its own
 *   bound, and the rate-bound time at the real quotas (scale 1) ≤ 2 s;
 * - `pr-delete`: a profile removed (the domain prunes profiles) with the projects that use it
 *   removed from the manifests but still live: the plan must read those projects and refuse.
 * Figures are reported, not asserted.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDependents } from '../src/live/dependents.js';
import { readLive } from '../src/live/read-live.js';
import { loadManifests } from '../src/load/load-manifests.js';
import { changeScope, changeScopeText } from '../src/plan/changed.js';
import { addFindings } from '../src/plan/findings.js';
import { buildPlanDetailed } from '../src/plan/planner.js';
import { dependentsPreflight, dependentsRequest } from '../src/plan/preflight.js';
import type { Plan } from '../src/plan/types.js';
import { loadChangedSince } from '../src/cli/run/changed-since.js';
import { identityKey } from '../src/model/identity.js';
import { rateBoundMs } from './bound.js';
import { expectedCriticalPathMs, listsOf, scopedCriticalPathMs, type ScopedLists } from './pr-bound.js';
import { startHostedEmulator, type HostedEmulator } from './emulator-host.js';
import { generateBenchOrg, type BenchOrgSize } from './org.js';
import { actionLines, applyPlanned, benchClients, loadOrThrow, planLoaded, sha256 } from './pipeline.js';
import type { NetworkSettings } from './scenario.js';
import { benchBehaviour } from './scenario.js';
import {
  callsByOperation,
  offWireMs,
  Timeline,
  timelineLines,
  totalCalls,
  type OperationCount,
  type TimedCall,
} from './trace.js';

/** Figures of one scoped PR plan. */
export interface PrPhaseResult {
  phase: 'pr-edit' | 'pr-delete';
  /** The plan header's scope line. */
  scope: string;
  calls: Record<string, number>;
  totalCalls: number;
  /** Wall time of the live reads (the first read and the dependents read). */
  wallMs: number;
  boundMs: number;
  boundBy: string;
  efficiency: number;
  /** The critical path at the emulator's mean latency (or the rate bound, if longer): the expected floor. */
  expectedMs: number;
  /** expectedMs / wall: 1 is what a tool with no overhead of its own reaches on average. */
  expectedEfficiency: number;
  /** Wall of each of the five runs, in run order (the figures are the median's). */
  runsMs?: number[];
  /** Wall of the run's first scoped plan (SDK set-up included), pr-edit only, and its calls. */
  coldMs?: number;
  coldTimeline?: string[];
  /** The rate bound at the real quotas (TPS scale 1), in ms. */
  realQuotaRateBoundMs: number;
  failed: number;
  /** Actionable changes and refusals of the plan. */
  changes: string[];
  refused: string[];
  /** Of the median's wall, the time no request was on the wire: the tool's own share (trace.ts offWireMs). */
  offWireMs: number;
  /** Every SDK call of the measured plan (timelineLines) and where each read ended. */
  timeline: string[];
}

/** What the scenario reports: the org's size, its apply, and the two PR plans. */
export interface PrScenarioResult {
  projects: number;
  declared: number;
  apply: { changes: number; failed: number; wallMs: number };
  phases: PrPhaseResult[];
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'bench',
      GIT_AUTHOR_EMAIL: 'bench@example.com',
      GIT_COMMITTER_NAME: 'bench',
      GIT_COMMITTER_EMAIL: 'bench@example.com',
    },
  });
}

/** One change-scoped plan of the working tree of `dir` against `main`, as the CLI makes it. */
async function scopedPlan(
  dir: string,
  clients: ReturnType<typeof benchClients>,
  scale: number,
  readConcurrency?: number,
  timeline?: Timeline,
  split?: () => Promise<OperationCount[]>,
): Promise<{
  plan: Plan;
  readMs: number;
  failures: number;
  calls: TimedCall[];
  marks: number[];
  lists: ScopedLists;
  /** Requests of the first read (`split`'s answer, taken between the reads, untimed). */
  firstCounts: OperationCount[];
}> {
  const loaded = await loadManifests(['.'], dir);
  const base = await loadChangedSince('main', ['.'], dir);
  const changed = changeScope(base.documents, loaded.documents, 'main', loaded.deferred);
  if (timeline) {
    const regions = new Set([...changed.scope.domains, ...changed.scope.studioDomains].map((d) => d.region));
    for (const region of regions) {
      timeline.attach(clients.home(region).dataZone);
      timeline.attach(clients.home(region).sts);
    }
    timeline.reset();
  }
  const marks: number[] = [];
  const began = performance.now();
  const observation = await readLive(changed.scope, {
    clients,
    rateScale: scale,
    ...(readConcurrency ? { concurrency: readConcurrency } : {}),
  });
  let readMs = performance.now() - began;
  marks.push(readMs);
  const firstCounts = split ? await split() : [];
  const { plan, preflight } = buildPlanDetailed({
    documents: changed.documents,
    observation,
    deferred: loaded.deferred.filter((r) => changed.only.has(identityKey(r.from))),
    digest: sha256,
    only: changed.only,
  });
  const request = dependentsRequest(preflight);
  let failures = observation.failures.length;
  if (request.principals.length + request.projects.length + request.profiles.length > 0) {
    const second = performance.now();
    const facts = await readDependents(request, { clients, rateScale: scale });
    marks.push(second - began);
    readMs += performance.now() - second;
    marks.push(performance.now() - began);
    failures += facts.failures.length;
    addFindings(plan, dependentsPreflight(preflight, facts), sha256);
  }
  plan.scope = changeScopeText(changed, 'main');
  return {
    plan,
    readMs,
    failures,
    calls: timeline?.take() ?? [],
    marks,
    lists: listsOf(changed.scope),
    firstCounts,
  };
}

function phaseResult(
  phase: PrPhaseResult['phase'],
  planned: Awaited<ReturnType<typeof scopedPlan>>,
  secondCounts: readonly OperationCount[],
  settings: NetworkSettings,
): PrPhaseResult {
  const counts = [...planned.firstCounts, ...secondCounts];
  const calls = callsByOperation(counts);
  const first = callsByOperation(planned.firstCounts);
  const second = callsByOperation(secondCounts);
  const rate = rateBoundMs(counts, settings.scale);
  const critical = scopedCriticalPathMs(first, settings.latency.fixedMs, planned.lists, second);
  const expected = expectedCriticalPathMs(first, settings.latency, planned.lists, second);
  const boundMs = Math.max(rate.ms, critical);
  const expectedMs = Math.max(rate.ms, expected);
  return {
    phase,
    scope: planned.plan.scope ?? '',
    calls,
    totalCalls: totalCalls(counts),
    wallMs: round(planned.readMs),
    boundMs: round(boundMs),
    boundBy: rate.ms >= critical ? `rate ${rate.by}` : 'critical-path',
    efficiency: round(planned.readMs > 0 ? boundMs / planned.readMs : 0, 3),
    expectedMs: round(expectedMs),
    expectedEfficiency: round(planned.readMs > 0 ? expectedMs / planned.readMs : 0, 3),
    realQuotaRateBoundMs: round(rateBoundMs(counts, 1).ms),
    failed: planned.failures,
    changes: actionLines(planned.plan),
    refused: planned.plan.refused.map((r) => `${r.reason} ${r.address.kind}/${r.address.name}: ${r.detail}`),
    offWireMs: offWireMs(planned.calls, readWindows(planned.marks)),
    timeline: [
      ...timelineLines(planned.calls),
      `marks (first read end, second read start/end): ${planned.marks.map((m) => m.toFixed(1)).join(', ')} ms`,
    ],
  };
}

/**
 * Five plans of the working tree as it is; the median's figures. A plan of a dozen round trips is
 * as long as a GC pause or a late timer, so one run says little; every run's wall is kept.
 */
async function medianOfFive(
  phase: PrPhaseResult['phase'],
  dir: string,
  clients: ReturnType<typeof benchClients>,
  emulator: HostedEmulator,
  timeline: Timeline,
  settings: NetworkSettings,
): Promise<PrPhaseResult> {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    await emulator.takeCounts();
    const planned = await scopedPlan(dir, clients, settings.scale, settings.readConcurrency, timeline, () =>
      emulator.takeCounts(),
    );
    runs.push({ planned, counts: await emulator.takeCounts() });
  }
  const walls = runs.map((r) => round(r.planned.readMs));
  runs.sort((a, b) => a.planned.readMs - b.planned.readMs);
  const median = runs[2]!;
  return { ...phaseResult(phase, median.planned, median.counts, settings), runsMs: walls };
}

/** The read windows of a plan's timeline: [0, first read's end], then the dependents read, if any. */
function readWindows(marks: readonly number[]): [number, number][] {
  const windows: [number, number][] = [[0, marks[0] ?? 0]];
  if (marks.length >= 3) windows.push([marks[1]!, marks[2]!]);
  return windows;
}

/** The text of one generated document (`kind`, `name`) cut out of the organisation's YAML. */
function withoutDocuments(yaml: string, drop: (doc: string) => boolean): string {
  return yaml
    .split(/(?=^---$)/m)
    .filter((d) => !drop(d))
    .join('');
}

/** Runs the scenario: apply the org, then plan the two pull requests. */
export async function runPrScenario(
  settings: NetworkSettings,
  size: BenchOrgSize,
  progress: (line: string) => void,
): Promise<PrScenarioResult> {
  const yaml = generateBenchOrg(settings.seed, size);
  const dir = mkdtempSync(join(tmpdir(), 'smus-bench-pr-'));
  writeFileSync(join(dir, 'manifests.yaml'), yaml);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', 'manifests.yaml');
  git(dir, 'commit', '-q', '-m', 'the organisation');
  const emulator = await startHostedEmulator({
    seed: settings.seed,
    latency: settings.latency,
    rateLimits: 'documented',
    rateLimitScale: settings.scale,
    behaviour: benchBehaviour(),
  });
  const clients = benchClients(emulator.endpoint);
  const timeline = new Timeline();
  let planClients: ReturnType<typeof benchClients> | undefined;
  try {
    progress(`bench: org-pr: applying the organisation (${size.projects} projects)`);
    const loaded = await loadOrThrow([dir]);
    const cold = await planLoaded(loaded, clients, settings.readConcurrency, settings.scale);
    const began = performance.now();
    const outcomes = await applyPlanned(loaded, cold, clients, {
      rateScale: settings.scale,
      ...(settings.concurrency ? { concurrency: settings.concurrency } : {}),
    });
    const apply = {
      changes: outcomes.length,
      failed: outcomes.filter((o) => o.status !== 'done').length,
      wallMs: round(performance.now() - began),
    };
    const phases: PrPhaseResult[] = [];
    // The PR plans get clients of their own, timed from their first call (the clients cache each
    // command's middleware stack on its first send, so the timeline is attached before any).
    planClients = benchClients(emulator.endpoint);

    // A PR editing one project's description. Warm-up first (untimed): the SDK's lazy set-up.
    const project = `project-${Math.floor(size.projects / 2)}`;
    const edited = yaml.replace(
      new RegExp(`(name: "${project}"\\n[\\s\\S]*?description: )project \\d+`),
      '$1edited by a pull request',
    );
    writeFileSync(join(dir, 'manifests.yaml'), edited);
    // The first plan of the run is reported apart (coldMs): it pays the SDK's lazy set-up.
    const first = await scopedPlan(dir, planClients, settings.scale, settings.readConcurrency, timeline);
    progress('bench: org-pr: planning a description edit');
    const measure = (phase: PrPhaseResult['phase']) =>
      medianOfFive(phase, dir, planClients!, emulator, timeline, settings);
    phases.push({
      ...(await measure('pr-edit')),
      coldMs: round(first.readMs),
      coldTimeline: timelineLines(first.calls),
    });

    // A PR deleting a profile that live projects still use (their manifests removed too).
    const profile =
      /profile: (profile-\d+)/.exec(edited.slice(edited.indexOf(`"${project}"`)))?.[1] ?? 'profile-0';
    const deleted = withoutDocuments(yaml, (d) =>
      d.includes(`name: "${profile}"\n`) && d.includes('kind: ProjectProfile\n')
        ? true
        : d.includes('kind: Project\n') && d.includes(`profile: ${profile}\n`),
    );
    writeFileSync(join(dir, 'manifests.yaml'), deleted);
    progress(`bench: org-pr: planning the delete of ${profile}`);
    phases.push(await measure('pr-delete'));
    return {
      projects: size.projects,
      declared: loaded.documents.filter((d) => d.manifest.kind !== 'Policy').length,
      apply,
      phases,
    };
  } finally {
    clients.destroy();
    planClients?.destroy();
    await emulator.close();
  }
}

export { prLines, prTargets } from './pr-report.js';
