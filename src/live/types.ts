/**
 * What the live readers produce: every live resource the plan needs, normalised into the manifest
 * model (model/normalized.ts), with its id, the ids apply needs, and a fingerprint for stale-plan
 * detection; plus whether the observation is complete (no list call failed), because nothing may
 * be deleted on an incomplete observation.
 */
import type { Address } from '../model/identity.js';
import type { ManifestKind } from '../model/manifest.js';

/** One live resource, normalised. */
export interface LiveResource {
  address: Address;
  /** `identityKey(address)`: equal keys are the same resource (two live resources with one key are ambiguous). */
  key: string;
  /** The resource's own id (domain id, pool id, share ARN + account for an association, …). */
  id: string;
  /**
   * The normalised value (a `Normal*` type of model/normalized.ts); absent when only the list
   * summary was read (an undeclared resource of a kind the domain does not prune: reported as
   * unmanaged, never diffed, so no Get is spent on it).
   */
  normal?: object;
  /** Ids and facts apply needs but the diff does not (domainId, rootDomainUnitId, blueprintId, arn, status, …). */
  meta: Record<string, string>;
  fingerprint: LiveFingerprint;
}

/** A read that failed after retries. */
export interface ReadFailure {
  /** SDK operation name, e.g. `ListProjects`. */
  operation: string;
  /** What was being read (domain, account). */
  scope: string;
  message: string;
}

/** What was read for one plan. */
export interface Observation {
  resources: LiveResource[];
  /** False when any list call failed: the planner then plans no delete. */
  complete: boolean;
  failures: ReadFailure[];
  /** Who the tool is (GetCallerIdentity): its own project membership, added by DataZone on create, is not drift. */
  caller: { account: string; arn: string; principalArn: string };
  /**
   * Other accounts whose Studio domains were to be read, with what was found when reaching them:
   * the account the role's credentials belong to, or why they could not be had (the plan refuses both a
   * mismatch and an unreachable account; see plan/studio-guard.ts).
   */
  studioAccounts?: { account: string; roleArn?: string; actualAccount?: string; problem?: string }[];
}

/** What the readers must look at: the kinds and names the plan needs, per domain. */
export interface ReadScope {
  /**
   * Domains (by name) to read, each with the names the plan needs per kind (declared or tombstoned:
   * read fully) and the kinds whose every live resource is needed (pruned kinds: read fully too).
   * Other live resources of those kinds are listed but not fetched.
   */
  domains: {
    name: string;
    region: string;
    account?: string;
    wanted: Partial<Record<ManifestKind, string[]>>;
    allKinds: ManifestKind[];
    /** Set for a change-scoped plan (`--changed-since`): read only what is named here and in `wanted`. */
    targeted?: TargetedRead;
    /** Unit paths whose owners are read (declared `owners`, issue 15); every unit's when allKinds has DomainUnit. */
    owners?: string[];
  }[];
  /** Associated accounts to read blueprint configurations in, with the role to assume (undefined = domain account). */
  accounts: { domain: string; account: string; roleArn?: string }[];
  /** Where Studio domains are read (plan/studio-scope.ts). */
  studioDomains: StudioPlace[];
}

/**
 * What a change-scoped read looks at besides `wanted` (read fully): the names it only needs listed
 * (references of the changed documents: their profile, unit, domain; found by name, not fetched)
 * and the kinds it lists whole (a profile being deleted needs every project listed, to find its users).
 * Every other kind of the domain is not read at all, which is why such a plan says it is scoped.
 */
export interface TargetedRead {
  listed: Partial<Record<ManifestKind, string[]>>;
  listAll: ManifestKind[];
}

/**
 * One (account, region) whose Studio domains are all listed: the declared names are read fully,
 * the others too when `prune` is set (a delete shows what it removes), else only listed (unmanaged).
 */
export interface StudioPlace {
  /** Undefined: the caller's account. */
  account?: string;
  region: string;
  /** Role that reaches `account` (another account without one cannot be read). */
  roleArn?: string;
  names: string[];
  prune: boolean;
  /** Read the user profiles of every domain, not only of the declared ones (export). */
  allProfiles?: boolean;
  /**
   * A change-scoped plan (`--changed-since`): only these user profiles are described; the others
   * of the place's domains are listed only. Undefined: every profile of a declared domain.
   */
  profileNames?: string[];
}

/** Fingerprint of one live resource the plan read: apply refuses a stale plan when any differs. */
export interface LiveFingerprint {
  key: string;
  id: string;
  lastUpdatedAt?: string;
  hash: string;
}
