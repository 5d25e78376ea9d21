/**
 * The counts every reliability campaign reports (issue 9): how many runs, how many converged, and
 * the violations, each of which must stay zero.
 */

/** Counts of one campaign. */
export interface CampaignCounts {
  runs: number;
  converged: number;
  duplicates: number;
  unmanagedOrProtectedTouched: number;
  deletesAfterIncompleteObservation: number;
  stalePlansApplied: number;
  /** Hand-edited saved plans (a delete written in, refusals emptied) that apply executed (issue 19). */
  tamperedPlansExecuted: number;
  /** Natural keys found twice right after two applies ran at once (issue 19 item 5). */
  duplicatesAfterConcurrentApply: number;
  /** Resources protected at the reviewed base deleted by a change that lifted the protection (issue 19 item 2). */
  protectedDeleted: number;
  canariesSeen: number;
  /**
   * Plans that said "No changes" (exit 0) while an independent read of the live state found a
   * declared field not as declared, a declared project not ACTIVE/SUCCESSFUL, or a tombstone live.
   */
  falseNoChanges: number;
  /** Applies that failed for a reason the plan had the data to report (not an injected fault). */
  applyFailuresPlanCouldKnow: number;
  /** Declared policy grants with no live grant of their natural key once a run converged (issue 15). */
  missingGrants: number;
  /** How often each situation the checks are about actually came up (so a zero means something). */
  exercised: Record<string, number>;
  /** Human-readable notes of what went wrong (first few), for the failure message. */
  problems: string[];
}

/** Zero counts. */
export function emptyCounts(): CampaignCounts {
  return {
    runs: 0,
    converged: 0,
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
    exercised: {},
    problems: [],
  };
}

/** Records a problem (keeps the first 20). */
export function problem(counts: CampaignCounts, text: string): void {
  if (counts.problems.length < 20) counts.problems.push(text);
}

/** Counts one occurrence of a situation. */
export function exercised(counts: CampaignCounts, what: string, n = 1): void {
  counts.exercised[what] = (counts.exercised[what] ?? 0) + n;
}

/** One line with the counts, printed by each campaign. */
export function formatCounts(name: string, counts: CampaignCounts): string {
  const { problems, exercised: seen, ...rest } = counts;
  const fields = Object.entries(rest).map(([k, v]) => `${k}=${v}`);
  const situations = Object.entries(seen)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`);
  if (situations.length) fields.push(`(exercised: ${situations.join(' ')})`);
  return `[campaign ${name}] ${fields.join(' ')}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}\n`;
}

/** A canary secret: a value that must never appear in any output or log. */
export function canary(seed: number): string {
  return `canary-${seed.toString(36)}-Zq8XwV3pL0s9`;
}

/** The counts of several campaigns (or lanes of one) added up. */
export function mergeCounts(all: readonly CampaignCounts[]): CampaignCounts {
  const total = emptyCounts();
  for (const c of all) {
    total.runs += c.runs;
    total.converged += c.converged;
    total.duplicates += c.duplicates;
    total.unmanagedOrProtectedTouched += c.unmanagedOrProtectedTouched;
    total.deletesAfterIncompleteObservation += c.deletesAfterIncompleteObservation;
    total.stalePlansApplied += c.stalePlansApplied;
    total.tamperedPlansExecuted += c.tamperedPlansExecuted;
    total.duplicatesAfterConcurrentApply += c.duplicatesAfterConcurrentApply;
    total.protectedDeleted += c.protectedDeleted;
    total.canariesSeen += c.canariesSeen;
    total.falseNoChanges += c.falseNoChanges;
    total.applyFailuresPlanCouldKnow += c.applyFailuresPlanCouldKnow;
    total.missingGrants += c.missingGrants;
    for (const [what, n] of Object.entries(c.exercised)) exercised(total, what, n);
    for (const text of c.problems) problem(total, text);
  }
  return total;
}
