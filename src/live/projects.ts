/**
 * Projects: ListProjects (items have no profile id and name `updatedAt`), then, for the projects
 * the plan needs fully read, GetProject and every page of ListProjectMemberships with each member
 * resolved to its manifest form. Tags the profile put on the project (source PROJECT_PROFILE) are
 * not the project's own and are left out.
 */
import {
  GetProjectCommand,
  ListProjectMembershipsCommand,
  ListProjectsCommand,
  type GetProjectCommandOutput,
  type MemberDetails,
  type ProjectSummary,
} from '@aws-sdk/client-datazone';
import { compact, type NormalProject } from '../model/normalized.js';
import { isWanted, type DomainContext } from './domain-context.js';
import type { MemberNames } from './members.js';
import type { NameIndex, UnitPaths } from './resolve-names.js';
import { liveResource, READ_FAILED_META, type FoundResource } from './resource.js';
import type { LiveResource } from './types.js';
import { viaDataZone } from './pacing.js';
import { DATAZONE_MAX_RESULTS } from './page-sizes.js';

/** The names a project's ids resolve through. */
export interface ProjectNames {
  units: UnitPaths;
  profiles: NameIndex;
  members: MemberNames;
}

/**
 * Every project of the domain; undefined when the list failed. `onPage` is told each page as it
 * arrives, so the projects' own reads can start while later pages are still being listed.
 */
export function listProjects(
  dc: DomainContext,
  onPage?: (items: ProjectSummary[]) => void,
): Promise<ProjectSummary[] | undefined> {
  return dc.read.list('ListProjects', dc.where, viaDataZone(dc.clients), async (nextToken) => {
    const out = await dc.clients.dataZone.send(
      new ListProjectsCommand({
        domainIdentifier: dc.domain.id,
        maxResults: DATAZONE_MAX_RESULTS,
        nextToken,
      }),
    );
    onPage?.(out.items ?? []);
    return { items: out.items, nextToken: out.nextToken };
  });
}

/**
 * The fields of GetProject the plan uses. A read keeps only these while it waits (for the whole
 * project list and the domain's people): ten thousand full SDK outputs, each with its `$metadata`,
 * deployment details and the rest, held at once were most of a large no-change plan's memory.
 */
export type ProjectDetail = Pick<
  GetProjectCommandOutput,
  | 'description'
  | 'projectProfileId'
  | 'domainUnitId'
  | 'userParameters'
  | 'resourceTags'
  | 'projectStatus'
  | 'environmentDeploymentDetails'
  | 'failureReasons'
  | 'lastUpdatedAt'
>;

/** The ProjectDetail of a GetProject output (the output itself can then be collected). */
export function projectDetail(project: GetProjectCommandOutput): ProjectDetail {
  return {
    description: project.description,
    projectProfileId: project.projectProfileId,
    domainUnitId: project.domainUnitId,
    userParameters: project.userParameters,
    resourceTags: project.resourceTags,
    projectStatus: project.projectStatus,
    environmentDeploymentDetails: project.environmentDeploymentDetails,
    failureReasons: project.failureReasons,
    lastUpdatedAt: project.lastUpdatedAt,
  };
}

/** The normalised value of a project, given its members already in manifest form. */
export function normalizeProject(
  project: ProjectDetail,
  names: Pick<ProjectNames, 'units' | 'profiles'>,
  members: { member: string; designation: string }[],
): NormalProject {
  const ownTags = (project.resourceTags ?? []).filter((t) => t.source !== 'PROJECT_PROFILE');
  const normal: NormalProject = {
    description: project.description,
    profile: project.projectProfileId ? names.profiles.name(project.projectProfileId) : '',
    domainUnit: names.units.path(project.domainUnitId),
    environments: environmentsOf(project),
    resourceTags: Object.fromEntries(ownTags.map((t) => [t.key ?? '', t.value ?? ''])),
    // Sorted: the membership list comes in any order, and the fingerprint must not depend on it.
    members: [...members].sort(
      (a, b) => compare(a.member, b.member) || compare(a.designation, b.designation),
    ),
  };
  return compact(normal);
}

