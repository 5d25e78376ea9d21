/**
 * Ownership of Studio domains (DESIGN §4 for a kind that belongs to no DataZone domain). Pure.
 *
 * - Identity is name + region + account; the caller's own account is left out of the address, so
 *   single-account plans read as before and `StudioDomain/ml-prod@222233334444` names another's.
 * - The prune policy lives in Policy documents (`spec.reconcile.studioDomains`): Studio domains
 *   have no Domain whose `spec.reconcile` could hold it, and a Policy is global and reviewed like
 *   any manifest. Several Policies merge (scopes and globs united, the smallest cap wins).
 * - A live domain the tool neither created nor adopted carries no ownership tag; a manifest that
 *   names it adopts it explicitly (an update with reason `adopt`), never silently.
 */
import { formatAddress, identityKey, type Address } from '../model/identity.js';
import type { StudioReconcile } from '../model/manifest.js';
import { STUDIO_MANAGED_META, STUDIO_MANAGED_TAG } from '../model/studio-marker.js';
import type { LiveResource } from '../live/types.js';
import type { ValidDocument } from '../validate/schema-validator.js';
import type { DesiredResource } from './desired.js';
import { matchesProtect } from './protection.js';
import { DEFAULT_MAX_DELETES, destroys } from './safety.js';
import type { Change, Refusal } from './types.js';

/** The merged Studio-domain ownership policy of every Policy document. */
export interface StudioPolicy {
  prune: { account?: string; region: string }[];
  protect: string[];
  maxDeletes: number;
}

/** Merges `spec.reconcile.studioDomains` of all Policies (none: nothing pruned, default cap). */
export function studioPolicy(documents: readonly ValidDocument[]): StudioPolicy {
  const parts: StudioReconcile[] = [];
  for (const { manifest } of documents) {
    if (manifest.kind === 'Policy' && manifest.spec.reconcile?.studioDomains)
      parts.push(manifest.spec.reconcile.studioDomains);
  }
  const caps = parts.flatMap((p) => (p.maxDeletes === undefined ? [] : [p.maxDeletes]));
  return {
    prune: parts.flatMap((p) => (p.prune ?? []).map((s) => ({ account: s.account, region: s.region }))),
    protect: parts.flatMap((p) => p.protect ?? []),
    maxDeletes: caps.length > 0 ? Math.min(...caps) : DEFAULT_MAX_DELETES,
  };
}

/** True when the policy prunes the (account, region) of a live Studio domain (no account = the caller's). */
export function studioPruned(policy: StudioPolicy, address: Address, callerAccount: string): boolean {
  const own = (account: string | undefined) => (account === callerAccount ? undefined : account);
  return policy.prune.some((s) => s.region === address.region && own(s.account) === own(address.account));
}

/**
 * Drops the caller's own account from declared Studio-domain addresses (and re-keys them), so a
 * declared `spec.account` equal to the caller's matches the live domain the readers address
 * without an account.
 */
export function withCallerAccount(desired: DesiredResource[], callerAccount: string): DesiredResource[] {
  for (const d of desired) {
    if (d.address.kind !== 'StudioDomain' || !d.address.account || d.address.account !== callerAccount)
      continue;
    const { account: _own, ...address } = d.address;
    d.address = address;
    d.key = identityKey(address);
  }
  return desired;
}

/**
 * Turns an in-sync or drifted declared Studio domain that lacks the ownership tag into an
 * adoption (update, reason `adopt`: apply writes the tag with any field updates); returns the
 * plan notes that name each adopted live domain.
 */
export function markAdoptions(
  changes: Change[],
  liveByKey: ReadonlyMap<string, readonly LiveResource[]>,
  /** Keys of manifests that declare `lifecycle.adopt: true`: reviewed in the diff, nothing more to say. */
  declaredAdopt: ReadonlySet<string> = new Set(),
): string[] {
  const notes: string[] = [];
  for (const change of changes) {
    if (change.address.kind !== 'StudioDomain') continue;
    const live = liveByKey.get(identityKey(change.address))?.[0];
    if (!live?.normal || live.meta[STUDIO_MANAGED_META] === 'true') continue;
    if (declaredAdopt.has(identityKey(change.address))) continue;
    if (change.action === 'replace') {
      // Still a replace (it needs --allow-replace), but the reviewer must see whose domain goes.
      notes.push(
        `${formatAddress(change.address)}: the live Studio domain ${change.address.name} (${live.id}) was not created by smus-gitops; the replace deletes it.`,
      );
      continue;
    }
    if (change.action !== 'noop' && change.action !== 'update') continue;
    if (change.reason !== 'in-sync' && change.reason !== 'drifted') continue;
    change.action = 'update';
    change.reason = 'adopt';
    notes.push(
      `${formatAddress(change.address)}: the live Studio domain ${change.address.name} (${live.id}) in region ${change.address.region ?? '?'} was not created by smus-gitops; apply adopts it (tag ${STUDIO_MANAGED_TAG}).`,
    );
  }
  return notes.sort();
}

/**
 * Refusals of the Studio-domain policy: deletes and replaces matching its protect globs, and more
 * of them than its maxDeletes. (`lifecycle.protect` and incomplete reads are the general rules'.)
 */
export function studioRefusals(changes: readonly Change[], policy: StudioPolicy): Refusal[] {
  const destroyed = changes.filter((c) => c.address.kind === 'StudioDomain' && destroys(c));
  const refused: Refusal[] = [];
  for (const change of destroyed) {
    if (!matchesProtect(change.address, policy.protect)) continue;
    refused.push({
      address: change.address,
      reason: 'protected',
      detail: `${formatAddress(change.address)} is protected (Policy spec.reconcile.studioDomains.protect); the plan would ${change.action} it`,
    });
  }
  if (destroyed.length > policy.maxDeletes) {
    for (const change of destroyed) {
      refused.push({
        address: change.address,
        reason: 'max-deletes',
        detail: `the plan would delete or replace ${destroyed.length} Studio domain${destroyed.length === 1 ? '' : 's'}; spec.reconcile.studioDomains.maxDeletes is ${policy.maxDeletes}`,
      });
    }
  }
  return refused;
}
