/**
 * The users and groups a change names that the domain must know (issue 15): a project's members,
 * a unit's (or the root unit's) owners, and a policy grant's principal when it is a user or a
 * group. Groups and users are known only live (IAM Identity Center), so `validate` cannot check
 * them; the plan reads each one it is about to add and refuses an unknown one, located at the
 * line that names it. Kept apart from preflight.ts so that module stays small.
 */
import type { LiveResource } from '../live/types.js';
import type { NormalDomainUnit, NormalProject } from '../model/normalized.js';
import { ownerPointer } from '../model/owners.js';
import type { NormalPolicyGrant } from '../model/policy-grant.js';
import type { DesiredResource } from './desired.js';
import type { Change } from './types.js';

/** Kinds whose changes name users and groups the domain must know. */
export const PRINCIPAL_KINDS: readonly string[] = ['Project', 'DomainUnit', 'Domain', 'PolicyGrant'];

/** `user:x` / `group:x` tokens a normalised value of `kind` names. */
function principalsOf(kind: string, normal: object | undefined): string[] {
  if (kind === 'DomainUnit' || kind === 'Domain')
    // A Domain's owners (its root unit's) are shaped as a unit's.
    return (normal as NormalDomainUnit | undefined)?.owners ?? [];
  if (kind === 'PolicyGrant') {
    // Other principals (projects, unit owners, all users) are references checked as such.
    const p = (normal as NormalPolicyGrant | undefined)?.principal;
    if (p?.user !== undefined) return [`user:${p.user}`];
    if (p?.group !== undefined) return [`group:${p.group}`];
    return [];
  }
  return ((normal as NormalProject | undefined)?.members ?? []).map((m) => m.member);
}

/**
 * Members a change adds: all of a new project's, the ones an update adds; owners likewise for a
 * unit; a new (or replaced) grant's principal (an update of a grant never changes its principal,
 * which is part of its identity).
 */
export function addedMembers(change: Change, d: DesiredResource, live: LiveResource | undefined): string[] {
  const want = principalsOf(change.address.kind, d.normal);
  if (change.action !== 'update') return want;
  const have = new Set(principalsOf(change.address.kind, live?.normal));
  return want.filter((m) => !have.has(m));
}

/** The JSON pointer of the manifest value that names `member` (`user:x` or `group:x`). */
export function memberPointer(d: DesiredResource, member: string): string {
  const type = member.startsWith('user:') ? 'user' : 'group';
  const m = d.manifest;
  if (m.kind === 'DomainUnit' || m.kind === 'Domain') return ownerPointer(m.spec?.owners, member);
  if (m.kind === 'PolicyGrant') return `/spec/principal/${type}`;
  const members = (m.kind === 'Project' ? m.spec.members : undefined) ?? [];
  const index = members.findIndex((x) => ('user' in x ? `user:${x.user}` : `group:${x.group}`) === member);
  return index >= 0 ? `/spec/members/${index}/${type}` : '/spec/members';
}
