/**
 * Project members as manifests write them. Memberships list user and group PROFILE ids; manifests
 * name users by IAM ARN or IAM Identity Center user name and groups by group name, so each id is
 * looked up (GetUserProfile / GetGroupProfile) once per run and cached: the same people are
 * members of many projects.
 */
import { GetGroupProfileCommand, GetUserProfileCommand, type MemberDetails } from '@aws-sdk/client-datazone';
import type { AwsClients } from '../aws/clients.js';
import type { ReadContext } from './read-context.js';

/** Resolves membership details to `user:<arn|username>` / `group:<name>`, with a per-run cache. */
export class MemberNames {
  // Promises, not values: concurrent projects asking for one profile share one call.
  private readonly cache = new Map<string, Promise<string | undefined>>();

  constructor(private readonly read: ReadContext) {}

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
    let entry = this.cache.get(key);
    if (!entry) {
      entry = load();
      this.cache.set(key, entry);
    }
    return entry;
  }

  private async user(clients: AwsClients, domainId: string, userId: string): Promise<string | undefined> {
    const got = await this.read.get('GetUserProfile', `domain ${domainId} user ${userId}`, () =>
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
    const got = await this.read.get('GetGroupProfile', `domain ${domainId} group ${groupId}`, () =>
      clients.dataZone.send(
        new GetGroupProfileCommand({ domainIdentifier: domainId, groupIdentifier: groupId }),
      ),
    );
    if (!got.ok) return got.gone ? `group:${groupId}` : undefined;
    return `group:${got.value.groupName ?? groupId}`;
  }
}
