/**
 * Policy grants in the campaigns (issue 15). Grants have no name in the API, so a crash or a lost
 * answer is exactly where a careless apply would add one twice: the fault campaign's organisations
 * get grants (on the first unit, for a group and for the owners of every unit) with their calls
 * among the faulted operations, and the auditor counts grants by natural key (entity, policy type,
 * principal) so that a duplicate fails the run. A missing grant fails it too: the converged plan
 * would still create it.
 */
import type { EmulatorWorld } from '../../../src/emulator/types.js';
import type { DataZoneState } from '../../../src/emulator/services/datazone/state.js';

/** Grant operations the fault campaign may fault (commit-then-fail on AddPolicyGrant is the duplicate trap). */
export const GRANT_FAULT_OPERATIONS = ['AddPolicyGrant', 'ListPolicyGrants'] as const;

/** PolicyGrant documents for a generated organisation of `domain` (its first unit is `unit-0`). */
export function grantDocuments(domain: string): string {
  const grant = (name: string, spec: string) =>
    `---\napiVersion: smus-gitops/v1alpha1\nkind: PolicyGrant\nmetadata: { name: ${name}, domain: ${domain} }\nspec:\n${spec}`;
  return [
    grant(
      'unit-0-projects',
      '  policy: CREATE_PROJECT\n  domainUnit: unit-0\n  principal: { group: unit-0-leads }\n',
    ),
    grant(
      'owners-create-units',
      "  policy: CREATE_DOMAIN_UNIT\n  principal: { domainUnitOwners: '*' }\n  includeChildDomainUnits: true\n",
    ),
  ].join('\n');
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${k}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** The natural key of every live grant (the auditor adds them to its duplicate count). */
export function grantNaturalKeys(world: EmulatorWorld): string[] {
  const dz = (world.services.datazone ?? {}) as Partial<DataZoneState>;
  return Object.values(dz.policyGrants ?? {}).map(
    (g) =>
      `grant:${g.domainId}/${g.entityType}/${g.entityIdentifier}/${g.policyType}/${canonical(g.principal)}`,
  );
}
