/**
 * Carries out changes to Studio user profiles (SageMaker AI). A profile lives in a Studio domain of
 * the caller's account, found by name at apply time (it may have been created earlier in the same
 * apply). Names are unique per domain and CreateUserProfile has no client token, so a create that
 * is refused as ResourceInUse (a retried create that had gone through) converges the existing
 * profile instead. Updates send only UserSettings (the only mutable member of
 * UpdateUserProfileRequest) and wait for InService; tags go through AddTags / DeleteTags.
 */
import {
  AddTagsCommand,
  CreateUserProfileCommand,
  DeleteTagsCommand,
  DeleteUserProfileCommand,
  DescribeUserProfileCommand,
  ListTagsCommand,
  UpdateUserProfileCommand,
  type DescribeUserProfileCommandOutput,
  type UserSettings,
} from '@aws-sdk/client-sagemaker';
import { collectPages } from '../../live/paginate.js';
import { normalizeUserProfile } from '../../live/studio-user-profiles.js';
import { assertNever } from '../../model/manifest.js';
import type { NormalStudioUserProfile } from '../../model/normalized.js';
import { USER_SETTINGS, changedMembers, settingsToApi } from '../../model/studio-settings.js';
import { normalizeDesired } from '../../plan/normalize-desired.js';
import { errorName } from '../retry.js';
import { ApplyError, type Operation, type OperationContext, type OperationInput } from '../types.js';
import { findDomainByName, isNotFound, type StudioWhere } from './studio-lifecycle.js';
import { tagChanges } from './studio-requests.js';

interface ProfileWhere extends StudioWhere {
  /** The profile's name (StudioWhere.name is the domain's). */
  profile: string;
}

function whereOf(ctx: OperationContext, input: OperationInput): ProfileWhere {
  const address = input.change.address;
  const region = input.desired?.address.region ?? input.live?.address.region ?? address.region;
  if (!region)
    throw new ApplyError(
      `user profile ${address.name}: studio domain ${address.domain ?? ''} is not declared in the caller's account`,
    );
  const clients = ctx.home(region);
  return {
    sageMaker: clients.sageMaker,
    scope: `${clients.accountKey}/${region}`,
    name: address.domain ?? '',
    profile: address.name,
  };
}

function declared(input: OperationInput): NormalStudioUserProfile {
  const manifest = input.desired?.manifest;
  if (manifest?.kind !== 'StudioUserProfile')
    throw new ApplyError(`user profile ${input.change.address.name} is not declared`);
  return (input.desired?.normal ?? normalizeDesired(manifest) ?? {}) as NormalStudioUserProfile;
}

/** The id of the profile's domain: from what the plan read, else looked up by name. */
async function domainIdOf(
  ctx: OperationContext,
  where: ProfileWhere,
  input: OperationInput,
): Promise<string> {
  const known = input.live?.meta.domainId;
  if (known) return known;
  const domain = await findDomainByName(ctx, where);
  if (!domain?.DomainId) throw new ApplyError(`studio domain ${where.name} does not exist`);
  return domain.DomainId;
}

