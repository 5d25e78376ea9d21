/**
 * The change-scoped read of one domain (`plan --changed-since`, issue 18): only what the changed
 * documents and their references need. Projects and profiles are found by name (the List calls'
 * `name` filter, which matches substrings, so the answer is filtered to the exact name); the unit
 * tree is walked only along the paths named; every other kind is read only when a changed document
 * is of that kind. Kinds whose names cannot be looked up one by one (glossaries, grants) fall back
 * to the domain's full read (read-live.ts decides). The Gets are the full read's own readers, so a
 * resource read here is normalised exactly as a full plan normalises it.
 */
import {
  ListDomainUnitsForParentCommand,
  ListProjectProfilesCommand,
  ListProjectsCommand,
  type ProjectProfileSummary,
  type ProjectSummary,
} from '@aws-sdk/client-datazone';
import type { ManifestKind } from '../model/manifest.js';
import { listAccountPools, poolNames, readAccountPools } from './account-pools.js';
import { readAccountAssociations } from './account-associations.js';
import { readBlueprintConfigurations } from './blueprint-configurations.js';
import { listBlueprintNames } from './blueprints.js';
import { configurationAccounts, type ContentsEnv } from './domain-contents.js';
import type { DomainContext } from './domain-context.js';
import { readDomainUnits, walkDomainUnits, type UnitTree, type WalkedUnit } from './domain-units.js';
import { readProjectProfiles, listProjectProfiles, profileNames } from './project-profiles.js';
import type { MemberNames } from './members.js';
import { listProjects, readProjects, type ProjectNames } from './projects.js';
import { UnitPaths } from './resolve-names.js';
import { viaDataZone } from './pacing.js';
import { DATAZONE_DOMAINS_MAX_RESULTS, DATAZONE_MAX_RESULTS } from './page-sizes.js';
import type { LiveResource, TargetedRead } from './types.js';

/** Kinds the targeted read finds by name or lists itself; any other kind needs the full read. */
export const TARGETED_KINDS: readonly ManifestKind[] = [
  'Domain',
  'DomainUnit',
  'ProjectProfile',
  'Project',
  'AccountPool',
  'AccountAssociation',
  'BlueprintConfiguration',
];

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
}

/** The names of `kind` the read needs, fully or listed. */
function namesOf(dc: DomainContext, targeted: TargetedRead, kind: ManifestKind): string[] {
  return [...new Set([...(dc.scope.wanted[kind] ?? []), ...(targeted.listed[kind] ?? [])])].sort();
}

/** True when the read touches `kind` at all. */
function touches(dc: DomainContext, targeted: TargetedRead, kind: ManifestKind): boolean {
  return namesOf(dc, targeted, kind).length > 0 || targeted.listAll.includes(kind);
}

/**
 * Walks the unit tree only along `paths` (and their parents): the children of the root and of
 * every unit on a named path are listed, nothing below. A unit not on those paths stays unknown
 * (`id:<id>` if something live points at it, so the diff shows it rather than hiding it).
 */
async function walkPaths(dc: DomainContext, paths: readonly string[]): Promise<UnitTree> {
  const { domain, clients, read } = dc;
  const prefixes = new Set<string>(['']);
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join('/'));
  }
  const units: WalkedUnit[] = [];
  let level: { id: string; path: string }[] = [{ id: domain.rootDomainUnitId, path: '' }];
  while (level.length > 0) {
    const children = await Promise.all(
      level.map(async (parent) => {
        const items = await read.list(
          'ListDomainUnitsForParent',
          `${dc.where} unit ${parent.path || '(root)'}`,
          viaDataZone(clients),
          async (nextToken) => {
            const out = await clients.dataZone.send(
              new ListDomainUnitsForParentCommand({
                domainIdentifier: domain.id,
                parentDomainUnitIdentifier: parent.id,
                maxResults: DATAZONE_DOMAINS_MAX_RESULTS,
                nextToken,
              }),
            );
            return { items: out.items, nextToken: out.nextToken };
          },
        );
        return (items ?? []).map((item): WalkedUnit => ({
          id: item.id ?? '',
          name: item.name ?? '',
          path: parent.path ? `${parent.path}/${item.name ?? ''}` : (item.name ?? ''),
          parentId: parent.id,
          summary: item,
        }));
      }),
    );
    const next = children.flat();
    units.push(...next);
    level = next.filter((u) => prefixes.has(u.path));
  }
  return { units, paths: new UnitPaths(domain.rootDomainUnitId, new Map(units.map((u) => [u.id, u.path]))) };
}

/** The listed items of one kind whose name is exactly one of `names` (one filtered List per name). */
async function byName<T extends { name?: string }>(
  names: readonly string[],
  list: (name: string) => Promise<T[] | undefined>,
): Promise<T[] | undefined> {
  const found = await Promise.all(
    names.map(async (name) => (await list(name))?.filter((i) => i.name === name)),
  );
  return found.some((f) => f === undefined) ? undefined : (found.flat() as T[]);
}

function findProfiles(dc: DomainContext, name: string): Promise<ProjectProfileSummary[] | undefined> {
  return dc.read.list(
    'ListProjectProfiles',
    `${dc.where} profile ${name}`,
    viaDataZone(dc.clients),
    async (nextToken) => {
      const out = await dc.clients.dataZone.send(
        new ListProjectProfilesCommand({
          domainIdentifier: dc.domain.id,
          name,
          maxResults: DATAZONE_MAX_RESULTS,
          nextToken,
        }),
      );
      return { items: out.items, nextToken: out.nextToken };
    },
  );
}

