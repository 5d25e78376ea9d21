/**
 * Carries out changes to metadata form types. The API identifies a form type by its name and has
 * no UpdateFormType: CreateFormType with the name of an existing form type of the same project
 * records a new revision, so create and update are the same call (and a create retried after a
 * crash only records one more identical revision, never a second form type). A changed owning
 * project is a replace (plan/kinds.ts): DeleteFormType, then CreateFormType in the new project.
 */
import { CreateFormTypeCommand, DeleteFormTypeCommand } from '@aws-sdk/client-datazone';
import type { NormalFormType } from '../../model/form-type.js';
import { ApplyError, type Operation } from '../types.js';
import { deleteTolerant } from './dz-calls.js';
import { namedOperation, type NamedTarget } from './dz-named-operation.js';

type FormTypeTarget = NamedTarget<'FormType'>;

/** Creates the form type, or records a new revision of it (same call). */
async function putFormType({ ctx, d, name }: FormTypeTarget, f: NormalFormType): Promise<void> {
  const projectId = ctx.ids.get('Project', d.name, f.owningProject);
  if (!projectId) throw new ApplyError(`project ${f.owningProject} does not exist in domain ${d.name}`);
  await ctx.call('CreateFormType', d.scope, () =>
    d.clients.dataZone.send(
      new CreateFormTypeCommand({
        domainIdentifier: d.id,
        name,
        model: { smithy: f.model },
        owningProjectIdentifier: projectId,
        // '' clears a description the manifest no longer sets in the new revision.
        description: f.description ?? '',
        status: f.status,
      }),
    ),
  );
}

/** Deletes the form type by its name (the API's identifier of a form type; its live id is the same). */
async function removeFormType({ ctx, d, name }: FormTypeTarget): Promise<void> {
  await deleteTolerant(() =>
    ctx.call('DeleteFormType', d.scope, () =>
      d.clients.dataZone.send(
        new DeleteFormTypeCommand({ domainIdentifier: d.id, formTypeIdentifier: name }),
      ),
    ),
  );
}

/**
 * Create, revise, replace or delete one form type. Create and update are the same call; a delete
 * change always carries the live id (the planner deletes only what it read).
 */
export const formTypeOperation: Operation = namedOperation<NormalFormType, 'FormType'>({
  kind: 'FormType',
  ensure: putFormType,
  update: (target, _id, f) => putFormType(target, f),
  remove: removeFormType,
});
