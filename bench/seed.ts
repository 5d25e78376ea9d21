/**
 * Seeds an emulator with what applying a cold plan would have made, without paying for ten
 * thousand project creates over HTTP. The domains, units, associations and blueprint
 * configurations (171 changes per domain, with their RAM shares, role assumptions and lifecycles)
 * are applied by the tool itself through the API. Pools, profiles (seed-calls.ts) and projects
 * are then created by calling the emulator's handlers in-process (control.ts `invoke`) with
 * exactly the input apply sends (the same request builders: poolRequest, profileRequest,
 * project-request.ts, memberInput), members included as apply sends them. What apply does after that create only reads (the
 * deployment wait, the membership list; with instant lifecycles nothing is left to converge), so
 * the seeded world is the applied one: test/bench/seed.test.ts proves it on a small scenario.
 */
import type { GetProjectProfileCommandOutput, UserDesignation } from '@aws-sdk/client-datazone';
import { createIdRegistry } from '../src/apply/id-registry.js';
import { memberInput } from '../src/apply/operations/project-members.js';
import { resourceTags, singlePools, userParameters } from '../src/apply/operations/project-request.js';
import type { ClientFactory } from '../src/aws/clients.js';
import type { LoadResult } from '../src/validate/load-manifests.js';
import type { NormalProject } from '../src/model/normalized.js';
import { readLive } from '../src/live/read-live.js';
import { resolveDesired } from '../src/plan/planner.js';
import { readScope } from '../src/plan/scope.js';
import type { InvokeCall } from './emulator-worker.js';
import { applyPlanned, planLoaded, type ApplyOptions } from './pipeline.js';
import { invokeBatched, outputOf, seedPools, seedProfiles, wireForm, type Invoke } from './seed-calls.js';

export type { Invoke } from './seed-calls.js';

/** What seeding did. */
export interface SeedResult {
  wallMs: number;
  /** Changes applied through the API (all but pools, profiles and projects), and how many did not finish. */
  apiChanges: number;
  apiFailed: number;
  /** Resources created in-process (pools, profiles and projects), of which projects. */
  inProcess: number;
  projects: number;
  /**
   * CPU milliseconds (user + system of the whole process, so the emulator's thread too) by step:
   * the cold plan, the structure's apply through the API, the re-read for the ids it got, and the
   * in-process creates (pools, profiles, projects with their profile reads).
   */
  cpuMs: { plan: number; structure: number; reread: number; projects: number };
}

/** CPU milliseconds of the process since `since` (process.cpuUsage), and a new mark. */
function cpuSince(since: NodeJS.CpuUsage): [number, NodeJS.CpuUsage] {
  const used = process.cpuUsage(since);
  return [Math.round((used.user + used.system) / 1000), process.cpuUsage()];
}

/**
 * Seeds the cloud the manifests of `loaded` declare, into an emulator without latency whose
 * lifecycles are instant. Throws when a project's create plan is anything but a create.
 */
