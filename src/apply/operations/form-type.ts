/**
 * Carries out changes to metadata form types. The API identifies a form type by its name and has
 * no UpdateFormType: CreateFormType with the name of an existing form type of the same project
 * records a new revision, so create and update are the same call (and a create retried after a
 * crash only records one more identical revision, never a second form type). A changed owning
 * project is a replace (plan/kinds.ts): DeleteFormType, then CreateFormType in the new project.
 */
import { CreateFormTypeCommand, DeleteFormTypeCommand } from '@aws-sdk/client-datazone';
import { normalizeFormType, type NormalFormType } from '../../model/form-type.js';
import { assertNever } from '../../model/manifest.js';
import { ApplyError, type Operation, type OperationContext, type OperationInput } from '../types.js';
import { deleteTolerant, domainRef, type DomainRef } from './dz-calls.js';

function desiredOf(input: OperationInput): NormalFormType {
  const m = input.desired?.manifest;
  if (m?.kind !== 'FormType')
    throw new ApplyError(
      `${input.change.action} of FormType/${input.change.address.name} needs its manifest`,
    );
  return (input.desired?.normal as NormalFormType | undefined) ?? normalizeFormType(m.spec);
}

/** Creates the form type, or records a new revision of it (same call). */
async function putFormType(
  ctx: OperationContext,
  d: DomainRef,
  name: string,
  f: NormalFormType,
): Promise<void> {
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

async function removeFormType(ctx: OperationContext, d: DomainRef, name: string): Promise<void> {
  await deleteTolerant(() =>
    ctx.call('DeleteFormType', d.scope, () =>
      d.clients.dataZone.send(
        new DeleteFormTypeCommand({ domainIdentifier: d.id, formTypeIdentifier: name }),
      ),
    ),
  );
}

/** Create, revise, replace or delete one form type. */
export const formTypeOperation: Operation = async (input, ctx) => {
  const { change } = input;
  const name = change.address.name;
  const d = domainRef(ctx, change.address.domain ?? '');
  switch (change.action) {
    case 'create':
    case 'update':
      return putFormType(ctx, d, name, desiredOf(input));
    case 'replace':
      if (input.live ?? change.id) await removeFormType(ctx, d, name);
      return putFormType(ctx, d, name, desiredOf(input));
    case 'delete':
      return removeFormType(ctx, d, name);
    case 'noop':
    case 'unmanaged':
      return;
    default:
      return assertNever(change.action);
  }
};
