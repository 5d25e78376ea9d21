/**
 * Domains: CreateDomain, GetDomain, UpdateDomain, DeleteDomain, ListDomains. A domain belongs to
 * one account and region; its name is unique there. Creating one also creates its root domain
 * unit, the creator's IAM user profile (owner of the root unit) and the managed blueprints.
 */
import type {
  CreateDomainInput,
  DeleteDomainInput,
  DomainSummary,
  GetDomainInput,
  ListDomainsInput,
  UpdateDomainInput,
} from '@aws-sdk/client-datazone';
import { paginate } from '../paginate.js';
import { resourcesSharedWith } from '../ram/queries.js';
import { resourceDeleted } from '../ram/resource-deleted.js';
import { createManagedBlueprints } from './blueprints.js';
import { fail, pageOptions, type DzCall, type DzHandler } from './call.js';
import { domainId as newDomainId, opaqueId } from './ids.js';
import { domainPhase } from './lifecycle.js';
import { checkNameFree, consumeReadMiss, findDomain, inDomain } from './lookups.js';
import { callerProfileId } from './principals.js';
import type { DomainRecord } from './state.js';

function fullView(domain: DomainRecord, call: DzCall) {
  return {
    id: domain.id,
    rootDomainUnitId: domain.rootDomainUnitId,
    name: domain.name,
    description: domain.description,
    singleSignOn: domain.singleSignOn,
    domainExecutionRole: domain.domainExecutionRole,
    arn: domain.arn,
    kmsKeyIdentifier: domain.kmsKeyIdentifier,
    status: domainPhase(domain, call),
    portalUrl: domain.portalUrl,
    tags: { ...domain.tags },
    domainVersion: domain.domainVersion,
    serviceRole: domain.serviceRole,
  };
}

function domainsOfCaller(call: DzCall): DomainRecord[] {
  const { accountId, region } = call.ctx;
  return Object.values(call.state.domains).filter((d) => d.accountId === accountId && d.region === region);
}

const createDomain: DzHandler<CreateDomainInput> = (input, call) => {
  const { ctx, state } = call;
  // The model marks only `name` required, but every domain has an execution role (GetDomain's
  // output requires it) and the API creates none: decisions.md, item 7.
  if (!input.domainExecutionRole) fail('ValidationException', 'domainExecutionRole is required.');
  checkNameFree(domainsOfCaller(call), input.name ?? '', 'domain');
  const id = newDomainId(ctx);
  const rootUnitId = opaqueId(ctx, 'unit');
  const domain: DomainRecord = {
    id,
    arn: `arn:aws:datazone:${ctx.region}:${ctx.accountId}:domain/${id}`,
    accountId: ctx.accountId,
    region: ctx.region,
    name: input.name ?? '',
    description: input.description,
    singleSignOn: input.singleSignOn,
    domainExecutionRole: input.domainExecutionRole,
    serviceRole: input.serviceRole,
    kmsKeyIdentifier: input.kmsKeyIdentifier,
    domainVersion: input.domainVersion ?? 'V1',
    rootDomainUnitId: rootUnitId,
    portalUrl: `https://${id}.sagemaker.${ctx.region}.on.aws`,
    tags: { ...(input.tags ?? {}) },
    createdAt: call.nowMs,
    lastUpdatedAt: call.nowMs,
  };
  state.domains[id] = domain;
  const creator = callerProfileId(call, id);
  state.domainUnits[rootUnitId] = {
    id: rootUnitId,
    domainId: id,
    name: domain.name,
    description: domain.description,
    createdAt: call.nowMs,
    lastUpdatedAt: call.nowMs,
    createdBy: creator,
  };
  createManagedBlueprints(call, domain);
  return fullView(domain, call);
};

const getDomain: DzHandler<GetDomainInput> = (input, call) => {
  const domain = findDomain(call, input.identifier ?? '', 'member');
  consumeReadMiss(call, domain, `Domain ${domain.id} not found.`);
  return {
    ...fullView(domain, call),
    createdAt: new Date(domain.createdAt),
    lastUpdatedAt: new Date(domain.lastUpdatedAt),
  };
};

/**
 * singleSignOn after an update: members sent replace the stored ones, members not sent (the
 * IdC instance ARN, which the UpdateDomain input of older SDKs cannot even carry) are kept. Once
 * IAM_IDC, a domain cannot go back to DISABLED (decisions.md, item 8).
 */
