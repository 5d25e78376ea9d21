/** Name → id lookups for apply, seeded from the live observation and filled by creates. */
import type { LiveResource } from '../live/types.js';
import type { IdRegistry } from './types.js';

type ScopedKind = 'DomainUnit' | 'AccountPool' | 'ProjectProfile' | 'Project';
type DomainInfo = { id: string; region: string; arn: string; rootDomainUnitId: string; accountId: string };

/** Builds a registry over the live resources the plan read. */
export function createIdRegistry(live: readonly LiveResource[]): IdRegistry {
  const domains = new Map<string, DomainInfo>();
  const ids = new Map<string, string>();
  const k = (kind: ScopedKind, domain: string, name: string) => `${kind}\u0000${domain}\u0000${name}`;
  for (const r of live) {
    if (r.address.kind === 'Domain') {
      domains.set(r.address.name, {
        id: r.id,
        region: r.address.region ?? '',
        arn: r.meta.arn ?? '',
        rootDomainUnitId: r.meta.rootDomainUnitId ?? '',
        accountId: r.meta.accountId ?? '',
      });
    } else if (
      r.address.kind === 'DomainUnit' ||
      r.address.kind === 'AccountPool' ||
      r.address.kind === 'ProjectProfile' ||
      r.address.kind === 'Project'
    ) {
      ids.set(k(r.address.kind, r.address.domain ?? '', r.address.name), r.id);
    }
  }
  return {
    domain: (name) => domains.get(name),
    setDomain: (name, value) => void domains.set(name, value),
    get: (kind, domain, name) => ids.get(k(kind, domain, name)),
    set: (kind, domain, name, id) => void ids.set(k(kind, domain, name), id),
    delete: (kind, domain, name) => void ids.delete(k(kind, domain, name)),
  };
}
