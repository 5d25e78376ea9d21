/**
 * Finishing touches shared by the planner and the second, targeted read: the canonical order of
 * refusals, the plan fingerprint, and adding what the second read found to a built plan.
 */
import { identityKey } from '../model/identity.js';
import type { Plan, Refusal } from './types.js';

/** The refusal order: by address, then reason and detail. */
export function sortRefusals(refused: Refusal[]): void {
  const text = (r: Refusal) => `${identityKey(r.address)}\n${r.reason}\n${r.detail}`;
  refused.sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
}

/** The plan fingerprint: sha256 of its canonical content (summary, changes, refusals). */
export function fingerprintOf(
  plan: Pick<Plan, 'summary' | 'changes' | 'refused'>,
  digest: (text: string) => string,
) {
  const { summary, changes, refused } = plan;
  return `sha256:${digest(JSON.stringify({ summary, changes, refused }))}`;
}

/**
 * Adds what the second, targeted read found (plan/preflight.ts `dependentsPreflight`) to a plan:
 * its refusals in order, its notes, and the fingerprint over the result.
 */
export function addFindings(
  plan: Plan,
  findings: { refused: Refusal[]; notes: string[] },
  digest: (text: string) => string,
): void {
  if (findings.refused.length === 0 && findings.notes.length === 0) return;
  plan.refused.push(...findings.refused);
  sortRefusals(plan.refused);
  plan.notes.push(...findings.notes);
  plan.fingerprint = fingerprintOf(plan, digest);
}
