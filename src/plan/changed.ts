/**
 * The change-scoped plan (`plan --changed-since REF`, issue 18): which documents changed between
 * the reviewed base and the working tree (added, edited, removed: compared by identity and
 * content), and the read scope that judges just those changes — each changed resource read fully,
 * what it references found by name (its profile, unit, domain, the association of its account),
 * and, for a delete, what could still use it listed whole (a profile's projects, a pool's profiles),
 * so a delete is never decided on a partial read. Unmanaged resources and prune are never
 * evaluated here; a document removed from the tree is a delete only when its kind is pruned, and
 * then it is planned as a tombstone (read, and its dependents read) rather than by the prune pass.
 * Pure: the base documents come in already loaded.
 */
import { addressOf, formatAddress, identityKey } from '../model/identity.js';
import { DOMAIN_SCOPED_KINDS, isTombstone, type Manifest, type ManifestKind } from '../model/manifest.js';
import type { ReadScope, TargetedRead } from '../live/types.js';
import type { ValidDocument } from '../validate/schema-validator.js';
import type { DeferredReference } from '../validate/semantic/index.js';
import { studioPlaces } from './studio-scope.js';

/** One document that differs between the base and the tree. */
export interface ChangedDocument {
  key: string;
  change: 'added' | 'edited' | 'removed';
  /** The tree's document (added, edited) or the base's (removed). */
  document: ValidDocument;
}

/** What a change-scoped plan plans and reads. */
export interface ChangeScope {
  changed: ChangedDocument[];
  /** The documents to plan: the tree's, plus a tombstone for each removed document of a pruned kind. */
  documents: ValidDocument[];
  /** Identity keys the plan may change (everything else is context, never planned). */
  only: Set<string>;
  scope: ReadScope;
  /** How many declared resources the read looks at (changed ones and their references). */
  readCount: number;
  /** Declared resources of the tree (Policy documents are not resources). */
  declaredCount: number;
  notes: string[];
}

