/** The verdict every campaign test asserts on its counts. */
import { expect } from 'vitest';
import type { CampaignCounts } from './counts.js';

/**
 * No problem reported, every one of `runs` converged, and every violation count zero (a campaign
 * that never counts a kind of violation leaves it at zero, so asserting it costs nothing).
 */
export function expectClean(counts: CampaignCounts, runs: number): void {
  expect(counts.problems).toEqual([]);
  expect(counts).toMatchObject({
    runs,
    converged: runs,
    duplicates: 0,
    unmanagedOrProtectedTouched: 0,
    deletesAfterIncompleteObservation: 0,
    stalePlansApplied: 0,
    tamperedPlansExecuted: 0,
    duplicatesAfterConcurrentApply: 0,
    protectedDeleted: 0,
    canariesSeen: 0,
    falseNoChanges: 0,
    applyFailuresPlanCouldKnow: 0,
    missingGrants: 0,
  });
}
