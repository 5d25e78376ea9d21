/**
 * How a grant create converges when several writers race (issue 15): DataZone keeps no uniqueness
 * for grants, so two applies that both list, find nothing and both add make two grants. A key-only
 * client token would stop that, but it would also replay a deleted grant's answer when the grant is
 * declared again inside the token's idempotency window, so the create keeps its per-create token
 * and converges afterwards instead: after its AddPolicyGrant it lists the grants of that entity and
 * policy type again and, of the grants with the declared principal and detail, keeps the first in
 * `grantOrder` (model/policy-grant.ts) and removes the rest by their grant ids. Every writer picks
 * the same grant to keep, the first grant in that order is never removed, and the last writer to
 * add sees every grant added before it, so the race ends with exactly one grant.
 */
import {
  GetGroupProfileCommand,
  GetUserProfileCommand,
  ListPolicyGrantsCommand,
  RemovePolicyGrantCommand,
  type ManagedPolicyType,
  type PolicyGrantDetail,
  type PolicyGrantMember,
  type PolicyGrantPrincipal,
  type TargetEntityType,
} from '@aws-sdk/client-datazone';
import { grantOrder } from '../../model/policy-grant.js';
import type { OperationContext } from '../types.js';
import { getOrGone, listAll, type DomainRef } from './dz-calls.js';

/** Where a grant lives: the members ListPolicyGrants, AddPolicyGrant and RemovePolicyGrant share. */
export interface GrantSite {
  domainIdentifier: string;
  entityType: TargetEntityType;
  entityIdentifier: string;
  policyType: ManagedPolicyType;
}

/** The profile id a user or group name has in the domain; undefined when it has none yet (so it holds no grant). */
async function profileId(
  ctx: OperationContext,
  d: DomainRef,
  p: PolicyGrantPrincipal,
): Promise<string | undefined> {
  if (p.user && 'userIdentifier' in p.user && p.user.userIdentifier !== undefined) {
    const userIdentifier = p.user.userIdentifier;
    const got = await getOrGone(ctx, 'GetUserProfile', d.scope, () =>
      d.clients.dataZone.send(new GetUserProfileCommand({ domainIdentifier: d.id, userIdentifier })),
    );
    return got?.id;
  }
  if (p.group?.groupIdentifier !== undefined) {
    const groupIdentifier = p.group.groupIdentifier;
    const got = await getOrGone(ctx, 'GetGroupProfile', d.scope, () =>
      d.clients.dataZone.send(new GetGroupProfileCommand({ domainIdentifier: d.id, groupIdentifier })),
    );
    return got?.id;
  }
  return undefined;
}

/** Canonical JSON (sorted keys), so shapes compare by content. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** The principal as ListPolicyGrants answers it: user and group names become profile ids. */
async function listedForm(
  ctx: OperationContext,
  d: DomainRef,
  p: PolicyGrantPrincipal,
): Promise<string | undefined> {
  if (p.group) {
    const id = await profileId(ctx, d, p);
    return id === undefined ? undefined : canonical({ group: { groupIdentifier: id } });
  }
  if (p.user && 'userIdentifier' in p.user && p.user.userIdentifier !== undefined) {
    const id = await profileId(ctx, d, p);
    return id === undefined ? undefined : canonical({ user: { userIdentifier: id } });
  }
  return canonical(p);
}

function sameDetail(a: PolicyGrantDetail | undefined, b: PolicyGrantDetail): boolean {
  const norm = (x: PolicyGrantDetail | undefined) => {
    const copy = JSON.parse(JSON.stringify(x ?? {})) as Record<string, { projectProfiles?: string[] }>;
    for (const v of Object.values(copy)) v.projectProfiles?.sort();
    return canonical(copy);
  };
  return norm(a) === norm(b);
}

/**
 * The listed grants with the given principal and detail, or undefined when the principal is a
 * user or group without a profile in the domain (it can hold no grant yet, so nothing is listed).
 */
export async function matchingGrants(
  ctx: OperationContext,
  d: DomainRef,
  site: GrantSite,
  principal: PolicyGrantPrincipal,
  detail: PolicyGrantDetail,
): Promise<PolicyGrantMember[] | undefined> {
  const wanted = await listedForm(ctx, d, principal);
  if (wanted === undefined) return undefined;
  const listed: PolicyGrantMember[] = await listAll(ctx, 'ListPolicyGrants', d.scope, (nextToken) =>
    d.clients.dataZone
      .send(new ListPolicyGrantsCommand({ ...site, nextToken }))
      .then((out) => ({ items: out.grantList, nextToken: out.nextToken })),
  );
  return listed.filter((g) => canonical(g.principal) === wanted && sameDetail(g.detail, detail));
}

/** Removes one grant by its id, with its principal as the API listed it (the model requires one). */
export async function removeGrantById(
  ctx: OperationContext,
  d: DomainRef,
  site: GrantSite,
  grantId: string | undefined,
  principal: PolicyGrantPrincipal,
): Promise<void> {
  await ctx.call('RemovePolicyGrant', d.scope, () =>
    d.clients.dataZone.send(new RemovePolicyGrantCommand({ ...site, principal, grantIdentifier: grantId })),
  );
}

/** Keeps the first of identical grants in `grantOrder` and removes the others, one by one, by id. */
export async function keepFirstGrant(
  ctx: OperationContext,
  d: DomainRef,
  site: GrantSite,
  identical: readonly PolicyGrantMember[],
): Promise<void> {
  const [, ...extras] = [...identical].sort(grantOrder);
  for (const g of extras) {
    // Without an id a remove would take every grant of the principal, the kept one too.
    if (g.grantId === undefined || g.principal === undefined) continue;
    await removeGrantById(ctx, d, site, g.grantId, g.principal);
  }
}
