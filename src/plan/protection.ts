/**
 * Protection (DESIGN §4): `reconcile.protect` globs of the domain, matched against `Kind/name`
 * addresses, survive the removal of a manifest; `lifecycle.protect` covers one declared resource.
 */
import { formatAddress, type Address } from '../model/identity.js';

/** Compiles a protect glob (`*` any run of characters, `?` one character) into a full-match RegExp. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/** True when the address matches any glob (against `Kind/name` and, for blueprint configurations, `Kind/name@account`). */
export function matchesProtect(address: Address, globs: readonly string[]): boolean {
  const forms = [`${address.kind}/${address.name}`, formatAddress(address)];
  return globs.some((glob) => {
    const re = globToRegExp(glob);
    return forms.some((form) => re.test(form));
  });
}
