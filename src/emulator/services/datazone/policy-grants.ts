/**
 * Policy grants (AddPolicyGrant, ListPolicyGrants, RemovePolicyGrant): authorization policies
 * attached to an entity (a domain unit, a blueprint configuration `{account}:{blueprintId}`, an
 * environment profile or an asset type). A grant has no name, only a generated id; the detail
 * member must be the one of its policy type, and references it carries (units, projects, profiles,
 * users, groups) must resolve in the domain. None of the three operations models
 * ResourceNotFoundException, so a reference that does not resolve answers ValidationException.
 * Behaviour the model leaves open (duplicates, remove without a grant id, no default grants) is
 * recorded in docs/emulator/decisions.md.
 */
import type {
  AddPolicyGrantInput,
  ListPolicyGrantsInput,
  RemovePolicyGrantInput,
} from '@aws-sdk/client-datazone';
import { paginate } from '../paginate.js';
import { fail, pageOptions, type DzCall, type DzHandler } from './call.js';
import { opaqueId } from './ids.js';
import { findDomain, findProfile, findProject, findUnit, requireAvailable } from './lookups.js';
import { callerProfileId, resolveGroup, resolveUser } from './principals.js';
import type { DomainRecord, PolicyGrantRecord } from './state.js';

/** The detail member each managed policy type carries (ManagedPolicyType ↔ PolicyGrantDetail). */
export const DETAIL_MEMBER: Readonly<Record<string, string>> = {
  CREATE_DOMAIN_UNIT: 'createDomainUnit',
  OVERRIDE_DOMAIN_UNIT_OWNERS: 'overrideDomainUnitOwners',
  ADD_TO_PROJECT_MEMBER_POOL: 'addToProjectMemberPool',
  OVERRIDE_PROJECT_OWNERS: 'overrideProjectOwners',
  CREATE_GLOSSARY: 'createGlossary',
  CREATE_FORM_TYPE: 'createFormType',
  CREATE_ASSET_TYPE: 'createAssetType',
  CREATE_PROJECT: 'createProject',
  CREATE_ENVIRONMENT_PROFILE: 'createEnvironmentProfile',
  DELEGATE_CREATE_ENVIRONMENT_PROFILE: 'delegateCreateEnvironmentProfile',
  CREATE_ENVIRONMENT: 'createEnvironment',
  CREATE_ENVIRONMENT_FROM_BLUEPRINT: 'createEnvironmentFromBlueprint',
  CREATE_PROJECT_FROM_PROJECT_PROFILE: 'createProjectFromProjectProfile',
  USE_ASSET_TYPE: 'useAssetType',
};

function grants(call: DzCall): Record<string, PolicyGrantRecord> {
  return (call.state.policyGrants ??= {});
}

/** Checks the target entity exists (units, blueprint configurations); other entity types are opaque here. */
function checkEntity(call: DzCall, domain: DomainRecord, entityType: string, entityId: string): void {
  if (entityType === 'DOMAIN_UNIT') findUnit(call, domain, entityId);
  if (entityType === 'ENVIRONMENT_BLUEPRINT_CONFIGURATION') {
    const [account, blueprint] = entityId.split(':');
    if (!call.state.blueprintConfigurations[`${domain.id}/${account}/${blueprint}`])
      fail('ValidationException', `Blueprint configuration ${entityId} not found.`);
  }
}

/** The principal with user and group identifiers resolved to profile ids; projects and units checked. */
function resolvePrincipal(
  call: DzCall,
  domain: DomainRecord,
  principal: Record<string, Record<string, unknown>>,
  create: boolean,
): Record<string, unknown> {
  const { user, group, project, domainUnit } = principal;
  if (user) {
    const id = user.userIdentifier;
    return typeof id === 'string'
      ? { user: { userIdentifier: resolveUser(call, domain.id, id, create).id } }
      : { user };
  }
  if (group) {
    const id = String(group.groupIdentifier ?? '');
    return { group: { groupIdentifier: resolveGroup(call, domain.id, id, create).id } };
  }
  if (project) {
    if (typeof project.projectIdentifier === 'string') findProject(call, domain, project.projectIdentifier);
    const filter = (project.projectGrantFilter as { domainUnitFilter?: { domainUnit?: string } } | undefined)
      ?.domainUnitFilter;
    if (filter?.domainUnit !== undefined) findUnit(call, domain, filter.domainUnit);
    return { project };
  }
  if (domainUnit && typeof domainUnit.domainUnitIdentifier === 'string')
    findUnit(call, domain, domainUnit.domainUnitIdentifier);
  return { domainUnit };
}

