/**
 * User profiles of a declared Studio domain (SageMaker AI): ListUserProfiles, then
 * DescribeUserProfile and every page of ListTags for each. All of a declared domain's profiles are
 * read fully (a domain holds few users, and a prune must show what it removes); a failed describe
 * or tag read marks the profile unread, so nothing is planned against a value not seen.
 */
import {
  DescribeUserProfileCommand,
  ListTagsCommand,
  ListUserProfilesCommand,
  type DescribeUserProfileCommandOutput,
  type Tag,
  type UserProfileDetails,
} from '@aws-sdk/client-sagemaker';
import type { AwsClients } from '../aws/clients.js';
import type { Address } from '../model/identity.js';
import { compact, ownTags, type NormalStudioUserProfile } from '../model/normalized.js';
import { TOOL_TAG } from '../model/studio-marker.js';
import { USER_SETTINGS, settingsFromApi } from '../model/studio-settings.js';
import { viaSageMaker } from './pacing.js';
import { SAGEMAKER_MAX_RESULTS, SAGEMAKER_TAGS_MAX_RESULTS } from './page-sizes.js';
import type { ReadContext } from './read-context.js';
import { liveResource, READ_FAILED_META } from './resource.js';
import type { LiveResource } from './types.js';

/** The normalised value of a user profile (the mirror of the StudioUserProfile manifest's). */
export function normalizeUserProfile(
  profile: DescribeUserProfileCommandOutput,
  tags: readonly Tag[],
): NormalStudioUserProfile {
  const sso = profile.SingleSignOnUserValue;
  const normal: NormalStudioUserProfile = {
    singleSignOnUser: sso,
    userSettings: settingsFromApi(profile.UserSettings, USER_SETTINGS),
    tags: ownTags(
      Object.fromEntries(
        tags.filter((t) => !TOOL_TAG.test(t.Key ?? '')).map((t) => [t.Key ?? '', t.Value ?? '']),
      ),
    ),
  };
  return compact(normal);
}

/** The Studio domain whose profiles are read. */
export interface ProfileDomain {
  id: string;
  name: string;
}

/** Reads every user profile of one declared Studio domain of the caller's account. */
export async function readUserProfiles(
  read: ReadContext,
  clients: AwsClients,
  domain: ProfileDomain,
  account: string,
  /** Only these profiles are described (a change-scoped plan); the others are listed only. */
  only?: readonly string[],
): Promise<LiveResource[]> {
  const sageMaker = clients.sageMaker;
  const listed = await read.list<UserProfileDetails>(
    'ListUserProfiles',
    `user profiles of studio domain ${domain.name} (${domain.id})`,
    viaSageMaker(clients),
    async (token) => {
      const out = await sageMaker.send(
        new ListUserProfilesCommand({
          DomainIdEquals: domain.id,
          MaxResults: SAGEMAKER_MAX_RESULTS,
          NextToken: token,
        }),
      );
      return { items: out.UserProfiles, nextToken: out.NextToken };
    },
  );
  const resources = await Promise.all(
    (listed ?? []).map(async (summary) => {
      const name = summary.UserProfileName ?? '';
      const where = `user profile ${name} of studio domain ${domain.name}`;
      const address: Address = {
        kind: 'StudioUserProfile',
        domain: domain.name,
        name,
        region: clients.region,
      };
      const meta = { domainId: domain.id, status: summary.Status, account };
      const base = { address, id: name, summary, meta, lastUpdatedAt: summary.LastModifiedTime };
      if (only && !only.includes(name)) return liveResource(base);
      const described = await read.getListed('DescribeUserProfile', where, viaSageMaker(clients), () =>
        sageMaker.send(new DescribeUserProfileCommand({ DomainId: domain.id, UserProfileName: name })),
      );
      if (!described.ok) {
        return described.gone
          ? undefined
          : liveResource({ ...base, meta: { ...meta, [READ_FAILED_META]: 'DescribeUserProfile' } });
      }
      const arn = described.value.UserProfileArn ?? '';
      const tags = await read.list<Tag>('ListTags', where, viaSageMaker(clients), async (token) => {
        const out = await sageMaker.send(
          new ListTagsCommand({ ResourceArn: arn, MaxResults: SAGEMAKER_TAGS_MAX_RESULTS, NextToken: token }),
        );
        return { items: out.Tags, nextToken: out.NextToken };
      });
      const full = { ...meta, arn, status: described.value.Status ?? summary.Status };
      if (!tags) return liveResource({ ...base, meta: { ...full, [READ_FAILED_META]: 'ListTags' } });
      return liveResource({
        ...base,
        normal: normalizeUserProfile(described.value, tags),
        meta: full,
        lastUpdatedAt: described.value.LastModifiedTime ?? summary.LastModifiedTime,
      });
    }),
  );
  return resources.filter((r): r is LiveResource => r !== undefined);
}
