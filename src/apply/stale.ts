/**
 * Stale-plan detection (DESIGN §5): a saved plan records a fingerprint of every live resource it
 * read; before applying it, the same resources are read again, and any difference in what the
 * plan will touch (a changed fingerprint, a resource that appeared or vanished) makes the plan
 * stale. Apply then refuses without a single mutating call.
 */
import { identityKey } from '../model/identity.js';
import { isActionable } from './executor.js';
import type { LiveFingerprint, SavedPlan } from '../plan/types.js';

/** One reason a saved plan no longer holds. */
export interface Staleness {
  key: string;
  detail: string;
}

function byKey(prints: readonly LiveFingerprint[]): Map<string, LiveFingerprint[]> {
  const map = new Map<string, LiveFingerprint[]>();
  for (const p of prints) map.set(p.key, [...(map.get(p.key) ?? []), p]);
  return map;
}

function same(a: LiveFingerprint[] | undefined, b: LiveFingerprint[] | undefined): boolean {
  const norm = (x: LiveFingerprint[] | undefined) =>
    JSON.stringify((x ?? []).map((p) => [p.id, p.hash, p.lastUpdatedAt ?? '']).sort());
  return norm(a) === norm(b);
}

/** Compares the saved plan's fingerprints with a fresh read, for every resource the plan acts on. */
export function findStaleness(saved: SavedPlan, current: readonly LiveFingerprint[]): Staleness[] {
  const before = byKey(saved.live);
  const now = byKey(current);
  const out: Staleness[] = [];
  for (const change of saved.changes) {
    if (!isActionable(change)) continue;
    const key = identityKey(change.address);
    const [b, n] = [before.get(key), now.get(key)];
    if (same(b, n)) continue;
    const detail = !b
      ? 'it now exists live'
      : !n
        ? 'it no longer exists live'
        : 'it changed live since the plan was made';
    out.push({ key, detail });
  }
  return out.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}
