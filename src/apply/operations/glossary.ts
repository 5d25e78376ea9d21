/**
 * Carries out changes to glossaries. CreateGlossary takes a client token, but the name is still
 * looked up first (Search GLOSSARY, exact match) so that a glossary created by an earlier,
 * interrupted apply is adopted rather than answered with a ConflictException. An update sends
 * only the members UpdateGlossary has (description, status); `owningProject` and
 * `usageRestrictions` changes are replaces (plan/kinds.ts). A delete disables the glossary first:
 * DataZone deletes only a DISABLED glossary.
 */
import {
  CreateGlossaryCommand,
  DeleteGlossaryCommand,
  SearchCommand,
  UpdateGlossaryCommand,
  type GlossaryUsageRestriction,
} from '@aws-sdk/client-datazone';
import type { NormalGlossary } from '../../model/glossary.js';
import { ApplyError, type Operation, type OperationContext } from '../types.js';
import { clientToken, deleteTolerant, isGone, listAll, type DomainRef } from './dz-calls.js';
import { exactMatch } from './dz-named.js';
import { createdId, ensureNamed, namedOperation, type NamedTarget } from './dz-named-operation.js';

type GlossaryTarget = NamedTarget<'Glossary'>;

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

async function updateGlossary({ ctx, d }: GlossaryTarget, id: string, g: NormalGlossary): Promise<void> {
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

async function ensureGlossary(target: GlossaryTarget, g: NormalGlossary, generation: string): Promise<void> {
  const { ctx, d, name } = target;
  const projectId = ctx.ids.get('Project', d.name, g.owningProject);
  if (!projectId) throw new ApplyError(`project ${g.owningProject} does not exist in domain ${d.name}`);
  await ensureNamed(target, {
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
      return createdId(out, 'CreateGlossary', name);
    },
    update: (id) => updateGlossary(target, id, g),
  });
}

async function removeGlossary({ ctx, d }: GlossaryTarget, id: string): Promise<void> {
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
export const glossaryOperation: Operation = namedOperation<NormalGlossary, 'Glossary'>({
  kind: 'Glossary',
  ensure: ensureGlossary,
  update: updateGlossary,
  remove: removeGlossary,
});
