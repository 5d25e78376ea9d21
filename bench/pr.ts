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
import { startHostedEmulator } from './emulator-host.js';
import { generateBenchOrg, type BenchOrgSize } from './org.js';
import { actionLines, applyPlanned, benchClients, loadOrThrow, planLoaded, sha256 } from './pipeline.js';
import type { NetworkSettings } from './scenario.js';
import { benchBehaviour } from './scenario.js';
import { callsByOperation, totalCalls, type OperationCount } from './trace.js';

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
  /** The rate bound at the real quotas (TPS scale 1), in ms. */
  realQuotaRateBoundMs: number;
  failed: number;
  /** Actionable changes and refusals of the plan. */
  changes: string[];
  refused: string[];
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

/**
 * Critical path of a scoped read: ListDomains, GetDomain (its tags beside it), then the longest of the
 * name-filtered lists (their pages one after another), then — when a project is read — its Get and
 * its memberships (side by side: both need only the listed id), then one member lookup.
 */
export function scopedCriticalPathMs(calls: Record<string, number>, latencyMs: number): number {
  if ((calls['datazone.GetDomain'] ?? 0) === 0) return latencyMs;
  const lists = ['ListProjects', 'ListProjectProfiles', 'ListDomainUnitsForParent'].map(
    (op) => calls[`datazone.${op}`] ?? 0,
  );
  const steps =
    2 +
    Math.max(0, ...lists) +
    ((calls['datazone.GetProject'] ?? 0) + (calls['datazone.ListProjectMemberships'] ?? 0) > 0 ? 1 : 0) +
    ((calls['datazone.GetUserProfile'] ?? 0) + (calls['datazone.GetGroupProfile'] ?? 0) > 0 ? 1 : 0);
  return steps * latencyMs;
}

/** One change-scoped plan of the working tree of `dir` against `main`, as the CLI makes it. */
async function scopedPlan(
  dir: string,
  clients: ReturnType<typeof benchClients>,
  scale: number,
  readConcurrency?: number,
): Promise<{ plan: Plan; readMs: number; failures: number }> {
  const loaded = await loadManifests(['.'], dir);
  const base = await loadChangedSince('main', ['.'], dir);
  const changed = changeScope(base.documents, loaded.documents, 'main', loaded.deferred);
  const began = performance.now();
  const observation = await readLive(changed.scope, {
    clients,
    rateScale: scale,
    ...(readConcurrency ? { concurrency: readConcurrency } : {}),
  });
  let readMs = performance.now() - began;
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
    readMs += performance.now() - second;
    failures += facts.failures.length;
    addFindings(plan, dependentsPreflight(preflight, facts), sha256);
  }
  plan.scope = changeScopeText(changed, 'main');
  return { plan, readMs, failures };
}

function phaseResult(
  phase: PrPhaseResult['phase'],
  planned: { plan: Plan; readMs: number; failures: number },
  counts: readonly OperationCount[],
  settings: NetworkSettings,
): PrPhaseResult {
  const calls = callsByOperation(counts);
  const rate = rateBoundMs(counts, settings.scale);
  const critical = scopedCriticalPathMs(calls, settings.latency.fixedMs);
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
    realQuotaRateBoundMs: round(rateBoundMs(counts, 1).ms),
    failed: planned.failures,
    changes: actionLines(planned.plan),
    refused: planned.plan.refused.map((r) => `${r.reason} ${r.address.kind}/${r.address.name}: ${r.detail}`),
  };
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

    // A PR editing one project's description. Warm-up first (untimed): the SDK's lazy set-up.
    const project = `project-${Math.floor(size.projects / 2)}`;
    const edited = yaml.replace(
      new RegExp(`(name: "${project}"\\n[\\s\\S]*?description: )project \\d+`),
      '$1edited by a pull request',
    );
    writeFileSync(join(dir, 'manifests.yaml'), edited);
    await scopedPlan(dir, clients, settings.scale, settings.readConcurrency);
    progress('bench: org-pr: planning a description edit');
    // A plan of a dozen round trips is as long as a GC pause or a late timer: the median of five.
    const runs = [];
    for (let i = 0; i < 5; i++) {
      await emulator.takeCounts();
      const planned = await scopedPlan(dir, clients, settings.scale, settings.readConcurrency);
      runs.push({ planned, counts: await emulator.takeCounts() });
    }
    runs.sort((a, b) => a.planned.readMs - b.planned.readMs);
    const median = runs[2]!;
    phases.push(phaseResult('pr-edit', median.planned, median.counts, settings));

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
    await emulator.takeCounts();
    const del = await scopedPlan(dir, clients, settings.scale, settings.readConcurrency);
    phases.push(phaseResult('pr-delete', del, await emulator.takeCounts(), settings));
    return {
      projects: size.projects,
      declared: loaded.documents.filter((d) => d.manifest.kind !== 'Policy').length,
      apply,
      phases,
    };
  } finally {
    clients.destroy();
    await emulator.close();
  }
}

type Target = { value: number | null; target: string; met: boolean | null };

/** The issue's targets for the PR plan (reported, not asserted); none when the scenario did not run. */
export function prTargets(
  result: PrScenarioResult | undefined,
  target: (value: number | undefined, text: string, ok: (v: number) => boolean) => Target,
): Record<string, Target> {
  if (!result) return {};
  const edit = result.phases.find((p) => p.phase === 'pr-edit');
  const del = result.phases.find((p) => p.phase === 'pr-delete');
  return {
    prEditCalls: target(edit?.totalCalls, '<= 15', (v) => v <= 15),
    prEditEfficiency: target(edit?.efficiency, '>= 0.9', (v) => v >= 0.9),
    prEditRealQuotaMs: target(edit?.realQuotaRateBoundMs, '<= 2000', (v) => v <= 2000),
    prDeleteRefused: target(
      del ? (del.refused.some((r) => r.startsWith('in-use ')) ? 1 : 0) : undefined,
      '= 1',
      (v) => v === 1,
    ),
  };
}

/** The scenario's lines of the readable report. */
export function prLines(result: PrScenarioResult): string[] {
  const lines = [
    `org-pr (${result.projects} projects, ${result.declared} declared resources; apply ${result.apply.changes} changes in ${result.apply.wallMs.toFixed(0)} ms, ${result.apply.failed} failed):`,
  ];
  for (const p of result.phases) {
    lines.push(
      `  ${p.phase.padEnd(10)} calls ${String(p.totalCalls).padStart(6)}  wall ${p.wallMs.toFixed(0).padStart(7)} ms  bound ${p.boundMs.toFixed(0).padStart(7)} ms (${p.boundBy})  efficiency ${p.efficiency.toFixed(2)}  at real quotas ${p.realQuotaRateBoundMs.toFixed(0)} ms  failed ${p.failed}`,
      `             Scoped: ${p.scope}`,
      `             calls: ${Object.entries(p.calls)
        .map(([op, n]) => `${op} ${n}`)
        .join(', ')}`,
      ...p.changes.map((c) => `             ${c}`),
      ...p.refused.map((r) => `             refused: ${r}`),
    );
  }
  return lines;
}
