/**
 * Derived async states. Records keep the instants at which they entered a phase; the status a
 * reader sees is computed from the emulated clock and the configured durations, so advancing the
 * clock (or restarting from a state file) moves every resource along without timers.
 *
 * Domain:  CREATING --domainCreate--> AVAILABLE;  DELETING --domainDelete--> gone.
 * Project: ACTIVE;  DELETING --projectDelete--> gone (or DELETE_FAILED under an injected fault);
 *          UPDATE_FAILED after an update an injected fault failed, until an update succeeds.
 * Project deployment (ON_CREATE environments), with D = projectDeploy:
 *   PENDING_DEPLOYMENT [0, D/4) -> IN_PROGRESS [D/4, D) -> SUCCESSFUL (or FAILED_DEPLOYMENT) at D;
 *   a validation failure shows as FAILED_VALIDATION from D/4 on (when the deployment would start).
 */
import type { EnvironmentDeploymentDetails } from '@aws-sdk/client-datazone';
import type { DzCall } from './call.js';
import type { DataZoneState, DomainRecord, ProjectRecord } from './state.js';

/** Where a domain is in its lifecycle; GONE means "answer as if it never existed". */
export type DomainPhase = 'CREATING' | 'AVAILABLE' | 'DELETING' | 'GONE';

/** Where a project is in its lifecycle. */
export type ProjectPhase = 'ACTIVE' | 'DELETING' | 'GONE' | 'UPDATE_FAILED' | 'DELETE_FAILED';

/** The domain's phase at the call's instant. */
export function domainPhase(domain: DomainRecord, call: DzCall): DomainPhase {
  const { durations } = call.ctx.options;
  if (domain.deletingSince !== undefined) {
    return call.nowMs >= domain.deletingSince + durations.domainDelete ? 'GONE' : 'DELETING';
  }
  return call.nowMs >= domain.createdAt + durations.domainCreate ? 'AVAILABLE' : 'CREATING';
}

/** The project's phase at the call's instant. */
export function projectPhase(project: ProjectRecord, call: DzCall): ProjectPhase {
  if (project.deletingSince === undefined) return project.updateFailure ? 'UPDATE_FAILED' : 'ACTIVE';
  if (call.nowMs < project.deletingSince + call.ctx.options.durations.projectDelete) return 'DELETING';
  return project.deleteFailure ? 'DELETE_FAILED' : 'GONE';
}

/** `failureReasons` of a project in UPDATE_FAILED or DELETE_FAILED (undefined otherwise). */
export function failureReasons(project: ProjectRecord, call: DzCall) {
  const phase = projectPhase(project, call);
  if (phase === 'DELETE_FAILED') return project.deleteFailure;
  if (phase === 'UPDATE_FAILED') return project.updateFailure;
  return undefined;
}

/** `environmentDeploymentDetails` of a project at the call's instant (undefined without a profile). */
export function deploymentDetails(
  project: ProjectRecord,
  call: DzCall,
): EnvironmentDeploymentDetails | undefined {
  if (project.deploymentStartedAt === undefined) return undefined;
  if (project.hasDeployment === false) return { overallDeploymentStatus: 'SUCCESSFUL' };
  const duration = call.ctx.options.durations.projectDeploy;
  const elapsed = call.nowMs - project.deploymentStartedAt;
  const failure = project.deploymentFailure;
  const started = elapsed >= duration / 4;
  const finished = elapsed >= duration;
  if (failure?.status === 'FAILED_VALIDATION' && started) {
    return { overallDeploymentStatus: 'FAILED_VALIDATION', environmentFailureReasons: failure.reasons };
  }
  if (!started) return { overallDeploymentStatus: 'PENDING_DEPLOYMENT' };
  if (!finished) return { overallDeploymentStatus: 'IN_PROGRESS' };
  if (failure?.status === 'FAILED_DEPLOYMENT') {
    return { overallDeploymentStatus: 'FAILED_DEPLOYMENT', environmentFailureReasons: failure.reasons };
  }
  return { overallDeploymentStatus: 'SUCCESSFUL' };
}

function dropWhere<T>(table: Record<string, T>, gone: (record: T) => boolean): void {
  for (const [key, record] of Object.entries(table)) if (gone(record)) delete table[key];
}

/** Removes a domain and everything that lives in it. */
export function removeDomain(state: DataZoneState, domainId: string): void {
  delete state.domains[domainId];
  const inDomain = (record: { domainId: string }) => record.domainId === domainId;
  dropWhere(state.domainUnits, inDomain);
  dropWhere(state.accountPools, inDomain);
  dropWhere(state.projectProfiles, inDomain);
  dropWhere(state.projects, inDomain);
  dropWhere(state.userProfiles, inDomain);
  dropWhere(state.groupProfiles, inDomain);
  dropWhere(state.blueprints, inDomain);
  dropWhere(state.blueprintConfigurations, inDomain);
}

// Projects with a deletion in progress, per projects table. Not part of the world (which must stay
// plain JSON): built by one scan the first time a table is swept (a fresh or reloaded world), then
// kept up to date by markProjectDeleting, so a sweep costs O(deleting) instead of O(all projects)
// on every call — a full scan per request made reading a 10,000-project org quadratic.
const deletingProjects = new WeakMap<DataZoneState['projects'], Set<string>>();

function deletingIn(projects: DataZoneState['projects']): Set<string> {
  let ids = deletingProjects.get(projects);
  if (!ids) {
    ids = new Set(Object.keys(projects).filter((id) => projects[id]?.deletingSince !== undefined));
    deletingProjects.set(projects, ids);
  }
  return ids;
}

/** Starts a project's deletion (idempotent: a second delete keeps the first instant). */
export function markProjectDeleting(state: DataZoneState, project: ProjectRecord, nowMs: number): void {
  project.deletingSince ??= nowMs;
  deletingIn(state.projects).add(project.id);
}

/**
 * Forgets resources whose deletion has completed by the call's instant. Run before every
 * handler, so no handler has to special-case "deleted but not yet swept".
 */
export function sweep(call: DzCall): void {
  const { state } = call;
  for (const domain of Object.values(state.domains)) {
    if (domainPhase(domain, call) === 'GONE') removeDomain(state, domain.id);
  }
  const deleting = deletingIn(state.projects);
  for (const id of deleting) {
    const project = state.projects[id];
    if (!project) deleting.delete(id);
    else if (projectPhase(project, call) === 'GONE') {
      delete state.projects[id];
      deleting.delete(id);
    } else if (projectPhase(project, call) === 'DELETE_FAILED') deleting.delete(id);
  }
}
