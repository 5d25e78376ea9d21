/**
 * Business glossaries: CreateGlossary, GetGlossary, UpdateGlossary, DeleteGlossary, and Search
 * with searchScope GLOSSARY (the only way the API lists glossaries). A glossary is owned by a
 * project of the domain; its name is unique per domain (docs/emulator/decisions.md, "Glossaries").
 * `owningProjectId` and `usageRestrictions` are not members of UpdateGlossaryInput, so they never
 * change after create. Search on GLOSSARY_TERM lists terms (glossary-terms.ts); the asset and data
 * product scopes answer an empty page, which is what a domain without them holds. A glossary that
 * still holds terms, or that is not DISABLED, cannot be deleted (both documented prerequisites of
 * DeleteGlossary).
 */
import type {
  CreateGlossaryInput,
  DeleteGlossaryInput,
  GetGlossaryInput,
  SearchInput,
  UpdateGlossaryInput,
} from '@aws-sdk/client-datazone';
import { paginate } from '../paginate.js';
import { fail, pageOptions, type DzCall, type DzHandler } from './call.js';
import { glossaryHasTerms, searchTerms } from './glossary-terms.js';
import { opaqueId } from './ids.js';
import { checkNameFree, findDomain, findProject, inDomain, notFound, requireAvailable } from './lookups.js';
import { callerProfileId } from './principals.js';
import type { DomainRecord } from './state.js';

/** One glossary as the emulator stores it. */
export interface GlossaryRecord {
  id: string;
  domainId: string;
  name: string;
  owningProjectId: string;
  description?: string;
  status: 'ENABLED' | 'DISABLED';
  usageRestrictions?: string[];
  createdBy: string;
  createdAt: number;
  updatedBy?: string;
  updatedAt: number;
}

/** The glossary table, created on first use (older persisted worlds have none). */
function glossaries(call: DzCall): Record<string, GlossaryRecord> {
  return (call.state.glossaries ??= {});
}

function findGlossary(call: DzCall, domain: DomainRecord, id: string): GlossaryRecord {
  const glossary = glossaries(call)[id];
  if (!glossary || glossary.domainId !== domain.id) notFound(call, `Glossary ${id} not found.`);
  return glossary;
}

function view(glossary: GlossaryRecord) {
  return {
    domainId: glossary.domainId,
    id: glossary.id,
    name: glossary.name,
    owningProjectId: glossary.owningProjectId,
    description: glossary.description,
    status: glossary.status,
    usageRestrictions: glossary.usageRestrictions,
    createdAt: new Date(glossary.createdAt),
    createdBy: glossary.createdBy,
    updatedAt: new Date(glossary.updatedAt),
    updatedBy: glossary.updatedBy,
  };
}

const createGlossary: DzHandler<CreateGlossaryInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  requireAvailable(call, domain);
  const project = findProject(call, domain, input.owningProjectIdentifier ?? '');
  checkNameFree(inDomain(glossaries(call), domain.id), input.name ?? '', 'glossary');
  const glossary: GlossaryRecord = {
    id: opaqueId(call.ctx, 'glossary'),
    domainId: domain.id,
    name: input.name ?? '',
    owningProjectId: project.id,
    description: input.description,
    // The API documents ENABLED as the status of a glossary created without one.
    status: input.status ?? 'ENABLED',
    usageRestrictions: input.usageRestrictions ? [...input.usageRestrictions] : undefined,
    createdBy: callerProfileId(call, domain.id),
    createdAt: call.nowMs,
    updatedAt: call.nowMs,
  };
  glossaries(call)[glossary.id] = glossary;
  const { createdAt: _c, createdBy: _b, updatedAt: _u, updatedBy: _ub, ...out } = view(glossary);
  return out;
};

const getGlossary: DzHandler<GetGlossaryInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  return view(findGlossary(call, domain, input.identifier ?? ''));
};

const updateGlossary: DzHandler<UpdateGlossaryInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  requireAvailable(call, domain);
  const glossary = findGlossary(call, domain, input.identifier ?? '');
  if (input.name !== undefined) {
    checkNameFree(inDomain(glossaries(call), domain.id), input.name, 'glossary', glossary.id);
    glossary.name = input.name;
  }
  if (input.description !== undefined) glossary.description = input.description;
  if (input.status !== undefined) glossary.status = input.status;
  glossary.updatedAt = call.nowMs;
  glossary.updatedBy = callerProfileId(call, domain.id);
  const { createdAt: _c, createdBy: _b, updatedAt: _u, updatedBy: _ub, ...out } = view(glossary);
  return out;
};

const deleteGlossary: DzHandler<DeleteGlossaryInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  requireAvailable(call, domain);
  const glossary = findGlossary(call, domain, input.identifier ?? '');
  if (glossaryHasTerms(call, glossary.id))
    fail('ConflictException', `Glossary ${glossary.id} still has glossary terms; delete them first.`);
  // DeleteGlossary documents "The glossary must be in DISABLED state" as a prerequisite.
  if (glossary.status !== 'DISABLED')
    fail(
      'ConflictException',
      `Glossary ${glossary.id} is ${glossary.status}; disable it before deleting it.`,
    );
  delete glossaries(call)[glossary.id];
  return {};
};

const search: DzHandler<SearchInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  // Refused rather than ignored: a filter the emulator dropped would make a test pass for the wrong reason.
  if (input.filters !== undefined || input.sort !== undefined)
    fail('ValidationException', 'The emulator does not serve Search filters or sort.');
  if (input.searchScope === 'GLOSSARY_TERM') return searchTerms(input, call, domain);
  if (input.searchScope !== 'GLOSSARY') return { items: [], totalMatchCount: 0 };
  const text = input.searchText;
  const found = inDomain(glossaries(call), domain.id).filter(
    (g) =>
      (input.owningProjectIdentifier === undefined || g.owningProjectId === input.owningProjectIdentifier) &&
      (text === undefined || g.name.includes(text) || (g.description ?? '').includes(text)),
  );
  const key = `${domain.id}:GLOSSARY:${input.owningProjectIdentifier ?? ''}:${text ?? ''}`;
  const page = paginate(
    found,
    input,
    pageOptions(call, key, (g: GlossaryRecord) => g.id),
  );
  return {
    items: page.items.map((g) => ({ glossaryItem: view(g) })),
    nextToken: page.nextToken,
    totalMatchCount: found.length,
  };
};

/** Glossary handlers by operation name. */
export const glossaryHandlers = {
  CreateGlossary: createGlossary,
  GetGlossary: getGlossary,
  UpdateGlossary: updateGlossary,
  DeleteGlossary: deleteGlossary,
  Search: search,
};
