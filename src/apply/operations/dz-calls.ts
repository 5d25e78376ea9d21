/**
 * What every DataZone operation shares: the domain a domain-scoped change lives in (its id, its
 * home clients, the account/region scope its calls are budgeted under), reading a list to its
 * end through `ctx.call`, telling "gone" and "already exists" answers apart, and deterministic
 * client tokens.
 */
import { createHash } from 'node:crypto';
import type { AwsClients } from '../../aws/clients.js';
import { errorMessage, errorName, isGoneError } from '../../live/errors.js';
import { ApplyError, type OperationContext } from '../types.js';

/** A domain as the operations of its contents use it. */
export interface DomainRef {
  name: string;
  id: string;
  region: string;
  arn: string;
  accountId: string;
  rootDomainUnitId: string;
  /** Home clients in the domain's region (every owner-only call is made by the domain account). */
  clients: AwsClients;
  /** Budget scope of the domain's calls: `<account>/<region>`. */
  scope: string;
}

/** The domain `name` from the id registry; an ApplyError when it is not known (not created, not live). */
export function domainRef(ctx: OperationContext, name: string): DomainRef {
  const info = ctx.ids.domain(name);
  if (!info || !info.id)
    throw new ApplyError(`domain ${name} does not exist (it is neither live nor created by this apply)`);
  const accountId = info.accountId || ctx.domainAccount(name);
  return { name, ...info, accountId, clients: ctx.home(info.region), scope: `${accountId}/${info.region}` };
}

/** One page of a list call. */
export interface ListPage<T> {
  items?: T[];
  nextToken?: string;
}

/**
 * Every item of a paginated list, each page through `ctx.call`. A half-read list could make an
 * existing resource look missing (and be created twice), so a failed page fails the whole list.
 */
export async function listAll<T>(
  ctx: OperationContext,
  operation: string,
  scope: string,
  page: (nextToken: string | undefined) => Promise<ListPage<T>>,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const out = await ctx.call(operation, scope, () => page(token));
    items.push(...(out.items ?? []));
    token = out.nextToken || undefined;
    if (token !== undefined) {
      if (seen.has(token)) throw new ApplyError(`${operation} repeated a pagination token`);
      seen.add(token);
    }
  } while (token !== undefined);
  return items;
}

/** True when the error says the resource does not exist (404, or DataZone's 403 "not permitted" for domains and projects). */
export function isGone(error: unknown): boolean {
  return isGoneError(error);
}

/** True for a ConflictException (a name already taken, or a resource in the wrong state). */
export function isConflict(error: unknown): boolean {
  return errorName(error) === 'ConflictException';
}

/** `Code: message` of an error, for ApplyError messages. */
export function describeError(error: unknown): string {
  return errorMessage(error);
}

/**
 * A deterministic client token: the same resource identity (and generation, for a replace) gives
 * the same token, so a create that committed but whose answer was lost is recognised on retry.
 * 64 hex characters fit every DataZone clientToken constraint (1–128, printable ASCII).
 */
export function clientToken(...parts: string[]): string {
  return createHash('sha256')
    .update(['smus-gitops', ...parts].join('\u0000'))
    .digest('hex');
}

/**
 * The id of a domain unit by path (`HR/Benefits`); the root unit for an unset path. A path that
 * is neither live nor created earlier in this apply is an ApplyError.
 */
export function unitId(ctx: OperationContext, domain: DomainRef, path: string | undefined): string {
  if (path === undefined || path === '') return domain.rootDomainUnitId;
  const id = ctx.ids.get('DomainUnit', domain.name, path);
  if (!id) throw new ApplyError(`domain unit ${path} does not exist in domain ${domain.name}`);
  return id;
}

/** Runs a delete call; a resource that is already gone counts as deleted. Returns false when it was gone. */
export async function deleteTolerant(send: () => Promise<unknown>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (error) {
    if (isGone(error)) return false;
    throw error;
  }
}

/**
 * Reads one resource for a wait: undefined when it does not exist (yet, or any more). Right
 * after a create a not-found is eventual consistency, and right after a delete it is the goal.
 */
export async function getOrGone<T>(
  ctx: OperationContext,
  operation: string,
  scope: string,
  send: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await ctx.call(operation, scope, send);
  } catch (error) {
    if (isGone(error)) return undefined;
    throw error;
  }
}
