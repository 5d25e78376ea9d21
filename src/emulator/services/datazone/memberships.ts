/**
 * Project memberships: CreateProjectMembership, DeleteProjectMembership, ListProjectMemberships
 * (list key `members`). Members are stored by user/group profile id; identifiers resolve as in
 * principals.ts. Adding an existing member with the same designation succeeds and changes
 * nothing; with another designation it is a ValidationException (AWS has no update: delete, then
 * create). At most `userMembersPerProject` users and `groupMembersPerProject` groups.
 */
import type {
  CreateProjectMembershipInput,
  DeleteProjectMembershipInput,
  ListProjectMembershipsInput,
  Member,
} from '@aws-sdk/client-datazone';
import { paginate } from '../paginate.js';
import { fail, pageOptions, type DzCall, type DzHandler } from './call.js';
import { findDomain, findProject } from './lookups.js';
import { resolveGroup, resolveUser } from './principals.js';
import { checkQuota } from './quotas.js';
import type { DomainRecord, ProjectRecord } from './state.js';

/** A stored member: a user or a group profile id. */
export type StoredMember = ProjectRecord['memberships'][number]['member'];

/** A comparable key of a stored member. */
export function memberKey(member: StoredMember): string {
  return member.userId !== undefined ? `user:${member.userId}` : `group:${member.groupId}`;
}

/** Adds a member to the project (idempotent for the same designation), enforcing the quotas. */
export function addMember(
  call: DzCall,
  project: ProjectRecord,
  member: StoredMember,
  designation: string,
): void {
  const key = memberKey(member);
  const existing = project.memberships.find((m) => memberKey(m.member) === key);
  if (existing) {
    if (existing.designation === designation) return;
    fail(
      'ValidationException',
      `Member is already ${existing.designation} of project ${project.id}; delete the membership before changing its designation.`,
    );
  }
  const isUser = member.userId !== undefined;
  const sameKind = project.memberships.filter((m) => (m.member.userId !== undefined) === isUser).length;
  if (isUser) checkQuota(call, 'userMembersPerProject', sameKind + 1, 'user members per project');
  else checkQuota(call, 'groupMembersPerProject', sameKind + 1, 'group members per project');
  project.memberships.push({ member, designation });
}

function resolveMember(
  call: DzCall,
  domain: DomainRecord,
  member: Member | undefined,
  create: boolean,
): StoredMember {
  if (member?.userIdentifier)
    return { userId: resolveUser(call, domain.id, member.userIdentifier, create).id };
  if (member?.groupIdentifier)
    return { groupId: resolveGroup(call, domain.id, member.groupIdentifier, create).id };
  fail('ValidationException', 'member must set userIdentifier or groupIdentifier.');
}

const createProjectMembership: DzHandler<CreateProjectMembershipInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  const project = findProject(call, domain, input.projectIdentifier ?? '');
  addMember(call, project, resolveMember(call, domain, input.member, true), input.designation ?? '');
  return {};
};

const deleteProjectMembership: DzHandler<DeleteProjectMembershipInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  const project = findProject(call, domain, input.projectIdentifier ?? '');
  const key = memberKey(resolveMember(call, domain, input.member, false));
  const index = project.memberships.findIndex((m) => memberKey(m.member) === key);
  if (index < 0) fail('ResourceNotFoundException', `The member is not a member of project ${project.id}.`);
  project.memberships.splice(index, 1);
  return {};
};

const listProjectMemberships: DzHandler<ListProjectMembershipsInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  const project = findProject(call, domain, input.projectIdentifier ?? '');
  const members = project.memberships.map((m) => ({
    memberDetails:
      m.member.userId !== undefined
        ? { user: { userId: m.member.userId } }
        : { group: { groupId: m.member.groupId ?? '' } },
    designation: m.designation,
    key: memberKey(m.member),
  }));
  const sorted = input.sortBy !== undefined || input.sortOrder !== undefined;
  const key = `${project.id}:${input.sortBy ?? ''}:${input.sortOrder ?? ''}`;
  const options = pageOptions(call, key, (m: { key: string }) => m.key);
  // A sorted listing is ordered by the member key (the only sortBy, NAME, has no name to sort on).
  const page = paginate(
    members,
    input,
    sorted ? { ...options, order: () => [], descending: input.sortOrder === 'DESCENDING' } : options,
  );
  return {
    members: page.items.map(({ memberDetails, designation }) => ({ memberDetails, designation })),
    nextToken: page.nextToken,
  };
};

/** Membership handlers by operation name. */
export const membershipHandlers = {
  CreateProjectMembership: createProjectMembership,
  DeleteProjectMembership: deleteProjectMembership,
  ListProjectMemberships: listProjectMemberships,
};
