/**
 * Carries out changes to policy grants. A grant has no name and no update in the API, so:
 * - a create first lists the grants of its policy type on its unit and adopts one whose principal
 *   and detail are the declared ones (a grant added by a crashed apply is found, not duplicated);
 *   only then AddPolicyGrant, with a client token derived from the grant's natural key and a
 *   per-create generation, so the tool's own retries of a call whose answer was lost replay the
 *   first answer instead of adding a second grant;
 * - a replace (changed detail) removes the live grant by its id, then creates;
 * - a delete removes the live grant by its id; one already gone is fine (the API models no
 *   not-found for RemovePolicyGrant).
 */
import { randomUUID } from 'node:crypto';
import {
  AddPolicyGrantCommand,
  GetGroupProfileCommand,
  GetUserProfileCommand,
  ListPolicyGrantsCommand,
  RemovePolicyGrantCommand,
  type PolicyGrantDetail,
  type PolicyGrantMember,
  type PolicyGrantPrincipal,
  type TargetEntityType,
} from '@aws-sdk/client-datazone';
import { assertNever, type PolicyGrantSpec } from '../../model/manifest.js';
import { DETAIL_MEMBER, hasChildUnitsFlag, principalLabel } from '../../model/policy-grant.js';
import { ApplyError, type Operation, type OperationContext } from '../types.js';
import { clientToken, domainRef, getOrGone, listAll, unitId, type DomainRef } from './dz-calls.js';

function registered(
  ctx: OperationContext,
  kind: 'ProjectProfile' | 'Project',
  d: DomainRef,
  name: string,
): string {
  const id = ctx.ids.get(kind, d.name, name);
  if (!id)
    throw new ApplyError(
      `${kind === 'Project' ? 'project' : 'project profile'} ${name} does not exist in domain ${d.name}`,
    );
  return id;
}

/** The API principal of a declared one (users and groups by name, which the API accepts as identifiers). */
function apiPrincipal(ctx: OperationContext, d: DomainRef, spec: PolicyGrantSpec): PolicyGrantPrincipal {
  const p = spec.principal;
  if (p.user !== undefined) return { user: { userIdentifier: p.user } };
  if (p.allUsers) return { user: { allUsersGrantFilter: {} } };
  if (p.group !== undefined) return { group: { groupIdentifier: p.group } };
  if (p.project) {
    const projectDesignation = p.project.designation;
    if (p.project.name !== undefined)
      return {
        project: { projectDesignation, projectIdentifier: registered(ctx, 'Project', d, p.project.name) },
      };
    const domainUnitFilter = {
      domainUnit: unitId(ctx, d, p.project.domainUnit),
      includeChildDomainUnits: p.project.includeChildDomainUnits ?? false,
    };
    return { project: { projectDesignation, projectGrantFilter: { domainUnitFilter } } };
  }
  if (p.domainUnitOwners === '*')
    return {
      domainUnit: {
        domainUnitDesignation: 'OWNER',
        domainUnitGrantFilter: { allDomainUnitsGrantFilter: {} },
      },
    };
  return {
    domainUnit: { domainUnitDesignation: 'OWNER', domainUnitIdentifier: unitId(ctx, d, p.domainUnitOwners) },
  };
}

/** The API detail of a declared grant. */
function apiDetail(ctx: OperationContext, d: DomainRef, spec: PolicyGrantSpec): PolicyGrantDetail {
  const include = spec.includeChildDomainUnits ?? false;
  const member = DETAIL_MEMBER[spec.policy];
  switch (spec.policy) {
    case 'CREATE_PROJECT_FROM_PROJECT_PROFILE':
      return {
        createProjectFromProjectProfile: {
          includeChildDomainUnits: include,
          projectProfiles: (spec.projectProfiles ?? [])
            .map((n) => registered(ctx, 'ProjectProfile', d, n))
            .sort(),
        },
      };
    case 'CREATE_ENVIRONMENT_PROFILE':
      return { createEnvironmentProfile: {} };
    case 'CREATE_ENVIRONMENT_FROM_BLUEPRINT':
      return { createEnvironmentFromBlueprint: {} };
    case 'DELEGATE_CREATE_ENVIRONMENT_PROFILE':
      return { delegateCreateEnvironmentProfile: {} };
    case 'CREATE_DOMAIN_UNIT':
    case 'OVERRIDE_DOMAIN_UNIT_OWNERS':
    case 'ADD_TO_PROJECT_MEMBER_POOL':
    case 'OVERRIDE_PROJECT_OWNERS':
    case 'CREATE_GLOSSARY':
    case 'CREATE_FORM_TYPE':
    case 'CREATE_ASSET_TYPE':
    case 'CREATE_PROJECT':
      // Every other detail is `{ includeChildDomainUnits }` under the member named after the type.
      return { [member]: { includeChildDomainUnits: include } } as unknown as PolicyGrantDetail;
    default:
      return assertNever(spec.policy);
  }
}

/** The profile id a user or group name has in the domain; undefined when it has none yet (so it holds no grant). */
async function profileId(
  ctx: OperationContext,
  d: DomainRef,
  p: PolicyGrantPrincipal,
): Promise<string | undefined> {
  if (p.user && 'userIdentifier' in p.user && p.user.userIdentifier !== undefined) {
    const userIdentifier = p.user.userIdentifier;
    const got = await getOrGone(ctx, 'GetUserProfile', d.scope, () =>
      d.clients.dataZone.send(new GetUserProfileCommand({ domainIdentifier: d.id, userIdentifier })),
    );
    return got?.id;
  }
  if (p.group?.groupIdentifier !== undefined) {
    const groupIdentifier = p.group.groupIdentifier;
    const got = await getOrGone(ctx, 'GetGroupProfile', d.scope, () =>
      d.clients.dataZone.send(new GetGroupProfileCommand({ domainIdentifier: d.id, groupIdentifier })),
    );
    return got?.id;
  }
  return undefined;
}

