/**
 * Business glossary terms: CreateGlossaryTerm, GetGlossaryTerm, UpdateGlossaryTerm,
 * DeleteGlossaryTerm, and Search with searchScope GLOSSARY_TERM (the API has no ListGlossaryTerms).
 * A term lives in one glossary of the domain and its name is unique in that glossary. Relations
 * (`termRelations.isA`, `.classifies`) hold ids of other terms of the domain; a term that another
 * term names cannot be deleted, and a glossary that holds terms cannot be deleted
 * (docs/emulator/decisions.md, "Glossary terms").
 */
import type {
  CreateGlossaryTermInput,
  DeleteGlossaryTermInput,
  GetGlossaryTermInput,
  SearchInput,
  TermRelations,
  UpdateGlossaryTermInput,
} from '@aws-sdk/client-datazone';
import { createHash } from 'node:crypto';
import { paginate } from '../paginate.js';
import { fail, pageOptions, type DzCall, type DzHandler } from './call.js';
import { checkNameFree, findDomain, inDomain, notFound, requireAvailable } from './lookups.js';
import { callerProfileId } from './principals.js';
import type { DomainRecord } from './state.js';

/** One glossary term as the emulator stores it. */
export interface GlossaryTermRecord {
  id: string;
  domainId: string;
  glossaryId: string;
  name: string;
  shortDescription?: string;
  longDescription?: string;
  status: 'ENABLED' | 'DISABLED';
  isA?: string[];
  classifies?: string[];
  createdBy: string;
  createdAt: number;
  updatedBy?: string;
  updatedAt: number;
}

/** The term table, created on first use (older persisted worlds have none). */
export function glossaryTerms(call: DzCall): Record<string, GlossaryTermRecord> {
  return (call.state.glossaryTerms ??= {});
}

/**
 * A term id from the term table's own sequence rather than the world's id counter: terms are
 * created while other calls (STS credentials, in parallel changes) draw from that counter, and a
 * plan names term ids, so they must not depend on timing. Same shape as every other DataZone id.
 */
function termId(call: DzCall, glossaryId: string, name: string): string {
  call.state.glossaryTermSeq = (call.state.glossaryTermSeq ?? 0) + 1;
  const hash = createHash('sha256')
    .update(`term/${glossaryId}/${name}/${call.state.glossaryTermSeq}`)
    .digest('hex');
  return BigInt(`0x${hash.slice(0, 18)}`)
    .toString(36)
    .padStart(14, '0')
    .slice(-14);
}

/** The glossary's usage restrictions, which every term reports (GlossaryTermItem.usageRestrictions). */
function restrictionsOf(call: DzCall, glossaryId: string): string[] | undefined {
  return call.state.glossaries?.[glossaryId]?.usageRestrictions;
}

function glossaryOf(call: DzCall, domain: DomainRecord, id: string): string {
  const glossary = call.state.glossaries?.[id];
  if (!glossary || glossary.domainId !== domain.id) notFound(call, `Glossary ${id} not found.`);
  return glossary.id;
}

function findTerm(call: DzCall, domain: DomainRecord, id: string): GlossaryTermRecord {
  const term = glossaryTerms(call)[id];
  if (!term || term.domainId !== domain.id) notFound(call, `Glossary term ${id} not found.`);
  return term;
}

/** The relations to store: every id must be a term of the domain (and not the term itself). */
function relationsOf(call: DzCall, domain: DomainRecord, selfId: string, relations: TermRelations) {
  const check = (ids: string[] | undefined) => {
    for (const id of ids ?? []) {
      if (id === selfId) fail('ValidationException', `A glossary term cannot be related to itself.`);
      findTerm(call, domain, id);
    }
    return ids && ids.length > 0 ? [...ids] : undefined;
  };
  return { isA: check(relations.isA), classifies: check(relations.classifies) };
}

function view(call: DzCall, term: GlossaryTermRecord) {
  const relations = term.isA || term.classifies ? { isA: term.isA, classifies: term.classifies } : undefined;
  return {
    domainId: term.domainId,
    glossaryId: term.glossaryId,
    id: term.id,
    name: term.name,
    shortDescription: term.shortDescription,
    longDescription: term.longDescription,
    status: term.status,
    termRelations: relations,
    usageRestrictions: restrictionsOf(call, term.glossaryId),
    createdAt: new Date(term.createdAt),
    createdBy: term.createdBy,
    updatedAt: new Date(term.updatedAt),
    updatedBy: term.updatedBy,
  };
}

