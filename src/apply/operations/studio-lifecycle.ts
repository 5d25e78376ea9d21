/**
 * Reads and waits of a studio domain (SageMaker AI): the exact-name lookup that makes a create
 * idempotent (CreateDomain has no client token), the read of an adopted domain's current value,
 * and the waits for InService and for deletion. SageMaker reports a domain that does not exist
 * (yet, or any more) as `ResourceNotFound`; right after a create that means "not yet".
 */
import {
  DescribeDomainCommand,
  ListDomainsCommand,
  ListTagsCommand,
  type DescribeDomainCommandOutput,
  type DomainDetails,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { collectPages } from '../../live/paginate.js';
import { normalizeStudioDomain } from '../../live/studio-domains.js';
import type { NormalStudioDomain } from '../../model/normalized.js';
import { errorName } from '../retry.js';
import { ApplyError, type OperationContext } from '../types.js';

/** The clients and budget scope of one region. */
export interface StudioWhere {
  sageMaker: SageMakerClient;
  scope: string;
  name: string;
}

/** True for SageMaker's "no such domain". */
export function isNotFound(error: unknown): boolean {
  return errorName(error) === 'ResourceNotFound';
}

/** The domain of that exact name in the region, if any (every page of ListDomains read). */
export async function findDomainByName(
  ctx: OperationContext,
  where: StudioWhere,
): Promise<DomainDetails | undefined> {
  const domains = await collectPages((token) =>
    ctx.call('ListDomains', where.scope, async () => {
      const out = await where.sageMaker.send(new ListDomainsCommand({ NextToken: token, MaxResults: 100 }));
      return { items: out.Domains, nextToken: out.NextToken };
    }),
  );
  return domains.find((d) => d.DomainName === where.name && d.DomainId);
}

/** DescribeDomain, or undefined when the domain does not exist. */
export async function describe(
  ctx: OperationContext,
  where: StudioWhere,
  domainId: string,
): Promise<DescribeDomainCommandOutput | undefined> {
  try {
    return await ctx.call('DescribeDomain', where.scope, () =>
      where.sageMaker.send(new DescribeDomainCommand({ DomainId: domainId })),
    );
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** The normalised current value of a domain (Describe plus every page of its tags). */
export async function readNormal(
  ctx: OperationContext,
  where: StudioWhere,
  domain: DescribeDomainCommandOutput,
): Promise<NormalStudioDomain> {
  const arn = domain.DomainArn ?? '';
  const tags = await collectPages((token) =>
    ctx.call('ListTags', where.scope, async () => {
      const out = await where.sageMaker.send(new ListTagsCommand({ ResourceArn: arn, NextToken: token }));
      return { items: out.Tags, nextToken: out.NextToken };
    }),
  );
  return normalizeStudioDomain(domain, tags);
}

function failure(domain: DescribeDomainCommandOutput): string {
  return domain.FailureReason ? `: ${domain.FailureReason}` : '';
}

/** Waits until the domain is InService and returns its description; Failed states are ApplyErrors. */
export async function waitInService(
  ctx: OperationContext,
  where: StudioWhere,
  domainId: string,
): Promise<DescribeDomainCommandOutput> {
  return ctx.waitFor(`studio domain ${where.name} (${domainId}) InService`, async () => {
    const domain = await describe(ctx, where, domainId);
    if (!domain) return undefined;
    switch (domain.Status) {
      case undefined:
      case 'Pending':
      case 'Updating':
        return undefined;
      case 'InService':
        return domain;
      default:
        throw new ApplyError(
          `studio domain ${where.name} (${domainId}) is ${domain.Status}${failure(domain)}`,
        );
    }
  });
}

/** Waits until the domain is gone; Delete_Failed is an ApplyError. */
export async function waitGone(ctx: OperationContext, where: StudioWhere, domainId: string): Promise<void> {
  await ctx.waitFor(`studio domain ${where.name} (${domainId}) deleted`, async () => {
    const domain = await describe(ctx, where, domainId);
    if (!domain) return true;
    if (domain.Status === 'Delete_Failed') {
      throw new ApplyError(
        `studio domain ${where.name} (${domainId}) could not be deleted${failure(domain)}`,
      );
    }
    return undefined;
  });
}
