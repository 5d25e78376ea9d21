/**
 * An index of the valid documents by kind, domain and name, built once and shared by the
 * semantic checks (each check reads it; none rebuilds it).
 */
import type { ManifestKind, ManifestOf } from '../../model/manifest.js';
import type { ValidDocument } from '../schema-validator.js';

/** A valid document of one kind. */
export interface DocOf<K extends ManifestKind> extends ValidDocument {
  manifest: ManifestOf<K>;
}

/** Valid documents indexed for lookups. */
export interface Inventory {
  all: readonly ValidDocument[];
  domains: ReadonlyMap<string, DocOf<'Domain'>>;
  /** Documents of a kind in a domain, by metadata.name (first declaration wins; duplicates are reported apart). */
  inDomain<K extends ManifestKind>(kind: K, domain: string): ReadonlyMap<string, DocOf<K>>;
  ofKind<K extends ManifestKind>(kind: K): readonly DocOf<K>[];
}

/** True when the document declares its resource present (the default). */
export function isPresent(doc: ValidDocument): boolean {
  return doc.manifest.lifecycle?.ensure !== 'absent';
}

const NONE: ReadonlyMap<string, ValidDocument> = new Map<string, ValidDocument>();

/** Builds the inventory. */
export function buildInventory(docs: readonly ValidDocument[]): Inventory {
  const byKind = new Map<ManifestKind, ValidDocument[]>();
  // Kind, then domain, then name: looked up without building a key string per document or per
  // lookup (ten thousand projects each look their profile up).
  const byDomain = new Map<ManifestKind, Map<string, Map<string, ValidDocument>>>();
  for (const doc of docs) {
    const { kind, metadata } = doc.manifest;
    // Appended in place: copying the list per document made 40,000 documents quadratic.
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = []));
    list.push(doc);
    let domains = byDomain.get(kind);
    if (!domains) byDomain.set(kind, (domains = new Map()));
    const domain = metadata.domain ?? '';
    let names = domains.get(domain);
    if (!names) domains.set(domain, (names = new Map()));
    if (!names.has(metadata.name)) names.set(metadata.name, doc);
  }
  const ofKind = <K extends ManifestKind>(kind: K) => (byKind.get(kind) ?? []) as DocOf<K>[];
  const domains = new Map<string, DocOf<'Domain'>>();
  for (const d of ofKind('Domain'))
    if (!domains.has(d.manifest.metadata.name)) domains.set(d.manifest.metadata.name, d);
  return {
    all: docs,
    domains,
    ofKind,
    inDomain: <K extends ManifestKind>(kind: K, domain: string) =>
      (byDomain.get(kind)?.get(domain) ?? NONE) as ReadonlyMap<string, DocOf<K>>,
  };
}

/** Whether the domain declares `kind` authoritative (`reconcile.prune`): then every reference to it must be declared. */
export function isPruned(inventory: Inventory, domain: string, kind: ManifestKind): boolean {
  return inventory.domains.get(domain)?.manifest.spec.reconcile?.prune?.includes(kind) ?? false;
}
