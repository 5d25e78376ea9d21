/**
 * Brings a project's memberships to the declared set. Live memberships are listed by profile id
 * and resolved to manifest form (`user:<arn|name>`, `group:<name>`) with the live reader's
 * MemberNames, so both sides compare as the plan compared them. Missing members are created,
 * undeclared ones deleted, and a changed designation is a delete then a create (the API has no
 * update). The tool's own membership (DataZone makes the creator a PROJECT_OWNER) is kept unless
 * the manifest declares that principal itself.
 */
import {
  CreateProjectMembershipCommand,
  DeleteProjectMembershipCommand,
  ListProjectMembershipsCommand,
  type Member,
  type MemberDetails,
  type ProjectMember,
  type UserDesignation,
} from '@aws-sdk/client-datazone';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { principalArnOf } from '../../live/caller.js';
import { MemberNames } from '../../live/members.js';
import { ReadContext } from '../../live/read-context.js';
import { ApplyError, type OperationContext } from '../types.js';
import { deleteTolerant, listAll, type DomainRef } from './dz-calls.js';

/** A member in manifest form with its designation. */
export interface DeclaredMember {
  member: string;
  designation: string;
}

/** A live membership: its manifest form, designation, and the ids it is deleted by. */
export interface LiveMember extends DeclaredMember {
  details: MemberDetails;
}

/** What to do to a project's memberships. */
export interface MemberChanges {
  remove: LiveMember[];
  add: DeclaredMember[];
}

/**
 * The memberships to delete and create. `caller` (`user:<principal arn>`) is never removed unless
 * declared: an undeclared owner membership of the tool is how DataZone works, not drift.
 */
export function memberChanges(
  declared: readonly DeclaredMember[],
  live: readonly LiveMember[],
  caller: string,
): MemberChanges {
  const want = new Map(declared.map((m) => [m.member, m.designation]));
  const have = new Map(live.map((m) => [m.member, m]));
  const remove = live.filter((m) => {
    const designation = want.get(m.member);
    if (designation === undefined) return m.member !== caller;
    return designation !== m.designation;
  });
  const add = declared.filter((m) => have.get(m.member)?.designation !== m.designation);
  return { remove, add };
}

/** The API's member union for a manifest-form member (`user:x` → userIdentifier x, `group:x` → groupIdentifier x). */
export function memberInput(member: string): Member {
  if (member.startsWith('user:')) return { userIdentifier: member.slice('user:'.length) };
  if (member.startsWith('group:')) return { groupIdentifier: member.slice('group:'.length) };
  throw new ApplyError(`member ${member} is neither user:<identifier> nor group:<name>`);
}

function memberOfDetails(details: MemberDetails): Member {
  if (details.user?.userId) return { userIdentifier: details.user.userId };
  if (details.group?.groupId) return { groupIdentifier: details.group.groupId };
  throw new ApplyError('a live membership names neither a user nor a group');
}

// One GetCallerIdentity per apply (per context), shared by every project.
const callers = new WeakMap<OperationContext, Promise<string>>();

/** `user:<IAM principal ARN>` of the tool (an assumed-role session's role, as DataZone records it). */
export function callerMember(ctx: OperationContext, d: DomainRef): Promise<string> {
  let caller = callers.get(ctx);
  if (!caller) {
    caller = ctx
      .call('GetCallerIdentity', d.scope, () => d.clients.sts.send(new GetCallerIdentityCommand({})))
      .then((out) => `user:${principalArnOf(out.Arn ?? '')}`);
    callers.set(ctx, caller);
    caller.catch(() => callers.delete(ctx));
  }
  return caller;
}

/** A profile resolver: the live reader's MemberNames over a ReadContext whose reads go through ctx.call. */
interface Resolver {
  read: ReadContext;
  names: MemberNames;
}

// One pair of resolvers per apply (per context) and budget scope, shared by every project:
// memberships name the same few dozen principals across a thousand projects, and each is read
// once per run, not once per membership. A principal that does not exist is reported by the plan,
// where it is located.
const resolvers = new WeakMap<OperationContext, Map<string, Principals>>();

/** The user and group resolvers of a run in one budget scope. */
interface Principals {
  users: Resolver;
  groups: Resolver;
}

function principals(ctx: OperationContext, d: DomainRef): Principals {
  let byScope = resolvers.get(ctx);
  if (!byScope) resolvers.set(ctx, (byScope = new Map()));
  let known = byScope.get(d.scope);
  if (!known) {
    // One resolver per operation, as the budget is kept per operation name.
    const resolver = (operation: string): Resolver => {
      const read = new ReadContext((task) => ctx.call(operation, d.scope, task));
      return { read, names: new MemberNames(read) };
    };
    known = { users: resolver('GetUserProfile'), groups: resolver('GetGroupProfile') };
    byScope.set(d.scope, known);
  }
  return known;
}

