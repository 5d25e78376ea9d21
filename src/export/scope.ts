/**
 * What `export` reads: one domain, every kind inside it fully (as if the domain pruned every
 * kind), and blueprint configurations of the domain account only, because another account's
 * configurations are visible to that account alone and no role to assume is known from AWS.
 */
import { DOMAIN_SCOPED_KINDS } from '../model/manifest.js';
import type { ReadScope } from '../live/types.js';
import { studioExportPlaces } from './studio-kinds.js';

/** The read scope of an export of `domain` (when given) and of the Studio domains (when asked) in `region`. */
export function exportScope(domain: string | undefined, region: string, studioDomains = false): ReadScope {
  return {
    domains: domain ? [{ name: domain, region, wanted: {}, allKinds: [...DOMAIN_SCOPED_KINDS].sort() }] : [],
    // An empty account means "the caller's own", which the readers always read.
    accounts: [],
    studioDomains: studioDomains ? studioExportPlaces(region) : [],
  };
}
