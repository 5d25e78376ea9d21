/** One domain's part of a plan, for that domain's drift issue. */
import type { Address } from '../model/identity.js';
import { ACTIONS, type Action, type Plan } from '../plan/types.js';

function inDomain(address: Address, domain: string): boolean {
  return address.kind === 'Domain' ? address.name === domain : address.domain === domain;
}

/**
 * The changes and refusals of `domain` (the Domain itself and everything in it), with the summary
 * counted again. Notes are kept whole: they are few and may concern any domain. A StudioDomain has
 * an issue of its own (studioDomainPlan); a Policy belongs to no domain's issue.
 */
export function domainPlan(plan: Plan, domain: string): Plan {
  return planOf(plan, (address) => inDomain(address, domain));
}

/** The changes and refusals of one SageMaker AI Studio domain, for its own drift issue. */
export function studioDomainPlan(plan: Plan, name: string): Plan {
  return planOf(plan, (address) => address.kind === 'StudioDomain' && address.name === name);
}

function planOf(plan: Plan, keep: (address: Address) => boolean): Plan {
  const changes = plan.changes.filter((c) => keep(c.address));
  const summary = Object.fromEntries(ACTIONS.map((a) => [a, 0])) as Record<Action, number>;
  for (const c of changes) summary[c.action] += 1;
  return { ...plan, changes, summary, refused: plan.refused.filter((r) => keep(r.address)) };
}

/** Whether the plan would change anything or refuses something: drift, as the issue reports it. */
export function hasDrift(plan: Plan): boolean {
  const s = plan.summary;
  return s.create + s.update + s.replace + s.delete > 0 || plan.refused.length > 0;
}