/** Create and Update answer without the audit fields (their outputs have none). */
function brief(call: DzCall, term: GlossaryTermRecord) {
  const { createdAt: _c, createdBy: _b, updatedAt: _u, updatedBy: _ub, ...out } = view(call, term);
  return out;
}

const createGlossaryTerm: DzHandler<CreateGlossaryTermInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  requireAvailable(call, domain);
  const glossaryId = glossaryOf(call, domain, input.glossaryIdentifier ?? '');
  const siblings = inDomain(glossaryTerms(call), domain.id).filter((t) => t.glossaryId === glossaryId);
  checkNameFree(siblings, input.name ?? '', 'glossary term');
  const id = termId(call, glossaryId, input.name ?? '');
  const term: GlossaryTermRecord = {
    id,
    domainId: domain.id,
    glossaryId,
    name: input.name ?? '',
    shortDescription: input.shortDescription,
    longDescription: input.longDescription,
    // GetGlossaryTermOutput.status is required: a term created without one is ENABLED.
    status: input.status ?? 'ENABLED',
    ...relationsOf(call, domain, id, input.termRelations ?? {}),
    createdBy: callerProfileId(call, domain.id),
    createdAt: call.nowMs,
    updatedAt: call.nowMs,
  };
  glossaryTerms(call)[id] = term;
  return brief(call, term);
};

const getGlossaryTerm: DzHandler<GetGlossaryTermInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  return view(call, findTerm(call, domain, input.identifier ?? ''));
};

const updateGlossaryTerm: DzHandler<UpdateGlossaryTermInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  requireAvailable(call, domain);
  const term = findTerm(call, domain, input.identifier ?? '');
  // glossaryIdentifier locates the term; moving a term to another glossary is not documented.
  if (input.glossaryIdentifier !== undefined && input.glossaryIdentifier !== term.glossaryId)
    fail('ValidationException', `Glossary term ${term.id} is not in glossary ${input.glossaryIdentifier}.`);
  if (input.name !== undefined) {
    const siblings = inDomain(glossaryTerms(call), domain.id).filter((t) => t.glossaryId === term.glossaryId);
    checkNameFree(siblings, input.name, 'glossary term', term.id);
    term.name = input.name;
  }
  if (input.shortDescription !== undefined) term.shortDescription = input.shortDescription;
  if (input.longDescription !== undefined) term.longDescription = input.longDescription;
  if (input.status !== undefined) term.status = input.status;
  // termRelations replaces both lists when present: `{}` clears them (a list cannot be empty).
  if (input.termRelations !== undefined)
    Object.assign(term, relationsOf(call, domain, term.id, input.termRelations));
  term.updatedAt = call.nowMs;
  term.updatedBy = callerProfileId(call, domain.id);
  return brief(call, term);
};

const deleteGlossaryTerm: DzHandler<DeleteGlossaryTermInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  requireAvailable(call, domain);
  const term = findTerm(call, domain, input.identifier ?? '');
  const linked = inDomain(glossaryTerms(call), domain.id).find(
    (t) => t.isA?.includes(term.id) || t.classifies?.includes(term.id),
  );
  if (linked)
    fail(
      'ConflictException',
      `Glossary term ${term.id} is related to glossary term ${linked.id}; remove the relation first.`,
    );
  delete glossaryTerms(call)[term.id];
  return {};
};

/** True when the glossary still holds terms (DeleteGlossary refuses it). */
export function glossaryHasTerms(call: DzCall, glossaryId: string): boolean {
  return Object.values(glossaryTerms(call)).some((t) => t.glossaryId === glossaryId);
}

/** Search with searchScope GLOSSARY_TERM: the domain's terms, by substring of name or short description. */
export function searchTerms(input: SearchInput, call: DzCall, domain: DomainRecord) {
  const text = input.searchText;
  const found = inDomain(glossaryTerms(call), domain.id).filter(
    (t) => text === undefined || t.name.includes(text) || (t.shortDescription ?? '').includes(text),
  );
  const key = `${domain.id}:GLOSSARY_TERM:${text ?? ''}`;
  const page = paginate(
    found,
    input,
    pageOptions(call, key, (t: GlossaryTermRecord) => t.id),
  );
  return {
    items: page.items.map((t) => ({ glossaryTermItem: view(call, t) })),
    nextToken: page.nextToken,
    totalMatchCount: found.length,
  };
}

/** Glossary term handlers by operation name (Search is served by glossaries.ts). */
export const glossaryTermHandlers = {
  CreateGlossaryTerm: createGlossaryTerm,
  GetGlossaryTerm: getGlossaryTerm,
  UpdateGlossaryTerm: updateGlossaryTerm,
  DeleteGlossaryTerm: deleteGlossaryTerm,
};
