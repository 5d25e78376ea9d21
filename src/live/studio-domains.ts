/**
 * Studio domains (SageMaker AI): ListDomains once per region, the scope's names matched, then
 * DescribeDomain and every page of ListTags (Describe has no tags) for each match. Tags that
 * SageMaker or AWS own (`sagemaker:*`, `aws:*`) are not the user's and are left out.
 */
import {
  DescribeDomainCommand,
  ListDomainsCommand,
  ListTagsCommand,
  type DescribeDomainCommandOutput,
  type DomainDetails,
  type Tag,
} from '@aws-sdk/client-sagemaker';
import type { AwsClients } from '../aws/clients.js';
import { compact, ownTags, type NormalStudioDomain } from '../model/normalized.js';
import type { ReadContext } from './read-context.js';
import { liveResource, READ_FAILED_META } from './resource.js';
import type { LiveResource } from './types.js';
import { viaSageMaker } from './pacing.js';
import { SAGEMAKER_MAX_RESULTS, SAGEMAKER_TAGS_MAX_RESULTS } from './page-sizes.js';

/** The normalised value of a studio domain (the mirror of the StudioDomain manifest's desired value). */
export function normalizeStudioDomain(domain: DescribeDomainCommandOutput, tags: Tag[]): NormalStudioDomain {
  const settings = domain.DefaultUserSettings;
  const normal: NormalStudioDomain = {
    authMode: domain.AuthMode ?? '',
    vpcId: domain.VpcId,
    subnetIds: domain.SubnetIds && [...domain.SubnetIds],
    appNetworkAccessType: domain.AppNetworkAccessType ?? 'PublicInternetOnly',
    kmsKeyId: domain.KmsKeyId,
    defaultUserSettings: settings && {
      executionRole: settings.ExecutionRole,
      securityGroups: settings.SecurityGroups && [...settings.SecurityGroups],
    },
    tags: ownTags(Object.fromEntries(tags.map((t) => [t.Key ?? '', t.Value ?? '']))),
  };
  return compact(normal);
}

/** Reads the named studio domains of one region (clients of that region). */
export async function readStudioDomains(
  read: ReadContext,
  clients: AwsClients,
  names: ReadonlySet<string>,
): Promise<LiveResource[]> {
  const sageMaker = clients.sageMaker;
  const listed = await read.list<DomainDetails>(
    'ListDomains',
    `studio domains in region ${clients.region}`,
    viaSageMaker(clients),
    async (token) => {
      const out = await sageMaker.send(
        new ListDomainsCommand({ MaxResults: SAGEMAKER_MAX_RESULTS, NextToken: token }),
      );
      return { items: out.Domains, nextToken: out.NextToken };
    },
  );
  const matches = (listed ?? []).filter((d) => names.has(d.DomainName ?? ''));
  const resources = await Promise.all(
    matches.map(async (summary) => {
      const id = summary.DomainId ?? '';
      const name = summary.DomainName ?? '';
      const where = `studio domain ${name} (${id})`;
      const base = {
        address: { kind: 'StudioDomain' as const, name, region: clients.region },
        id,
        summary,
        meta: { domainId: id, arn: summary.DomainArn, status: summary.Status },
        lastUpdatedAt: summary.LastModifiedTime,
      };
      const described = await read.get('DescribeDomain', where, viaSageMaker(clients), () =>
        sageMaker.send(new DescribeDomainCommand({ DomainId: id })),
      );
      if (!described.ok) {
        return described.gone
          ? undefined
          : liveResource({ ...base, meta: { ...base.meta, [READ_FAILED_META]: 'DescribeDomain' } });
      }
      const arn = described.value.DomainArn ?? summary.DomainArn ?? '';
      const tags = await read.list<Tag>('ListTags', where, viaSageMaker(clients), async (token) => {
        const out = await sageMaker.send(
          new ListTagsCommand({
            ResourceArn: arn,
            MaxResults: SAGEMAKER_TAGS_MAX_RESULTS,
            NextToken: token,
          }),
        );
        return { items: out.Tags, nextToken: out.NextToken };
      });
      const meta = { domainId: id, arn, status: described.value.Status ?? summary.Status };
      if (!tags) return liveResource({ ...base, meta: { ...meta, [READ_FAILED_META]: 'ListTags' } });
      return liveResource({
        ...base,
        normal: normalizeStudioDomain(described.value, tags),
        meta,
        lastUpdatedAt: described.value.LastModifiedTime ?? summary.LastModifiedTime,
      });
    }),
  );
  return resources.filter((r): r is LiveResource => r !== undefined);
}
