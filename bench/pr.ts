/**
 * The `org-pr` benchmark scenario (issue 18): the organisation is applied, committed to a
 * temporary git repository, and then a pull request is planned with `--changed-since` as the PR
 * workflow plans it (plan/changed.ts, the targeted read, the planner's `only`):
 * - `pr-edit`: one project's description edited; target ≤ 15 calls, efficiency ≥ 0.9 of its own
 *   bound, and the rate-bound time at the real quotas (scale 1) ≤ 2 s;
 * - `pr-delete`: a profile removed (the domain prunes profiles) with the projects that use it
 *   removed from the manifests but still live: the plan must read those projects and refuse.
 * The edit is planned eleven times and the delete five (the median's figures; every run's wall
 * is kept): an edit's read is four latency draws long, and their spread is most of its noise.
 *
 * The bound (pr-bound.ts) is the larger of the rate bound and the critical path: the longest chain
 * of calls each needing an id that only an earlier answer gives (ListDomains → the name lookups →
 * GetProject beside ListProjectMemberships → the member lookups for a description edit: four
 * calls, the last step's same-operation calls spaced at their documented rate), each call at the
 * mean of the emulator's latency (20 ± 5 ms, uniform: latency.ts). That is a bound on the expected
 * wall of any tool; `floorMs` charges the least latency instead, which no single run can beat.
 * `offWireMs` is the part of the wall in which no request was on the wire, the tool's own share;
 * the per-call timeline (trace.ts) shows where the rest went.
 * Figures are reported, not asserted.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostedEmulator } from './emulator-host.js';
import { emulatorLatency } from './latency.js';
import { generateBenchOrg, type BenchOrgSize } from './org.js';
import { applyPlanned, benchClients, loadOrThrow, planLoaded } from './pipeline.js';
import { medianOf, round, scopedPlan, type StagesMs } from './pr-plan.js';
import type { NetworkSettings } from './scenario.js';
import { benchBehaviour } from './scenario.js';
import { Timeline, timelineLines } from './trace.js';
import { measureTransport } from './transport.js';

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
  /**
   * The same bound with every call at the least latency the emulator draws (latency.ts): what no
   * single run can beat, where `boundMs` (the mean latency) holds for the expected wall.
   */
  floorMs: number;
  /** What a bare round trip costs beyond its drawn latency on this machine now (transport.ts), ms a call. */
  transportMs: number;
  /** The bound as if calls cost only their latency (no client on this machine reaches it) and its efficiency. */
  latencyOnlyBoundMs: number;
  latencyOnlyEfficiency: number;
  /** Wall of each run, in run order (the figures are the median's). */
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
  /** The main thread's busy time during the median's reads (the tool's CPU; the emulator is a worker). */
  busyMs: number;
  /** Main-thread GC during the median's reads, ms. */
  gcMs: number;
  /** The median's PR workflow stage by stage, ms (load, base from git, scope, read, plan, dependents). */
  stagesMs: StagesMs;
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

/** The text of one generated document (`kind`, `name`) cut out of the organisation's YAML. */
function withoutDocuments(yaml: string, drop: (doc: string) => boolean): string {
  return yaml
    .split(/(?=^---$)/m)
    .filter((d) => !drop(d))
    .join('');
}

/** Plans of each phase (odd: the median is one of them); an edit's plan costs 0.1 s, a delete's 6 s. */
const PR_EDIT_RUNS = 11;
const PR_DELETE_RUNS = 5;

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
    latency: emulatorLatency(settings.latency),
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
    // Measured now, at this load, right before the plans it bounds.
    const transport = await measureTransport(emulator);
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
      medianOf(
        phase === 'pr-edit' ? PR_EDIT_RUNS : PR_DELETE_RUNS,
        phase,
        dir,
        planClients!,
        emulator,
        timeline,
        settings,
        transport.meanMs,
      );
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
