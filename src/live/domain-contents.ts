/**
 * Reads everything inside one live domain. The lists run in parallel; the Gets of each kind start
 * as soon as the lists they resolve names through are in (profiles need pools, blueprints and
 * unit paths; projects need profiles and unit paths). Blueprint configurations of an associated
 * account are read only when the account is ASSOCIATED: before that the account cannot read the
 * domain at all, and a plan that is about to associate it must not count that as a failure.
 */
import type { ClientFactory } from '../aws/clients.js';
import { listAccountPools, poolNames, readAccountPools } from './account-pools.js';
import { readAccountAssociations, type AssociationRead } from './account-associations.js';
import { readBlueprintConfigurations, type ConfigurationAccount } from './blueprint-configurations.js';
import { listBlueprintNames } from './blueprints.js';
import { isWanted, type DomainContext } from './domain-context.js';
import { listGlossaries, readGlossaries } from './glossaries.js';
import { listFormTypes, readFormTypes } from './form-types.js';
import { readMetadataRules } from './metadata-rules.js';
import { listGlossaryTerms, readGlossaryTerms } from './glossary-terms.js';
import { readDomainUnits, walkDomainUnits } from './domain-units.js';
import { BULK_PROFILES_FROM, type MemberNames } from './members.js';
import {
  listProjectProfiles,
  profileNames,
  readProjectProfiles,
  type ProfileNames,
} from './project-profiles.js';
import { readPolicyGrants } from './policy-grants.js';
import { listProjects, readProject, readProjects, type ProjectNames } from './projects.js';
import { NameIndex } from './resolve-names.js';
import type { ProjectSummary } from '@aws-sdk/client-datazone';
import type { LiveResource, ReadScope } from './types.js';

/** What the domain readers share across domains. */
export interface ContentsEnv {
  factory: ClientFactory;
  /** The caller's account id ('' when unknown). */
  callerAccount: string;
  accounts: ReadScope['accounts'];
  members: MemberNames;
}

/** Runs `load` once, on first use. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
}

/** The accounts whose blueprint configurations are read (shared with targeted-contents.ts): the caller's own, and each associated one by its role. */
export function configurationAccounts(
  dc: DomainContext,
  env: ContentsEnv,
  associations: AssociationRead,
): ConfigurationAccount[] {
  const homeAccount = env.callerAccount || dc.domain.accountId;
  const targets: ConfigurationAccount[] = [{ account: homeAccount, clients: dc.clients }];
  const seen = new Set([homeAccount]);
  for (const entry of env.accounts) {
    if (entry.domain !== dc.domain.name || !entry.account || seen.has(entry.account)) continue;
    seen.add(entry.account);
    if (!entry.roleArn) {
      // Another account's configurations are visible only to that account: no role, no read.
      dc.read.skip(
        'ListEnvironmentBlueprintConfigurations',
        `${dc.where} account ${entry.account}`,
        'no role to assume',
      );
      continue;
    }
    if (associations.associatedAccounts && !associations.associatedAccounts.has(entry.account)) {
      dc.read.skip(
        'ListEnvironmentBlueprintConfigurations',
        `${dc.where} account ${entry.account}`,
        'not associated',
      );
      continue;
    }
    targets.push({ account: entry.account, clients: env.factory.assumed(entry.roleArn, dc.domain.region) });
  }
  return targets;
}

/** Every LiveResource inside the domain. */
export async function readDomainContents(dc: DomainContext, env: ContentsEnv): Promise<LiveResource[]> {
  const blueprints = once(() => listBlueprintNames(dc));
  const tree = walkDomainUnits(dc);
  const pools = listAccountPools(dc);
  const profiles = listProjectProfiles(dc);
  const associations = readAccountAssociations(dc);
  const glossaries = listGlossaries(dc);
  const formTypes = listFormTypes(dc);
  const glossaryTerms = listGlossaryTerms(dc);

  const profileNameSources = once(async (): Promise<ProfileNames> => ({
    units: (await tree).paths,
    pools: poolNames(await pools),
    blueprints: await blueprints(),
  }));
  const projectNameSources = once(async (): Promise<ProjectNames> => ({
    units: (await tree).paths,
    profiles: profileNames(await profiles),
    members: env.members,
  }));

  // Each page's projects are read as soon as it arrives: the reads of a thousand projects are
  // what the plan waits for (ListProjectMemberships at 8 TPS), so they must not also wait for the
  // last of twenty pages. Their members are resolved once the list is complete, when it is known
  // whether the domain's people are listed in bulk (many projects to read) or read one by one.
  const started = new Map<ProjectSummary, Promise<LiveResource | undefined>>();
  const listed: { done?: Promise<unknown> } = {};
  const projects = listProjects(dc, (items) => {
    for (const project of items) {
      const read = readProject(dc, project, projectNameSources, listed.done);
      // A read whose list fails later is never awaited: its outcome must not go unhandled.
      read.catch(() => undefined);
      started.set(project, read);
    }
  });
  listed.done = projects;

  // Many projects to read: list the domain's people in bulk while the projects are read.
  void projects.then((all) => {
    const wanted = (all ?? []).filter((p) => isWanted(dc.scope, 'Project', p.name ?? '')).length;
    if (wanted >= BULK_PROFILES_FROM) void env.members.prefetch(dc.clients, dc.domain.id);
  });

  const configurations = associations.then(async (a) => {
    const targets = configurationAccounts(dc, env, a);
    const found = await Promise.all(targets.map((t) => readBlueprintConfigurations(dc, t, blueprints)));
    return found.flat();
  });
  const parts = await Promise.all([
    tree.then((t) => readDomainUnits(dc, t, env.members)),
    pools.then((p) => (p ? readAccountPools(dc, p) : [])),
    profiles.then((p) => (p ? readProjectProfiles(dc, p, profileNameSources) : [])),
    projects.then((p) => (p ? readProjects(dc, p, projectNameSources, started) : [])),
    associations.then((a) => a.resources),
    glossaries.then(async (g) => (g ? readGlossaries(dc, g, await projects) : [])),
    formTypes.then(async (f) => (f ? readFormTypes(dc, f, await projects) : [])),
    // Rules name their unit, projects and form types (with the latest revision of each).
    Promise.all([tree, projects, formTypes]).then(([t, pj, f]) =>
      readMetadataRules(dc, { tree: t, projects: pj, forms: f }),
    ),
    // Terms name their glossary by id: a failed glossary search leaves them as `id:<id>`.
    Promise.all([glossaryTerms, glossaries]).then(([t, g]) => (t ? readGlossaryTerms(dc, t, g) : [])),
    configurations,
    // Issue 15: grants name units, profiles, projects and blueprint configurations, so they wait for those.
    Promise.all([tree, profiles, projects, configurations]).then(([t, pr, pj, cf]) =>
      readPolicyGrants(dc, {
        tree: t,
        profiles: profileNames(pr),
        projects: new NameIndex((pj ?? []).map((p) => [p.id ?? '', p.name ?? ''] as const)),
        members: env.members,
        configurations: cf.map((c) => ({
          blueprintId: c.meta.blueprintId ?? '',
          account: c.meta.account ?? '',
          blueprint: c.address.name,
        })),
      }),
    ),
  ]);
  return parts.flat();
}
