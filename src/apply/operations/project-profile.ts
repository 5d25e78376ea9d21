/**
 * Carries out changes to project profiles. CreateProjectProfile has no idempotency token, so the
 * name is looked up first (ListProjectProfiles name filter, every page, exact match) and a match
 * adopted. An update sends the complete body (see project-profile-request.ts). Existing projects
 * keep the profile version they were created with (reference §13.4).
 */
import {
  CreateProjectProfileCommand,
  DeleteProjectProfileCommand,
  ListProjectProfilesCommand,
  UpdateProjectProfileCommand,
} from '@aws-sdk/client-datazone';
import { assertNever } from '../../model/manifest.js';
import type { NormalProjectProfile } from '../../model/normalized.js';
import { normalizeDesired } from '../../plan/normalize-desired.js';
import { ApplyError, type Operation, type OperationContext, type OperationInput } from '../types.js';
import { deleteTolerant, domainRef, listAll, type DomainRef } from './dz-calls.js';
import { createOrAdopt, exactMatch } from './dz-named.js';
import { profileRequest, profileResolver } from './project-profile-request.js';

async function findProfile(ctx: OperationContext, d: DomainRef, name: string): Promise<string | undefined> {
  const items = await listAll(ctx, 'ListProjectProfiles', d.scope, (nextToken) =>
    d.clients.dataZone.send(new ListProjectProfilesCommand({ domainIdentifier: d.id, name, nextToken })),
  );
  return exactMatch(items, name, 'project profile');
}

async function updateProfile(
  ctx: OperationContext,
  d: DomainRef,
  id: string,
  profile: NormalProjectProfile,
): Promise<void> {
  const body = await profileRequest(profile, profileResolver(ctx, d));
  await ctx.call('UpdateProjectProfile', d.scope, () =>
    d.clients.dataZone.send(
      new UpdateProjectProfileCommand({ domainIdentifier: d.id, identifier: id, ...body }),
    ),
  );
}

async function ensureProfile(
  ctx: OperationContext,
  d: DomainRef,
  name: string,
  profile: NormalProjectProfile,
): Promise<void> {
  // Resolve every reference before anything is created: a bad reference must not leave half a profile.
  const body = await profileRequest(profile, profileResolver(ctx, d));
  const { id, adopted } = await createOrAdopt({
    find: () => findProfile(ctx, d, name),
    async create() {
      const out = await ctx.call('CreateProjectProfile', d.scope, () =>
        d.clients.dataZone.send(new CreateProjectProfileCommand({ domainIdentifier: d.id, name, ...body })),
      );
      if (!out.id) throw new ApplyError(`CreateProjectProfile of ${name} answered no id`);
      return out.id;
    },
  });
  ctx.ids.set('ProjectProfile', d.name, name, id);
  if (adopted) await updateProfile(ctx, d, id, profile);
}

async function deleteProfile(ctx: OperationContext, d: DomainRef, name: string, id: string): Promise<void> {
  await deleteTolerant(() =>
    ctx.call('DeleteProjectProfile', d.scope, () =>
      d.clients.dataZone.send(new DeleteProjectProfileCommand({ domainIdentifier: d.id, identifier: id })),
    ),
  );
  ctx.ids.delete('ProjectProfile', d.name, name);
}

function desiredProfile(input: OperationInput): NormalProjectProfile {
  const m = input.desired?.manifest;
  if (m?.kind !== 'ProjectProfile')
    throw new ApplyError(
      `${input.change.action} of ProjectProfile/${input.change.address.name} needs its manifest`,
    );
  return (input.desired?.normal ?? normalizeDesired(m)) as NormalProjectProfile;
}

/** Create, update, replace or delete one project-profile. */
export const projectProfileOperation: Operation = async (input, ctx) => {
  const { change, live } = input;
  const name = change.address.name;
  const d = domainRef(ctx, change.address.domain ?? '');
  const liveId = live?.id ?? change.id ?? ctx.ids.get('ProjectProfile', d.name, name);
  switch (change.action) {
    case 'create':
      return ensureProfile(ctx, d, name, desiredProfile(input));
    case 'update':
      if (!liveId) return ensureProfile(ctx, d, name, desiredProfile(input));
      ctx.ids.set('ProjectProfile', d.name, name, liveId);
      return updateProfile(ctx, d, liveId, desiredProfile(input));
    case 'replace':
      if (liveId) await deleteProfile(ctx, d, name, liveId);
      return ensureProfile(ctx, d, name, desiredProfile(input));
    case 'delete':
      if (liveId) await deleteProfile(ctx, d, name, liveId);
      return;
    case 'noop':
    case 'unmanaged':
      return;
    default:
      return assertNever(change.action);
  }
};
