/**
 * CreateDomain, DescribeDomain, UpdateDomain, DeleteDomain and ListDomains for Studio domains.
 * Names are unique per account and region among domains that still exist; the lifecycle runs
 * on the emulated clock (lifecycle.ts); UpdateDomain needs an InService domain.
 */
import { createHash } from 'node:crypto';
import {
  EmulatorServiceError,
  type CallContext,
  type EmulatorWorld,
  type OperationHandler,
} from '../../types.js';
import { domainStatus, lastModified } from './lifecycle.js';
import { findDomain, liveDomains } from './lookups.js';
import { sageMakerPage } from './paging.js';
import { configAfterUpdate, configFromCreate } from './settings.js';
import { sageMakerState, type StudioDomainIds, type StudioDomainRecord } from './state.js';
import { SYSTEM_DOMAIN_ARN_TAG, tagsFromInput } from './tags.js';

/**
 * Studio domains per account and region. AWS has such a quota but its value was not found
 * (reference §11); this number is the emulator's own, large enough for any test of the tool.
 */
export const STUDIO_DOMAIN_QUOTA = 10;

function hexOf(ctx: CallContext, length: number): string {
  return createHash('sha256').update(ctx.newId()).digest('hex').slice(0, length);
}

function newIds(
  ctx: CallContext,
  authMode: string,
  vpcOnly: boolean,
  efs: boolean,
  taken: (id: string) => boolean,
): StudioDomainIds {
  let domainId = `d-${ctx.newId().slice(0, 12)}`;
  while (taken(domainId)) domainId = `d-${ctx.newId().slice(0, 12)}`;
  const ids: StudioDomainIds = {
    DomainId: domainId,
    DomainArn: `arn:aws:sagemaker:${ctx.region}:${ctx.accountId}:domain/${domainId}`,
    Url: `https://${domainId}.studio.${ctx.region}.sagemaker.aws`,
  };
  if (efs) ids.HomeEfsFileSystemId = `fs-${hexOf(ctx, 17)}`;
  if (vpcOnly) ids.SecurityGroupIdForDomainBoundary = `sg-${hexOf(ctx, 17)}`;
  if (authMode === 'SSO') {
    ids.SingleSignOnManagedApplicationInstanceId = `ins-${hexOf(ctx, 16)}`;
    ids.SingleSignOnApplicationArn = `arn:aws:sso::${ctx.accountId}:application/ssoins-${hexOf(ctx, 16)}/apl-${hexOf(ctx, 16)}`;
  }
  return ids;
}

/** CreateDomain: a Pending domain that turns InService after `studioCreate`. */
export function createDomain(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const state = sageMakerState(world);
    const now = ctx.now().getTime();
    const config = configFromCreate(input);
    const tags = tagsFromInput(input.Tags);
    const existing = liveDomains(state, ctx, now);
    if (existing.some((d) => d.config.DomainName === config.DomainName)) {
      throw new EmulatorServiceError('ResourceInUse', `Domain name ${config.DomainName} is already in use.`);
    }
    if (existing.length >= STUDIO_DOMAIN_QUOTA) {
      throw new EmulatorServiceError(
        'ResourceLimitExceeded',
        `The account-level service limit of ${STUDIO_DOMAIN_QUOTA} domains per region is exceeded.`,
      );
    }
    const ids = newIds(
      ctx,
      config.AuthMode,
      config.AppNetworkAccessType === 'VpcOnly',
      config.HomeEfsFileSystemCreation === 'Enabled',
      (id) => state.domains[id] !== undefined,
    );
    const domain: StudioDomainRecord = {
      accountId: ctx.accountId,
      region: ctx.region,
      ids,
      config,
      // The system tag first, as Studio tags what it creates (reference §11; see docs/emulator/sagemaker.md).
      tags: [{ Key: SYSTEM_DOMAIN_ARN_TAG, Value: ids.DomainArn }, ...tags],
      createdAt: now,
      inServiceAt: now + ctx.options.durations.studioCreate,
    };
    state.domains[ids.DomainId] = domain;
    return { DomainArn: ids.DomainArn, DomainId: ids.DomainId, Url: ids.Url };
  };
}

/** DescribeDomain: every stored member, the derived Status and the two timestamps. */
export function describeDomain(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const domain = findDomain(sageMakerState(world), String(input.DomainId), ctx);
    const now = ctx.now().getTime();
    return {
      ...structuredClone(domain.ids),
      ...structuredClone(domain.config),
      Status: domainStatus(domain, now),
      CreationTime: new Date(domain.createdAt),
      LastModifiedTime: new Date(lastModified(domain, now)),
    };
  };
}

/** UpdateDomain: only an InService domain; it is Updating for `studioUpdate`. */
export function updateDomain(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const domain = findDomain(sageMakerState(world), String(input.DomainId), ctx);
    const now = ctx.now().getTime();
    const status = domainStatus(domain, now);
    if (status !== 'InService') {
      throw new EmulatorServiceError(
        'ResourceInUse',
        `Domain ${domain.ids.DomainId} is ${status}; it must be InService to update.`,
      );
    }
    const next = configAfterUpdate(domain.config, input);
    if (next.HomeEfsFileSystemCreation === 'Enabled' && domain.ids.HomeEfsFileSystemId === undefined) {
      domain.ids.HomeEfsFileSystemId = `fs-${hexOf(ctx, 17)}`;
    }
    if (
      next.AppNetworkAccessType === 'VpcOnly' &&
      domain.ids.SecurityGroupIdForDomainBoundary === undefined
    ) {
      domain.ids.SecurityGroupIdForDomainBoundary = `sg-${hexOf(ctx, 17)}`;
    }
    domain.config = next;
    domain.updateStartedAt = now;
    domain.updateDoneAt = now + ctx.options.durations.studioUpdate;
    return { DomainArn: domain.ids.DomainArn };
  };
}

/** DeleteDomain: an InService domain becomes Deleting, then gone after `studioDelete`. */
export function deleteDomain(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const domain = findDomain(sageMakerState(world), String(input.DomainId), ctx);
    const now = ctx.now().getTime();
    const status = domainStatus(domain, now);
    if (status !== 'InService') {
      throw new EmulatorServiceError(
        'ResourceInUse',
        `Domain ${domain.ids.DomainId} is ${status}; it must be InService to delete.`,
      );
    }
    domain.deleteStartedAt = now;
    domain.deleteDoneAt = now + ctx.options.durations.studioDelete;
    return {};
  };
}

/** ListDomains: the caller's domains in its region, oldest first, paginated. */
export function listDomains(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const state = sageMakerState(world);
    const now = ctx.now().getTime();
    const domains = liveDomains(state, ctx, now).sort(
      (a, b) => a.createdAt - b.createdAt || a.ids.DomainId.localeCompare(b.ids.DomainId),
    );
    const page = sageMakerPage(
      domains,
      input,
      ctx,
      'ListDomains',
      (d) => d.ids.DomainId,
      (d) => [d.createdAt],
    );
    return {
      Domains: page.items.map((d) => ({
        DomainArn: d.ids.DomainArn,
        DomainId: d.ids.DomainId,
        DomainName: d.config.DomainName,
        Status: domainStatus(d, now),
        CreationTime: new Date(d.createdAt),
        LastModifiedTime: new Date(lastModified(d, now)),
        Url: d.ids.Url,
      })),
      NextToken: page.nextToken,
    };
  };
}
