/**
 * One exported manifest before it is written: its kind and identity (for file names and order),
 * the document itself with keys in MANIFESTS.md order, and the comment lines written after it
 * (for what AWS cannot tell: roles to assume, the ownership policy).
 */
import { API_VERSION, type ManifestKind } from '../model/manifest.js';

/** An exported manifest. */
export interface ExportedDocument {
  kind: ManifestKind;
  /** metadata.name. */
  name: string;
  /** For a blueprint configuration: whose (the file name of the per-resource layout needs it). */
  account?: string;
  /** The manifest, keys in the documented order, no undefined values. */
  body: Record<string, unknown>;
  /** Comment lines (with their `#` and indentation) written after the document. */
  comments: string[];
}

/**
 * Drops `undefined` values, recursively, keeping key order (a YAML writer would print them as
 * `null`, which no schema accepts). `false`, `0` and empty strings are values and stay.
 */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) out[key] = withoutUndefined(item);
    }
    return out as T;
  }
  return value;
}

/** A map with its keys sorted (live maps come in any order; output must not). */
export function sortedMap<V>(map: Record<string, V> | undefined): Record<string, V> | undefined {
  if (!map) return undefined;
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => compare(a, b)));
}

/** Plain code-unit string order (locale-independent, so output is the same everywhere). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The envelope of a manifest: apiVersion, kind, metadata (with the domain when scoped), spec. */
export function envelope(
  kind: ManifestKind,
  name: string,
  domain: string | undefined,
  spec: Record<string, unknown>,
  comments: string[] = [],
  account?: string,
  lifecycle?: Record<string, unknown>,
): ExportedDocument {
  const metadata = domain === undefined ? { name } : { name, domain };
  return {
    kind,
    name,
    ...(account !== undefined ? { account } : {}),
    body: withoutUndefined({ apiVersion: API_VERSION, kind, metadata, lifecycle, spec }),
    comments,
  };
}
