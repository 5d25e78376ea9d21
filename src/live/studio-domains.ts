/**
 * Studio domains (SageMaker AI): ListDomains once per (account, region), then DescribeDomain and
 * every page of ListTags (Describe has no tags) for each declared (or pruned) one; the others are
 * listed only. Tags that SageMaker or AWS own (`sagemaker:*`, `aws:*`) and the tool's ownership
 * tag are not the user's and are left out of the value; the ownership tag becomes `meta.managed`.
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
import { DOMAIN_SETTINGS, SPACE_SETTINGS, USER_SETTINGS, settingsFromApi } from '../model/studio-settings.js';
import type { ReadContext } from './read-context.js';
import { liveResource, READ_FAILED_META } from './resource.js';
import type { LiveResource, StudioPlace } from './types.js';
import type { Address } from '../model/identity.js';
import {
  STUDIO_MANAGED_META,
  STUDIO_MANAGED_TAG,
  STUDIO_MANAGED_VALUE,
  TOOL_TAG,
} from '../model/studio-marker.js';
import { viaSageMaker } from './pacing.js';
import { readUserProfiles } from './studio-user-profiles.js';
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
    defaultUserSettings: settingsFromApi(settings, USER_SETTINGS),
    domainSettings: settingsFromApi(domain.DomainSettings, DOMAIN_SETTINGS),
    defaultSpaceSettings: settingsFromApi(domain.DefaultSpaceSettings, SPACE_SETTINGS),
    // DISABLED is the API's default: an undeclared propagation and DISABLED compare equal.
    tagPropagation: domain.TagPropagation === 'ENABLED' ? 'ENABLED' : undefined,
    // The tool's own ownership tag is not the user's: never drift (model/studio-marker.ts).
    tags: ownTags(
      Object.fromEntries(
        tags.filter((t) => !TOOL_TAG.test(t.Key ?? '')).map((t) => [t.Key ?? '', t.Value ?? '']),
      ),
    ),
  };
  return compact(normal);
}

/** A place being read: its clients, the account to put in addresses (none: the caller's) and meta. */
export interface StudioTarget {
  clients: AwsClients;
  place: StudioPlace;
  /** The account in addresses: undefined for the caller's own. */
  addressAccount?: string;
  /** The real account id (meta, for apply and export). */
  account: string;
}

/**
 * A Studio ListDomains started before the caller's account was known (read-live.ts starts one per
 * region of the caller's own places beside GetCallerIdentity): its calls ran in `fork`, whose
 * failures are recorded once the place is read, under the place's name.
 */
export interface EarlyStudioList {
  fork: ReadContext;
  items: Promise<DomainDetails[] | undefined>;
}

/** Every Studio domain `clients` list; undefined (and a failure under `scope`) when a page failed. */
export function listStudioDomains(
  read: ReadContext,
  clients: AwsClients,
  scope: string,
): Promise<DomainDetails[] | undefined> {
  return read.list<DomainDetails>('ListDomains', scope, viaSageMaker(clients), async (token) => {
    const out = await clients.sageMaker.send(
      new ListDomainsCommand({ MaxResults: SAGEMAKER_MAX_RESULTS, NextToken: token }),
    );
    return { items: out.Domains, nextToken: out.NextToken };
  });
}

/**
 * Reads every Studio domain of one (account, region): the declared names, and all of them when
 * the place is pruned, fully (Describe and tags); the others only as listed (unmanaged, never
 * diffed, so no Describe is spent on them). `early`: the place's list, already started.
 */
export async function readStudioDomains(
  read: ReadContext,
  target: StudioTarget,
  early?: EarlyStudioList,
): Promise<LiveResource[]> {
  const { clients, place } = target;
  const sageMaker = clients.sageMaker;
  const at = `${target.account}/${clients.region}`;
  const scope = `studio domains in account ${target.account} region ${clients.region}`;
  let listed: DomainDetails[] | undefined;
  if (early) {
    listed = await early.items;
    for (const f of early.fork.failures) read.fail(f.operation, scope, f.message);
  } else listed = await listStudioDomains(read, clients, scope);
  const names = new Set(place.names);
  // The user profiles of the declared domains of the caller's account (issue 16).
  const profiles: Promise<LiveResource[]>[] = [];
  const resources = await Promise.all(
    (listed ?? []).map(async (summary) => {
      const id = summary.DomainId ?? '';
      const name = summary.DomainName ?? '';
      const where = `studio domain ${name} (${id}) in ${at}`;
      const address: Address = { kind: 'StudioDomain', name, region: clients.region };
      if (target.addressAccount) address.account = target.addressAccount;
      const placeMeta = { account: target.account, roleArn: place.roleArn };
      const base = {
        address,
        id,
        summary,
        meta: { domainId: id, arn: summary.DomainArn, status: summary.Status, ...placeMeta },
        lastUpdatedAt: summary.LastModifiedTime,
      };
      if (!names.has(name) && !place.prune) return liveResource(base);
      const described = await read.getListed('DescribeDomain', where, viaSageMaker(clients), () =>
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
      const meta = { domainId: id, arn, status: described.value.Status ?? summary.Status, ...placeMeta };
      if (!tags) return liveResource({ ...base, meta: { ...meta, [READ_FAILED_META]: 'ListTags' } });
      const managed = tags.some((t) => t.Key === STUDIO_MANAGED_TAG && t.Value === STUDIO_MANAGED_VALUE);
      if ((names.has(name) || place.allProfiles) && !target.addressAccount)
        profiles.push(readUserProfiles(read, clients, { id, name }, target.account, place.profileNames));
      return liveResource({
        ...base,
        normal: normalizeStudioDomain(described.value, tags),
        meta: { ...meta, [STUDIO_MANAGED_META]: String(managed) },
        lastUpdatedAt: described.value.LastModifiedTime ?? summary.LastModifiedTime,
      });
    }),
  );
  const found = resources.filter((r): r is LiveResource => r !== undefined);
  return [...found, ...(await Promise.all(profiles)).flat()];
}
