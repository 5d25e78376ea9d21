/** One domain's part of a plan, for that domain's drift issue. */
import type { Address } from '../model/identity.js';
import { ACTIONS, type Action, type Plan } from '../plan/types.js';

function inDomain(address: Address, domain: string): boolean {
  return address.kind === 'Domain' ? address.name === domain : address.domain === domain;
}

/**
 * The changes and refusals of `domain` (the Domain itself and everything in it), with the summary
 * counted again. Notes are kept whole: they are few and may concern any domain. Resources outside
 * every domain (StudioDomain, Policy) belong to no domain's issue.
 */
export function domainPlan(plan: Plan, domain: string): Plan {
  const changes = plan.changes.filter((c) => inDomain(c.address, domain));
  const summary = Object.fromEntries(ACTIONS.map((a) => [a, 0])) as Record<Action, number>;
  for (const c of changes) summary[c.action] += 1;
  return { ...plan, changes, summary, refused: plan.refused.filter((r) => inDomain(r.address, domain)) };
}

/** Whether the plan would change anything or refuses something: drift, as the issue reports it. */
export function hasDrift(plan: Plan): boolean {
  const s = plan.summary;
  return s.create + s.update + s.replace + s.delete > 0 || plan.refused.length > 0;
}
