/**
 * Carries out changes to policy grants. A grant has no name and no update in the API, so:
 * - a create first lists the grants of its policy type on its unit and adopts one whose principal
 *   and detail are the declared ones (a grant added by a crashed apply is found, not duplicated);
 *   only then AddPolicyGrant, with a client token derived from the grant's natural key and a
 *   per-create generation, so the tool's own retries of a call whose answer was lost replay the
 *   first answer instead of adding a second grant; then it converges with any apply that raced it
 *   (policy-grant-converge.ts);
 * - an update removes the duplicates the reader found beside the grant (nothing else can change);
 * - a replace (changed detail) removes the live grant and its duplicates by id, then creates;
 * - a delete removes the live grant and its duplicates by id; one already gone is fine (the API
 *   models no not-found for RemovePolicyGrant).
 */
import { randomUUID } from 'node:crypto';
import {
  AddPolicyGrantCommand,
  type PolicyGrantDetail,
  type PolicyGrantPrincipal,
  type TargetEntityType,
} from '@aws-sdk/client-datazone';
import { assertNever, type PolicyGrantSpec } from '../../model/manifest.js';
import { DETAIL_MEMBER, hasChildUnitsFlag, principalLabel } from '../../model/policy-grant.js';
import { ApplyError, type Operation, type OperationContext } from '../types.js';
import { clientToken, domainRef, unitId, type DomainRef } from './dz-calls.js';
import {
  canonical,
  keepFirstGrant,
  matchingGrants,
  removeGrantById,
  type GrantSite,
} from './policy-grant-converge.js';

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

/**
 * Adopts a grant with the declared principal and detail, or adds one; then converges, so that of
 * the identical grants a race (or a crash, or another tool) left, exactly one stays.
 */
async function ensureGrant(
  ctx: OperationContext,
  d: DomainRef,
  spec: PolicyGrantSpec,
  generation: string,
): Promise<void> {
  const site = await siteOf(ctx, d, spec);
  const principal = apiPrincipal(ctx, d, spec);
  const detail = apiDetail(ctx, d, spec);
  const before = await matchingGrants(ctx, d, site, principal, detail);
  if (before !== undefined && before.length > 0) return keepFirstGrant(ctx, d, site, before);
  const token = clientToken(
    'PolicyGrant',
    d.id,
    site.entityIdentifier,
    spec.policy,
    principalLabel(spec.principal),
    canonical(detail),
    generation,
  );
  await ctx.call('AddPolicyGrant', d.scope, () =>
    d.clients.dataZone.send(new AddPolicyGrantCommand({ ...site, principal, detail, clientToken: token })),
  );
  // Another apply may have listed, found nothing and added too: list again and keep one.
  const after = await matchingGrants(ctx, d, site, principal, detail);
  if (after !== undefined && after.length > 1) await keepFirstGrant(ctx, d, site, after);
}

/**
 * The entity a grant is on: its domain unit, or the blueprint configuration `ACCOUNT:BLUEPRINT_ID`
 * (the form AddPolicyGrant takes for ENVIRONMENT_BLUEPRINT_CONFIGURATION).
 */
async function siteOf(ctx: OperationContext, d: DomainRef, spec: PolicyGrantSpec): Promise<GrantSite> {
  const base = { domainIdentifier: d.id, policyType: spec.policy };
  const target = spec.blueprintConfiguration;
  if (!target)
    return { ...base, entityType: 'DOMAIN_UNIT', entityIdentifier: unitId(ctx, d, spec.domainUnit) };
  const blueprintId = await ctx.blueprintId(d.name, target.blueprint);
  return {
    ...base,
    entityType: 'ENVIRONMENT_BLUEPRINT_CONFIGURATION',
    entityIdentifier: `${target.account}:${blueprintId}`,
  };
}

/** The site of a live grant, as the reader recorded it. */
function liveSite(d: DomainRef, meta: Record<string, string>): GrantSite {
  return {
    domainIdentifier: d.id,
    // Grants on units carry no entityType in plans saved before blueprint grants.
    entityType: (meta.entityType as TargetEntityType | undefined) ?? 'DOMAIN_UNIT',
    entityIdentifier: meta.entityId ?? meta.unitId ?? '',
    policyType: meta.policyType as PolicyGrantSpec['policy'],
  };
}

/** The duplicates the reader folded into a live grant (`meta.duplicates`), by id and listed principal. */
function duplicatesOf(meta: Record<string, string>): { grantId: string; principal: PolicyGrantPrincipal }[] {
  return meta.duplicates
    ? (JSON.parse(meta.duplicates) as { grantId: string; principal: PolicyGrantPrincipal }[])
    : [];
}

/** Removes the live grant's duplicates, and the grant itself unless `keep`. */
async function removeLive(
  ctx: OperationContext,
  d: DomainRef,
  meta: Record<string, string>,
  keep: boolean,
): Promise<void> {
  const site = liveSite(d, meta);
  for (const dup of duplicatesOf(meta)) await removeGrantById(ctx, d, site, dup.grantId, dup.principal);
  if (!keep)
    await removeGrantById(
      ctx,
      d,
      site,
      meta.grantId,
      JSON.parse(meta.principal ?? '{}') as PolicyGrantPrincipal,
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
      // No declared field is mutable: an update only removes the duplicates beside the kept grant.
      if (live) await removeLive(ctx, d, live.meta, true);
      return;
    case 'replace':
      // A changed detail: remove the grant and its duplicates, then add the declared one.
      if (live) await removeLive(ctx, d, live.meta, false);
      return ensureGrant(ctx, d, spec(), live?.id ?? 'replace');
    case 'delete':
      if (live) await removeLive(ctx, d, live.meta, false);
      return;
    case 'noop':
    case 'unmanaged':
      return;
    default:
      return assertNever(change.action);
  }
};
