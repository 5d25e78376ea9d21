/**
 * CreateUserProfile, DescribeUserProfile, UpdateUserProfile, DeleteUserProfile and
 * ListUserProfiles: the users of a Studio domain (issue 16). Names are unique per domain; a
 * domain with AuthMode SSO needs the user's IAM Identity Center identity
 * (SingleSignOnUserIdentifier `UserName` and SingleSignOnUserValue), an IAM domain refuses one
 * (the API reference: "If the Domain's AuthMode is SSO, this field is required. If the Domain's
 * AuthMode is not SSO, this field cannot be specified."). UserSettings are stored as sent and
 * updated member by member, as the domain's DefaultUserSettings are. A profile is InService at
 * once and gone at once when deleted: the emulator keeps no user profile lifecycle
 * (docs/emulator/sagemaker.md); its statuses are the modelled ones.
 */
import {
  EmulatorServiceError,
  type CallContext,
  type EmulatorWorld,
  type OperationHandler,
} from '../../types.js';
import { isGone } from './lifecycle.js';
import { findDomain } from './lookups.js';
import { sageMakerPage } from './paging.js';
import { validationError } from './settings.js';
import { sageMakerState, userProfiles, type StudioDomainRecord, type UserProfileRecord } from './state.js';
import { tagsFromInput } from './tags.js';

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? structuredClone(value as Record<string, unknown>)
    : undefined;
}

function findProfile(world: EmulatorWorld, input: Record<string, unknown>, ctx: CallContext) {
  const domain = findDomain(sageMakerState(world), String(input.DomainId), ctx);
  const name = String(input.UserProfileName);
  const profile = userProfiles(world)[`${domain.ids.DomainId}/${name}`];
  if (!profile) throw new EmulatorServiceError('ResourceNotFound', `User profile ${name} does not exist.`);
  return { domain, profile };
}

function checkSingleSignOn(domain: StudioDomainRecord, input: Record<string, unknown>): void {
  const given = input.SingleSignOnUserIdentifier !== undefined || input.SingleSignOnUserValue !== undefined;
  if (domain.config.AuthMode === 'SSO') {
    if (input.SingleSignOnUserIdentifier === undefined || input.SingleSignOnUserValue === undefined)
      throw validationError(
        'SingleSignOnUserIdentifier and SingleSignOnUserValue are required when the domain AuthMode is SSO.',
      );
  } else if (given) {
    throw validationError(
      'SingleSignOnUserIdentifier and SingleSignOnUserValue can only be specified when the domain AuthMode is SSO.',
    );
  }
}

/** CreateUserProfile: a new InService profile in an existing domain. */
export function createUserProfile(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const domain = findDomain(sageMakerState(world), String(input.DomainId), ctx);
    const name = String(input.UserProfileName);
    const profiles = userProfiles(world);
    const key = `${domain.ids.DomainId}/${name}`;
    if (profiles[key])
      throw new EmulatorServiceError('ResourceInUse', `User profile ${name} already exists.`);
    checkSingleSignOn(domain, input);
    const now = ctx.now().getTime();
    const uid = 200000 + Object.keys(profiles).length;
    const profile: UserProfileRecord = {
      DomainId: domain.ids.DomainId,
      UserProfileName: name,
      UserProfileArn: `arn:aws:sagemaker:${ctx.region}:${ctx.accountId}:user-profile/${domain.ids.DomainId}/${name}`,
      HomeEfsFileSystemUid: String(uid),
      UserSettings: record(input.UserSettings),
      tags: tagsFromInput(input.Tags),
      createdAt: now,
      modifiedAt: now,
    };
    if (input.SingleSignOnUserIdentifier !== undefined) {
      profile.SingleSignOnUserIdentifier = String(input.SingleSignOnUserIdentifier);
      profile.SingleSignOnUserValue = String(input.SingleSignOnUserValue);
    }
    profiles[key] = profile;
    return { UserProfileArn: profile.UserProfileArn };
  };
}

/** DescribeUserProfile: every stored member. */
export function describeUserProfile(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const { profile } = findProfile(world, input, ctx);
    const { tags: _tags, createdAt, modifiedAt, ...members } = profile;
    return {
      ...structuredClone(members),
      Status: 'InService',
      CreationTime: new Date(createdAt),
      LastModifiedTime: new Date(modifiedAt),
    };
  };
}

/** UpdateUserProfile: UserSettings members named replace the stored ones. */
export function updateUserProfile(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const { profile } = findProfile(world, input, ctx);
    const patch = record(input.UserSettings);
    if (patch) profile.UserSettings = { ...(profile.UserSettings ?? {}), ...patch };
    profile.modifiedAt = ctx.now().getTime();
    return { UserProfileArn: profile.UserProfileArn };
  };
}

/** DeleteUserProfile: the profile is gone. */
export function deleteUserProfile(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const { domain, profile } = findProfile(world, input, ctx);
    delete userProfiles(world)[`${domain.ids.DomainId}/${profile.UserProfileName}`];
    return {};
  };
}

/** ListUserProfiles: the caller's profiles (of one domain with DomainIdEquals), oldest first, paginated. */
export function listUserProfiles(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const state = sageMakerState(world);
    const now = ctx.now().getTime();
    const only = input.DomainIdEquals === undefined ? undefined : String(input.DomainIdEquals);
    const contains = input.UserProfileNameContains === undefined ? '' : String(input.UserProfileNameContains);
    const mine = Object.values(userProfiles(world)).filter((p) => {
      const domain = state.domains[p.DomainId];
      return (
        domain !== undefined &&
        !isGone(domain, now) &&
        domain.accountId === ctx.accountId &&
        domain.region === ctx.region &&
        (only === undefined || p.DomainId === only) &&
        p.UserProfileName.includes(contains)
      );
    });
    mine.sort((a, b) => a.createdAt - b.createdAt || a.UserProfileArn.localeCompare(b.UserProfileArn));
    const page = sageMakerPage(
      mine,
      input,
      ctx,
      'ListUserProfiles',
      (p) => p.UserProfileArn,
      (p) => [p.createdAt],
    );
    return {
      UserProfiles: page.items.map((p) => ({
        DomainId: p.DomainId,
        UserProfileName: p.UserProfileName,
        Status: 'InService',
        CreationTime: new Date(p.createdAt),
        LastModifiedTime: new Date(p.modifiedAt),
      })),
      NextToken: page.nextToken,
    };
  };
}
