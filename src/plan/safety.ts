/**
 * The ownership rules of DESIGN §4, applied to the planned changes: nothing is deleted after an
 * incomplete observation, protected resources are never deleted or replaced, a domain's
 * `maxDeletes` caps its deletes, ambiguous identities are never touched, and references deferred
 * by validation must exist live. Each violation is a refusal; a plan with refusals is not applied.
 */
import { formatAddress, identityKey } from '../model/identity.js';
import type { ManifestOf } from '../model/manifest.js';
import type { Observation } from '../live/types.js';
import type { DeferredReference } from '../validate/semantic/index.js';
import type { DesiredResource } from './desired.js';
import { baseProtectionDetail, protectedAtBase, type BaseProtection } from './base-protection.js';
import { matchesProtect } from './protection.js';
import { ambiguousRefusals } from './ambiguous.js';
import { didYouMean } from '../validate/suggest.js';
import type { Change, Refusal } from './types.js';

/** Default `reconcile.maxDeletes`. */
export const DEFAULT_MAX_DELETES = 5;

/** What the rules look at. */
export interface SafetyInput {
  changes: Change[];
  ambiguous: readonly Change[];
  desired: readonly DesiredResource[];
  domainDocs: ReadonlyMap<string, ManifestOf<'Domain'>>;
  observation: Observation;
  deferred: readonly DeferredReference[];
  /** Protection in force at the reviewed base (`--protect-base`), on top of the change's own. */
  base?: BaseProtection;
}

/** A change that removes a live resource: what protection (declared, or at the base) guards. */
export function destroys(change: Change): boolean {
  return change.action === 'delete' || change.action === 'replace';
}

/** Returns the refusals (and drops prune deletes after an incomplete observation, which become unmanaged). */
export function applySafetyRules(input: SafetyInput): Refusal[] {
  const refused: Refusal[] = [];
  const { changes, observation } = input;
  if (!observation.complete) {
    for (const change of changes) {
      if (change.action !== 'delete') continue;
      if (change.reason === 'prune') {
        // Undeclared and unseen-in-full: report it, never delete it on a partial read.
        change.action = 'unmanaged';
        change.reason = 'not-declared';
        change.fields = [];
      } else {
        refused.push({
          address: change.address,
          reason: 'incomplete-observation',
          detail: 'a live read failed, so nothing is deleted',
        });
      }
    }
  }
  const protectedKeys = new Set(input.desired.filter((d) => d.protect).map((d) => d.key));
  for (const change of changes) {
    if (!destroys(change)) continue;
    const globs =
      input.domainDocs.get(change.address.domain ?? change.address.name)?.spec.reconcile?.protect ?? [];
    const byGlob = matchesProtect(change.address, globs);
    if (protectedKeys.has(identityKey(change.address)) || byGlob) {
      refused.push({
        address: change.address,
        reason: 'protected',
        detail: `${formatAddress(change.address)} is protected (${byGlob ? 'spec.reconcile.protect' : 'lifecycle.protect'}); the plan would ${change.action} it`,
      });
      continue;
    }
    // Protection lifted in the same change as the delete still holds: the base's is in force too.
    const atBase = input.base ? protectedAtBase(input.base, change.address) : undefined;
    if (input.base && atBase) {
      refused.push({
        address: change.address,
        reason: 'protected',
        detail: baseProtectionDetail(input.base, change.address, atBase, change.action),
      });
    }
  }
  // DataZone cannot re-key a domain in place, and deleting one takes everything in it with it:
  // such a replace is refused while the domain holds anything (DeleteDomain would refuse it anyway).
  for (const change of changes) {
    if (change.address.kind !== 'Domain' || change.action !== 'replace') continue;
    const held = observation.resources.filter((r) => r.address.domain === change.address.name).length;
    if (held === 0) continue;
    refused.push({
      address: change.address,
      reason: 'domain-not-empty',
      detail: `replacing Domain/${change.address.name} (${(change.forcedBy ?? []).join(', ')} changed) would delete the ${held} resources it holds; create a new domain instead, or empty this one first`,
    });
  }
  const deletesByDomain = new Map<string, Change[]>();
  for (const change of changes) {
    if (!destroys(change) || !change.address.domain) continue;
    deletesByDomain.set(change.address.domain, [
      ...(deletesByDomain.get(change.address.domain) ?? []),
      change,
    ]);
  }
  for (const [domain, deletes] of [...deletesByDomain].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const max = input.domainDocs.get(domain)?.spec.reconcile?.maxDeletes ?? DEFAULT_MAX_DELETES;
    if (deletes.length <= max) continue;
    for (const change of deletes) {
      refused.push({
        address: change.address,
        reason: 'max-deletes',
        detail: `domain ${domain} would lose ${deletes.length} resources; reconcile.maxDeletes is ${max}`,
      });
    }
  }
  refused.push(...ambiguousRefusals(input.ambiguous, observation, input.desired));
  const liveKeys = new Set(observation.resources.map((r) => r.key));
  const seen = new Set<string>();
  for (const ref of input.deferred) {
    const address = {
      kind: ref.kind,
      domain: ref.domain,
      name: ref.name,
      ...(ref.account ? { account: ref.account } : {}),
    };
    const key = identityKey(address);
    // One refusal per referring document, each located at its own value (several may name it).
    const once = `${key}\n${identityKey(ref.from)}`;
    if (liveKeys.has(key) || seen.has(once) || !observation.complete) continue;
    seen.add(once);
    refused.push({
      address,
      reason: 'unresolved-reference',
      detail: `${formatAddress(ref.from)} refers to ${ref.kind} "${ref.name}", which is neither declared nor live${liveHint(ref, observation)}`,
      ...(ref.location ? { location: ref.location } : {}),
    });
  }
  return refused.sort((a, b) => {
    const [ka, kb] = [identityKey(a.address), identityKey(b.address)];
    return ka < kb ? -1 : ka > kb ? 1 : a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0;
  });
}

/**
 * ` (did you mean "x"?)` among the live resources of the reference's kind in its domain (and
 * account): validation suggested among the declared ones already, the plan adds what it read.
 */
function liveHint(ref: DeferredReference, observation: Observation): string {
  const names = observation.resources
    .filter(
      (r) =>
        r.address.kind === ref.kind && r.address.domain === ref.domain && r.address.account === ref.account,
    )
    .map((r) => r.address.name);
  return didYouMean(ref.name, names);
}
