/**
 * User and group profiles created on first reference, as DataZone does: an IAM principal gets an
 * IAM user profile the first time it is named (as a project creator, a member, or in
 * GetUserProfile); an IAM Identity Center user registered with the `sso-users` control hook gets
 * an SSO profile. Groups are a simplification: any IdC group name is accepted and gets a group
 * profile on first reference (the emulator has no IdC directory of groups).
 */
import { createHash } from 'node:crypto';
import { fail, type DzCall } from './call.js';
import { uuidId } from './ids.js';
import { addGroupProfile, addUserProfile, findGroupProfile, findUserProfile } from './indexes.js';
import type { GroupProfileRecord, UserProfileRecord } from './state.js';

const IAM_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):(role|user)\/(.+)$/;
const ROOT_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):root$/;
const ASSUMED_ROLE = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/;
const PROFILE_ID =
  /^([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$/;
const NAME = /^[a-zA-Z_0-9+=,.@-]+$/;

/**
 * The IAM principal ARN DataZone records for a caller or identifier: an STS assumed-role session
 * maps to its role; IAM role, user and root ARNs are kept. Anything else is not an IAM principal.
 */
export function iamPrincipalArn(arn: string): string | undefined {
  const session = ASSUMED_ROLE.exec(arn);
  if (session) return `arn:${session[1]}:iam::${session[2]}:role/${session[3]}`;
  if (IAM_ARN.test(arn) || ROOT_ARN.test(arn)) return arn;
  return undefined;
}

function principalIdOf(arn: string): string {
  const prefix = IAM_ARN.exec(arn)?.[2] === 'user' ? 'AIDA' : 'AROA';
  return prefix + createHash('sha256').update(arn).digest('hex').slice(0, 17).toUpperCase();
}

function createUser(
  call: DzCall,
  domainId: string,
  type: 'IAM' | 'SSO',
  identifier: string,
): UserProfileRecord {
  const profile: UserProfileRecord = {
    id: uuidId(call.ctx, 'user'),
    domainId,
    type,
    status: type === 'IAM' ? 'ACTIVATED' : 'ASSIGNED',
    identifier,
    ...(type === 'IAM' ? { principalId: principalIdOf(identifier) } : {}),
  };
  addUserProfile(call.state, profile);
  return profile;
}

/** The IAM user profile of an IAM principal in the domain, created on first reference. */
export function ensureIamProfile(call: DzCall, domainId: string, arn: string): UserProfileRecord {
  return findUserProfile(call.state, domainId, 'IAM', arn) ?? createUser(call, domainId, 'IAM', arn);
}

/** The caller's user profile id in the domain (DataZone's `createdBy`), created on first use. */
export function callerProfileId(call: DzCall, domainId: string): string {
  const arn = iamPrincipalArn(call.ctx.callerArn) ?? `arn:aws:iam::${call.ctx.accountId}:root`;
  return ensureIamProfile(call, domainId, arn).id;
}

/**
 * Resolves a user identifier (profile id, IAM ARN, or registered IdC user name) to its profile.
 * With `create`, an IAM principal or a registered IdC user gets a profile on first reference;
 * without it (deletes), only existing profiles resolve. Unknown → ResourceNotFoundException.
 */
export function resolveUser(
  call: DzCall,
  domainId: string,
  identifier: string,
  create: boolean,
): UserProfileRecord {
  const byId = PROFILE_ID.test(identifier) ? call.state.userProfiles[identifier] : undefined;
  if (byId && byId.domainId === domainId) return byId;
  const arn = iamPrincipalArn(identifier);
  if (arn) {
    const existing = findUserProfile(call.state, domainId, 'IAM', arn);
    if (existing) return existing;
    if (create) return createUser(call, domainId, 'IAM', arn);
  } else if (NAME.test(identifier)) {
    const existing = findUserProfile(call.state, domainId, 'SSO', identifier);
    if (existing) return existing;
    if (create && (call.state.ssoUsers ?? []).includes(identifier))
      return createUser(call, domainId, 'SSO', identifier);
  }
  fail('ResourceNotFoundException', `User ${identifier} not found.`);
}

/** Registered IdC users get their SSO profile (used when searching the directory). */
export function ensureSsoProfiles(call: DzCall, domainId: string): void {
  for (const name of call.state.ssoUsers ?? []) resolveUser(call, domainId, name, true);
}

/**
 * Resolves a group identifier (group profile id or IdC group name) to its profile; a group name
 * gets a profile on first reference when `create` is set and the directory has it (every valid
 * name, until groups are registered with the `sso-groups` hook).
 */
export function resolveGroup(
  call: DzCall,
  domainId: string,
  identifier: string,
  create: boolean,
): GroupProfileRecord {
  const byId = PROFILE_ID.test(identifier) ? call.state.groupProfiles[identifier] : undefined;
  if (byId && byId.domainId === domainId) return byId;
  const existing = findGroupProfile(call.state, domainId, identifier);
  if (existing) return existing;
  const inDirectory = call.state.ssoGroups === undefined || call.state.ssoGroups.includes(identifier);
  if (create && inDirectory && NAME.test(identifier) && !PROFILE_ID.test(identifier)) {
    const group: GroupProfileRecord = {
      id: uuidId(call.ctx, 'group'),
      domainId,
      groupName: identifier,
      status: 'ASSIGNED',
    };
    addGroupProfile(call.state, group);
    return group;
  }
  fail('ResourceNotFoundException', `Group ${identifier} not found.`);
}
