/**
 * Project members as manifests write them. Memberships list user and group PROFILE ids; manifests
 * name users by IAM ARN or IAM Identity Center user name and groups by group name, so each id is
 * looked up (GetUserProfile / GetGroupProfile) once per run and cached: the same people are
 * members of many projects. A domain with many projects to read has its profiles listed in bulk
 * first (SearchUserProfiles / SearchGroupProfiles, 50 a page): a thousand projects name thousands
 * of distinct people, one Get each, where the search needs a page per fifty. An id the search did
 * not return (or a search that failed) still gets its Get.
 */
import {
  GetGroupProfileCommand,
  GetUserProfileCommand,
  SearchGroupProfilesCommand,
  SearchUserProfilesCommand,
  type MemberDetails,
} from '@aws-sdk/client-datazone';
import type { AwsClients } from '../aws/clients.js';
import type { ReadContext } from './read-context.js';
import { viaDataZone } from './pacing.js';
import { DATAZONE_MAX_RESULTS } from './page-sizes.js';

/**
 * Projects to read fully in a domain from which on its profiles are listed in bulk: below it, the
 * Gets of the few members named cost less than paging through every profile of the domain.
 */
export const BULK_PROFILES_FROM = 50;

/** Resolves membership details to `user:<arn|username>` / `group:<name>`, with a per-run cache. */
export class MemberNames {
  // Promises, not values: concurrent projects asking for one profile share one call.
  private readonly cache = new Map<string, Promise<string | undefined>>();
  // Per domain: the bulk listing of its profiles, when one was started.
  private readonly bulk = new Map<string, Promise<void>>();

  constructor(private readonly read: ReadContext) {}

  /**
   * Lists the domain's user and group profiles in bulk (once) and caches their names. A failed
   * search is no failure of the read: the ids it would have named are read one by one instead.
   */
  prefetch(clients: AwsClients, domainId: string): Promise<void> {
    let started = this.bulk.get(domainId);
    if (!started) {
      started = Promise.all([this.searchUsers(clients, domainId), this.searchGroups(clients, domainId)]).then(
        () => undefined,
      );
      this.bulk.set(domainId, started);
    }
    return started;
  }

  private async searchUsers(clients: AwsClients, domainId: string): Promise<void> {
    const items = await this.read.tryList(
      'SearchUserProfiles',
      `domain ${domainId} users`,
      viaDataZone(clients),
      async (nextToken) => {
        const out = await clients.dataZone.send(
          new SearchUserProfilesCommand({
            domainIdentifier: domainId,
            userType: 'DATAZONE_USER',
            maxResults: DATAZONE_MAX_RESULTS,
            nextToken,
          }),
        );
        return { items: out.items, nextToken: out.nextToken };
      },
    );
    for (const item of items ?? []) {
      if (!item.id) continue;
      const name = item.details?.iam?.arn ?? item.details?.sso?.username ?? item.id;
      this.cache.set(`${domainId}/user/${item.id}`, Promise.resolve(`user:${name}`));
    }
  }

  private async searchGroups(clients: AwsClients, domainId: string): Promise<void> {
    const items = await this.read.tryList(
      'SearchGroupProfiles',
      `domain ${domainId} groups`,
      viaDataZone(clients),
      async (nextToken) => {
        const out = await clients.dataZone.send(
          new SearchGroupProfilesCommand({
            domainIdentifier: domainId,
            groupType: 'DATAZONE_SSO_GROUP',
            maxResults: DATAZONE_MAX_RESULTS,
            nextToken,
          }),
        );
        return { items: out.items, nextToken: out.nextToken };
      },
    );
    for (const item of items ?? []) {
      if (!item.id) continue;
      this.cache.set(`${domainId}/group/${item.id}`, Promise.resolve(`group:${item.groupName ?? item.id}`));
    }
  }

  /**
   * The manifest form of a member; undefined when its profile could not be read (a recorded
   * failure). A profile that is gone falls back to its id, which manifests accept as an identifier.
   */
  resolve(
    clients: AwsClients,
    domainId: string,
    member: MemberDetails | undefined,
  ): Promise<string | undefined> {
    const userId = member?.user?.userId;
    const groupId = member?.group?.groupId;
    if (userId !== undefined)
      return this.cached(`${domainId}/user/${userId}`, () => this.user(clients, domainId, userId));
    if (groupId !== undefined)
      return this.cached(`${domainId}/group/${groupId}`, () => this.group(clients, domainId, groupId));
    return Promise.resolve(undefined);
  }

  private cached(key: string, load: () => Promise<string | undefined>): Promise<string | undefined> {
    const entry = this.cache.get(key);
    if (entry) return entry;
    const domainId = key.slice(0, key.indexOf('/'));
    const bulk = this.bulk.get(domainId);
    // While the domain's bulk listing runs, wait for it: it most likely names this id.
    const loaded: Promise<string | undefined> = bulk
      ? bulk.then(() => {
          // The listing replaced this entry when it named the id; else it is still `loaded`.
          const named = this.cache.get(key);
          return named && named !== loaded ? named : load();
        })
      : load();
    this.cache.set(key, loaded);
    return loaded;
  }

  private async user(clients: AwsClients, domainId: string, userId: string): Promise<string | undefined> {
    const got = await this.read.get(
      'GetUserProfile',
      `domain ${domainId} user ${userId}`,
      viaDataZone(clients),
      () =>
        clients.dataZone.send(
          new GetUserProfileCommand({ domainIdentifier: domainId, userIdentifier: userId }),
        ),
    );
    if (!got.ok) return got.gone ? `user:${userId}` : undefined;
    const details = got.value.details;
    const name = details?.iam?.arn ?? details?.sso?.username ?? userId;
    return `user:${name}`;
  }

  private async group(clients: AwsClients, domainId: string, groupId: string): Promise<string | undefined> {
    const got = await this.read.get(
      'GetGroupProfile',
      `domain ${domainId} group ${groupId}`,
      viaDataZone(clients),
      () =>
        clients.dataZone.send(
          new GetGroupProfileCommand({ domainIdentifier: domainId, groupIdentifier: groupId }),
        ),
    );
    if (!got.ok) return got.gone ? `group:${groupId}` : undefined;
    return `group:${got.value.groupName ?? groupId}`;
  }
}