function updatedSingleSignOn(
  domain: DomainRecord,
  update: NonNullable<UpdateDomainInput['singleSignOn']>,
): DomainRecord['singleSignOn'] {
  const current = domain.singleSignOn ?? {};
  if (current.type === 'IAM_IDC' && update.type === 'DISABLED') {
    fail(
      'ValidationException',
      `Single sign-on of domain ${domain.id} is IAM_IDC and cannot be disabled once enabled.`,
    );
  }
  const merged = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

const updateDomain: DzHandler<UpdateDomainInput> = (input, call) => {
  const domain = findDomain(call, input.identifier ?? '', 'owner');
  if (domainPhase(domain, call) === 'DELETING') fail('ConflictException', `Domain ${domain.id} is DELETING.`);
  if (input.name !== undefined) {
    checkNameFree(domainsOfCaller(call), input.name, 'domain', domain.id);
    domain.name = input.name;
  }
  if (input.description !== undefined) domain.description = input.description;
  if (input.singleSignOn !== undefined) domain.singleSignOn = updatedSingleSignOn(domain, input.singleSignOn);
  if (input.domainExecutionRole !== undefined) domain.domainExecutionRole = input.domainExecutionRole;
  if (input.serviceRole !== undefined) domain.serviceRole = input.serviceRole;
  domain.lastUpdatedAt = call.nowMs;
  return {
    id: domain.id,
    rootDomainUnitId: domain.rootDomainUnitId,
    description: domain.description,
    singleSignOn: domain.singleSignOn,
    domainExecutionRole: domain.domainExecutionRole,
    serviceRole: domain.serviceRole,
    name: domain.name,
    lastUpdatedAt: new Date(domain.lastUpdatedAt),
  };
};

const deleteDomain: DzHandler<DeleteDomainInput> = (input, call) => {
  const domain = findDomain(call, input.identifier ?? '', 'owner');
  if (domain.deletingSince !== undefined) return { status: 'DELETING' };
  if (!input.skipDeletionCheck) {
    const projects = inDomain(call.state.projects, domain.id).length;
    const units = inDomain(call.state.domainUnits, domain.id).filter(
      (u) => u.id !== domain.rootDomainUnitId,
    ).length;
    if (projects > 0 || units > 0) {
      fail(
        'ConflictException',
        `Domain ${domain.id} still contains ${projects} project(s) and ${units} domain unit(s); delete them first or set skipDeletionCheck.`,
      );
    }
  }
  domain.deletingSince = call.nowMs;
  // The domain leaves every RAM share it was in (decisions.md, item 5).
  resourceDeleted(call.world, domain.arn, call.ctx);
  return { status: 'DELETING' };
};

const listDomains: DzHandler<ListDomainsInput> = (input, call) => {
  const shared = resourcesSharedWith(call.world, call.ctx.accountId, call.ctx.region, call.nowMs);
  const sharedDomains = Object.values(call.state.domains).filter(
    (d) => d.accountId !== call.ctx.accountId && shared.includes(d.arn),
  );
  const items: DomainSummary[] = [...domainsOfCaller(call), ...sharedDomains]
    .map((d) => ({
      id: d.id,
      name: d.name,
      description: d.description,
      arn: d.arn,
      managedAccountId: d.accountId,
      status: domainPhase(d, call),
      portalUrl: d.portalUrl,
      createdAt: new Date(d.createdAt),
      lastUpdatedAt: new Date(d.lastUpdatedAt),
      domainVersion: d.domainVersion,
    }))
    .filter(
      (d) => d.status !== 'GONE' && (input.status === undefined || d.status === input.status),
    ) as DomainSummary[];
  const page = paginate(
    items,
    input,
    pageOptions(call, `${call.ctx.region}:${input.status ?? ''}`, (d) => d.id ?? ''),
  );
  return { items: page.items, nextToken: page.nextToken };
};

/** DataZone domain handlers by operation name. */
export const domainHandlers = {
  CreateDomain: createDomain,
  GetDomain: getDomain,
  UpdateDomain: updateDomain,
  DeleteDomain: deleteDomain,
  ListDomains: listDomains,
};
