/**
 * The live readers' entry point: reads, through the AWS SDK, everything the plan needs (the scope)
 * and returns it normalised into the manifest model, as one Observation. It never throws for a
 * failed call: a failed list is recorded and makes the observation incomplete (the planner then
 * plans no delete), and a resource listed but not found on its Get (twice) is a failed read too.
 * Output is deterministic whatever order the APIs list things in.
 */
import type { ClientFactory } from '../aws/clients.js';
import { readCaller } from './caller.js';
import { readDomainContents, type ContentsEnv } from './domain-contents.js';
import type { DomainScope } from './domain-context.js';
import { listDomains, readDomain, type RootOwnersReader } from './domains.js';
import { createLimiter } from './limit.js';
import { MemberNames } from './members.js';
import { ReadPacing, type PacingOptions } from './pacing.js';
import { ReadContext, type LiveReadEvent } from './read-context.js';
import { listStudioDomains, type EarlyStudioList } from './studio-domains.js';
import { readStudioPlaces } from './studio-places.js';
import { readTargetedContents, startNameLookups, TARGETED_KINDS } from './targeted-contents.js';
import type { LiveResource, Observation, ReadFailure, ReadScope } from './types.js';
import { readUnitOwners, ROOT_UNIT_OWNERS, wantsOwners } from './unit-owners.js';

export type { LiveReadEvent } from './read-context.js';

/** What readLive needs (pacing options: see pacing.ts). */
export interface ReadLiveDeps extends PacingOptions {
  clients: ClientFactory;
  /** Most SDK calls in flight at once (default DEFAULT_READ_CONCURRENCY). */
  concurrency?: number;
  log?: (event: LiveReadEvent) => void;
}

/**
 * Default bound on concurrent SDK calls. The rate budgets keep every operation under its TPS, so
 * the bound only has to cover latency × rate: at 20 ms a call, 64 in flight carry ~3,000 calls/s,
 * more than all of a domain's read budgets together.
 */
export const DEFAULT_READ_CONCURRENCY = 64;

/**
 * Resources read at once per call in flight (ReadContext.resource). One: a project's read is two
 * calls, so the call limiter still always has work queued, and a network-bound read keeps far
 * fewer in flight (TPS x latency: the org re-plan's ListProjectMemberships at 80 TPS x 20 ms is
 * two). What a resource holds while read lives as long as the resources read beside it allocate:
 * at four per call (256 projects) a 10,000-project read's every project frame, answer and SDK
 * request outlived two scavenges, was promoted, and died in the old space, which V8 let grow to
 * three times the live heap before collecting it (the no-change plan's peak RSS).
 */
export const RESOURCES_PER_CALL = 1;