/** Every page of the project's memberships, as the API lists them (profile ids, not names). */
function listMemberships(ctx: OperationContext, d: DomainRef, projectId: string): Promise<ProjectMember[]> {
  return listAll(ctx, 'ListProjectMemberships', d.scope, async (nextToken) => {
    const out = await d.clients.dataZone.send(
      new ListProjectMembershipsCommand({ domainIdentifier: d.id, projectIdentifier: projectId, nextToken }),
    );
    return { items: out.members, nextToken: out.nextToken };
  });
}

/** The listed memberships in manifest form (each principal's profile read once per run). */
async function resolveMembers(
  ctx: OperationContext,
  d: DomainRef,
  projectId: string,
  items: readonly ProjectMember[],
): Promise<LiveMember[]> {
  const names = principals(ctx, d);
  return Promise.all(
    items.map(async (m): Promise<LiveMember> => {
      const details = m.memberDetails;
      if (!details) throw new ApplyError(`a live membership of project ${projectId} names no member`);
      const resolver = details.group ? names.groups : names.users;
      const member = await resolver.names.resolve(d.clients, d.id, details);
      if (member === undefined) {
        const id = details.group?.groupId ?? details.user?.userId ?? '';
        // The resolver is shared by the run: only this principal's failures explain this member.
        const own = resolver.read.failures.filter((f) => f.scope.endsWith(` ${id}`));
        const why = (own.length > 0 ? own : resolver.read.failures).map((f) => f.message).join('; ');
        throw new ApplyError(`cannot resolve a member of project ${projectId} in domain ${d.name}: ${why}`);
      }
      return { member, designation: m.designation ?? '', details };
    }),
  );
}

/** Every live membership of the project, in manifest form. */
export async function liveMembers(
  ctx: OperationContext,
  d: DomainRef,
  projectId: string,
): Promise<LiveMember[]> {
  return resolveMembers(ctx, d, projectId, await listMemberships(ctx, d, projectId));
}

/** `kind designation` of a member, the part of it a listing shows without any profile read. */
function shape(kind: 'user' | 'group', designation: string | undefined): string {
  return `${kind} ${designation ?? ''}`;
}

/**
 * True when a just-created project's memberships are what its create assigned inline: the
 * creator's own PROJECT_OWNER membership (`createdBy`, a user profile id) plus, one for one, a
 * user or group of each declared designation. The create named exactly the declared principals,
 * so matching shapes mean the declared members, and no profile needs reading to know it.
 */
export function inlineMembersHeld(
  items: readonly ProjectMember[],
  declared: readonly DeclaredMember[],
  createdBy: string,
): boolean {
  const own = items.filter((m) => m.memberDetails?.user?.userId === createdBy);
  if (own.length !== 1 || own[0]!.designation !== 'PROJECT_OWNER') return false;
  const listed = items
    .filter((m) => m !== own[0])
    .map((m) => shape(m.memberDetails?.group ? 'group' : 'user', m.designation))
    .sort();
  const wanted = declared
    .map((m) => shape(m.member.startsWith('group:') ? 'group' : 'user', m.designation))
    .sort();
  return listed.length === wanted.length && listed.every((s, i) => s === wanted[i]);
}

/**
 * Deletes and creates memberships until the project's members are `declared` (plus the tool's
 * own). `createdBy`: the project was just created by this run with the declared members inline
 * (and its creator's user profile id is this); when the listing shows exactly those, no
 * principal's profile is read. Otherwise, and when the tool itself is declared (its inline
 * designation and DataZone's owner membership may disagree), every member is resolved and compared.
 */
export async function reconcileMembers(
  ctx: OperationContext,
  d: DomainRef,
  projectId: string,
  declared: readonly DeclaredMember[],
  createdBy?: string,
): Promise<void> {
  const [items, caller] = await Promise.all([listMemberships(ctx, d, projectId), callerMember(ctx, d)]);
  const callerDeclared = declared.some((m) => m.member === caller);
  if (createdBy !== undefined && !callerDeclared && inlineMembersHeld(items, declared, createdBy)) return;
  const live = await resolveMembers(ctx, d, projectId, items);
  const { remove, add } = memberChanges(declared, live, caller);
  // Removals first: a changed designation must be deleted before it can be created again.
  for (const m of remove) {
    await deleteTolerant(() =>
      ctx.call('DeleteProjectMembership', d.scope, () =>
        d.clients.dataZone.send(
          new DeleteProjectMembershipCommand({
            domainIdentifier: d.id,
            projectIdentifier: projectId,
            member: memberOfDetails(m.details),
          }),
        ),
      ),
    );
  }
  for (const m of add) {
    // Idempotent for an existing member of the same designation, so a retried create adds no duplicate.
    await ctx.call('CreateProjectMembership', d.scope, () =>
      d.clients.dataZone.send(
        new CreateProjectMembershipCommand({
          domainIdentifier: d.id,
          projectIdentifier: projectId,
          member: memberInput(m.member),
          designation: m.designation as UserDesignation,
        }),
      ),
    );
  }
}
