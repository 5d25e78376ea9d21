/**
 * Updates and deletes notice that their resource changed since the plan read it (issue 19 item
 * 5): another apply or an out-of-band edit between the plan's read and the write would otherwise
 * be overwritten (or deleted) unseen. Right before such a change runs, the resource alone is read
 * again through the live readers — the same normalisation as the plan's read, so an unchanged
 * resource gives the very same fingerprint — and a different fingerprint, or a resource gone,
 * refuses that one change. Creates need no check: identity-derived client tokens and name lookups
 * make them converge (docs/concurrency.md).
 */
import type { ClientFactory } from '../aws/clients.js';
import { diffValues } from '../diff/diff.js';
import { formatAddress, identityKey } from '../model/identity.js';
import type { ManifestKind } from '../model/manifest.js';
import { readLive } from '../live/read-live.js';
import type { LiveResource, ReadScope } from '../live/types.js';
import { ROOT_UNIT_OWNERS } from '../live/unit-owners.js';
import type { Timing } from '../aws/rate-budget.js';
import type { Change } from '../plan/types.js';
import { DIFF_RULES } from '../plan/kinds.js';
import { ApplyError } from './types.js';

/**
 * Kinds whose single-resource re-read reproduces the plan's fingerprint. Studio domains are read
 * per account and region, not per DataZone domain, and are left to the stale-plan check.
 */
const CHECKED_KINDS: ReadonlySet<ManifestKind> = new Set<ManifestKind>([
  'Domain',
  'DomainUnit',
  'AccountAssociation',
  'BlueprintConfiguration',
  'AccountPool',
  'ProjectProfile',
  'Project',
  'Glossary',
  'FormType',
  'MetadataRule',
  'PolicyGrant',
]);

/**
 * Kinds whose update operation reads the resource again and brings every field to its declared
 * value from what it finds (a domain unit: GetDomainUnit before its description, ListEntityOwners
 * before its owners), so it may run over a resource another apply has moved part of the way.
 */
const UPDATES_FROM_FRESH_READ: ReadonlySet<ManifestKind> = new Set<ManifestKind>(['DomainUnit']);

/** True for the changes checked before they run: in-place updates and deletes of a resource the plan read. */
export function needsConflictCheck(change: Change, live: LiveResource | undefined): boolean {
  return (
    live !== undefined &&
    (change.action === 'update' || change.action === 'delete') &&
    CHECKED_KINDS.has(change.address.kind)
  );
}

/**
 * The read scope of one resource: its domain only, the resource's own name wanted (read fully, as
 * the plan read it), plus what its normalisation needs (a project is normalised against its
 * profile), and no kind read in full.
 */
export function singleResourceScope(full: ReadScope, change: Change): ReadScope | undefined {
  const { address } = change;
  const domainName = address.kind === 'Domain' ? address.name : address.domain;
  const domain = full.domains.find((d) => d.name === domainName);
  if (!domain) return undefined;
  const wanted: Partial<Record<ManifestKind, string[]>> = {};
  if (address.kind !== 'Domain') wanted[address.kind] = [address.name];
  if (address.kind === 'Project' && domain.wanted.ProjectProfile)
    wanted.ProjectProfile = [...domain.wanted.ProjectProfile];
  // Owners only of the unit itself: another unit's owners, read beside a delete of that unit by
  // the same apply, would fail the re-read for no reason of this resource's.
  // A Domain's owners are its root unit's (issue 15).
  const ownerPath =
    address.kind === 'DomainUnit' ? address.name : address.kind === 'Domain' ? ROOT_UNIT_OWNERS : undefined;
  const owners = ownerPath !== undefined ? domain.owners?.filter((p) => p === ownerPath) : undefined;
  return {
    domains: [{ ...domain, wanted, allKinds: [], ...(owners ? { owners } : { owners: undefined }) }],
    accounts:
      address.kind === 'BlueprintConfiguration' ? full.accounts.filter((a) => a.domain === domainName) : [],
    studioDomains: [],
  };
}

/** What the check needs. */
export interface ConflictCheckDeps {
  clients: ClientFactory;
  /** The plan's read scope (the re-read narrows it to one resource). */
  scope: ReadScope;
  timing: Timing;
  random: () => number;
}