function findProjects(dc: DomainContext, name: string): Promise<ProjectSummary[] | undefined> {
  return dc.read.list(
    'ListProjects',
    `${dc.where} project ${name}`,
    viaDataZone(dc.clients),
    async (nextToken) => {
      const out = await dc.clients.dataZone.send(
        new ListProjectsCommand({
          domainIdentifier: dc.domain.id,
          name,
          maxResults: DATAZONE_MAX_RESULTS,
          nextToken,
        }),
      );
      return { items: out.items, nextToken: out.nextToken };
    },
  );
}

/** The project and profile summaries a scoped read starts from (undefined: a list failed). */
export interface NameLookups {
  profiles: Promise<ProjectProfileSummary[] | undefined>;
  projects: Promise<ProjectSummary[] | undefined>;
  /**
   * The found projects' reads, started as soon as their lookup answers: GetProject and
   * ListProjectMemberships need only the ids the lookup gave, not GetDomain's answer. Their
   * normalisation waits for `useNames` (the unit tree needs GetDomain's root unit).
   */
  projectReads: Promise<LiveResource[]>;
  /** Gives the early project reads the names to normalise with (the first call wins). */
  useNames: (names: () => Promise<ProjectNames>) => void;
  /**
   * Lets the early reads finish when the domain's read will not use them (GetDomain failed): they
   * resolve against empty names, and their answers are dropped with the fork they were read in.
   */
  release: () => void;
}

/**
 * Starts the lists the scoped read finds projects and profiles with, and the found projects'
 * reads. They need only the domain's id, which ListDomains already gave, so read-live.ts starts
 * them beside GetDomain rather than after it: one round trip off the scoped plan's critical path,
 * and the projects' Gets start on their lookup's answer rather than on the slower of it and
 * GetDomain. `members`: the read's member names (the project reads resolve their members).
 */
export function startNameLookups(
  dc: DomainContext,
  targeted: TargetedRead,
  members: MemberNames,
): NameLookups {
  const touch = (kind: ManifestKind) => touches(dc, targeted, kind);
  // Projects first: their chain (lookup → GetProject and memberships → member lookups) is the
  // read's longest, and requests sent side by side leave one after another.
  const projects = !touch('Project')
    ? Promise.resolve<ProjectSummary[]>([])
    : targeted.listAll.includes('Project')
      ? listProjects(dc)
      : byName(namesOf(dc, targeted, 'Project'), (n) => findProjects(dc, n));
  const profiles = !touch('ProjectProfile')
    ? Promise.resolve<ProjectProfileSummary[]>([])
    : targeted.listAll.includes('ProjectProfile')
      ? listProjectProfiles(dc)
      : byName(namesOf(dc, targeted, 'ProjectProfile'), (n) => findProfiles(dc, n));
  let useNames: (names: () => Promise<ProjectNames>) => void = () => undefined;
  const names = new Promise<() => Promise<ProjectNames>>((resolve) => (useNames = resolve));
  const resolution = once(async () => (await names)());
  const projectReads = projects.then((p) => (p ? readProjects(dc, p, resolution) : []));
  return {
    profiles,
    projects,
    projectReads,
    useNames,
    release: () =>
      useNames(async () => ({
        units: new UnitPaths(dc.domain.rootDomainUnitId, new Map()),
        profiles: profileNames([]),
        members,
      })),
  };
}

/**
 * The LiveResources a change-scoped plan needs inside the domain; `lookups` are the name lookups
 * already started for it (startNameLookups), else they start here.
 */
export async function readTargetedContents(
  dc: DomainContext,
  env: ContentsEnv,
  targeted: TargetedRead,
  lookups: NameLookups = startNameLookups(dc, targeted, env.members),
): Promise<LiveResource[]> {
  const touch = (kind: ManifestKind) => touches(dc, targeted, kind);
  const none = Promise.resolve([] as LiveResource[]);
  const unitPaths = namesOf(dc, targeted, 'DomainUnit');
  const needTree = unitPaths.length > 0 || targeted.listAll.includes('DomainUnit');
  const tree = needTree
    ? targeted.listAll.includes('DomainUnit')
      ? walkDomainUnits(dc)
      : walkPaths(dc, unitPaths)
    : Promise.resolve<UnitTree>({ units: [], paths: new UnitPaths(dc.domain.rootDomainUnitId, new Map()) });
  const blueprints = once(() => listBlueprintNames(dc));
  const pools = once(() => listAccountPools(dc));
  const { profiles } = lookups;
  lookups.useNames(async () => ({
    units: (await tree).paths,
    profiles: profileNames(await profiles),
    members: env.members,
  }));
  const associations = once(() => readAccountAssociations(dc));

  const parts = await Promise.all([
    needTree ? tree.then((t) => readDomainUnits(dc, t, env.members)) : none,
    touch('AccountPool') ? pools().then((p) => (p ? readAccountPools(dc, p) : [])) : none,
    profiles.then((p) =>
      p
        ? readProjectProfiles(
            dc,
            p,
            once(async () => ({
              units: (await tree).paths,
              pools: poolNames(await pools()),
              blueprints: await blueprints(),
            })),
          )
        : [],
    ),
    lookups.projectReads,
    touch('AccountAssociation') ? associations().then((a) => a.resources) : none,
    touch('BlueprintConfiguration')
      ? associations().then(async (a) => {
          const found = await Promise.all(
            configurationAccounts(dc, env, a).map((t) => readBlueprintConfigurations(dc, t, blueprints)),
          );
          return found.flat();
        })
      : none,
  ]);
  return parts.flat();
}
