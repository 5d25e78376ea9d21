/**
 * "Did you mean …?" for a user or group the domain does not know (issue 15). The candidates are
 * the principals the plan already knows exist in that domain: owners, members and grant principals
 * read live, and the ones the second read found, so the hint costs no extra call.
 */
import type { DependentsFacts } from '../live/dependents.js';
import type { LiveResource } from '../live/types.js';
import { didYouMean } from '../validate/suggest.js';

/** Principals (`user:x` / `group:x`) known to exist in `domain`. */
function knownPrincipals(
  resources: readonly LiveResource[],
  facts: DependentsFacts,
  domain: string,
): Set<string> {
  const known = new Set<string>();
  for (const r of resources) {
    const inDomain = r.address.kind === 'Domain' ? r.address.name === domain : r.address.domain === domain;
    if (!inDomain || !r.normal) continue;
    // Domains and units carry `owners`, projects `members`, grants a `principal`: all name people the domain has.
    const normal = r.normal as {
      owners?: unknown;
      members?: unknown;
      principal?: { user?: string; group?: string };
    };
    if (normal.principal?.user !== undefined) known.add(`user:${normal.principal.user}`);
    if (normal.principal?.group !== undefined) known.add(`group:${normal.principal.group}`);
    if (Array.isArray(normal.owners)) for (const o of normal.owners) known.add(String(o));
    if (Array.isArray(normal.members))
      for (const m of normal.members as { member?: string }[]) if (m.member) known.add(m.member);
  }
  for (const [key, state] of facts.principals) {
    const [where, member] = key.split('\n');
    if (where === domain && member && state === 'found') known.add(member);
  }
  return known;
}

/** ` (did you mean "x"?)` for `member` (`user:name`), among known principals of the same type; else ''. */
export function principalHint(
  member: string,
  domain: string,
  resources: readonly LiveResource[],
  facts: DependentsFacts,
): string {
  const type = member.slice(0, member.indexOf(':') + 1);
  const names = [...knownPrincipals(resources, facts, domain)]
    .filter((p) => p.startsWith(type) && p !== member)
    .map((p) => p.slice(type.length));
  return didYouMean(member.slice(type.length), names);
}
