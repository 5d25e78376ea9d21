/**
 * User and group profiles: GetUserProfile, SearchUserProfiles, GetGroupProfile,
 * SearchGroupProfiles. Profiles are created on first reference (see principals.ts). Searching
 * the IdC directory (`SSO_USER`, `SSO_GROUP`) is a reference too: registered IdC users get their
 * profile, and an `SSO_GROUP` search for a group name the directory has (any valid name until
 * groups are registered with the `sso-groups` hook) gets that group its profile.
 */
import type {
  GetGroupProfileInput,
  GetUserProfileInput,
  SearchGroupProfilesInput,
  SearchUserProfilesInput,
} from '@aws-sdk/client-datazone';
import { paginate } from '../paginate.js';
import { fail, pageOptions, type DzHandler } from './call.js';
import { findDomain, inDomain } from './lookups.js';
import { ensureSsoProfiles, resolveGroup, resolveUser } from './principals.js';
import type { GroupProfileRecord, UserProfileRecord } from './state.js';

function userView(profile: UserProfileRecord) {
  return {
    domainId: profile.domainId,
    id: profile.id,
    type: profile.type,
    status: profile.status,
    details:
      profile.type === 'IAM'
        ? { iam: { arn: profile.identifier, principalId: profile.principalId } }
        : { sso: { username: profile.identifier } },
  };
}

function groupView(group: GroupProfileRecord) {
  return { domainId: group.domainId, id: group.id, status: group.status, groupName: group.groupName };
}

function matches(text: string | undefined, value: string): boolean {
  return !text || value.toLowerCase().includes(text.toLowerCase());
}

const getUserProfile: DzHandler<GetUserProfileInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  const profile = resolveUser(call, domain.id, input.userIdentifier ?? '', true);
  if (input.type !== undefined && input.type !== profile.type) {
    fail('ResourceNotFoundException', `User ${input.userIdentifier} not found.`);
  }
  return userView(profile);
};

const searchUserProfiles: DzHandler<SearchUserProfilesInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  if (input.userType === 'SSO_USER') ensureSsoProfiles(call, domain.id);
  const wanted: Record<string, (p: UserProfileRecord) => boolean> = {
    SSO_USER: (p) => p.type === 'SSO',
    DATAZONE_SSO_USER: (p) => p.type === 'SSO',
    DATAZONE_IAM_USER: (p) => p.type === 'IAM',
    DATAZONE_USER: () => true,
  };
  const kind = wanted[input.userType ?? ''] ?? (() => false);
  const items = inDomain(call.state.userProfiles, domain.id)
    .filter((p) => kind(p) && matches(input.searchText, p.identifier))
    .map(userView);
  const key = `${domain.id}:${input.userType}:${input.searchText ?? ''}`;
  const page = paginate(
    items,
    input,
    pageOptions(call, key, (p) => p.id),
  );
  return { items: page.items, nextToken: page.nextToken };
};

const getGroupProfile: DzHandler<GetGroupProfileInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  return groupView(resolveGroup(call, domain.id, input.groupIdentifier ?? '', true));
};

const searchGroupProfiles: DzHandler<SearchGroupProfilesInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  if (input.groupType === 'IAM_ROLE_SESSION_GROUP') return { items: [] };
  // Searching the directory for a group it has is a reference (the group gets its profile); a
  // group the directory lacks is simply not found by the search.
  const text = input.searchText;
  const inDirectory = (name: string) =>
    call.state.ssoGroups === undefined || call.state.ssoGroups.includes(name);
  if (input.groupType === 'SSO_GROUP' && text && /^[a-zA-Z_0-9+=,.@-]+$/.test(text) && inDirectory(text)) {
    resolveGroup(call, domain.id, text, true);
  }
  const items = inDomain(call.state.groupProfiles, domain.id)
    .filter((g) => matches(input.searchText, g.groupName))
    .map(groupView);
  const key = `${domain.id}:${input.groupType}:${input.searchText ?? ''}`;
  const page = paginate(
    items,
    input,
    pageOptions(call, key, (g) => g.id),
  );
  return { items: page.items, nextToken: page.nextToken };
};

/** User and group profile handlers by operation name. */
export const userProfileHandlers = {
  GetUserProfile: getUserProfile,
  SearchUserProfiles: searchUserProfiles,
  GetGroupProfile: getGroupProfile,
  SearchGroupProfiles: searchGroupProfiles,
};
