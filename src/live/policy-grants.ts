/**
 * Policy grants on domain units. The API lists grants per entity and policy type only, so a domain
 * costs (units × policy types) ListPolicyGrants calls; they are spent only where the plan needs
 * them: the policy types named by declared or tombstoned grants of the domain, or every type when
 * the domain prunes PolicyGrant. A domain that declares no grant reads none, so its built-in grants
 * (DataZone's defaults on the root unit) are not even listed there.
 *
 * Every id a grant carries is turned back into the name a manifest uses (unit paths, project and
 * profile names, user and group names), and the grant gets its natural-key address
 * (model/policy-grant.ts). A live grant whose key repeats (a duplicate) yields two resources with
 * one key, which the planner reports as ambiguous and never touches.
 */
import { ListPolicyGrantsCommand, type PolicyGrantMember } from '@aws-sdk/client-datazone';
import { UNIT_POLICY_TYPES, type GrantPrincipal, type UnitPolicyType } from '../model/manifest.js';
import {
  grantName,
  hasChildUnitsFlag,
  principalLabel,
  type NormalPolicyGrant,
} from '../model/policy-grant.js';
import type { DomainContext } from './domain-context.js';
import type { UnitTree } from './domain-units.js';
import type { MemberNames } from './members.js';
import { viaDataZone } from './pacing.js';
import { DATAZONE_DOMAINS_MAX_RESULTS } from './page-sizes.js';
import { unresolved, type NameIndex } from './resolve-names.js';
import { liveResource } from './resource.js';
import type { LiveResource } from './types.js';

/** Names the grant reader resolves ids through. */
export interface GrantNames {
  tree: UnitTree;
  profiles: NameIndex;
  projects: NameIndex;
  members: MemberNames;
}

/** The policy types whose grants the plan needs in this domain (none when it neither declares nor prunes grants). */
export function wantedPolicyTypes(dc: DomainContext): UnitPolicyType[] {
  if (dc.scope.allKinds.includes('PolicyGrant')) return [...UNIT_POLICY_TYPES];
  const names = dc.scope.wanted.PolicyGrant ?? [];
  return UNIT_POLICY_TYPES.filter((type) => names.some((n) => n.includes(` ${type} `)));
}

function unitPath(names: GrantNames, id: string | undefined): string | undefined {
  return names.tree.paths.path(id);
}

/** The manifest form of a live principal; undefined when a user or group profile could not be read. */
async function principalOf(
  dc: DomainContext,
  names: GrantNames,
  p: PolicyGrantMember['principal'],
): Promise<GrantPrincipal | undefined> {
  if (p?.user) {
    if (!('userIdentifier' in p.user) || p.user.userIdentifier === undefined) return { allUsers: true };
    const name = await names.members.resolve(dc.clients, dc.domain.id, {
      user: { userId: p.user.userIdentifier },
    });
    return name === undefined ? undefined : { user: name.slice('user:'.length) };
  }
  if (p?.group) {
    const id = p.group.groupIdentifier ?? '';
    const name = await names.members.resolve(dc.clients, dc.domain.id, { group: { groupId: id } });
    return name === undefined ? undefined : { group: name.slice('group:'.length) };
  }
  if (p?.project) {
    const designation = p.project.projectDesignation ?? 'CONTRIBUTOR';
    if (p.project.projectIdentifier !== undefined)
      return { project: { name: names.projects.name(p.project.projectIdentifier), designation } };
    const filter = p.project.projectGrantFilter?.domainUnitFilter;
    return {
      project: {
        domainUnit: unitPath(names, filter?.domainUnit),
        includeChildDomainUnits: filter?.includeChildDomainUnits ?? false,
        designation,
      },
    };
  }
  const unit = p?.domainUnit;
  if (unit?.domainUnitGrantFilter?.allDomainUnitsGrantFilter !== undefined) return { domainUnitOwners: '*' };
  return { domainUnitOwners: unitPath(names, unit?.domainUnitIdentifier) ?? '' };
}

function detailOf(
  identity: Pick<NormalPolicyGrant, 'policy' | 'domainUnit' | 'principal'>,
  policy: UnitPolicyType,
  detail: PolicyGrantMember['detail'],
  profiles: NameIndex,
): NormalPolicyGrant {
  const member = detail ? (Object.values(detail)[0] as Record<string, unknown> | undefined) : undefined;
  const normal: NormalPolicyGrant = {
    ...identity,
    includeChildDomainUnits: hasChildUnitsFlag(policy) && member?.includeChildDomainUnits === true,
  };
  if (policy === 'CREATE_PROJECT_FROM_PROJECT_PROFILE') {
    const ids = detail?.createProjectFromProjectProfile?.projectProfiles ?? [];
    normal.projectProfiles = ids.map((id) => profiles.name(id)).sort();
  }
  return normal;
}

/** The grants of one policy type on one unit, as LiveResources. */
async function readUnitGrants(
  dc: DomainContext,
  names: GrantNames,
  unit: { id: string; path: string },
  policy: UnitPolicyType,
): Promise<LiveResource[]> {
  const { domain, clients, read } = dc;
  const items = await read.list(
    'ListPolicyGrants',
    `${dc.where} unit ${unit.path || '(root)'} ${policy}`,
    viaDataZone(clients),
    async (nextToken) => {
      const out = await clients.dataZone.send(
        new ListPolicyGrantsCommand({
          domainIdentifier: domain.id,
          entityType: 'DOMAIN_UNIT',
          entityIdentifier: unit.id,
          policyType: policy,
          maxResults: DATAZONE_DOMAINS_MAX_RESULTS,
          nextToken,
        }),
      );
      return { items: out.grantList, nextToken: out.nextToken };
    },
  );
  const found = await Promise.all(
    (items ?? []).map(async (grant) => {
      const principal = await principalOf(dc, names, grant.principal);
      // An unreadable profile is a recorded failure already: the grant stays keyed by its id.
      const label = principal ? principalLabel(principal) : unresolved(grant.grantId ?? '');
      return liveResource({
        address: { kind: 'PolicyGrant', domain: domain.name, name: grantName(unit.path, policy, label) },
        id: grant.grantId ?? '',
        normal: principal
          ? detailOf(
              { policy, ...(unit.path ? { domainUnit: unit.path } : {}), principal },
              policy,
              grant.detail,
              names.profiles,
            )
          : undefined,
        summary: grant,
        meta: {
          domainId: domain.id,
          unitId: unit.id,
          policyType: policy,
          grantId: grant.grantId,
          // Apply removes the grant with the principal exactly as the API answered it.
          principal: JSON.stringify(grant.principal ?? {}),
        },
        lastUpdatedAt: grant.createdAt,
      });
    }),
  );
  return found;
}

/** Every wanted grant of the domain. */
export async function readPolicyGrants(dc: DomainContext, names: GrantNames): Promise<LiveResource[]> {
  const policies = wantedPolicyTypes(dc);
  if (policies.length === 0) return [];
  const units = [{ id: dc.domain.rootDomainUnitId, path: '' }, ...names.tree.units];
  const parts = await Promise.all(
    units.flatMap((unit) => policies.map((policy) => readUnitGrants(dc, names, unit, policy))),
  );
  return parts.flat();
}
