/**
 * The asynchronous side of projects: after a create, the ON_CREATE environments deploy in the
 * background (`environmentDeploymentDetails.overallDeploymentStatus`); after an update the
 * project may be UPDATING or MOVING; after a delete it is DELETING until it is gone. A not-found
 * right after a create is eventual consistency ("not yet"), right after a delete it is the goal.
 */
import {
  DeleteProjectCommand,
  GetProjectCommand,
  type GetProjectCommandOutput,
} from '@aws-sdk/client-datazone';
import { ApplyError, type OperationContext } from '../types.js';
import { projectFailure } from '../../live/projects.js';
import { deleteTolerant, getOrGone, type DomainRef } from './dz-calls.js';

// Environment deployments take minutes (CloudFormation stacks); the overall deadline still bounds the wait.
const DEPLOY_TIMEOUT_MS = 60 * 60_000;

/** The environments that failed to deploy and why, `env (code: message)`. */
export function deploymentFailures(project: GetProjectCommandOutput): string {
  return projectFailure(project) ?? 'no reason given';
}

/**
 * The project once it has settled: undefined while it is not visible yet, UPDATING or MOVING, or
 * (with `deployment`) while its environments are still deploying; an ApplyError when it failed.
 */
export function settledProject(
  project: GetProjectCommandOutput | undefined,
  name: string,
  deployment: boolean,
): GetProjectCommandOutput | undefined {
  if (!project) return undefined;
  switch (project.projectStatus) {
    case 'UPDATE_FAILED':
      throw new ApplyError(`project ${name} failed to update: ${deploymentFailures(project)}`);
    case 'DELETING':
    case 'DELETE_FAILED':
      throw new ApplyError(`project ${name} is being deleted (${project.projectStatus}) by someone else`);
    case 'UPDATING':
    case 'MOVING':
      return undefined;
    default:
      break;
  }
  if (!deployment) return project;
  const status = project.environmentDeploymentDetails?.overallDeploymentStatus;
  if (status === 'FAILED_VALIDATION' || status === 'FAILED_DEPLOYMENT') {
    throw new ApplyError(`project ${name} failed to deploy (${status}): ${deploymentFailures(project)}`);
  }
  return status === undefined || status === 'SUCCESSFUL' ? project : undefined;
}

/** What a create or update answered about the project, as far as the wait needs it. */
export type ProjectSeen = Pick<GetProjectCommandOutput, 'projectStatus' | 'environmentDeploymentDetails'>;

/** True when the answer says the project is still busy, so a look right now would be wasted. */
export function stillBusy(seen: ProjectSeen | undefined, deployment: boolean): boolean {
  if (!seen) return false;
  if (seen.projectStatus === 'UPDATING' || seen.projectStatus === 'MOVING') return true;
  const status = seen.environmentDeploymentDetails?.overallDeploymentStatus;
  return deployment && (status === 'PENDING_DEPLOYMENT' || status === 'IN_PROGRESS');
}

/**
 * Waits until the project is settled (see settledProject); `deployment` also waits for its
 * environments. `seen` is the answer of the call that started the work: when it says the
 * project is busy, the first look waits. Deployments are paced by how long earlier ones of the
 * run took (they take minutes in AWS; a look a second would cost a read a second per project).
 */
export async function waitSettled(
  ctx: OperationContext,
  d: DomainRef,
  id: string,
  name: string,
  deployment = true,
  seen?: ProjectSeen,
): Promise<GetProjectCommandOutput> {
  return ctx.waitFor(
    deployment ? `project ${name} to deploy` : `project ${name} to finish updating`,
    async () => {
      const got = await getOrGone(ctx, 'GetProject', d.scope, () =>
        d.clients.dataZone.send(new GetProjectCommand({ domainIdentifier: d.id, identifier: id })),
      );
      return settledProject(got, name, deployment);
    },
    {
      timeoutMs: DEPLOY_TIMEOUT_MS,
      pace: deployment ? 'project deployment' : 'project update',
      checkFirst: !stillBusy(seen, deployment),
    },
  );
}

/** DeleteProject, then waits until it is gone (already gone counts as deleted); DELETE_FAILED is an ApplyError. */
export async function deleteProject(
  ctx: OperationContext,
  d: DomainRef,
  name: string,
  id: string,
): Promise<void> {
  const deleted = await deleteTolerant(() =>
    ctx.call('DeleteProject', d.scope, () =>
      d.clients.dataZone.send(new DeleteProjectCommand({ domainIdentifier: d.id, identifier: id })),
    ),
  );
  if (deleted) {
    await ctx.waitFor(
      `project ${name} to be deleted`,
      async () => {
        const got = await getOrGone(ctx, 'GetProject', d.scope, () =>
          d.clients.dataZone.send(new GetProjectCommand({ domainIdentifier: d.id, identifier: id })),
        );
        if (got?.projectStatus === 'DELETE_FAILED') {
          throw new ApplyError(`project ${name} failed to delete: ${deploymentFailures(got)}`);
        }
        return got === undefined ? true : undefined;
      },
      { pace: 'project deletion' },
    );
  }
  ctx.ids.delete('Project', d.name, name);
}
