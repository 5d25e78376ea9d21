/**
 * Carries out changes to glossary terms. A term is created without relations (CreateGlossaryTerm
 * with a client token, after an exact-name lookup in its glossary so that an interrupted apply's
 * term is adopted); its relations are then set with UpdateGlossaryTerm. A related term that does
 * not exist yet is created first by name alone, which its own change then adopts and completes:
 * terms naming each other in a cycle need no ordering. A delete first removes the term from the
 * relations of the terms that name it (DataZone refuses to delete a linked term); the plan has
 * refused the delete if any of them stays (plan/glossary-terms.ts), so only terms this apply
 * also changes are touched.
 */
import {
  CreateGlossaryTermCommand,
  DeleteGlossaryTermCommand,
  SearchCommand,
  UpdateGlossaryTermCommand,
  type GlossaryTermItem,
} from '@aws-sdk/client-datazone';
import type { NormalGlossaryTerm } from '../../model/glossary-term.js';
import { ApplyError, type Operation, type OperationContext, type OperationInput } from '../types.js';
import { clientToken, deleteTolerant, isGone, listAll, type DomainRef } from './dz-calls.js';
import { createOrAdopt, exactMatch } from './dz-named.js';
import { createdId, desiredNormal, namedOperation, type NamedTarget } from './dz-named-operation.js';
import { findGlossary } from './glossary.js';

type TermTarget = NamedTarget<'GlossaryTerm'>;

/** A term's desired value and its own name (its address name also carries the glossary's). */
interface DesiredTerm {
  name: string;
  term: NormalGlossaryTerm;
}

function desiredOf(input: OperationInput): DesiredTerm {
  const term = desiredNormal(input, 'GlossaryTerm') as NormalGlossaryTerm;
  // desiredNormal has checked that the change carries the term's manifest.
  return { name: input.desired?.manifest.metadata.name ?? '', term };
}

/** Every term of the domain (Search GLOSSARY_TERM, every page). */
async function allTerms(ctx: OperationContext, d: DomainRef): Promise<GlossaryTermItem[]> {
  return listAll(ctx, 'Search', d.scope, async (nextToken) => {
    const out = await d.clients.dataZone.send(
      new SearchCommand({ domainIdentifier: d.id, searchScope: 'GLOSSARY_TERM', nextToken }),
    );
    return {
      items: out.items?.flatMap((i) => (i.glossaryTermItem ? [i.glossaryTermItem] : [])),
      nextToken: out.nextToken,
    };
  });
}

async function findTerm(ctx: OperationContext, d: DomainRef, glossaryId: string, name: string) {
  const terms = await allTerms(ctx, d);
  return exactMatch(
    terms.filter((t) => t.glossaryId === glossaryId),
    name,
    'glossary term',
  );
}

/** The term's id, creating it (without relations; `term` undefined: by name alone) when missing. */
async function ensureTerm(
  ctx: OperationContext,
  d: DomainRef,
  glossaryId: string,
  name: string,
  term: NormalGlossaryTerm | undefined,
  generation: string,
) {
  return createOrAdopt({
    find: () => findTerm(ctx, d, glossaryId, name),
    async create() {
      const out = await ctx.call('CreateGlossaryTerm', d.scope, () =>
        d.clients.dataZone.send(
          new CreateGlossaryTermCommand({
            domainIdentifier: d.id,
            glossaryIdentifier: glossaryId,
            name,
            shortDescription: term?.shortDescription,
            longDescription: term?.longDescription,
            status: term?.status,
            clientToken: clientToken('CreateGlossaryTerm', d.id, glossaryId, name, generation),
          }),
        ),
      );
      return createdId(out, 'CreateGlossaryTerm', name);
    },
  });
}

