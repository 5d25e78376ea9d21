/**
 * The org-pr scenario's own bound (bench/pr.ts): the critical path of a scoped plan's reads,
 * derived from the calls it made and the ids each call needs, not from when the tool made them.
 */
import type { ReadScope } from '../src/live/types.js';

/** How many lists of each kind a scoped read makes side by side (one per name; one for a whole-kind list). */
export interface ScopedLists {
  projects: number;
  profiles: number;
}

/**
 * Critical path of a scoped plan's reads: the longest chain of calls each of which needs an id
 * only an earlier answer gives, at `latencyMs` a call, so no tool making these calls can beat it.
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
 * Lists a tool starts late by choice (pools and blueprints a profile names) are not charged: they
 * need only the domain's id. The latency is the emulator's fixed part, the floor of every call
 * (its jitter is uniform in [0, jitter), so the mean call is fixed + jitter / 2: a chain of k
 * calls is expected to take k × mean, and `expectedCriticalPathMs` charges that).
 */
export function scopedCriticalPathMs(
  calls: Record<string, number>,
  latencyMs: number,
  lists: ScopedLists = { projects: 1, profiles: 1 },
  second: Record<string, number> = {},
): number {
  const n = (op: string) => calls[`datazone.${op}`] ?? 0;
  const any = (...ops: string[]) => (ops.some((op) => n(op) > 0) ? 1 : 0);
  const dependents = Object.values(second).some((c) => c > 0) ? 1 : 0;
  if (n('GetDomain') === 0) return (1 + dependents) * latencyMs;
  const pages = (op: string, chains: number) => Math.ceil(n(op) / Math.max(1, chains));
  const project =
    pages('ListProjects', lists.projects) +
    any('GetProject', 'ListProjectMemberships') +
    any('GetUserProfile', 'GetGroupProfile');
  const profile = pages('ListProjectProfiles', lists.profiles) + any('GetProjectProfile');
  const units = 1 + any('ListDomainUnitsForParent');
  return (1 + Math.max(project, profile, units) + dependents) * latencyMs;
}

/** The same chain at the emulator's mean latency (fixed + jitter / 2): what it takes on average. */
export function expectedCriticalPathMs(
  calls: Record<string, number>,
  latency: { fixedMs: number; jitterMs: number },
  lists?: ScopedLists,
  second?: Record<string, number>,
): number {
  return scopedCriticalPathMs(calls, latency.fixedMs + latency.jitterMs / 2, lists, second);
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
