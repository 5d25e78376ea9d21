/**
 * Builds a LiveResource from what a kind reader found: the identity key from the address, the
 * fingerprint from the normal value (or the list summary when the resource was not fetched), and
 * the meta with absent values left out.
 */
import { identityKey, type Address } from '../model/identity.js';
import { fingerprintOf } from './fingerprint.js';
import type { LiveResource } from './types.js';

/** What a kind reader knows about one live resource. */
export interface FoundResource {
  address: Address;
  id: string;
  /** The normalised value; absent when only listed, or when its Get failed (then `meta.readFailed` names the call). */
  normal?: object;
  /** The list item, hashed when there is no normal value. */
  summary: unknown;
  meta: Record<string, string | number | undefined>;
  lastUpdatedAt?: Date | string;
  /**
   * What the fingerprint hashes instead of the normal value, when the normal value also depends on
   * other resources (a rule's stale-pin marks depend on its form types' latest revisions) and so
   * would change without the resource itself changing.
   */
  fingerprintSource?: unknown;
}

/** Marks a resource whose Get failed: the planner must not mistake "unread" for "empty". */
export const READ_FAILED_META = 'readFailed';

/** The LiveResource of a found resource. */
export function liveResource(found: FoundResource): LiveResource {
  const key = identityKey(found.address);
  const meta: Record<string, string> = {};
  for (const [name, value] of Object.entries(found.meta)) {
    if (value !== undefined) meta[name] = String(value);
  }
  const resource: LiveResource = {
    address: found.address,
    key,
    id: found.id,
    meta,
    fingerprint: fingerprintOf(
      key,
      found.id,
      found.fingerprintSource ?? found.normal ?? found.summary,
      found.lastUpdatedAt,
    ),
  };
  if (found.normal !== undefined) resource.normal = found.normal;
  return resource;
}