/** Ids of the related terms by name, creating (by name alone) those that do not exist yet. */
async function relatedIds(
  ctx: OperationContext,
  d: DomainRef,
  glossaryId: string,
  names: readonly string[] | undefined,
): Promise<string[] | undefined> {
  if (!names || names.length === 0) return undefined;
  const ids: string[] = [];
  // One at a time: the same related term may be named in both lists.
  for (const name of names) ids.push((await ensureTerm(ctx, d, glossaryId, name, undefined, 'related')).id);
  return ids;
}

async function updateTerm(
  ctx: OperationContext,
  d: DomainRef,
  glossaryId: string,
  id: string,
  term: NormalGlossaryTerm,
) {
  const isA = await relatedIds(ctx, d, glossaryId, term.relations?.isA);
  const classifies = await relatedIds(ctx, d, glossaryId, term.relations?.classifies);
  await ctx.call('UpdateGlossaryTerm', d.scope, () =>
    d.clients.dataZone.send(
      new UpdateGlossaryTermCommand({
        domainIdentifier: d.id,
        identifier: id,
        glossaryIdentifier: glossaryId,
        // '' clears a description the manifest no longer sets (an absent member changes nothing).
        shortDescription: term.shortDescription ?? '',
        longDescription: term.longDescription ?? '',
        status: term.status,
        // Both lists are replaced; `{}` clears them (a relation list cannot be empty).
        termRelations: { isA, classifies },
      }),
    ),
  );
}

async function glossaryIdOf(ctx: OperationContext, d: DomainRef, glossary: string): Promise<string> {
  const id = await findGlossary(ctx, d, glossary);
  if (!id) throw new ApplyError(`glossary ${glossary} does not exist in domain ${d.name}`);
  return id;
}

/** Creates (or adopts) the term, then sets its relations (and, when adopted, every other field). */
async function ensureTermOf({ ctx, d }: TermTarget, { name, term }: DesiredTerm, generation: string) {
  const glossaryId = await glossaryIdOf(ctx, d, term.glossary);
  const { id, adopted } = await ensureTerm(ctx, d, glossaryId, name, term, generation);
  // A fresh term already has every field but its relations.
  if (adopted || term.relations) await updateTerm(ctx, d, glossaryId, id, term);
}

async function updateTermOf({ ctx, d }: TermTarget, id: string, { term }: DesiredTerm): Promise<void> {
  await updateTerm(ctx, d, await glossaryIdOf(ctx, d, term.glossary), id, term);
}

/** Unlinks the term from every term that names it, then deletes it. */
async function removeTerm({ ctx, d }: TermTarget, id: string): Promise<void> {
  for (const other of await allTerms(ctx, d)) {
    const isA = other.termRelations?.isA ?? [];
    const classifies = other.termRelations?.classifies ?? [];
    if (!isA.includes(id) && !classifies.includes(id)) continue;
    const keep = (ids: string[]) => {
      const left = ids.filter((x) => x !== id);
      return left.length > 0 ? left : undefined;
    };
    try {
      await ctx.call('UpdateGlossaryTerm', d.scope, () =>
        d.clients.dataZone.send(
          new UpdateGlossaryTermCommand({
            domainIdentifier: d.id,
            identifier: other.id,
            termRelations: { isA: keep(isA), classifies: keep(classifies) },
          }),
        ),
      );
    } catch (error) {
      // Deleted meanwhile (terms of one prune are deleted in parallel): its links went with it.
      if (!isGone(error)) throw error;
    }
  }
  await deleteTolerant(() =>
    ctx.call('DeleteGlossaryTerm', d.scope, () =>
      d.clients.dataZone.send(new DeleteGlossaryTermCommand({ domainIdentifier: d.id, identifier: id })),
    ),
  );
}

/** Create, update or delete one glossary term (a replace, which no field forces, is delete + create). */
export const glossaryTermOperation: Operation = namedOperation<DesiredTerm, 'GlossaryTerm'>({
  kind: 'GlossaryTerm',
  desired: desiredOf,
  ensure: ensureTermOf,
  update: updateTermOf,
  remove: removeTerm,
});