/** Canonical JSON (sorted keys), so shapes compare by content. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** The principal as ListPolicyGrants answers it: user and group names become profile ids. */
async function listedForm(
  ctx: OperationContext,
  d: DomainRef,
  p: PolicyGrantPrincipal,
): Promise<string | undefined> {
  if (p.group) {
    const id = await profileId(ctx, d, p);
    return id === undefined ? undefined : canonical({ group: { groupIdentifier: id } });
  }
  if (p.user && 'userIdentifier' in p.user && p.user.userIdentifier !== undefined) {
    const id = await profileId(ctx, d, p);
    return id === undefined ? undefined : canonical({ user: { userIdentifier: id } });
  }
  return canonical(p);
}

function sameDetail(a: PolicyGrantDetail | undefined, b: PolicyGrantDetail): boolean {
  const norm = (x: PolicyGrantDetail | undefined) => {
    const copy = JSON.parse(JSON.stringify(x ?? {})) as Record<string, { projectProfiles?: string[] }>;
    for (const v of Object.values(copy)) v.projectProfiles?.sort();
    return canonical(copy);
  };
  return norm(a) === norm(b);
}

async function ensureGrant(
  ctx: OperationContext,
  d: DomainRef,
  spec: PolicyGrantSpec,
  generation: string,
): Promise<void> {
  const { entityType, entityIdentifier } = await entityOf(ctx, d, spec);
  const principal = apiPrincipal(ctx, d, spec);
  const detail = apiDetail(ctx, d, spec);
  const base = { domainIdentifier: d.id, entityType, entityIdentifier, policyType: spec.policy };
  const wanted = await listedForm(ctx, d, principal);
  if (wanted !== undefined) {
    const listed: PolicyGrantMember[] = await listAll(ctx, 'ListPolicyGrants', d.scope, (nextToken) =>
      d.clients.dataZone
        .send(new ListPolicyGrantsCommand({ ...base, nextToken }))
        .then((out) => ({ items: out.grantList, nextToken: out.nextToken })),
    );
    if (listed.some((g) => canonical(g.principal) === wanted && sameDetail(g.detail, detail))) return;
  }
  const token = clientToken(
    'PolicyGrant',
    d.id,
    entityIdentifier,
    spec.policy,
    principalLabel(spec.principal),
    canonical(detail),
    generation,
  );
  await ctx.call('AddPolicyGrant', d.scope, () =>
    d.clients.dataZone.send(new AddPolicyGrantCommand({ ...base, principal, detail, clientToken: token })),
  );
}

/**
 * The entity a grant is on: its domain unit, or the blueprint configuration `ACCOUNT:BLUEPRINT_ID`
 * (the form AddPolicyGrant takes for ENVIRONMENT_BLUEPRINT_CONFIGURATION).
 */
async function entityOf(
  ctx: OperationContext,
  d: DomainRef,
  spec: PolicyGrantSpec,
): Promise<{ entityType: TargetEntityType; entityIdentifier: string }> {
  const target = spec.blueprintConfiguration;
  if (!target) return { entityType: 'DOMAIN_UNIT', entityIdentifier: unitId(ctx, d, spec.domainUnit) };
  const blueprintId = await ctx.blueprintId(d.name, target.blueprint);
  return {
    entityType: 'ENVIRONMENT_BLUEPRINT_CONFIGURATION',
    entityIdentifier: `${target.account}:${blueprintId}`,
  };
}

async function removeGrant(ctx: OperationContext, d: DomainRef, meta: Record<string, string>): Promise<void> {
  const principal = JSON.parse(meta.principal ?? '{}') as PolicyGrantPrincipal;
  await ctx.call('RemovePolicyGrant', d.scope, () =>
    d.clients.dataZone.send(
      new RemovePolicyGrantCommand({
        domainIdentifier: d.id,
        // Recorded by the reader: grants on units carry no entityType (they predate blueprint grants).
        entityType: (meta.entityType as TargetEntityType | undefined) ?? 'DOMAIN_UNIT',
        entityIdentifier: meta.entityId ?? meta.unitId ?? '',
        policyType: meta.policyType as PolicyGrantSpec['policy'],
        principal,
        grantIdentifier: meta.grantId,
      }),
    ),
  );
}

/** The operation of PolicyGrant changes. */
export const policyGrantOperation: Operation = async ({ change, desired, live }, ctx) => {
  const d = domainRef(ctx, change.address.domain ?? '');
  const spec = (): PolicyGrantSpec => {
    const m = desired?.manifest;
    if (m?.kind !== 'PolicyGrant')
      throw new ApplyError(`${change.action} of PolicyGrant/${change.address.name} needs its manifest`);
    if (!hasChildUnitsFlag(m.spec.policy)) return { ...m.spec, includeChildDomainUnits: undefined };
    return m.spec;
  };
  switch (change.action) {
    case 'create':
      return ensureGrant(ctx, d, spec(), randomUUID());
    case 'update':
    case 'replace':
      // No grant field is mutable: an update cannot be planned, and a replace is remove + add.
      if (live) await removeGrant(ctx, d, live.meta);
      return ensureGrant(ctx, d, spec(), live?.id ?? 'replace');
    case 'delete':
      if (live) await removeGrant(ctx, d, live.meta);
      return;
    case 'noop':
    case 'unmanaged':
      return;
    default:
      return assertNever(change.action);
  }
};
