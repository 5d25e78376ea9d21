/**
 * What DataZone refuses about glossaries and their terms, found at plan time from the first read
 * (its Search answers carry every term's glossary and relations):
 * - a glossary that still holds terms cannot be deleted: a delete or replace of a glossary is
 *   refused while a live term of it is not deleted by the same plan (unmanaged terms included);
 * - a term that another term names cannot be deleted: a term delete is refused while a live term
 *   that stays still names it, by its declared relations if declared, else by its live ones.
 * Terms this plan deletes do not count: apply deletes terms before their glossary (kind order)
 * and unlinks a deleted term from the terms that name it first (apply/operations/glossary-term.ts).
 * Pure.
 */
import type { LiveResource, Observation } from '../live/types.js';
import type { NormalGlossaryTerm } from '../model/glossary-term.js';
import { formatAddress, identityKey } from '../model/identity.js';
import type { DesiredResource } from './desired.js';
import { locationOf } from './preflight.js';
import type { Change, Refusal } from './types.js';

/** Whether `term` (glossary and name) is among `relations` of a term of `glossary`. */
function names(glossary: string, relations: NormalGlossaryTerm['relations'], target: string): boolean {
  const all = [...(relations?.isA ?? []), ...(relations?.classifies ?? [])];
  // Same-glossary relations are plain names; the live side writes others as `<glossary>/<term>`.
  return all.some((r) => `${glossary}/${r}` === target || r === target);
}

/** Refusals for glossary and term deletes that DataZone would refuse half-way through an apply. */
export function glossaryRefusals(
  changes: readonly Change[],
  desired: readonly DesiredResource[],
  observation: Observation,
): Refusal[] {
  const destroyed = changes.filter((c) => c.action === 'delete' || c.action === 'replace');
  // Only deletes and replaces can be refused here: a plan without any indexes nothing.
  if (destroyed.length === 0) return [];
  const gone = new Set(destroyed.map((c) => identityKey(c.address)));
  const declared = new Map(desired.map((d) => [d.key, d]));
  const staying = observation.resources.filter(
    (r): r is LiveResource & { normal: NormalGlossaryTerm } =>
      r.address.kind === 'GlossaryTerm' && r.normal !== undefined && !gone.has(r.key),
  );
  const refused: Refusal[] = [];
  for (const change of changes) {
    if (change.action !== 'delete' && change.action !== 'replace') continue;
    const { kind, domain, name } = change.address;
    const inDomain = staying.filter((t) => t.address.domain === domain);
    let users: LiveResource[] = [];
    let why = '';
    if (kind === 'Glossary') {
      users = inDomain.filter((t) => t.normal.glossary === name);
      why = 'DataZone refuses to delete a glossary that still has terms';
    } else if (kind === 'GlossaryTerm' && change.action === 'delete') {
      users = inDomain.filter((t) => {
        const d = declared.get(t.key);
        const future = d && !d.absent ? (d.normal as NormalGlossaryTerm | undefined) : t.normal;
        return names(t.normal.glossary, future?.relations, name);
      });
      why = 'DataZone refuses to delete a term that another term names';
    }
    if (users.length === 0) continue;
    const list = users.map((u) => formatAddress(u.address)).sort();
    refused.push({
      address: change.address,
      reason: 'in-use',
      detail: `${formatAddress(change.address)} is still used by ${list.join(', ')}; delete ${list.length === 1 ? 'it' : 'them'} first (${why})`,
      location: locationOf(declared.get(identityKey(change.address)), '/metadata/name'),
    });
  }
  return refused;
}
