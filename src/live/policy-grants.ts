/**
 * Policy grants on domain units. The API lists grants per entity and policy type only, so a domain
 * costs (units × policy types) ListPolicyGrants calls; they are spent only where the plan needs
 * them: the policy types named by declared or tombstoned grants of the domain, or every type when
 * the domain prunes PolicyGrant. A domain that declares no grant reads none, so its built-in grants
 * (DataZone's defaults on the root unit) are not even listed there.
 *
 * Every id a grant carries is turned back into the name a manifest uses (unit paths, project and
 * profile names, user and group names), and the grant gets its natural-key address
 * (model/policy-grant.ts). Identical grants under one key (made by two applies at once, or by
 * another tool) are one resource whose value counts the duplicates, so the plan removes them; two
 * grants under one key with different details are two resources, which the planner reports as
 * ambiguous and never touches.
 */
import { ListPolicyGrantsCommand, type PolicyGrantMember } from '@aws-sdk/client-datazone';
import {
  BLUEPRINT_POLICY_TYPES,
  UNIT_POLICY_TYPES,
  type BlueprintPolicyType,
  type GrantPrincipal,
  type UnitPolicyType,
} from '../model/manifest.js';
import {
  blueprintTargetLabel,
  grantName,
  grantOrder,
  hasChildUnitsFlag,
  principalLabel,
  type NormalPolicyGrant,
} from '../model/policy-grant.js';
import type { DomainContext } from './domain-context.js';
import type { UnitTree } from './domain-units.js';
import type { MemberNames } from './members.js';
import { canonicalJson } from './fingerprint.js';
import { viaDataZone } from './pacing.js';
import { withLateProfiles } from './late-profiles.js';
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
  /** The blueprint configurations read (blueprint id, account, name): where pruned grants are looked for. */
  configurations?: readonly { blueprintId: string; account: string; blueprint: string }[];
}

/** A grant target: a unit (by id and path) or a blueprint configuration (by entity id and label). */
interface GrantTarget {
  entityType: 'DOMAIN_UNIT' | 'ENVIRONMENT_BLUEPRINT_CONFIGURATION';
  entityId: string;
  /** The grant address's first part: a unit path ('' for the root) or `blueprint:NAME@ACCOUNT`. */
  label: string;
  /** Set for units: the path a unit grant's value carries. */
  unitPath?: string;
  blueprintConfiguration?: { blueprint: string; account: string };
}

function wantedOf<T extends string>(dc: DomainContext, types: readonly T[]): T[] {
  if (dc.scope.allKinds.includes('PolicyGrant')) return [...types];
  const names = dc.scope.wanted.PolicyGrant ?? [];
  return types.filter((type) => names.some((n) => n.includes(` ${type} `)));
}

/** The policy types whose grants the plan needs in this domain (none when it neither declares nor prunes grants). */
export function wantedPolicyTypes(dc: DomainContext): UnitPolicyType[] {
  return wantedOf(dc, UNIT_POLICY_TYPES);
}

/**
 * The blueprint configurations whose grants the plan needs: those the wanted grant addresses name
 * (`blueprint:NAME@ACCOUNT …`), and every configuration read when the domain prunes grants.
 */
