/**
 * Metadata form types: DataZone has no ListFormTypes; SearchTypes with searchScope FORM_TYPE and
 * `managed: false` lists the domain's own form types, latest revision each, with every field the
 * manifest manages (owning project, Smithy model, description, status), so no GetFormType is
 * needed. System form types (`amazon.datazone.*`) are what `managed: true` answers; they are
 * skipped here as well, so they are never listed as unmanaged nor pruned.
 */
import { SearchTypesCommand, type FormTypeData, type ProjectSummary } from '@aws-sdk/client-datazone';
import { normalizeSmithy, type NormalFormType } from '../model/form-type.js';
import { compact } from '../model/normalized.js';
import type { DomainContext } from './domain-context.js';
import { viaDataZone } from './pacing.js';
import { DATAZONE_MAX_RESULTS } from './page-sizes.js';
import { NameIndex } from './resolve-names.js';
import { liveResource } from './resource.js';
import type { LiveResource } from './types.js';

/** Names of the form types DataZone itself provides. */
export const SYSTEM_FORM_TYPE_PREFIX = 'amazon.datazone.';

/** Every custom form type of the domain (latest revision); undefined when the search failed. */
export async function listFormTypes(dc: DomainContext): Promise<FormTypeData[] | undefined> {
  const items = await dc.read.list(
    'SearchTypes',
    `${dc.where} form types`,
    viaDataZone(dc.clients),
    async (nextToken) => {
      const out = await dc.clients.dataZone.send(
        new SearchTypesCommand({
          domainIdentifier: dc.domain.id,
          searchScope: 'FORM_TYPE',
          managed: false,
          maxResults: DATAZONE_MAX_RESULTS,
          nextToken,
        }),
      );
      return {
        items: out.items?.flatMap((item) => (item.formTypeItem ? [item.formTypeItem] : [])),
        nextToken: out.nextToken,
      };
    },
  );
  return items?.filter((f) => !(f.name ?? '').startsWith(SYSTEM_FORM_TYPE_PREFIX));
}

/** The normalised value of a form type (the mirror of model/form-type.ts normalizeFormType). */
export function normalizeFormTypeData(item: FormTypeData, projects: NameIndex): NormalFormType {
  return compact({
    owningProject: projects.name(item.owningProjectId ?? ''),
    model: normalizeSmithy(item.model?.smithy ?? ''),
    description: item.description,
    status: item.status ?? 'ENABLED',
  });
}

/** The LiveResources of the listed form types. */
export function readFormTypes(
  dc: DomainContext,
  forms: FormTypeData[],
  projects: ProjectSummary[] | undefined,
): LiveResource[] {
  const names = new NameIndex((projects ?? []).map((p) => [p.id ?? '', p.name ?? ''] as const));
  return forms.map((item) =>
    liveResource({
      // The API identifies a form type by its name: the name is also its id.
      address: { kind: 'FormType', domain: dc.domain.name, name: item.name ?? '' },
      id: item.name ?? '',
      summary: item,
      normal: normalizeFormTypeData(item, names),
      meta: { domainId: dc.domain.id, revision: item.revision },
      lastUpdatedAt: item.createdAt,
    }),
  );
}
