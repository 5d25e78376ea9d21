/**
 * Glossaries: DataZone has no ListGlossaries; Search with searchScope GLOSSARY lists them, and its
 * GlossaryItem carries every field the manifest manages (name, owning project, description,
 * status, usage restrictions), so no GetGlossary is needed. The owning project id resolves through
 * the project list (an unknown id stays visible as `id:<id>`).
 */
import { SearchCommand, type GlossaryItem, type ProjectSummary } from '@aws-sdk/client-datazone';
import { compact } from '../model/normalized.js';
import type { NormalGlossary } from '../model/glossary.js';
import type { DomainContext } from './domain-context.js';
import { NameIndex } from './resolve-names.js';
import { liveResource } from './resource.js';
import type { LiveResource } from './types.js';
import { viaDataZone } from './pacing.js';
import { DATAZONE_MAX_RESULTS } from './page-sizes.js';

/** Every glossary of the domain; undefined when the search failed. */
export function listGlossaries(dc: DomainContext): Promise<GlossaryItem[] | undefined> {
  return dc.read.list('Search', `${dc.where} glossaries`, viaDataZone(dc.clients), async (nextToken) => {
    const out = await dc.clients.dataZone.send(
      new SearchCommand({
        domainIdentifier: dc.domain.id,
        searchScope: 'GLOSSARY',
        maxResults: DATAZONE_MAX_RESULTS,
        nextToken,
      }),
    );
    return {
      items: out.items?.flatMap((item) => (item.glossaryItem ? [item.glossaryItem] : [])),
      nextToken: out.nextToken,
    };
  });
}

/** The normalised value of a glossary (the mirror of model/glossary.ts normalizeGlossary). */
export function normalizeGlossaryItem(item: GlossaryItem, projects: NameIndex): NormalGlossary {
  const normal: NormalGlossary = {
    owningProject: projects.name(item.owningProjectId ?? ''),
    description: item.description,
    status: item.status ?? 'ENABLED',
    usageRestrictions: item.usageRestrictions && [...item.usageRestrictions],
  };
  return compact(normal);
}

/** The LiveResources of the listed glossaries. */
export function readGlossaries(
  dc: DomainContext,
  glossaries: GlossaryItem[],
  projects: ProjectSummary[] | undefined,
): LiveResource[] {
  const names = new NameIndex((projects ?? []).map((p) => [p.id ?? '', p.name ?? ''] as const));
  return glossaries.map((item) =>
    liveResource({
      address: { kind: 'Glossary', domain: dc.domain.name, name: item.name ?? '' },
      id: item.id ?? '',
      summary: item,
      normal: normalizeGlossaryItem(item, names),
      meta: { domainId: dc.domain.id, glossaryId: item.id },
      lastUpdatedAt: item.updatedAt,
    }),
  );
}
