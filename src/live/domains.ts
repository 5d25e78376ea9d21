/**
 * Domains (DataZone V2): ListDomains once per region, the scope's domains matched by name, then
 * GetDomain (roots, roles, KMS key, SSO: the list summary has none of them) and
 * ListTagsForResource for each match. A domain in scope that does not exist has no LiveResource;
 * two live domains of one name are both emitted (the planner reports the ambiguity).
 */
import {
  GetDomainCommand,
  ListDomainsCommand,
  ListTagsForResourceCommand,
  type DomainSummary,
  type GetDomainCommandOutput,
} from '@aws-sdk/client-datazone';
import type { AwsClients } from '../aws/clients.js';
import { compact, ownTags, type NormalDomain } from '../model/normalized.js';
import { normalizeSso } from '../model/normalized.js';
import type { LiveDomain } from './domain-context.js';
import type { ReadContext } from './read-context.js';
import { liveResource, READ_FAILED_META } from './resource.js';
import type { LiveResource } from './types.js';
import { viaDataZone } from './pacing.js';
import { DATAZONE_DOMAINS_MAX_RESULTS } from './page-sizes.js';

/** Every domain the caller sees in the clients' region (its own and those shared with it). */
export function listDomains(read: ReadContext, clients: AwsClients): Promise<DomainSummary[] | undefined> {
  return read.list('ListDomains', `region ${clients.region}`, viaDataZone(clients), async (nextToken) => {
    const out = await clients.dataZone.send(
      new ListDomainsCommand({ maxResults: DATAZONE_DOMAINS_MAX_RESULTS, nextToken }),
    );
    return { items: out.items, nextToken: out.nextToken };
  });
}

/** The normalised value of a domain (the mirror of the Domain manifest's desired value). */
export function normalizeDomain(
  domain: GetDomainCommandOutput,
  tags: Record<string, string> | undefined,
  owners?: string[],
): NormalDomain {
  const normal: NormalDomain = {
    description: domain.description,
    executionRole: domain.domainExecutionRole,
    serviceRole: domain.serviceRole,
    kmsKey: domain.kmsKeyIdentifier,
    singleSignOn: normalizeSso(domain.singleSignOn),
    tags: ownTags(tags),
    owners,
  };
  return compact(normal) ?? { singleSignOn: normal.singleSignOn };
}

/** A domain read: its resource, and its ids when its contents can be read (GetDomain succeeded). */
export interface DomainRead {
  resource: LiveResource;
  domain?: LiveDomain;
}

/**
 * Reads the root unit's owners in manifest form (undefined: the read failed, and was recorded).
 * Given only when the manifest declares `Domain.spec.owners` (or on export).
 */
export type RootOwnersReader = (
  domainId: string,
  rootUnitId: string,
  where: string,
) => Promise<string[] | undefined>;

/** GetDomain + ListTagsForResource of one listed domain (and its root unit's owners when asked); undefined when it is gone. */
export async function readDomain(
  read: ReadContext,
  clients: AwsClients,
  summary: DomainSummary,
  rootOwners?: RootOwnersReader,
): Promise<DomainRead | undefined> {
  const id = summary.id ?? '';
  const name = summary.name ?? '';
  const where = `domain ${name} (${id})`;
  const tagsOf = (resourceArn: string) =>
    read.get('ListTagsForResource', where, viaDataZone(clients), () =>
      clients.dataZone.send(new ListTagsForResourceCommand({ resourceArn })),
    );
  // The list already names the domain's ARN: its tags are read beside GetDomain, not after it,
  // which takes one round trip off every plan's critical path.
  const [got, early] = await Promise.all([
    read.getListed('GetDomain', where, viaDataZone(clients), () =>
      clients.dataZone.send(new GetDomainCommand({ identifier: id })),
    ),
    summary.arn ? tagsOf(summary.arn) : undefined,
  ]);
  if (!got.ok && got.gone) return undefined;
  const arn = (got.ok ? got.value.arn : undefined) ?? summary.arn ?? '';
  const rootUnitId = got.ok ? got.value.rootDomainUnitId : undefined;
  // The owners need the root unit's id from GetDomain; they are read beside a late tags read.
  const [tags, owners] = await Promise.all([
    got.ok ? (early && arn === summary.arn ? early : tagsOf(arn)) : undefined,
    rootOwners && rootUnitId ? rootOwners(id, rootUnitId, where) : [],
  ]);
  // The domain answered GetDomain, so a not-found or 403 on its tags is not "gone": the tags
  // are unreadable (a domain shared from another account is tagged by its owner only).
  if (tags && !tags.ok && tags.gone)
    read.fail('ListTagsForResource', where, 'the domain answered, its tags did not');
  // "Unread" owners must never be planned as "no owners": the domain is then a failed read.
  const ownersRead = owners !== undefined;
  const complete = got.ok && tags?.ok === true && ownersRead;
  const detail = got.ok ? got.value : undefined;
  const resource = liveResource({
    address: { kind: 'Domain', name, region: clients.region },
    id,
    normal:
      got.ok && tags?.ok && ownersRead
        ? normalizeDomain(got.value, tags.value.tags, rootOwners ? owners : undefined)
        : undefined,
    summary,
    meta: {
      domainId: id,
      arn,
      rootDomainUnitId: detail?.rootDomainUnitId,
      status: detail?.status ?? summary.status,
      portalUrl: detail?.portalUrl ?? summary.portalUrl,
      accountId: summary.managedAccountId,
      [READ_FAILED_META]: complete
        ? undefined
        : !got.ok
          ? 'GetDomain'
          : tags?.ok
            ? 'ListEntityOwners'
            : 'ListTagsForResource',
    },
    lastUpdatedAt: detail?.lastUpdatedAt ?? summary.lastUpdatedAt,
  });
  const rootDomainUnitId = detail?.rootDomainUnitId;
  if (!rootDomainUnitId) return { resource };
  return {
    resource,
    domain: {
      id,
      name,
      arn,
      region: clients.region,
      accountId: summary.managedAccountId ?? '',
      rootDomainUnitId,
    },
  };
}