/**
 * The environments the project chose for, by name (the order the desired side uses). An entry with
 * nothing but its name says nothing, so it is left out, as the desired side leaves it out.
 */
function environmentsOf(project: ProjectDetail): NormalProject['environments'] {
  const environments = (project.userParameters ?? []).map((p) =>
    compact({
      name: p.environmentConfigurationName ?? '',
      target: p.environmentResolvedAccount && {
        account: p.environmentResolvedAccount.awsAccountId ?? '',
        region: p.environmentResolvedAccount.regionName ?? '',
      },
      parameters: Object.fromEntries(
        (p.environmentParameters ?? []).map((e) => [e.name ?? '', e.value ?? '']),
      ),
    }),
  );
  return environments
    .filter((e) => e !== undefined && Object.keys(e).length > 1)
    .sort((a, b) => compare(a.name, b.name));
}

/**
 * Why a project failed, as people read it: each failed environment with its codes and messages
 * (`Tooling (BlueprintNotEnabled: …)`), else the project's own failure reasons; undefined when none.
 */
export function projectFailure(
  project: Pick<ProjectDetail, 'environmentDeploymentDetails' | 'failureReasons'>,
): string | undefined {
  const line = (list: readonly { code?: string; message?: string }[] | undefined) =>
    (list ?? []).map((r) => `${r.code ?? 'error'}: ${r.message ?? ''}`).join('; ');
  const environments = Object.entries(project.environmentDeploymentDetails?.environmentFailureReasons ?? {})
    .sort(([a], [b]) => compare(a, b))
    .map(([env, list]) => `${env} (${line(list)})`);
  if (environments.length > 0) return environments.join(', ');
  return line(project.failureReasons) || undefined;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A membership as the read keeps it until its member is resolved. */
type Membership = { memberDetails?: MemberDetails; designation?: string };

/** Every page of a project's memberships; undefined when the list failed (recorded). */
function listMembers(dc: DomainContext, projectId: string, where: string): Promise<Membership[] | undefined> {
  return dc.read.list('ListProjectMemberships', where, viaDataZone(dc.clients), async (nextToken) => {
    const out = await dc.clients.dataZone.send(
      new ListProjectMembershipsCommand({
        domainIdentifier: dc.domain.id,
        projectIdentifier: projectId,
        maxResults: DATAZONE_MAX_RESULTS,
        nextToken,
      }),
    );
    return { items: out.members, nextToken: out.nextToken };
  });
}

/**
 * A project's members in manifest form; undefined when a profile lookup failed. The profiles are
 * looked up once `members` is known and `ready` has settled (the project list is complete).
 */
async function resolveMembers(
  dc: DomainContext,
  items: Membership[],
  members: Promise<MemberNames>,
  ready?: Promise<unknown>,
): Promise<{ member: string; designation: string }[] | undefined> {
  await ready;
  const names = await members;
  const resolved = await Promise.all(
    items.map(async (m) => {
      const member = await names.resolve(dc.clients, dc.domain.id, m.memberDetails);
      return member === undefined ? undefined : { member, designation: m.designation ?? '' };
    }),
  );
  if (resolved.some((m) => m === undefined)) return undefined;
  return resolved as { member: string; designation: string }[];
}

/** A listed project's read, started as soon as its page arrived (see readDomainContents). */
export type StartedReads = ReadonlyMap<ProjectSummary, Promise<LiveResource | undefined>>;

/**
 * The LiveResources of the listed projects (fetched when wanted), in list order; a project whose
 * read already started (`started`, while later pages were listed) is not read again.
 */
export async function readProjects(
  dc: DomainContext,
  projects: ProjectSummary[],
  names: () => Promise<ProjectNames>,
  started: StartedReads = new Map(),
): Promise<LiveResource[]> {
  const resources = await Promise.all(
    projects.map((project) => started.get(project) ?? readProject(dc, project, names)),
  );
  return resources.filter((r): r is LiveResource => r !== undefined);
}

/**
 * One listed project's LiveResource; undefined when it is gone since it was listed. `listed`:
 * the whole list, when the read starts before it is complete (members are resolved after it).
 * A wanted project is read in a ReadContext.resource slot, held from its first call until it is
 * normalised: a listed project waiting for a slot is its list item alone, and at most the bound's
 * projects hold their calls' answers and async state at once. Ten thousand projects started as
 * their pages arrived, each an async frame and its answers waiting for the list and the names,
 * lived long enough to be promoted and then died in the old space: most of a 10,000-project
 * plan's peak memory. Nothing a project waits for in its slot (the lists, the names, the member
 * lookups) takes a slot, so the bound cannot deadlock.
 */
export function readProject(
  dc: DomainContext,
  project: ProjectSummary,
  names: () => Promise<ProjectNames>,
  listed?: Promise<unknown>,
): Promise<LiveResource | undefined> {
  if (!isWanted(dc.scope, 'Project', project.name ?? ''))
    return Promise.resolve(liveResource(projectBase(dc, project)));
  return dc.read.resource(() => fetchProject(dc, project, names, listed));
}

/** What a project's LiveResource has from its list item alone. */
function projectBase(dc: DomainContext, project: ProjectSummary): FoundResource {
  const id = project.id ?? '';
  return {
    address: { kind: 'Project', domain: dc.domain.name, name: project.name ?? '' },
    id,
    summary: project,
    meta: { domainId: dc.domain.id, projectId: id, status: project.projectStatus },
    lastUpdatedAt: project.updatedAt,
  };
}

/** GetProject and the memberships of one wanted project, normalised (see readProject). */
async function fetchProject(
  dc: DomainContext,
  project: ProjectSummary,
  names: () => Promise<ProjectNames>,
  listed?: Promise<unknown>,
): Promise<LiveResource | undefined> {
  const { domain, clients, read } = dc;
  const base = projectBase(dc, project);
  const id = base.id;
  const where = `${dc.where} project ${project.name ?? ''}`;
  // The memberships need only the listed id: read beside GetProject, not after it (one round
  // trip less per project's chain), and not after the names either, which only the
  // normalisation needs (a scoped read's unit walk can still be running).
  const resolving = names();
  // The member lookups need only the memberships: they start when the list answers, not after
  // GetProject too (a chain waiting on the later of two answers is a few ms longer on average).
  const [got, members] = await Promise.all([
    read.getListed('GetProject', where, viaDataZone(clients), async () =>
      projectDetail(
        await clients.dataZone.send(new GetProjectCommand({ domainIdentifier: domain.id, identifier: id })),
      ),
    ),
    listMembers(dc, id, where).then(
      (items) =>
        items &&
        resolveMembers(
          dc,
          items,
          resolving.then((r) => r.members),
          listed,
        ),
    ),
  ]);
  if (!got.ok && got.gone) return undefined;
  const resolved = await resolving;
  if (!got.ok || !members) {
    const failed = got.ok ? 'ListProjectMemberships' : 'GetProject';
    return liveResource({ ...base, meta: { ...base.meta, [READ_FAILED_META]: failed } });
  }
  const detail = got.value;
  return liveResource({
    ...base,
    normal: normalizeProject(detail, resolved, members),
    meta: {
      ...base.meta,
      status: detail.projectStatus ?? project.projectStatus,
      deploymentStatus: detail.environmentDeploymentDetails?.overallDeploymentStatus,
      failure: projectFailure(detail),
      profileId: detail.projectProfileId,
    },
    lastUpdatedAt: detail.lastUpdatedAt,
  });
}