function blueprintTargets(dc: DomainContext, names: GrantNames): GrantTarget[] {
  const targets = new Map<string, GrantTarget>();
  const add = (blueprint: string, account: string, blueprintId: string | undefined) => {
    if (blueprintId === undefined) return; // an unknown blueprint holds no grant to read
    const label = blueprintTargetLabel({ blueprint, account });
    targets.set(label, {
      entityType: 'ENVIRONMENT_BLUEPRINT_CONFIGURATION',
      entityId: `${account}:${blueprintId}`,
      label,
      blueprintConfiguration: { blueprint, account },
    });
  };
  // Only configurations that exist hold grants (and ListPolicyGrants refuses a missing one): a
  // wanted grant on a configuration that is not live has nothing to read, and plan judges the
  // reference itself (neither declared nor live → refused).
  const live = new Map(
    (names.configurations ?? []).map((c) => [`${c.blueprint}@${c.account}`, c.blueprintId]),
  );
  for (const name of dc.scope.wanted.PolicyGrant ?? []) {
    const m = /^blueprint:([^@ ]+)@(\d{12}) /.exec(name);
    if (m) add(m[1]!, m[2]!, live.get(`${m[1]}@${m[2]}`));
  }
  if (dc.scope.allKinds.includes('PolicyGrant'))
    for (const c of names.configurations ?? []) add(c.blueprint, c.account, c.blueprintId);
  return [...targets.values()].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
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
  identity: Pick<NormalPolicyGrant, 'policy' | 'domainUnit' | 'blueprintConfiguration' | 'principal'>,
  policy: UnitPolicyType | BlueprintPolicyType,
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

/** One listed grant with its address name and (when its principal could be named) its value. */
interface ListedGrant {
  grant: PolicyGrantMember;
  name: string;
  normal: NormalPolicyGrant | undefined;
}

/**
 * Folds grants that share an address AND a value into one resource: the first in `grantOrder`
 * (the one a converging apply keeps), with `duplicateGrants` counting the rest, so the plan shows
 * their removal. Grants that share an address but differ in detail stay separate resources, which
 * the planner reports as ambiguous: removing either would change what is authorised.
 */
function collapseDuplicates(
  found: readonly ListedGrant[],
): (ListedGrant & { extras: PolicyGrantMember[] })[] {
  const byName = new Map<string, ListedGrant[]>();
  for (const f of found) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
  return [...byName.values()].flatMap((group): (ListedGrant & { extras: PolicyGrantMember[] })[] => {
    const values = new Set(group.map((g) => (g.normal ? canonicalJson(g.normal) : undefined)));
    if (group.length === 1 || values.size > 1 || values.has(undefined))
      return group.map((g) => ({ ...g, extras: [] }));
    const [kept, ...extras] = [...group].sort((a, b) => grantOrder(a.grant, b.grant));
    return [
      {
        ...kept!,
        normal: { ...kept!.normal!, duplicateGrants: extras.length },
        extras: extras.map((e) => e.grant),
      },
    ];
  });
}

/** The grants of one policy type on one unit or blueprint configuration, as LiveResources. */
async function readTargetGrants(
  dc: DomainContext,
  names: GrantNames,
  target: GrantTarget,
  policy: UnitPolicyType | BlueprintPolicyType,
): Promise<LiveResource[]> {
  const { domain, clients, read } = dc;
  const where =
    target.entityType === 'DOMAIN_UNIT'
      ? `unit ${target.label || '(root)'}`
      : `configuration ${target.label}`;
  const items = await read.list(
    'ListPolicyGrants',
    `${dc.where} ${where} ${policy}`,
    viaDataZone(clients),
    async (nextToken) => {
      const out = await clients.dataZone.send(
        new ListPolicyGrantsCommand({
          domainIdentifier: domain.id,
          entityType: target.entityType,
          entityIdentifier: target.entityId,
          policyType: policy,
          maxResults: DATAZONE_DOMAINS_MAX_RESULTS,
          nextToken,
        }),
      );
      return { items: out.grantList, nextToken: out.nextToken };
    },
  );
  const profiles = await withLateProfiles(dc, names.profiles, items ?? []);
  const found = await Promise.all(
    (items ?? []).map(async (grant): Promise<ListedGrant> => {
      const principal = await principalOf(dc, names, grant.principal);
      // An unreadable profile is a recorded failure already: the grant stays keyed by its id.
      const label = principal ? principalLabel(principal) : unresolved(grant.grantId ?? '');
      const normal = principal
        ? detailOf(
            {
              policy,
              ...(target.unitPath ? { domainUnit: target.unitPath } : {}),
              ...(target.blueprintConfiguration
                ? { blueprintConfiguration: target.blueprintConfiguration }
                : {}),
              principal,
            },
            policy,
            grant.detail,
            profiles,
          )
        : undefined;
      return { grant, name: grantName(target.label, policy, label), normal };
    }),
  );
  return collapseDuplicates(found).map(({ grant, name, normal, extras }) =>
    liveResource({
      address: { kind: 'PolicyGrant', domain: domain.name, name },
      id: grant.grantId ?? '',
      normal,
      summary: grant,
      meta: {
        domainId: domain.id,
        entityType: target.entityType,
        entityId: target.entityId,
        ...(target.entityType === 'DOMAIN_UNIT' ? { unitId: target.entityId } : {}),
        policyType: policy,
        grantId: grant.grantId,
        // Apply removes the grant with the principal exactly as the API answered it.
        principal: JSON.stringify(grant.principal ?? {}),
        // The identical grants beside the kept one, which an update, replace or delete removes too.
        ...(extras.length > 0
          ? {
              duplicates: JSON.stringify(
                extras.map((g) => ({ grantId: g.grantId, principal: g.principal ?? {} })),
              ),
            }
          : {}),
      },
      lastUpdatedAt: grant.createdAt,
      // The kept grant and its duplicates' ids: removing one duplicate changes the fingerprint.
      fingerprintSource: extras.length > 0 ? [grant, ...extras.map((g) => g.grantId)] : undefined,
    }),
  );
}

/** Every wanted grant of the domain: on its units, then on its blueprint configurations. */
export async function readPolicyGrants(dc: DomainContext, names: GrantNames): Promise<LiveResource[]> {
  const policies = wantedPolicyTypes(dc);
  const units: GrantTarget[] = [{ id: dc.domain.rootDomainUnitId, path: '' }, ...names.tree.units].map(
    (u) => ({
      entityType: 'DOMAIN_UNIT',
      entityId: u.id,
      label: u.path,
      unitPath: u.path,
    }),
  );
  const blueprintPolicies = wantedOf(dc, BLUEPRINT_POLICY_TYPES);
  const configurations = blueprintPolicies.length > 0 ? blueprintTargets(dc, names) : [];
  const parts = await Promise.all([
    ...units.flatMap((unit) => policies.map((policy) => readTargetGrants(dc, names, unit, policy))),
    ...configurations.flatMap((c) =>
      blueprintPolicies.map((policy) => readTargetGrants(dc, names, c, policy)),
    ),
  ]);
  return parts.flat();
}
