/**
 * Glossary terms: DataZone has no ListGlossaryTerms; Search with searchScope GLOSSARY_TERM lists
 * them, and its GlossaryTermItem carries every field the manifest manages (name, glossary, short
 * and long description, status, relations), so no GetGlossaryTerm is needed. Glossary ids resolve
 * through the glossary list and related term ids through the term list itself: a term of the same
 * glossary by its name, a term of another glossary as `<glossary>/<term>` (manifests cannot say
 * that, so it shows as drift), an unknown id as `id:<id>`.
 */
import { SearchCommand, type GlossaryItem, type GlossaryTermItem } from '@aws-sdk/client-datazone';
import { sortedRelations, termAddressName, type NormalGlossaryTerm } from '../model/glossary-term.js';
import { compact } from '../model/normalized.js';
import type { DomainContext } from './domain-context.js';
import { viaDataZone } from './pacing.js';
import { DATAZONE_MAX_RESULTS } from './page-sizes.js';
import { NameIndex, unresolved } from './resolve-names.js';
import { liveResource } from './resource.js';
import type { LiveResource } from './types.js';

/** Every glossary term of the domain; undefined when the search failed. */
export function listGlossaryTerms(dc: DomainContext): Promise<GlossaryTermItem[] | undefined> {
  return dc.read.list('Search', `${dc.where} glossary terms`, viaDataZone(dc.clients), async (nextToken) => {
    const out = await dc.clients.dataZone.send(
      new SearchCommand({
        domainIdentifier: dc.domain.id,
        searchScope: 'GLOSSARY_TERM',
        maxResults: DATAZONE_MAX_RESULTS,
        nextToken,
      }),
    );
    return {
      items: out.items?.flatMap((item) => (item.glossaryTermItem ? [item.glossaryTermItem] : [])),
      nextToken: out.nextToken,
    };
  });
}

/** The normalised value of a term (the mirror of model/glossary-term.ts normalizeGlossaryTerm). */
export function normalizeGlossaryTermItem(
  item: GlossaryTermItem,
  glossaries: NameIndex,
  terms: ReadonlyMap<string, GlossaryTermItem>,
): NormalGlossaryTerm {
  const glossaryId = item.glossaryId ?? '';
  const nameOf = (id: string) => {
    const other = terms.get(id);
    if (!other) return unresolved(id);
    return other.glossaryId === glossaryId
      ? (other.name ?? '')
      : termAddressName(glossaries.name(other.glossaryId ?? ''), other.name ?? '');
  };
  const relations = item.termRelations;
  const normal: NormalGlossaryTerm = {
    glossary: glossaries.name(glossaryId),
    shortDescription: item.shortDescription,
    longDescription: item.longDescription,
    status: item.status ?? 'ENABLED',
    relations: sortedRelations({
      isA: relations?.isA?.map(nameOf),
      classifies: relations?.classifies?.map(nameOf),
    }),
  };
  return compact(normal);
}

/** The LiveResources of the listed terms (`glossaries` undefined when their search failed). */
export function readGlossaryTerms(
  dc: DomainContext,
  terms: GlossaryTermItem[],
  glossaries: GlossaryItem[] | undefined,
): LiveResource[] {
  const names = new NameIndex((glossaries ?? []).map((g) => [g.id ?? '', g.name ?? ''] as const));
  const byId = new Map(terms.map((t) => [t.id ?? '', t]));
  return terms.map((item) => {
    const normal = normalizeGlossaryTermItem(item, names, byId);
    return liveResource({
      address: {
        kind: 'GlossaryTerm',
        domain: dc.domain.name,
        name: termAddressName(normal.glossary, item.name ?? ''),
      },
      id: item.id ?? '',
      summary: item,
      normal,
      meta: { domainId: dc.domain.id, glossaryId: item.glossaryId },
      lastUpdatedAt: item.updatedAt,
    });
  });
}
