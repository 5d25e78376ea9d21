/**
 * The edges of the plan graph. A create or update waits for the resources it references (its
 * domain, parent unit, pools, profile, the associations and blueprint configurations of its
 * target accounts). Deletes run in reverse: a delete waits for every other change of a later kind
 * in its domain (which may stop referencing it first) and, for domain units, for its descendants.
 *
 *   create:  Domain ──▶ Unit HR ──▶ Unit HR/Benefits      Pool ──▶ Profile ──▶ Project
 *   delete:  Project ──▶ Profile ──▶ Pool                  HR/Benefits ──▶ HR ──▶ Domain
 *
 * (an arrow reads "before"). The change list's order is one topological order of these edges.
 */
import { identityKey, type Address } from '../model/identity.js';
import type { NormalProject, NormalProjectProfile } from '../model/normalized.js';
import { kindRank } from './kinds.js';
import type { Change } from './types.js';

function key(address: Address): string {
  return identityKey(address);
}

/** The domain a resource lives in: a Domain's own name, or the domain of a scoped resource. */
function domainOf(address: Address): string | undefined {
  return address.kind === 'Domain' ? address.name : address.domain;
}

/** Keys a non-delete change references (whether or not they change). */
function references(change: Change, normal: object | undefined, domainAccount: string | undefined): string[] {
  const a = change.address;
  const domain = a.domain ?? '';
  const refs: string[] = [];
  if (a.kind !== 'Domain' && a.kind !== 'StudioDomain' && a.kind !== 'Policy')
    refs.push(key({ kind: 'Domain', name: domain }));
  const unit = (path: string | undefined) =>
    path && refs.push(key({ kind: 'DomainUnit', domain, name: path }));
  switch (a.kind) {
    case 'DomainUnit':
      unit(a.name.split('/').slice(0, -1).join('/'));
      break;
    case 'BlueprintConfiguration':
      if (a.account && a.account !== domainAccount)
        refs.push(key({ kind: 'AccountAssociation', domain, name: a.account }));
      break;
    case 'ProjectProfile': {
      const p = normal as NormalProjectProfile | undefined;
      unit(p?.domainUnit);
      for (const env of p?.environments ?? [])
        for (const pool of env.target.accountPools ?? [])
          refs.push(key({ kind: 'AccountPool', domain, name: pool }));
      break;
    }
    case 'Project': {
      const p = normal as NormalProject | undefined;
      unit(p?.domainUnit);
      if (p) refs.push(key({ kind: 'ProjectProfile', domain, name: p.profile }));
      for (const env of p?.environments ?? []) {
        if (!env.target) continue;
        if (env.target.account !== domainAccount)
          refs.push(key({ kind: 'AccountAssociation', domain, name: env.target.account }));
        refs.push(`BlueprintConfiguration/${domain}/${env.target.account}/`);
      }
      break;
    }
    default:
      break;
  }
  return refs;
}

/** Fills `dependsOn` of every change (in place) from references and the reverse-delete rule. */
export function linkDependencies(
  changes: Change[],
  normals: ReadonlyMap<string, object | undefined>,
  domainAccounts: ReadonlyMap<string, string | undefined>,
): void {
  const active = changes.filter((c) => c.action !== 'noop' && c.action !== 'unmanaged');
  const activeKeys = new Set(active.map((c) => key(c.address)));
  const configsByAccount = new Map<string, string[]>();
  for (const c of active) {
    if (c.address.kind !== 'BlueprintConfiguration') continue;
    const prefix = `BlueprintConfiguration/${c.address.domain ?? ''}/${c.address.account ?? ''}/`;
    configsByAccount.set(prefix, [...(configsByAccount.get(prefix) ?? []), key(c.address)]);
  }
  const deleted = new Set(active.filter((c) => c.action === 'delete').map((c) => key(c.address)));
  for (const change of active) {
    const own = key(change.address);
    const deps = new Set<string>();
    if (change.action === 'delete') {
      for (const other of active) {
        const k = key(other.address);
        if (k === own || domainOf(other.address) !== domainOf(change.address)) continue;
        const later = kindRank(other.address.kind) > kindRank(change.address.kind);
        const descendant =
          other.address.kind === 'DomainUnit' &&
          change.address.kind === 'DomainUnit' &&
          other.address.name.startsWith(`${change.address.name}/`);
        if (later || descendant) deps.add(k);
      }
    } else {
      const refs = references(change, normals.get(own), domainAccounts.get(change.address.domain ?? ''));
      for (const ref of refs) {
        if (ref.endsWith('/')) {
          // Any blueprint configuration of that account: a project deploys only where its blueprints are enabled.
          for (const k of configsByAccount.get(ref) ?? []) deps.add(k);
        } else if (activeKeys.has(ref) && ref !== own) deps.add(ref);
      }
      // A change never waits on a delete: deletes come after everything that may still reference them.
      for (const d of deleted) deps.delete(d);
    }
    change.dependsOn = [...deps].sort();
  }
}
