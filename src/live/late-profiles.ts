/**
 * Profiles made after the profile list was read. A policy grant names its project profiles by
 * id, and the grant reader names them through the profile list; a profile created between that
 * list and the grant list (another apply running at the same time, a console user) would stay
 * `id:<id>`, and the plan would replace a grant that is exactly as declared (the profiles of a
 * grant cannot be updated in place). Such ids are looked up one by one instead, by the same paced
 * read; one that is gone by then stays unresolved, a dangling reference the diff must show.
 */
import { GetProjectProfileCommand, type PolicyGrantMember } from '@aws-sdk/client-datazone';
import type { DomainContext } from './domain-context.js';
import { viaDataZone } from './pacing.js';
import type { NameIndex } from './resolve-names.js';

/** `profiles`, completed with the profiles `grants` name that it does not know. */
export async function withLateProfiles(
  dc: DomainContext,
  profiles: NameIndex,
  grants: readonly PolicyGrantMember[],
): Promise<NameIndex> {
  const late = new Set<string>();
  for (const grant of grants)
    for (const id of grant.detail?.createProjectFromProjectProfile?.projectProfiles ?? [])
      if (!profiles.has(id)) late.add(id);
  if (late.size === 0) return profiles;
  const found = await Promise.all(
    [...late].sort().map(async (id): Promise<[string, string][]> => {
      const got = await dc.read.get(
        'GetProjectProfile',
        `${dc.where} profile ${id} (named by a policy grant, made after the profile list)`,
        viaDataZone(dc.clients),
        () =>
          dc.clients.dataZone.send(
            new GetProjectProfileCommand({ domainIdentifier: dc.domain.id, identifier: id }),
          ),
      );
      return got.ok && got.value.name ? [[id, got.value.name]] : [];
    }),
  );
  return profiles.with(found.flat());
}
