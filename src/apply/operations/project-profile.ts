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
import type { NormalProjectProfile } from '../../model/normalized.js';
import type { Operation } from '../types.js';
import { listAll } from './dz-calls.js';
import { exactMatch } from './dz-named.js';
import {
  createdId,
  deleteCall,
  ensureNamed,
  namedOperation,
  type NamedTarget,
} from './dz-named-operation.js';
import { profileRequest, profileResolver } from './project-profile-request.js';

async function findProfile({ ctx, d, name }: NamedTarget): Promise<string | undefined> {
  const items = await listAll(ctx, 'ListProjectProfiles', d.scope, (nextToken) =>
    d.clients.dataZone.send(new ListProjectProfilesCommand({ domainIdentifier: d.id, name, nextToken })),
  );
  return exactMatch(items, name, 'project profile');
}

async function updateProfile(
  { ctx, d }: NamedTarget,
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

async function ensureProfile(target: NamedTarget, profile: NormalProjectProfile): Promise<void> {
  const { ctx, d, name } = target;
  // Resolve every reference before anything is created: a bad reference must not leave half a profile.
  const body = await profileRequest(profile, profileResolver(ctx, d));
  await ensureNamed(target, {
    find: () => findProfile(target),
    async create() {
      const out = await ctx.call('CreateProjectProfile', d.scope, () =>
        d.clients.dataZone.send(new CreateProjectProfileCommand({ domainIdentifier: d.id, name, ...body })),
      );
      return createdId(out, 'CreateProjectProfile', name);
    },
    update: (id) => updateProfile(target, id, profile),
  });
}

/** Create, update, replace or delete one project-profile. */
export const projectProfileOperation: Operation = namedOperation<NormalProjectProfile>({
  kind: 'ProjectProfile',
  ensure: ensureProfile,
  update: updateProfile,
  remove: deleteCall('DeleteProjectProfile', (d, request) =>
    d.clients.dataZone.send(new DeleteProjectProfileCommand(request)),
  ),
});