/** Canonical text of a JSON value: sorted keys, so a re-ordered document is not an edit. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

function keyOf(manifest: Manifest): string {
  return identityKey(addressOf(manifest));
}

/** The documents that differ between `base` and `tree`, in key order. */
export function changedDocuments(
  base: readonly ValidDocument[],
  tree: readonly ValidDocument[],
): ChangedDocument[] {
  const before = new Map(base.map((d) => [keyOf(d.manifest), d]));
  const after = new Map(tree.map((d) => [keyOf(d.manifest), d]));
  const out: ChangedDocument[] = [];
  for (const [key, d] of after) {
    const was = before.get(key);
    if (!was) out.push({ key, change: 'added', document: d });
    else if (canonical(was.manifest) !== canonical(d.manifest))
      out.push({ key, change: 'edited', document: d });
  }
  for (const [key, d] of before) if (!after.has(key)) out.push({ key, change: 'removed', document: d });
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The domain a domain-scoped document belongs to ('' for Studio kinds and Policy). */
function domainOf(m: Manifest): string {
  return m.kind === 'Domain' ? m.metadata.name : (m.metadata.domain ?? '');
}

/** The tombstone that stands for a removed document: its identity, located where it was at the base. */
function tombstoneOf(d: ValidDocument, ref: string): ValidDocument {
  const m = d.manifest as Manifest & { spec?: unknown };
  return {
    manifest: { ...m, lifecycle: { ...(m.lifecycle ?? {}), ensure: 'absent' } } as Manifest,
    source: { ...d.source, file: `${ref}:${d.source.file}` },
  };
}

/** Builds the change scope of `tree` against the base documents read at `ref`. */
export function changeScope(
  base: readonly ValidDocument[],
  tree: readonly ValidDocument[],
  ref: string,
  /** References validation could not settle (must exist live): those of planned documents are read. */
  deferred: readonly DeferredReference[] = [],
): ChangeScope {
  const changed = changedDocuments(base, tree);
  const domainDocs = new Map(
    tree.flatMap((d) =>
      d.manifest.kind === 'Domain' ? [[d.manifest.metadata.name, d.manifest] as const] : [],
    ),
  );
  const declared = new Set(tree.map((d) => keyOf(d.manifest)));
  const documents = [...tree];
  const only = new Set<string>();
  const notes: string[] = [];
  const planned: Manifest[] = [];
  for (const c of changed) {
    const m = c.document.manifest;
    if (m.kind === 'Policy') continue;
    if (c.change === 'removed') {
      const prune = domainDocs.get(domainOf(m))?.spec.reconcile?.prune ?? [];
      if (!DOMAIN_KINDS.has(m.kind) || !prune.includes(m.kind)) {
        notes.push(
          `${formatAddress(addressOf(m))} was removed from the manifests since ${ref}; its kind is not pruned, so it is left as it is (unmanaged)`,
        );
        continue;
      }
      const tombstone = tombstoneOf(c.document, ref);
      documents.push(tombstone);
      planned.push(tombstone.manifest);
    } else planned.push(m);
    only.add(c.key);
  }

  const perDomain = new Map<
    string,
    { wanted: Names; listed: Names; listAll: Set<ManifestKind>; accounts: Set<string> }
  >();
  const entry = (domain: string) => {
    let e = perDomain.get(domain);
    if (!e) {
      e = { wanted: {}, listed: {}, listAll: new Set(), accounts: new Set() };
      perDomain.set(domain, e);
    }
    return e;
  };
  const isDeclared = (kind: ManifestKind, domain: string, name: string) =>
    declared.has(identityKey({ kind, domain, name }));
  const studio: Manifest[] = [];
  for (const m of planned) {
    if (!DOMAIN_KINDS.has(m.kind) && m.kind !== 'Domain') {
      studio.push(m);
      continue;
    }
    const domain = domainOf(m);
    if (!domainDocs.has(domain)) continue;
    const e = entry(domain);
    if (m.kind === 'Domain') continue;
    add(e.wanted, m.kind, m.kind === 'PolicyGrant' ? addressOf(m).name : m.metadata.name);
    if (m.kind === 'DomainUnit') add(e.listed, 'DomainUnit', m.metadata.name);
    if (m.kind === 'Project' && !isTombstone(m)) {
      const profile = m.spec.profile;
      // The desired side is normalised against a declared profile; an undeclared one is read fully.
      if (profile)
        add(isDeclared('ProjectProfile', domain, profile) ? e.listed : e.wanted, 'ProjectProfile', profile);
      if (m.spec.domainUnit) add(e.listed, 'DomainUnit', m.spec.domainUnit);
    }
    if (m.kind === 'ProjectProfile' && !isTombstone(m) && m.spec.domainUnit)
      add(e.listed, 'DomainUnit', m.spec.domainUnit);
    // A delete is judged by what still uses it (plan/preflight.ts): list every possible user.
    if (isTombstone(m) && m.kind === 'ProjectProfile') e.listAll.add('Project');
    if (isTombstone(m) && m.kind === 'AccountPool') e.listAll.add('ProjectProfile');
    if (m.kind === 'BlueprintConfiguration') {
      const account = addressOf(m).account ?? domainDocs.get(domain)?.spec.account ?? '';
      e.accounts.add(account);
      add(e.listed, 'AccountAssociation', account);
    }
  }

  for (const r of deferred)
    if (only.has(identityKey(r.from)) && domainDocs.has(r.domain))
      add(entry(r.domain).listed, r.kind, r.name);

  const roles = new Map<string, string | undefined>();
  for (const { manifest } of tree)
    if (manifest.kind === 'AccountAssociation')
      roles.set(`${manifest.metadata.domain}/${manifest.metadata.name}`, manifest.spec.assumeRoleArn);
  const domains: ReadScope['domains'] = [];
  const accounts: ReadScope['accounts'] = [];
  for (const [name, e] of [...perDomain].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const doc = domainDocs.get(name)!;
    const targeted: TargetedRead = { listed: sorted(e.listed), listAll: [...e.listAll].sort() };
    domains.push({
      name,
      region: doc.spec.region,
      ...(doc.spec.account ? { account: doc.spec.account } : {}),
      wanted: sorted(e.wanted),
      allKinds: [],
      targeted,
    });
    const home = doc.spec.account;
    for (const account of [...e.accounts].sort()) {
      const roleArn = account && account !== home ? roles.get(`${name}/${account}`) : undefined;
      accounts.push({
        domain: name,
        account: account === home ? (home ?? '') : account,
        ...(roleArn ? { roleArn } : {}),
      });
    }
  }
  // Studio changes are read where their domain lives, never pruned.
  const studioNames = new Set(
    studio.map((m) => (m.kind === 'StudioUserProfile' ? m.spec.domain : m.metadata.name)),
  );
  const studioDocs = [...tree, ...documents.filter((d) => isTombstone(d.manifest))].filter(
    (d) =>
      (d.manifest.kind === 'StudioDomain' && studioNames.has(d.manifest.metadata.name)) ||
      d.manifest.kind === 'AccountAssociation',
  );
  // Only the changed user profiles are described: the domain's other users are not read.
  const profileNames = [
    ...new Set(studio.flatMap((m) => (m.kind === 'StudioUserProfile' ? [m.metadata.name] : []))),
  ].sort();
  const studioDomains =
    studio.length > 0
      ? studioPlaces(studioDocs)
          .filter((p) => p.names.length > 0)
          .map((p) => ({ ...p, profileNames }))
      : [];

  let readCount = 0;
  for (const d of domains) {
    const names = new Set<string>([`Domain/${d.name}`]);
    for (const part of [d.wanted, d.targeted!.listed])
      for (const [kind, list] of Object.entries(part)) for (const n of list ?? []) names.add(`${kind}/${n}`);
    readCount += names.size;
  }
  // A changed Studio user profile is read through its Studio domain: both count.
  readCount += new Set([
    ...studio.map((m) => (m.kind === 'StudioDomain' ? `StudioDomain/${m.metadata.name}` : keyOf(m))),
    ...[...studioNames].map((name) => `StudioDomain/${name}`),
  ]).size;
  return {
    changed,
    documents,
    only,
    scope: { domains, accounts, studioDomains },
    readCount,
    declaredCount: tree.filter((d) => d.manifest.kind !== 'Policy').length,
    notes,
  };
}

type Names = Partial<Record<ManifestKind, string[]>>;

const DOMAIN_KINDS = DOMAIN_SCOPED_KINDS;

function add(names: Names, kind: ManifestKind, name: string): void {
  (names[kind] ??= []).push(name);
}

function sorted(names: Names): Names {
  return Object.fromEntries(
    Object.entries(names).map(([k, list]) => [k, [...new Set(list)].sort()]),
  ) as Names;
}

/** The header of a change-scoped plan: what it read, out of what, and what it did not evaluate. */
export function changeScopeText(
  s: Pick<ChangeScope, 'readCount' | 'declaredCount' | 'scope'>,
  ref: string,
): string {
  const n = (v: number) => v.toLocaleString('en-US');
  // A delete lists a whole kind to find what still uses it: said, so the count never understates.
  const whole = s.scope.domains.flatMap((d) =>
    (d.targeted?.listAll ?? []).map((kind) => `every ${kind} of domain ${d.name}`),
  );
  const listed =
    whole.length > 0 ? `, and ${whole.join(', ')} listed for what a delete would leave in use` : '';
  return `${n(s.readCount)} of ${n(s.declaredCount)} declared resources read${listed} (--changed-since ${ref}); unmanaged and prune not evaluated`;
}
