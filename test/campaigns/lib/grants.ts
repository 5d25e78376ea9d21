/**
 * Policy grants in the campaigns (issue 15). Grants have no name in the API, so a crash or a lost
 * answer is exactly where a careless apply would add one twice: the fault campaign's organisations
 * get grants (on the first unit, for a group and for the owners of every unit) with their calls
 * among the faulted operations, and the auditor counts grants by natural key (entity, policy type,
 * principal) so that a duplicate fails the run. A missing grant fails it too (missingGrants):
 * every declared grant must be live under its natural key once the run says it converged.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
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

function naturalKey(g: {
  domainId: string;
  entityType: string;
  entityIdentifier: string;
  policyType: string;
  principal: unknown;
}): string {
  return `grant:${g.domainId}/${g.entityType}/${g.entityIdentifier}/${g.policyType}/${canonical(g.principal)}`;
}

/** The natural key of every live grant (the auditor adds them to its duplicate count). */
export function grantNaturalKeys(world: EmulatorWorld): string[] {
  const dz = (world.services.datazone ?? {}) as Partial<DataZoneState>;
  return Object.values(dz.policyGrants ?? {}).map(naturalKey);
}

interface GrantDoc {
  kind?: string;
  metadata?: { name?: string; domain?: string };
  lifecycle?: { ensure?: string };
  spec?: {
    policy?: string;
    domainUnit?: string;
    principal?: { group?: string; user?: string; allUsers?: boolean; domainUnitOwners?: string };
  };
}

/** The PolicyGrant documents of YAML text, or of every .yaml/.yml file under a directory. */
function grantDocs(source: string | { dir: string }): GrantDoc[] {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name)) texts.push(readFileSync(path, 'utf8'));
    }
  };
  if (typeof source === 'string') texts.push(source);
  else walk(source.dir);
  return texts
    .flatMap((t) => parseAllDocuments(t).map((d) => d.toJS() as GrantDoc | null))
    .filter((d): d is GrantDoc => d?.kind === 'PolicyGrant');
}

/**
 * Declared grants with no live grant of their natural key (the second half of "no grant duplicated
 * or missing"): each present PolicyGrant document is resolved to the key grantNaturalKeys makes,
 * by the emulator's own records (domain by name, unit by path, group and user profiles by name).
 * Only the principals and targets the campaigns declare are resolved; any other throws, so that
 * an audit never passes by not looking.
 */
export function missingGrants(world: EmulatorWorld, source: string | { dir: string }): string[] {
  const dz = (world.services.datazone ?? {}) as Partial<DataZoneState>;
  const live = new Set(grantNaturalKeys(world));
  const missing: string[] = [];
  for (const doc of grantDocs(source)) {
    if (doc.lifecycle?.ensure === 'absent') continue;
    const label = `PolicyGrant/${doc.metadata?.name ?? '?'}`;
    const domain = Object.values(dz.domains ?? {}).find(
      (d) => d.name === doc.metadata?.domain && d.deletingSince === undefined,
    );
    if (!domain) {
      missing.push(`${label} (no domain)`);
      continue;
    }
    const unitOf = (path: string | undefined): string | undefined => {
      let id: string | undefined = domain.rootDomainUnitId;
      for (const name of (path ?? '').split('/').filter(Boolean))
        id = Object.values(dz.domainUnits ?? {}).find(
          (u) => u.domainId === domain.id && u.parentDomainUnitId === id && u.name === name,
        )?.id;
      return id;
    };
    const p = doc.spec?.principal ?? {};
    const groupId = Object.values(dz.groupProfiles ?? {}).find(
      (g) => g.domainId === domain.id && g.groupName === p.group,
    )?.id;
    const userId = Object.values(dz.userProfiles ?? {}).find(
      (u) => u.domainId === domain.id && u.identifier === p.user,
    )?.id;
    if (doc.spec?.domainUnit === undefined && doc.spec && 'blueprintConfiguration' in doc.spec)
      throw new Error(`${label}: the grant auditor does not resolve blueprint configurations`);
    const principal =
      p.group !== undefined
        ? { group: { groupIdentifier: groupId } }
        : p.user !== undefined
          ? { user: { userIdentifier: userId } }
          : p.allUsers
            ? { user: { allUsersGrantFilter: {} } }
            : p.domainUnitOwners === '*'
              ? {
                  domainUnit: {
                    domainUnitDesignation: 'OWNER',
                    domainUnitGrantFilter: { allDomainUnitsGrantFilter: {} },
                  },
                }
              : p.domainUnitOwners !== undefined
                ? {
                    domainUnit: {
                      domainUnitDesignation: 'OWNER',
                      domainUnitIdentifier: unitOf(p.domainUnitOwners),
                    },
                  }
                : undefined;
    if (principal === undefined)
      throw new Error(`${label}: the grant auditor does not resolve this principal`);
    const key = naturalKey({
      domainId: domain.id,
      entityType: 'DOMAIN_UNIT',
      entityIdentifier: unitOf(doc.spec?.domainUnit) ?? '',
      policyType: doc.spec?.policy ?? '',
      principal,
    });
    if (!live.has(key)) missing.push(label);
  }
  return missing;
}