export async function seedWorld(
  loaded: LoadResult,
  clients: ClientFactory,
  invoke: Invoke,
  options: ApplyOptions = {},
): Promise<SeedResult> {
  const began = performance.now();
  let mark = process.cpuUsage();
  const cpuMs = { plan: 0, structure: 0, reread: 0, projects: 0 };
  const cold = await planLoaded(loaded, clients, 64, Infinity);
  [cpuMs.plan, mark] = cpuSince(mark);
  // Projects, pools and profiles are created in-process; the rest through the API.
  const inProcess = (kind: string) =>
    kind === 'Project' || kind === 'AccountPool' || kind === 'ProjectProfile';
  const other = cold.plan.changes.find((c) => inProcess(c.address.kind) && c.action !== 'create');
  if (other)
    throw new Error(
      `seed: ${other.address.kind} ${other.address.name} is planned as ${other.action}, not create`,
    );
  const structure = cold.plan.changes.filter((c) => !inProcess(c.address.kind));
  const outcomes = await applyPlanned(
    loaded,
    { ...cold, plan: { ...cold.plan, changes: structure } },
    clients,
    options,
  );
  const apiFailed = outcomes.filter((o) => o.status !== 'done').length;
  if (apiFailed > 0) throw new Error(`seed: ${apiFailed} of ${outcomes.length} changes did not finish`);
  [cpuMs.structure, mark] = cpuSince(mark);

  // The ids the structure got, as apply's registry would hold them after those creates: a live
  // read alone (no plan of the 13,210 documents is needed for ids).
  const observation = await readLive(readScope(loaded.documents), {
    clients,
    concurrency: 64,
    rateScale: Infinity,
  });
  if (!observation.complete) throw new Error('seed: the live read after the structure was incomplete');
  const ids = createIdRegistry(observation.resources);
  [cpuMs.reread, mark] = cpuSince(mark);
  const { desired } = resolveDesired(loaded.documents, observation);
  const declared = (kind: string) => desired.filter((d) => d.address.kind === kind && !d.absent);
  const pools = declared('AccountPool');
  const profilesDeclared = declared('ProjectProfile');
  await seedPools(invoke, ids, pools);
  await seedProfiles(invoke, ids, profilesDeclared);
  const projects = declared('Project');
  const domainOf = (name: string) => {
    const domain = ids.domain(name);
    if (!domain) throw new Error(`seed: domain ${name} was not created`);
    return domain;
  };
  const idOf = (kind: 'ProjectProfile' | 'DomainUnit', domain: string, name: string) => {
    const id = ids.get(kind, domain, name);
    if (!id) throw new Error(`seed: ${kind} ${name} was not created in domain ${domain}`);
    return id;
  };

  // Apply reads each project's profile before its create (its pools name the accounts' source).
  const profileKeys = [
    ...new Set(
      projects.flatMap((p) => {
        const profile = (p.normal as NormalProject).profile;
        return profile ? [`${p.address.domain ?? ''}\u0000${profile}`] : [];
      }),
    ),
  ].sort();
  const profileReads = profileKeys.map((key): InvokeCall => {
    const [domain = '', name = ''] = key.split('\u0000');
    return {
      service: 'datazone',
      operation: 'GetProjectProfile',
      input: { domainIdentifier: domainOf(domain).id, identifier: idOf('ProjectProfile', domain, name) },
      region: domainOf(domain).region,
    };
  });
  const profiles = new Map<string, GetProjectProfileCommandOutput>();
  (await invokeBatched(invoke, profileReads)).forEach((o, i) =>
    profiles.set(
      profileKeys[i]!,
      outputOf(o, `GetProjectProfile ${profileKeys[i]}`) as GetProjectProfileCommandOutput,
    ),
  );

  const creates = projects.map((p): InvokeCall => {
    const project = p.normal as NormalProject;
    const domainName = p.address.domain ?? '';
    const domain = domainOf(domainName);
    const profileKey = `${domainName}\u0000${project.profile ?? ''}`;
    return {
      service: 'datazone',
      operation: 'CreateProject',
      region: domain.region,
      input: wireForm({
        domainIdentifier: domain.id,
        name: p.address.name,
        description: project.description,
        projectProfileId: project.profile ? idOf('ProjectProfile', domainName, project.profile) : undefined,
        domainUnitId: project.domainUnit
          ? idOf('DomainUnit', domainName, project.domainUnit)
          : domain.rootDomainUnitId,
        resourceTags: project.resourceTags && resourceTags(project),
        userParameters: userParameters(project, singlePools(profiles.get(profileKey))),
        membershipAssignments: project.members?.map((m) => ({
          member: memberInput(m.member),
          designation: m.designation as UserDesignation,
        })),
      }),
    };
  });
  (await invokeBatched(invoke, creates)).forEach((o, i) => {
    const out = outputOf(o, `CreateProject ${projects[i]!.address.name}`) as { failureReasons?: unknown[] };
    if (out.failureReasons?.length)
      throw new Error(
        `seed: project ${projects[i]!.address.name} failed: ${JSON.stringify(out.failureReasons)}`,
      );
  });
  [cpuMs.projects] = cpuSince(mark);
  return {
    wallMs: Math.round(performance.now() - began),
    apiChanges: outcomes.length,
    apiFailed,
    inProcess: pools.length + profilesDeclared.length + creates.length,
    projects: creates.length,
    cpuMs,
  };
}