async function describe(
  ctx: OperationContext,
  where: ProfileWhere,
  domainId: string,
): Promise<DescribeUserProfileCommandOutput | undefined> {
  try {
    return await ctx.call('DescribeUserProfile', where.scope, () =>
      where.sageMaker.send(
        new DescribeUserProfileCommand({ DomainId: domainId, UserProfileName: where.profile }),
      ),
    );
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

function failure(p: DescribeUserProfileCommandOutput): string {
  return p.FailureReason ? `: ${p.FailureReason}` : '';
}

async function waitInService(
  ctx: OperationContext,
  where: ProfileWhere,
  domainId: string,
): Promise<DescribeUserProfileCommandOutput> {
  return ctx.waitFor(`user profile ${where.profile} of ${where.name} InService`, async () => {
    const p = await describe(ctx, where, domainId);
    if (!p) return undefined;
    switch (p.Status) {
      case undefined:
      case 'Pending':
      case 'Updating':
        return undefined;
      case 'InService':
        return p;
      default:
        throw new ApplyError(`user profile ${where.profile} of ${where.name} is ${p.Status}${failure(p)}`);
    }
  });
}

async function waitGone(ctx: OperationContext, where: ProfileWhere, domainId: string): Promise<void> {
  await ctx.waitFor(`user profile ${where.profile} of ${where.name} deleted`, async () => {
    const p = await describe(ctx, where, domainId);
    if (!p) return true;
    if (p.Status === 'Delete_Failed')
      throw new ApplyError(
        `user profile ${where.profile} of ${where.name} could not be deleted${failure(p)}`,
      );
    return undefined;
  });
}

async function readNormal(
  ctx: OperationContext,
  where: ProfileWhere,
  p: DescribeUserProfileCommandOutput,
): Promise<NormalStudioUserProfile> {
  const tags = await collectPages((token) =>
    ctx.call('ListTags', where.scope, async () => {
      const out = await where.sageMaker.send(
        new ListTagsCommand({ ResourceArn: p.UserProfileArn ?? '', NextToken: token }),
      );
      return { items: out.Tags, nextToken: out.NextToken };
    }),
  );
  return normalizeUserProfile(p, tags);
}

/** Sends the changed UserSettings members (then waits for InService) and the tag changes. */
async function converge(
  ctx: OperationContext,
  where: ProfileWhere,
  domainId: string,
  arn: string,
  desired: NormalStudioUserProfile,
  live: NormalStudioUserProfile,
): Promise<void> {
  const user = changedMembers(desired.userSettings, live.userSettings, USER_SETTINGS);
  if (user.unremovable.length > 0)
    throw new ApplyError(
      `the ${user.unremovable.join(', ')} of user profile ${where.profile} cannot be removed, only changed`,
    );
  if (Object.keys(user.update).length > 0) {
    await ctx.call('UpdateUserProfile', where.scope, () =>
      where.sageMaker.send(
        new UpdateUserProfileCommand({
          DomainId: domainId,
          UserProfileName: where.profile,
          UserSettings: user.update as UserSettings,
        }),
      ),
    );
    await waitInService(ctx, where, domainId);
  }
  const tags = tagChanges(desired.tags, live.tags);
  if (tags.add.length > 0)
    await ctx.call('AddTags', where.scope, () =>
      where.sageMaker.send(new AddTagsCommand({ ResourceArn: arn, Tags: tags.add })),
    );
  if (tags.remove.length > 0)
    await ctx.call('DeleteTags', where.scope, () =>
      where.sageMaker.send(new DeleteTagsCommand({ ResourceArn: arn, TagKeys: tags.remove })),
    );
}

async function create(ctx: OperationContext, where: ProfileWhere, input: OperationInput): Promise<void> {
  const normal = declared(input);
  const domainId = await domainIdOf(ctx, where, input);
  const tags = Object.entries(normal.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
  try {
    await ctx.call('CreateUserProfile', where.scope, () =>
      where.sageMaker.send(
        new CreateUserProfileCommand({
          DomainId: domainId,
          UserProfileName: where.profile,
          ...(normal.singleSignOnUser
            ? { SingleSignOnUserIdentifier: 'UserName', SingleSignOnUserValue: normal.singleSignOnUser }
            : {}),
          UserSettings: settingsToApi(normal.userSettings, USER_SETTINGS) as UserSettings | undefined,
          Tags: tags.length > 0 ? tags : undefined,
        }),
      ),
    );
  } catch (error) {
    // ResourceInUse: a retried create that had gone through (or a race): converge that profile.
    if (errorName(error) !== 'ResourceInUse') throw error;
    const current = await waitInService(ctx, where, domainId);
    const live = await readNormal(ctx, where, current);
    if ((live.singleSignOnUser ?? '') !== (normal.singleSignOnUser ?? ''))
      throw new ApplyError(
        `user profile ${where.profile} of ${where.name} already exists for another single sign-on user`,
      );
    return converge(ctx, where, domainId, current.UserProfileArn ?? '', normal, live);
  }
  await waitInService(ctx, where, domainId);
}

async function update(ctx: OperationContext, where: ProfileWhere, input: OperationInput): Promise<void> {
  const normal = declared(input);
  const domainId = await domainIdOf(ctx, where, input);
  const current = await waitInService(ctx, where, domainId);
  const live =
    (input.live?.normal as NormalStudioUserProfile | undefined) ?? (await readNormal(ctx, where, current));
  await converge(ctx, where, domainId, current.UserProfileArn ?? '', normal, live);
}

/** Deletes the profile and waits until it is gone; one already gone is success. */
async function remove(ctx: OperationContext, where: ProfileWhere, domainId: string): Promise<void> {
  try {
    await ctx.call('DeleteUserProfile', where.scope, () =>
      where.sageMaker.send(
        new DeleteUserProfileCommand({ DomainId: domainId, UserProfileName: where.profile }),
      ),
    );
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  await waitGone(ctx, where, domainId);
}

/** Create, update, replace or delete one Studio user profile. */
export const studioUserProfileOperation: Operation = async (input, ctx) => {
  const action = input.change.action;
  switch (action) {
    case 'create':
      return create(ctx, whereOf(ctx, input), input);
    case 'update':
      return update(ctx, whereOf(ctx, input), input);
    case 'replace': {
      const where = whereOf(ctx, input);
      await remove(ctx, where, await domainIdOf(ctx, where, input));
      return create(ctx, where, input);
    }
    case 'delete': {
      const where = whereOf(ctx, input);
      return remove(ctx, where, await domainIdOf(ctx, where, input));
    }
    case 'noop':
    case 'unmanaged':
      return;
    default:
      return assertNever(action);
  }
};
