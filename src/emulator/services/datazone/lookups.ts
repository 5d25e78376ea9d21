/**
 * Find-or-throw helpers with DataZone's quirks: who may see a domain (its account, or an account
 * associated through RAM), the error a missing resource answers (404, or 403 "User is not
 * permitted to perform operation" when `notFoundAsAccessDenied` is set or when the operation does
 * not model ResourceNotFoundException), and the eventual-consistency misses after a create.
 */
import { isAccountAssociated } from '../ram/queries.js';
import { fail, type DzCall } from './call.js';
import { domainPhase } from './lifecycle.js';
import type {
  AccountPoolRecord,
  DomainRecord,
  DomainUnitRecord,
  ProjectProfileRecord,
  ProjectRecord,
} from './state.js';

/** Operations whose model lists no ResourceNotFoundException (from the service model). */
const NO_NOT_FOUND = new Set([
  'CreateDomainUnit',
  'ListDomainUnitsForParent',
  'ListAccountPools',
  'ListProjectProfiles',
  'ListProjects',
  'DeleteEnvironmentBlueprintConfiguration',
  'AddPolicyGrant',
  'ListPolicyGrants',
  'RemovePolicyGrant',
  'ListEntityOwners',
]);

/** Throws the 403 DataZone answers to a caller without access (also used for hidden not-found). */
export function denied(call: DzCall): never {
  fail('AccessDeniedException', `User is not permitted to perform operation: ${call.op}`);
}

/**
 * Throws "not found" for a child resource: ResourceNotFoundException where the operation models
 * it, ValidationException otherwise (a reference the caller passed that does not resolve).
 */
export function notFound(call: DzCall, message: string): never {
  if (NO_NOT_FOUND.has(call.op)) fail('ValidationException', message);
  fail('ResourceNotFoundException', message);
}

/** Not found for a domain or project: 404, or 403 when configured or when 404 is not modelled. */
function missingTopLevel(call: DzCall, message: string): never {
  if (call.ctx.options.notFoundAsAccessDenied || NO_NOT_FOUND.has(call.op)) denied(call);
  fail('ResourceNotFoundException', message);
}

/** True when `accountId` is the domain's account or is associated with the domain through RAM. */
export function accountMayUseDomain(call: DzCall, domain: DomainRecord, accountId: string): boolean {
  return domain.accountId === accountId || isAccountAssociated(call.world, domain.arn, accountId, call.nowMs);
}

/**
 * The domain, if the caller may use it. `owner` access (administrative operations: units, pools,
 * profiles, domain settings) is for the domain's account only; `member` access also admits
 * associated accounts. A domain of another region does not exist for the caller.
 */
export function findDomain(call: DzCall, id: string, access: 'owner' | 'member'): DomainRecord {
  const domain = call.state.domains[id];
  if (!domain || domain.region !== call.ctx.region || domainPhase(domain, call) === 'GONE') {
    missingTopLevel(call, `Domain ${id} not found.`);
  }
  if (domain.accountId === call.ctx.accountId) return domain;
  if (access === 'owner' || !accountMayUseDomain(call, domain, call.ctx.accountId)) denied(call);
  return domain;
}

/** Applies `readAfterCreateMisses`: the first N reads of a fresh record answer not found. */
export function consumeReadMiss(call: DzCall, record: { missesServed?: number }, message: string): void {
  const served = record.missesServed ?? 0;
  if (served < call.ctx.options.readAfterCreateMisses) {
    record.missesServed = served + 1;
    missingTopLevel(call, message);
  }
}

/**
 * Refuses writes into a domain that is not AVAILABLE (still CREATING, or DELETING). AWS's exact
 * answer is unverified; ConflictException says "try again later" without inventing a new code.
 */
export function requireAvailable(call: DzCall, domain: DomainRecord): void {
  const phase = domainPhase(domain, call);
  if (phase !== 'AVAILABLE') fail('ConflictException', `Domain ${domain.id} is ${phase}, not AVAILABLE.`);
}

/** A domain unit of the domain. */
export function findUnit(call: DzCall, domain: DomainRecord, id: string): DomainUnitRecord {
  const unit = call.state.domainUnits[id];
  if (!unit || unit.domainId !== domain.id) notFound(call, `Domain unit ${id} not found.`);
  return unit;
}

/** An account pool of the domain. */
export function findPool(call: DzCall, domain: DomainRecord, id: string): AccountPoolRecord {
  const pool = call.state.accountPools[id];
  if (!pool || pool.domainId !== domain.id) notFound(call, `Account pool ${id} not found.`);
  return pool;
}

/** A project profile of the domain. */
export function findProfile(call: DzCall, domain: DomainRecord, id: string): ProjectProfileRecord {
  const profile = call.state.projectProfiles[id];
  if (!profile || profile.domainId !== domain.id) notFound(call, `Project profile ${id} not found.`);
  return profile;
}

/** A project of the domain (404, or 403 under `notFoundAsAccessDenied`). */
export function findProject(call: DzCall, domain: DomainRecord, id: string): ProjectRecord {
  const project = call.state.projects[id];
  if (!project || project.domainId !== domain.id) missingTopLevel(call, `Project ${id} not found.`);
  return project;
}

/** Throws ConflictException when another record in `records` already uses `name`. */
export function checkNameFree<T extends { id: string; name: string }>(
  records: Iterable<T>,
  name: string,
  what: string,
  selfId?: string,
): void {
  for (const record of records) {
    if (record.name === name && record.id !== selfId) {
      fail('ConflictException', `A ${what} named ${name} already exists.`);
    }
  }
}

/** Records of a table that belong to the domain, in insertion order. */
export function inDomain<T extends { domainId: string }>(table: Record<string, T>, domainId: string): T[] {
  return Object.values(table).filter((record) => record.domainId === domainId);
}