/**
 * What the re-read found: the resource as the plan read it (`proceed`), or already where the
 * change would take it (`done`: an update whose every field now reads as declared, a delete of a
 * resource now gone) — typically another apply of the same manifests got there first, and
 * refusing would fail a run whose goal holds.
 */
export type ConflictVerdict = 'proceed' | 'done';

/**
 * Throws an ApplyError when the resource differs from what the plan read and is not already as
 * declared, or when it cannot be read again (nothing is written on a guess).
 * `desiredNormal` is the change's normalised desired value (updates only).
 */
export async function assertUnchanged(
  change: Change,
  live: LiveResource,
  deps: ConflictCheckDeps,
  desiredNormal?: object,
): Promise<ConflictVerdict> {
  const key = identityKey(change.address);
  const scope = singleResourceScope(deps.scope, change);
  if (!scope) return 'proceed';
  const reread = () =>
    readLive(scope, { clients: deps.clients, timing: deps.timing, random: deps.random, concurrency: 4 });
  let observation = await reread();
  // The re-read walks the domain (its unit tree, its lists) while this same apply deletes other
  // resources beside it: a walk that met one of them half-gone fails for no reason of this
  // resource's. Read again after a pause (the deleted one is no longer listed) before giving up.
  for (let attempt = 1; attempt <= 2 && !observation.complete; attempt++) {
    await deps.timing.sleep(500 * attempt);
    observation = await reread();
  }
  const now = observation.resources.filter((r) => r.key === key);
  if (!observation.complete || now.some((r) => r.meta.readFailed !== undefined))
    throw new ApplyError(
      `${formatAddress(change.address)} could not be read again before the ${change.action}: nothing written for it`,
    );
  const same =
    now.length === 1 &&
    now[0]!.fingerprint.hash === live.fingerprint.hash &&
    now[0]!.fingerprint.id === live.fingerprint.id &&
    (now[0]!.fingerprint.lastUpdatedAt ?? '') === (live.fingerprint.lastUpdatedAt ?? '');
  if (same) return 'proceed';
  if (alreadyDone(change, now, desiredNormal)) return 'done';
  if (onlyTowardDeclared(change, live, now, desiredNormal)) return 'proceed';
  throw new ApplyError(
    `${formatAddress(change.address)} changed since it was read (another apply or an out-of-band change): re-plan`,
  );
}

/**
 * True when everything that changed since the plan's read changed to its declared value: another
 * apply of the same manifests is part of the way through this very update (it added one of two
 * declared owners, say). Every difference left between the declared and the re-read values is
 * one the plan saw, with the live value the plan saw; a field someone set to anything else is a
 * new difference, and refuses as before. Only for kinds whose update converges from a fresh read.
 */
function onlyTowardDeclared(
  change: Change,
  planned: LiveResource,
  now: readonly LiveResource[],
  desiredNormal: object | undefined,
): boolean {
  if (change.action !== 'update' || desiredNormal === undefined || now.length !== 1) return false;
  if (!UPDATES_FROM_FRESH_READ.has(change.address.kind)) return false;
  const [current] = now;
  if (current!.fingerprint.id !== planned.fingerprint.id) return false;
  if (planned.normal === undefined || current!.normal === undefined) return false;
  const rules = DIFF_RULES[change.address.kind];
  const seen = new Map(
    diffValues(desiredNormal, planned.normal, rules).map((c) => [c.path, JSON.stringify(c.before)]),
  );
  return diffValues(desiredNormal, current!.normal, rules).every(
    (c) => seen.has(c.path) && seen.get(c.path) === JSON.stringify(c.before),
  );
}

/**
 * True when the change's goal already holds in the re-read: a delete whose resource is gone, or an
 * update whose desired value has no difference from the re-read one (judged by the planner's own
 * diff rules, so "done" here is exactly what a fresh plan would call in sync).
 */
function alreadyDone(
  change: Change,
  now: readonly LiveResource[],
  desiredNormal: object | undefined,
): boolean {
  if (change.action === 'delete') return now.length === 0;
  if (change.action !== 'update' || desiredNormal === undefined || now.length !== 1) return false;
  const normal = now[0]!.normal;
  return (
    normal !== undefined && diffValues(desiredNormal, normal, DIFF_RULES[change.address.kind]).length === 0
  );
}
