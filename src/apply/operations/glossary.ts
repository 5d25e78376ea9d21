/**
 * Carries out changes to glossaries. CreateGlossary takes a client token, but the name is still
 * looked up first (Search GLOSSARY, exact match) so that a glossary created by an earlier,
 * interrupted apply is adopted rather than answered with a ConflictException. An update sends
 * only the members UpdateGlossary has (description, status); `owningProject` and
 * `usageRestrictions` changes are replaces (plan/kinds.ts). A delete disables the glossary first:
 * DataZone deletes only a DISABLED glossary.
 */
import { randomUUID } from 'node:crypto';
import {
  CreateGlossaryCommand,
  DeleteGlossaryCommand,
  SearchCommand,
  UpdateGlossaryCommand,
  type GlossaryUsageRestriction,
} from '@aws-sdk/client-datazone';
import { normalizeGlossary, type NormalGlossary } from '../../model/glossary.js';
import { assertNever } from '../../model/manifest.js';
import { ApplyError, type Operation, type OperationInput } from '../types.js';
import { clientToken, deleteTolerant, domainRef, isGone, listAll, type DomainRef } from './dz-calls.js';
import { createOrAdopt, exactMatch } from './dz-named.js';
import type { OperationContext } from '../types.js';

function desiredOf(input: OperationInput): NormalGlossary {
  const m = input.desired?.manifest;
  if (m?.kind !== 'Glossary')
    throw new ApplyError(
      `${input.change.action} of Glossary/${input.change.address.name} needs its manifest`,
    );
  return (input.desired?.normal as NormalGlossary | undefined) ?? normalizeGlossary(m.spec);
}

/** The id of the glossary named exactly `name` (Search GLOSSARY, every page); undefined when none. */
export async function findGlossary(
  ctx: OperationContext,
  d: DomainRef,
  name: string,
): Promise<string | undefined> {
  const items = await listAll(ctx, 'Search', d.scope, async (nextToken) => {
    const out = await d.clients.dataZone.send(
      new SearchCommand({ domainIdentifier: d.id, searchScope: 'GLOSSARY', searchText: name, nextToken }),
    );
    return {
      items: out.items?.flatMap((i) => (i.glossaryItem ? [i.glossaryItem] : [])),
      nextToken: out.nextToken,
    };
  });
  return exactMatch(items, name, 'glossary');
}

async function updateGlossary(ctx: OperationContext, d: DomainRef, id: string, g: NormalGlossary) {
  await ctx.call('UpdateGlossary', d.scope, () =>
    d.clients.dataZone.send(
      new UpdateGlossaryCommand({
        domainIdentifier: d.id,
        identifier: id,
        // '' clears a description the manifest no longer sets (an absent member changes nothing).
        description: g.description ?? '',
        status: g.status,
      }),
    ),
  );
}

async function ensureGlossary(
  ctx: OperationContext,
  d: DomainRef,
  name: string,
  g: NormalGlossary,
  generation: string,
): Promise<void> {
  const projectId = ctx.ids.get('Project', d.name, g.owningProject);
  if (!projectId) throw new ApplyError(`project ${g.owningProject} does not exist in domain ${d.name}`);
  const { id, adopted } = await createOrAdopt({
    find: () => findGlossary(ctx, d, name),
    async create() {
      const out = await ctx.call('CreateGlossary', d.scope, () =>
        d.clients.dataZone.send(
          new CreateGlossaryCommand({
            domainIdentifier: d.id,
            name,
            owningProjectIdentifier: projectId,
            description: g.description,
            status: g.status,
            usageRestrictions: g.usageRestrictions as GlossaryUsageRestriction[] | undefined,
            clientToken: clientToken('CreateGlossary', d.id, name, generation),
          }),
        ),
      );
      if (!out.id) throw new ApplyError(`CreateGlossary of ${name} answered no id`);
      return out.id;
    },
  });
  if (adopted) await updateGlossary(ctx, d, id, g);
}

async function removeGlossary(ctx: OperationContext, d: DomainRef, id: string): Promise<void> {
  // DataZone deletes only a DISABLED glossary (a documented prerequisite of DeleteGlossary).
  try {
    await ctx.call('UpdateGlossary', d.scope, () =>
      d.clients.dataZone.send(
        new UpdateGlossaryCommand({ domainIdentifier: d.id, identifier: id, status: 'DISABLED' }),
      ),
    );
  } catch (error) {
    if (!isGone(error)) throw error;
    return;
  }
  await deleteTolerant(() =>
    ctx.call('DeleteGlossary', d.scope, () =>
      d.clients.dataZone.send(new DeleteGlossaryCommand({ domainIdentifier: d.id, identifier: id })),
    ),
  );
}

/** Create, update, replace or delete one glossary. */
export const glossaryOperation: Operation = async (input, ctx) => {
  const { change, live } = input;
  const name = change.address.name;
  const d = domainRef(ctx, change.address.domain ?? '');
  const liveId = live?.id ?? change.id;
  switch (change.action) {
    case 'create':
      return ensureGlossary(ctx, d, name, desiredOf(input), randomUUID());
    case 'update':
      if (!liveId) return ensureGlossary(ctx, d, name, desiredOf(input), randomUUID());
      return updateGlossary(ctx, d, liveId, desiredOf(input));
    case 'replace':
      if (liveId) await removeGlossary(ctx, d, liveId);
      return ensureGlossary(ctx, d, name, desiredOf(input), liveId ?? 'replace');
    case 'delete':
      if (liveId) await removeGlossary(ctx, d, liveId);
      return;
    case 'noop':
    case 'unmanaged':
      return;
    default:
      return assertNever(change.action);
  }
};