/** Canonical JSON (sorted keys): principals compare by content. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

const addPolicyGrant: DzHandler<AddPolicyGrantInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'owner');
  requireAvailable(call, domain);
  const entityType = input.entityType ?? '';
  const entityId = input.entityIdentifier ?? '';
  checkEntity(call, domain, entityType, entityId);
  const policyType = input.policyType ?? '';
  const detail = (input.detail ?? {}) as Record<string, Record<string, unknown>>;
  const member = Object.keys(detail)[0] ?? '';
  if (member !== DETAIL_MEMBER[policyType])
    fail(
      'ValidationException',
      `Policy type ${policyType} requires detail ${DETAIL_MEMBER[policyType]}, got ${member}.`,
    );
  const profiles = detail.createProjectFromProjectProfile?.projectProfiles;
  if (Array.isArray(profiles)) for (const id of profiles) findProfile(call, domain, String(id));
  for (const d of [detail.createEnvironmentProfile, detail.useAssetType])
    if (typeof d?.domainUnitId === 'string') findUnit(call, domain, d.domainUnitId);
  const principal = resolvePrincipal(call, domain, input.principal as never, true);
  const record: PolicyGrantRecord = {
    grantId: opaqueId(call.ctx, 'grant').slice(0, 10),
    domainId: domain.id,
    entityType,
    entityIdentifier: entityId,
    policyType,
    principal,
    detail,
    createdAt: call.nowMs,
    createdBy: callerProfileId(call, domain.id),
  };
  // DataZone documents no uniqueness for grants: an identical Add makes a second grant
  // (docs/emulator/decisions.md), which is why callers must list before they add.
  grants(call)[record.grantId] = record;
  return { grantId: record.grantId };
};

function onEntity(call: DzCall, domainId: string, entityType: string, entityId: string, policyType: string) {
  return Object.values(grants(call)).filter(
    (g) =>
      g.domainId === domainId &&
      g.entityType === entityType &&
      g.entityIdentifier === entityId &&
      g.policyType === policyType,
  );
}

const listPolicyGrants: DzHandler<ListPolicyGrantsInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  checkEntity(call, domain, input.entityType ?? '', input.entityIdentifier ?? '');
  const items = onEntity(
    call,
    domain.id,
    input.entityType ?? '',
    input.entityIdentifier ?? '',
    input.policyType ?? '',
  )
    .sort((a, b) => a.createdAt - b.createdAt || (a.grantId < b.grantId ? -1 : 1))
    .map((g) => ({
      grantId: g.grantId,
      principal: g.principal,
      detail: g.detail,
      createdAt: new Date(g.createdAt),
      createdBy: g.createdBy,
    }));
  const key = `${domain.id}:${input.entityType}:${input.entityIdentifier}:${input.policyType}`;
  const page = paginate(
    items,
    input,
    pageOptions(call, key, (g) => g.grantId),
  );
  return { grantList: page.items, nextToken: page.nextToken };
};

const removePolicyGrant: DzHandler<RemovePolicyGrantInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'owner');
  requireAvailable(call, domain);
  const matching = onEntity(
    call,
    domain.id,
    input.entityType ?? '',
    input.entityIdentifier ?? '',
    input.policyType ?? '',
  );
  let wanted: string | undefined;
  try {
    wanted = canonical(resolvePrincipal(call, domain, input.principal as never, false));
  } catch {
    // A principal that no longer resolves can hold no grant: nothing to remove.
    return {};
  }
  // With a grant id only that grant goes; without one, every grant of the principal and policy
  // type on the entity (the principal is required, the id optional in the model).
  for (const g of matching) {
    if (input.grantIdentifier !== undefined && g.grantId !== input.grantIdentifier) continue;
    if (canonical(g.principal) === wanted) delete grants(call)[g.grantId];
  }
  return {};
};

/** Policy grant handlers by operation name. */
export const policyGrantHandlers = {
  AddPolicyGrant: addPolicyGrant,
  ListPolicyGrants: listPolicyGrants,
  RemovePolicyGrant: removePolicyGrant,
};
