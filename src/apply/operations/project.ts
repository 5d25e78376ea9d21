/**
 * Carries out changes to projects. CreateProject has no idempotency token, but a taken name
 * answers Conflict: the create is made without a lookup first (the plan's read just saw the name
 * free; a ListProjects per create cost a call per project at org scale), and a Conflict or an
 * ambiguous failure is followed by the lookup (ListProjects name filter, every page, exact match)
 * and the match adopted. A create
 * waits until the project's ON_CREATE environments are deployed (a failed deployment is an
 * ApplyError naming the environments and reasons), then brings the memberships to the declared
 * set. An update patches only what differs; the profile and environment targets are immutable,
 * so the planner replaces the project instead (delete, wait until gone, create).
 */
import {
  CreateProjectCommand,
  GetProjectProfileCommand,
  type GetProjectProfileCommandOutput,
  ListProjectsCommand,
  UpdateProjectCommand,
  type UpdateProjectCommandInput,
  type UserDesignation,
} from '@aws-sdk/client-datazone';
import equal from 'fast-deep-equal';
import type { NormalProject } from '../../model/normalized.js';
import type { LiveResource } from '../../live/types.js';
import { normalizeProject } from '../../plan/desired.js';
import { liveHealth } from '../../plan/health.js';
import { ApplyError, type Operation, type OperationContext } from '../types.js';
import { listAll, unitId, type DomainRef } from './dz-calls.js';
import { createOrAdopt, exactMatch, type Ensured } from './dz-named.js';
import { createdId, desiredNormal, namedOperation, type NamedTarget } from './dz-named-operation.js';
import { memberInput, reconcileMembers } from './project-members.js';
import { resourceTags, singlePools, userParameters } from './project-request.js';
import { deleteProject, waitSettled, type ProjectSeen } from './project-wait.js';

async function findProject(ctx: OperationContext, d: DomainRef, name: string): Promise<string | undefined> {
  const items = await listAll(ctx, 'ListProjects', d.scope, (nextToken) =>
    d.clients.dataZone.send(new ListProjectsCommand({ domainIdentifier: d.id, name, nextToken })),
  );
  return exactMatch(items, name, 'project');
}

function profileId(ctx: OperationContext, d: DomainRef, name: string): string {
  const id = ctx.ids.get('ProjectProfile', d.name, name);
  if (!id) throw new ApplyError(`project profile ${name} does not exist in domain ${d.name}`);
  return id;
}

// The profiles read by one run (its context), by domain and profile id: projects of one profile
// share one GetProjectProfile. A profile changed in the run is changed before its projects start
// (they depend on it), so what is cached is what they are created from.
const profiles = new WeakMap<OperationContext, Map<string, Promise<GetProjectProfileCommandOutput>>>();

function readProfile(
  ctx: OperationContext,
  d: DomainRef,
  id: string,
): Promise<GetProjectProfileCommandOutput> {
  let byId = profiles.get(ctx);
  if (!byId) profiles.set(ctx, (byId = new Map()));
  const key = `${d.id}/${id}`;
  let read = byId.get(key);
  if (!read) {
    read = ctx.call('GetProjectProfile', d.scope, () =>
      d.clients.dataZone.send(new GetProjectProfileCommand({ domainIdentifier: d.id, identifier: id })),
    );
    byId.set(key, read);
    // A failed read is not kept: the next project asks again.
    read.catch(() => byId.delete(key));
  }
  return read;
}

/** What a create answered that the rest of ensureProject uses: the state and the creator's profile. */
type CreatedProject = ProjectSeen & { createdBy?: string };

/** The project's id, whether it was adopted, and what its create answered (absent when adopted). */
interface EnsuredProject extends Ensured {
  created?: CreatedProject;
}

/** Creates the project, or adopts it when its name is taken (resolving every reference first). */
async function createOrAdoptProject(
  ctx: OperationContext,
  d: DomainRef,
  name: string,
  project: NormalProject,
): Promise<EnsuredProject> {
  // Resolve references before anything is created: a bad reference must not leave half a project.
  // A project without a profile (profile '' or absent) is created without one.
  const projectProfileId = project.profile ? profileId(ctx, d, project.profile) : undefined;
  const domainUnitId = unitId(ctx, d, project.domainUnit);
  let created: CreatedProject | undefined;
  const ensured = await createOrAdopt({
    find: () => findProject(ctx, d, name),
    lookFirst: false,
    async create() {
      // The profile names each environment's pools; with exactly one, the resolved account names it as its source.
      const profile =
        projectProfileId === undefined ? undefined : await readProfile(ctx, d, projectProfileId);
      const out = await ctx.call('CreateProject', d.scope, () =>
        d.clients.dataZone.send(
          new CreateProjectCommand({
            domainIdentifier: d.id,
            name,
            description: project.description,
            projectProfileId,
            domainUnitId,
            resourceTags: project.resourceTags && resourceTags(project),
            userParameters: userParameters(project, singlePools(profile)),
            // Members join with the project (saving a 3 TPS call each); reconcileMembers then confirms them.
            membershipAssignments: project.members?.map((m) => ({
              member: memberInput(m.member),
              designation: m.designation as UserDesignation,
            })),
          }),
        ),
      );
      const id = createdId(out, 'CreateProject', name);
      if (out.failureReasons?.length) {
        const reasons = out.failureReasons.map((r) => `${r.code ?? 'error'}: ${r.message ?? ''}`).join('; ');
        throw new ApplyError(`project ${name} failed to create: ${reasons}`);
      }
      created = out;
      return id;
    },
  });
  return ensured.adopted ? ensured : { ...ensured, created };
}