const FALLBACK_REGION = 'us-east-1';

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reads one scope domain: the live domain(s) of that name and, when exactly one exists, its contents. */
async function readScopeDomain(
  scope: DomainScope,
  read: ReadContext,
  deps: ReadLiveDeps,
  listed: (region: string) => ReturnType<typeof listDomains>,
  env: () => Promise<ContentsEnv>,
  members: MemberNames,
): Promise<LiveResource[]> {
  const clients = deps.clients.home(scope.region);
  const summaries = (await listed(scope.region))?.filter((d) => d.name === scope.name) ?? [];
  // Issue 15: the root unit's owners are the Domain's `owners`, read only when managed (or exported).
  const rootOwners: RootOwnersReader | undefined = wantsOwners(scope, ROOT_UNIT_OWNERS)
    ? (id, rootUnitId, where) => readUnitOwners({ domain: { id }, clients, read }, rootUnitId, where, members)
    : undefined;
  const targeted = scope.targeted;
  // A change-scoped read of a kind it cannot find by name reads the domain as a full plan does.
  const byName =
    targeted &&
    [...Object.keys(scope.wanted), ...Object.keys(targeted.listed), ...targeted.listAll].every((k) =>
      TARGETED_KINDS.includes(k as never),
    );
  // The scoped read's lookups by name need only the listed id: they run beside GetDomain. Their
  // failures are kept apart (a fork) until the domain's read shows their answers are used.
  const fork = read.fork();
  const summary = summaries.length === 1 ? summaries[0] : undefined;
  const lookups =
    targeted && byName && summary?.id
      ? startNameLookups(
          {
            scope,
            // Only the id is read by the lookups; the rest is GetDomain's to tell.
            domain: {
              id: summary.id,
              name: scope.name,
              arn: summary.arn ?? '',
              region: scope.region,
              accountId: summary.managedAccountId ?? '',
              rootDomainUnitId: '',
            },
            clients,
            read: fork,
            where: `domain ${scope.name}`,
          },
          targeted,
          members,
        )
      : undefined;
  const reads = (await Promise.all(summaries.map((s) => readDomain(read, clients, s, rootOwners)))).filter(
    (r) => r !== undefined,
  );
  const resources = reads.map((r) => r.resource);
  if (reads.length > 1) {
    // Contents of two same-named domains cannot be told apart by address: read neither, and
    // make the observation incomplete so nothing is deleted on a guess.
    read.fail(
      'ListDomains',
      `domain ${scope.name}`,
      `${reads.length} live domains are named ${scope.name}; their contents were not read`,
    );
    return resources;
  }
  const domain = reads[0]?.domain;
  // Early reads the domain's read does not use are finished, not left in flight after the read
  // returns; their answers and failures go with their fork, which is dropped.
  const used = lookups && domain && domain.id === summary?.id && reads.length === 1 ? lookups : undefined;
  if (lookups && !used) {
    lookups.release();
    await Promise.all([lookups.projectReads, lookups.profiles]);
  }
  if (!domain) return resources;
  const dc = { scope, domain, clients, read, where: `domain ${domain.name}` };
  let contents: LiveResource[];
  if (targeted && byName) {
    contents = await readTargetedContents(dc, await env(), targeted, used);
    read.adopt(fork);
  } else contents = await readDomainContents(dc, await env());
  return [...resources, ...contents];
}

/** Reads the live state of `scope`. */
export async function readLive(scope: ReadScope, deps: ReadLiveDeps): Promise<Observation> {
  const concurrency = deps.concurrency ?? DEFAULT_READ_CONCURRENCY;
  const read = new ReadContext(
    createLimiter(concurrency),
    deps.log,
    new ReadPacing(deps),
    createLimiter(RESOURCES_PER_CALL * concurrency),
  );
  const stsRegion = scope.domains[0]?.region ?? scope.studioDomains[0]?.region ?? FALLBACK_REGION;
  const caller = readCaller(read, deps.clients.home(stsRegion));

  // One ListDomains per region, shared by every scope domain of that region.
  const lists = new Map<string, ReturnType<typeof listDomains>>();
  const listed = (region: string) => {
    let list = lists.get(region);
    if (!list) {
      list = listDomains(read, deps.clients.home(region));
      lists.set(region, list);
    }
    return list;
  };
  const members = new MemberNames(read);
  const env = async (): Promise<ContentsEnv> => ({
    factory: deps.clients,
    callerAccount: (await caller).account,
    accounts: scope.accounts,
    members,
  });

  // Studio places need the caller's account first: it decides which places need a role. The
  // caller's own places (no account declared) need none, so their lists start beside STS.
  const early = new Map<string, EarlyStudioList>();
  for (const place of scope.studioDomains) {
    if (place.account !== undefined || early.has(place.region)) continue;
    const fork = read.fork();
    const clients = deps.clients.home(place.region);
    early.set(place.region, {
      fork,
      items: listStudioDomains(fork, clients, `studio domains in region ${place.region}`),
    });
  }
  const [domainParts, studio, callerIdentity] = await Promise.all([
    Promise.all(scope.domains.map((d) => readScopeDomain(d, read, deps, listed, env, members))),
    caller.then((c) => readStudioPlaces(read, deps.clients, scope.studioDomains, c.account, early)),
    caller,
  ]);

  const resources = [...domainParts.flat(), ...studio.resources].sort(
    (a, b) => compare(a.key, b.key) || compare(a.id, b.id),
  );
  const failures: ReadFailure[] = [...read.failures].sort(
    (a, b) => compare(a.operation, b.operation) || compare(a.scope, b.scope) || compare(a.message, b.message),
  );
  const observation: Observation = {
    resources,
    complete: failures.length === 0,
    failures,
    caller: callerIdentity,
  };
  if (studio.accounts.length > 0) observation.studioAccounts = studio.accounts;
  return observation;
}
