/**
 * When a project's ON_CREATE environments deploy, and how a failed deployment is deployed again:
 *
 * - CreateProject starts the deployment (project-checks.ts decides whether it will fail; an
 *   injected deployment fault, knobs/project-faults.ts, can make it fail too).
 * - Redeploy: UpdateProject with `environmentDeploymentDetails` present, on a project whose
 *   overallDeploymentStatus is FAILED_VALIDATION or FAILED_DEPLOYMENT, runs the same checks
 *   again against the current profile, blueprint configurations and pools, and starts a new
 *   deployment (PENDING_DEPLOYMENT → IN_PROGRESS → SUCCESSFUL, or failed again by the same
 *   checks, e.g. a blueprint still not enabled). The member's content is not read: the model
 *   documents it only as "the environment deployment details of the project". On a project whose
 *   deployment did not fail the member changes nothing (decisions.md, "redeploy").
 * - Injected UPDATE_FAILED / DELETE_FAILED (lifecycle faults) are decided here too.
 */
import type { EnvironmentConfigurationUserParameter } from '@aws-sdk/client-datazone';
import type { DzCall } from './call.js';
import { deploymentDetails } from './lifecycle.js';
import { planDeployment } from './project-checks.js';
import type { DomainRecord, ProjectProfileRecord, ProjectRecord } from './state.js';

type DeploymentFields = Pick<ProjectRecord, 'deploymentStartedAt' | 'hasDeployment' | 'deploymentFailure'>;

/**
 * The deployment fields of a project starting its ON_CREATE deployment now: the checks of
 * project-checks.ts, then an injected deployment fault if one matches and nothing failed already.
 */
export function startDeployment(
  call: DzCall,
  domain: DomainRecord,
  profile: ProjectProfileRecord,
  projectName: string,
  userParameters: EnvironmentConfigurationUserParameter[],
): DeploymentFields {
  const plan = planDeployment(call, domain, profile, userParameters);
  let failure = plan.failure;
  if (plan.hasDeployment && !failure) {
    const injected = call.ctx.projectFaults?.deploymentFailure(projectName);
    if (injected) {
      const environment =
        profile.environmentConfigurations.find((c) => (c.deploymentMode ?? 'ON_CREATE') === 'ON_CREATE')
          ?.name ?? 'project';
      failure = { status: injected.status, reasons: { [environment]: [injected.reason] } };
    }
  }
  return { deploymentStartedAt: call.nowMs, hasDeployment: plan.hasDeployment, deploymentFailure: failure };
}

/** True when the project's deployment ended in FAILED_VALIDATION or FAILED_DEPLOYMENT. */
export function deploymentFailed(project: ProjectRecord, call: DzCall): boolean {
  const status = deploymentDetails(project, call)?.overallDeploymentStatus;
  return status === 'FAILED_VALIDATION' || status === 'FAILED_DEPLOYMENT';
}

/** Redeploys a project whose deployment failed (see the module comment); otherwise does nothing. */
export function redeployIfFailed(call: DzCall, domain: DomainRecord, project: ProjectRecord): void {
  if (!deploymentFailed(project, call) || !project.projectProfileId) return;
  const profile = call.state.projectProfiles[project.projectProfileId];
  if (!profile) return;
  const userParameters = (project.userParameters ?? []) as EnvironmentConfigurationUserParameter[];
  const fields = startDeployment(call, domain, profile, project.name, userParameters);
  project.deploymentStartedAt = fields.deploymentStartedAt;
  project.hasDeployment = fields.hasDeployment;
  if (fields.deploymentFailure) project.deploymentFailure = fields.deploymentFailure;
  else delete project.deploymentFailure;
}

/** Records the outcome of an update for the lifecycle fault knob: UPDATE_FAILED, or cleared. */
export function settleUpdate(call: DzCall, project: ProjectRecord): void {
  const injected = call.ctx.projectFaults?.lifecycleFailure(project.name, 'UPDATE_FAILED');
  if (injected) project.updateFailure = [injected.reason];
  else delete project.updateFailure;
}

/**
 * Prepares a DeleteProject: a project whose earlier deletion failed starts over, and a matching
 * lifecycle fault makes this deletion end in DELETE_FAILED.
 */
export function prepareDelete(call: DzCall, project: ProjectRecord): void {
  if (project.deleteFailure && project.deletingSince !== undefined) {
    const done = call.nowMs >= project.deletingSince + call.ctx.options.durations.projectDelete;
    if (!done) return; // still DELETING: the first request's outcome stands
    delete project.deletingSince;
    delete project.deleteFailure;
  }
  if (project.deletingSince !== undefined) return;
  const injected = call.ctx.projectFaults?.lifecycleFailure(project.name, 'DELETE_FAILED');
  if (injected) project.deleteFailure = [injected.reason];
}
