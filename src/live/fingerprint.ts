/**
 * Fingerprints of live resources (DESIGN §5): a saved plan records one per resource it read, and
 * apply re-reads and compares them to refuse a stale plan. The hash is over a canonical JSON
 * (sorted keys, no undefined, dates as ISO strings) so equal content hashes equally whatever the
 * order the API sent its keys in.
 */
import { createHash } from 'node:crypto';
import type { LiveFingerprint } from './types.js';

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : canonical(v)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value;
}

/** JSON with object keys sorted at every level, `undefined` members dropped and dates as ISO strings. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? 'null';
}

/** `sha256:<hex>` of the canonical JSON of `value`. */
export function contentHash(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}

/** An API timestamp (Date or string) as an ISO string; undefined when absent or unreadable. */
export function isoTime(value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The fingerprint of one live resource: `content` is its normal value, or its list summary when not fetched. */
export function fingerprintOf(
  key: string,
  id: string,
  content: unknown,
  lastUpdatedAt?: Date | string,
): LiveFingerprint {
  const fingerprint: LiveFingerprint = { key, id, hash: contentHash(content) };
  const at = isoTime(lastUpdatedAt);
  if (at !== undefined) fingerprint.lastUpdatedAt = at;
  return fingerprint;
}
