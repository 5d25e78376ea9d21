/**
 * The second, targeted read a plan may need before it can be trusted (plan/preflight.ts asks):
 * whether the users and groups it will add as members exist (GetUserProfile / GetGroupProfile),
 * and, when it deletes a profile or a pool, which live projects use each profile and which live
 * profiles use each pool, managed or not (GetProject / GetProjectProfile of those the first read
 * only listed). Only what the plan's changes need is read, so a plan without such changes pays
 * nothing. A failed call makes the answer unknown, never "not found" and never "unused".
 */
import {
  GetGroupProfileCommand,
  GetProjectCommand,
  GetProjectProfileCommand,
  GetUserProfileCommand,
} from '@aws-sdk/client-datazone';
import type { ClientFactory } from '../aws/clients.js';
import { createLimiter } from './limit.js';
import { ReadPacing, type PacingOptions } from './pacing.js';
import { viaDataZone } from './pacing.js';
import { DEFAULT_READ_CONCURRENCY } from './read-live.js';
import { ReadContext, type LiveReadEvent } from './read-context.js';

/** A live domain the reads happen in. */
export interface DependentsDomain {
  name: string;
  id: string;
  region: string;
}

/** What to read. */
export interface DependentsRequest {
  /** Members (`user:<identifier>` / `group:<identifier>`) to look up, per domain. */
  principals: { domain: DependentsDomain; member: string }[];
  /** Live projects (by id) whose profile id the plan needs. */
  projects: { domain: DependentsDomain; id: string }[];
  /** Live profiles (by id) whose account pool ids the plan needs. */
  profiles: { domain: DependentsDomain; id: string }[];
}

/** What was found: `found`, `missing` or `unknown` per member; ids per project and profile (absent = unknown). */
export interface DependentsFacts {
  /** Key `<domain name>\n<member>`. */
  principals: Map<string, 'found' | 'missing' | 'unknown'>;
  /** Project id → its profile id ('' when it has none). */
  projectProfiles: Map<string, string>;
  /** Profile id → the ids of the account pools its environments use. */
  profilePools: Map<string, string[]>;
  failures: string[];
}

/** Reads what `request` asks for. */
export async function readDependents(
  request: DependentsRequest,
  deps: PacingOptions & { clients: ClientFactory; log?: (event: LiveReadEvent) => void },
): Promise<DependentsFacts> {
  const read = new ReadContext(createLimiter(DEFAULT_READ_CONCURRENCY), deps.log, new ReadPacing(deps));
  const facts: DependentsFacts = {
    principals: new Map(),
    projectProfiles: new Map(),
    profilePools: new Map(),
    failures: [],
  };
  await Promise.all([
    ...request.principals.map(async ({ domain, member }) => {
      const clients = deps.clients.home(domain.region);
      const [type, identifier] = [
        member.slice(0, member.indexOf(':')),
        member.slice(member.indexOf(':') + 1),
      ];
      const where = `domain ${domain.name} ${type} ${identifier}`;
      const got =
        type === 'group'
          ? await read.get('GetGroupProfile', where, viaDataZone(clients), () =>
              clients.dataZone.send(
                new GetGroupProfileCommand({ domainIdentifier: domain.id, groupIdentifier: identifier }),
              ),
            )
          : await read.get('GetUserProfile', where, viaDataZone(clients), () =>
              clients.dataZone.send(
                new GetUserProfileCommand({ domainIdentifier: domain.id, userIdentifier: identifier }),
              ),
            );
      facts.principals.set(`${domain.name}\n${member}`, got.ok ? 'found' : got.gone ? 'missing' : 'unknown');
    }),
    ...request.projects.map(async ({ domain, id }) => {
      const clients = deps.clients.home(domain.region);
      const got = await read.get(
        'GetProject',
        `domain ${domain.name} project ${id}`,
        viaDataZone(clients),
        () => clients.dataZone.send(new GetProjectCommand({ domainIdentifier: domain.id, identifier: id })),
      );
      if (got.ok) facts.projectProfiles.set(id, got.value.projectProfileId ?? '');
    }),
    ...request.profiles.map(async ({ domain, id }) => {
      const clients = deps.clients.home(domain.region);
      const got = await read.get(
        'GetProjectProfile',
        `domain ${domain.name} profile ${id}`,
        viaDataZone(clients),
        () =>
          clients.dataZone.send(
            new GetProjectProfileCommand({ domainIdentifier: domain.id, identifier: id }),
          ),
      );
      if (got.ok)
        facts.profilePools.set(
          id,
          (got.value.environmentConfigurations ?? []).flatMap((c) => c.accountPools ?? []),
        );
    }),
  ]);
  facts.failures = read.failures.map((f) => `${f.operation} failed for ${f.scope}: ${f.message}`).sort();
  return facts;
}
