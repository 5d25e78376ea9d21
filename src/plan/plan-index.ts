/**
 * The identity-key lookups one plan needs, built once: the planner, the target cross-checks and
 * preflight each built their own maps over every desired and live resource (four passes of ten
 * thousand entries for a large organisation); they now share these.
 */
import type { LiveResource } from '../live/types.js';
import type { DesiredResource } from './desired.js';

/** Desired and live resources by identity key. */
export interface PlanIndex {
  /** Declared resources by key; of two with one key, the later (as `new Map(entries)` keeps). */
  desired: ReadonlyMap<string, DesiredResource>;
  /** Every live resource of a key, in read order (more than one is an ambiguous identity). */
  live: ReadonlyMap<string, readonly LiveResource[]>;
}

/** Indexes a plan's desired resources and observed live resources by identity key. */
export function planIndex(
  desired: readonly DesiredResource[],
  resources: readonly LiveResource[],
): PlanIndex {
  const byKey = new Map<string, DesiredResource>();
  for (let i = 0; i < desired.length; i++) byKey.set(desired[i]!.key, desired[i]!);
  const live = new Map<string, LiveResource[]>();
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i]!;
    const same = live.get(r.key);
    if (same) same.push(r);
    else live.set(r.key, [r]);
  }
  return { desired: byKey, live };
}

/** The live resource of a key as a map of the observation keeps it: the last one read. */
export function lastLive(index: PlanIndex, key: string): LiveResource | undefined {
  const all = index.live.get(key);
  return all?.[all.length - 1];
}