/** The UpdateProject members that differ from the live value (all of them when it is unknown). */
export function projectPatch(
  desired: NormalProject,
  live: NormalProject | undefined,
  ids: { domainUnitId: string },
): Omit<UpdateProjectCommandInput, 'domainIdentifier' | 'identifier'> {
  const patch: Omit<UpdateProjectCommandInput, 'domainIdentifier' | 'identifier'> = {};
  const differs = (pick: (p: NormalProject) => unknown) => !live || !equal(pick(desired), pick(live));
  // '' and {} clear what the manifest no longer sets: an absent member of a PATCH changes nothing.
  if (differs((p) => p.description)) patch.description = desired.description ?? '';
  if (differs((p) => p.domainUnit)) patch.domainUnitId = ids.domainUnitId;
  if (differs((p) => p.resourceTags)) patch.resourceTags = resourceTags(desired);
  if (differs((p) => p.environments)) {
    const params = userParameters(desired);
    if (params) patch.userParameters = params;
  }
  return patch;
}

/** How an update must treat the live project: as read, re-sent whole, or redeployed too. */
type UpdateMode = 'patch' | 'resend' | 'redeploy';

/** The mode a planned update needs: the recovery plan/health.ts chose for the live project it saw. */
function updateMode(live: LiveResource | undefined): UpdateMode {
  const health = live ? liveHealth(live) : undefined;
  if (health?.state !== 'failed') return 'patch';
  return health.recovery === 'redeploy' ? 'redeploy' : health.recovery === 'update' ? 'resend' : 'patch';
}

async function updateProject(
  ctx: OperationContext,
  d: DomainRef,
  project: { id: string; name: string },
  desired: NormalProject,
  live: NormalProject | undefined,
  mode: UpdateMode = 'patch',
): Promise<void> {
  // A failed update left the live fields unknown: send every mutable one again.
  const known = mode === 'resend' ? undefined : live;
  const patch = projectPatch(desired, known, { domainUnitId: unitId(ctx, d, desired.domainUnit) });
  // Redeploying asks DataZone to run the ON_CREATE deployments again (docs/emulator/decisions.md).
  if (mode === 'redeploy')
    patch.environmentDeploymentDetails = { overallDeploymentStatus: 'PENDING_DEPLOYMENT' };
  if (Object.keys(patch).length > 0) {
    const out = await ctx.call('UpdateProject', d.scope, () =>
      d.clients.dataZone.send(
        new UpdateProjectCommand({ domainIdentifier: d.id, identifier: project.id, ...patch }),
      ),
    );
    await waitSettled(ctx, d, project.id, project.name, mode === 'redeploy', out);
  }
}

/** Creates (or adopts) the project, waits for its deployment, records its id and sets its members. */
async function ensureProject(target: NamedTarget, project: NormalProject): Promise<void> {
  const { ctx, d, name } = target;
  const { id, adopted, created } = await createOrAdoptProject(ctx, d, name, project);
  await waitSettled(ctx, d, id, name, true, created);
  ctx.ids.set('Project', d.name, name, id);
  // An adopted project's fields are unknown: patch every mutable one.
  if (adopted) await updateProject(ctx, d, { id, name }, project, undefined);
  // A project this run created got its members inline: the listing only has to confirm them.
  await reconcileMembers(ctx, d, id, project.members ?? [], created?.createdBy);
}

/** Create, update, replace or delete one project. */
export const projectOperation: Operation = namedOperation<NormalProject>({
  kind: 'Project',
  desired: (input) => desiredNormal(input, 'Project', (m) => normalizeProject(m, undefined)) as NormalProject,
  ensure: ensureProject,
  async update({ ctx, d, name, input }, id, desired) {
    const live = input.live?.normal as NormalProject | undefined;
    await updateProject(ctx, d, { id, name }, desired, live, updateMode(input.live));
    await reconcileMembers(ctx, d, id, desired.members ?? []);
  },
  remove: ({ ctx, d, name }, id) => deleteProject(ctx, d, name, id),
});
