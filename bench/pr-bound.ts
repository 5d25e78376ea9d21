/**
 * The org-pr scenario's own bound (bench/pr.ts): the critical path of a scoped plan's reads,
 * derived from the calls it made and the ids each call needs, not from when the tool made them.
 */
import type { ReadScope } from '../src/live/types.js';
import { meteredTps } from './bound.js';
import { floorLatencyMs, type BenchLatency } from './latency.js';

/** How many lists of each kind a scoped read makes side by side (one per name; one for a whole-kind list). */
export interface ScopedLists {
  projects: number;
  profiles: number;
}

/** Least ms from the first to the last of `n` calls of a read operation sent at its documented rate. */
function rateGapMs(op: string, n: number, scale: number): number {
  if (n <= 1 || !Number.isFinite(scale)) return 0;
  return ((n - 1) / meteredTps('datazone', op, false, scale)) * 1000;
}

/**
 * Critical path of a scoped plan's reads: the longest chain of calls each of which needs an id
 * only an earlier answer gives, at `latencyMs` a call (the mean latency: latency.ts, plus the
 * machine's transport: transport.ts), so no tool making these calls can beat it on average.
 * - ListDomains: nothing in a domain can be named before the domain's id (STS runs beside it).
 * - Then, side by side, each needing only the listed id: GetDomain (its tags beside it) and the
 *   project and profile lists (each list's pages one after another; with several names listed
 *   side by side, the longest of them has at least the average of their pages).
 * - After GetDomain: the unit walk, at least its root level (its root's id is in GetDomain).
 * - After the project list: GetProject and ListProjectMemberships (both need only the listed id),
 *   then the member lookups (the ids are in the memberships).
 * - After the profile list: GetProjectProfile.
 * - `second`: the dependents read the plan asks for after the first read; its Gets are
 *   independent of each other (one step).
 * `widthMs`: the latency's uniform width (latency.ts); a chain's last step is charged the expected
 * largest of its latest calls' latencies, not one mean (lastStepMs).
 * The rate gap (`scale` given: the TPS scale the emulator meters at): a step that makes n > 1
 * calls of one operation cannot send the last of them sooner than (n − 1) ÷ TPS after the first,
 * since a tool keeps to the documented rate (bound.ts: AWS promises no burst), so the step lasts
 * at least that plus one latency; the tool's own pacing spaces them so.
 * Lists a tool starts late by choice (pools and blueprints a profile names) are not charged: they
 * need only the domain's id.
 */
export function scopedCriticalPathMs(
  calls: Record<string, number>,
  latencyMs: number,
  lists: ScopedLists = { projects: 1, profiles: 1 },
  second: Record<string, number> = {},
  scale = Infinity,
  widthMs = 0,
): number {
  const n = (op: string) => calls[`datazone.${op}`] ?? 0;
  const gap = (...ops: string[]) => Math.max(0, ...ops.map((op) => rateGapMs(op, n(op), scale)));
  /** One step of the chain: a latency and the rate gap of its calls, when it made any. */
  const step = (...ops: string[]) => (ops.some((op) => n(op) > 0) ? latencyMs + gap(...ops) : 0);
  /** A chain's last step: what its latest-sent calls add (lastStepMs). */
  const last = (...ops: string[]) =>
    lastStepMs(
      ops.map((op) => ({ calls: n(op), gapMs: rateGapMs(op, n(op), scale) })),
      latencyMs,
      widthMs,
    );
  const secondOps = Object.entries(second).filter(([, c]) => c > 0);
  const dependents = lastStepMs(
    secondOps.map(([key, c]) => ({ calls: c, gapMs: rateGapMs(key.slice(key.indexOf('.') + 1), c, scale) })),
    latencyMs,
    widthMs,
  );
  if (n('GetDomain') === 0) return latencyMs + dependents;
  // A list's calls: its pages one after another, or (its names side by side) the rate between them.
  const list = (op: string, chains: number) =>
    n(op) === 0 ? 0 : Math.max(Math.ceil(n(op) / Math.max(1, chains)) * latencyMs, latencyMs + gap(op));
  const members = last('GetUserProfile', 'GetGroupProfile');
  const project =
    list('ListProjects', lists.projects) +
    (members > 0
      ? step('GetProject', 'ListProjectMemberships') + members
      : last('GetProject', 'ListProjectMemberships'));
  const profile = list('ListProjectProfiles', lists.profiles) + last('GetProjectProfile');
  const units = latencyMs + last('ListDomainUnitsForParent');
  return latencyMs + Math.max(project, profile, units) + dependents;
}

/**
 * What a chain's last step adds: its latest-sent calls go out at the step's largest rate gap (the
 * last call of each operation with that gap; every call when none has a gap), and the chain
 * ends with the last of their answers. Their latencies are drawn independently, uniform over
 * `widthMs` around `latencyMs`, so the expected largest of m is latencyMs + widthMs × (m ÷ (m + 1)
 * − 1/2): a lower bound only for a chain's last step, after which nothing waits on one call alone.
 */
function lastStepMs(
  ops: readonly { calls: number; gapMs: number }[],
  latencyMs: number,
  widthMs: number,
): number {
  const called = ops.filter((o) => o.calls > 0);
  if (called.length === 0) return 0;
  const top = Math.max(...called.map((o) => o.gapMs));
  const m =
    top === 0 ? called.reduce((sum, o) => sum + o.calls, 0) : called.filter((o) => o.gapMs === top).length;
  return latencyMs + top + widthMs * (m / (m + 1) - 1 / 2);
}

/**
 * The same chain at the least latency a request can draw, plus the transport (transport.ts): no
 * single run can beat it.
 */
export function floorCriticalPathMs(
  calls: Record<string, number>,
  latency: BenchLatency,
  lists?: ScopedLists,
  second?: Record<string, number>,
  scale?: number,
  transportMs = 0,
): number {
  return scopedCriticalPathMs(calls, floorLatencyMs(latency) + transportMs, lists, second, scale);
}

/** The lists side by side per kind of a scoped read (its first domain: the bench has one). */
export function listsOf(scope: ReadScope): ScopedLists {
  const domain = scope.domains[0];
  const count = (kind: 'Project' | 'ProjectProfile') => {
    if (!domain?.targeted || domain.targeted.listAll.includes(kind)) return 1;
    return new Set([...(domain.wanted[kind] ?? []), ...(domain.targeted.listed[kind] ?? [])]).size;
  };
  return { projects: count('Project'), profiles: count('ProjectProfile') };
}
