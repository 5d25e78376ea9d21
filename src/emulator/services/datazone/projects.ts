/**
 * Projects: CreateProject (profile checks in project-checks.ts; the creator becomes
 * PROJECT_OWNER through its IAM user profile), GetProject (with the readAfterCreateMisses quirk),
 * UpdateProject (PATCH; the resolved account/region of an environment is immutable),
 * DeleteProject (DELETING, then gone after `projectDelete`), ListProjects (items carry
 * `updatedAt`, not `lastUpdatedAt`). Names are unique per domain.
 */
import type {
  CreateProjectInput,
  DeleteProjectInput,
  EnvironmentConfigurationUserParameter,
  GetProjectInput,
  ListProjectsInput,
  ProjectSummary,
  UpdateProjectInput,
} from '@aws-sdk/client-datazone';
import { EmulatorServiceError } from '../../types.js';
import { paginate } from '../paginate.js';
import { fail, pageOptions, type DzCall, type DzHandler } from './call.js';
import { opaqueId } from './ids.js';
import { addProject, projectsInDomain } from './indexes.js';
import { deploymentDetails, failureReasons, markProjectDeleting, projectPhase } from './lifecycle.js';
import { addMember, memberKey } from './memberships.js';
import { checkUserParameters, projectResourceTags } from './project-checks.js';
import { prepareDelete, redeployIfFailed, settleUpdate, startDeployment } from './project-deployment.js';
import {
  checkNameFree,
  consumeReadMiss,
  findDomain,
  findProfile,
  findProject,
  findUnit,
  requireAvailable,
} from './lookups.js';
import { callerProfileId, resolveGroup, resolveUser } from './principals.js';
import { checkQuota } from './quotas.js';
import type { ProjectRecord } from './state.js';

function summary(project: ProjectRecord, call: DzCall) {
  return {
    domainId: project.domainId,
    id: project.id,
    name: project.name,
    description: project.description,
    projectStatus: projectPhase(project, call),
    createdBy: project.createdBy,
    createdAt: new Date(project.createdAt),
    domainUnitId: project.domainUnitId,
    projectCategory: project.projectCategory,
  };
}

function view(project: ProjectRecord, call: DzCall) {
  return {
    ...summary(project, call),
    failureReasons: failureReasons(project, call),
    lastUpdatedAt: new Date(project.lastUpdatedAt),
    resourceTags: project.resourceTags,
    glossaryTerms: project.glossaryTerms,
    projectProfileId: project.projectProfileId,
    userParameters: project.userParameters,
    environmentDeploymentDetails: deploymentDetails(project, call),
  };
}

/** PROJECT-sourced tags of a project, as the map the input uses. */
function ownTags(project: ProjectRecord): Record<string, string> {
  return Object.fromEntries(
    project.resourceTags.filter((t) => t.source === 'PROJECT').map((t) => [t.key, t.value]),
  );
}

const createProject: DzHandler<CreateProjectInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  requireAvailable(call, domain);
  const projects = projectsInDomain(call.state, domain.id);
  checkNameFree(projects, input.name ?? '', 'project');
  checkQuota(call, 'projectsPerDomain', projects.length + 1, 'projects per domain');
  const unit = findUnit(call, domain, input.domainUnitId ?? domain.rootDomainUnitId);
  // Unified Studio (V2) projects are always created from a project profile (decisions.md, item 10).
  if (domain.domainVersion === 'V2' && !input.projectProfileId) {
    fail('ValidationException', `A project of domain ${domain.id} (V2) requires a projectProfileId.`);
  }
  const profile = input.projectProfileId ? findProfile(call, domain, input.projectProfileId) : undefined;
  if (profile && profile.status !== 'ENABLED') {
    fail(
      'ValidationException',
      `Project profile ${profile.name} (${profile.id}) is DISABLED and cannot be used to create a project.`,
    );
  }
  const userParameters = input.userParameters ?? [];
  const deployment = profile
    ? startDeployment(call, domain, profile, input.name ?? '', userParameters)
    : undefined;
  const resourceTags = projectResourceTags(call, profile, input.resourceTags ?? {});
  const creator = callerProfileId(call, domain.id);
  const project: ProjectRecord = {
    id: opaqueId(call.ctx, 'project'),
    domainId: domain.id,
    name: input.name ?? '',
    description: input.description,
    resourceTags,
    glossaryTerms: input.glossaryTerms,
    domainUnitId: unit.id,
    projectProfileId: profile?.id,
    userParameters: profile ? (userParameters as Record<string, unknown>[]) : undefined,
    projectCategory: input.projectCategory,
    projectExecutionRole: input.projectExecutionRole,
    createdBy: creator,
    createdAt: call.nowMs,
    lastUpdatedAt: call.nowMs,
    ...(deployment ? { deploymentStartedAt: deployment.deploymentStartedAt } : {}),
    ...(deployment ? { hasDeployment: deployment.hasDeployment } : {}),
    ...(deployment?.deploymentFailure ? { deploymentFailure: deployment.deploymentFailure } : {}),
    memberships: [{ member: { userId: creator }, designation: 'PROJECT_OWNER' }],
  };
  for (const assignment of input.membershipAssignments ?? []) {
    const { userIdentifier, groupIdentifier } = assignment.member ?? {};
    const member = userIdentifier
      ? { userId: resolveUser(call, domain.id, userIdentifier, true).id }
      : { groupId: resolveGroup(call, domain.id, groupIdentifier ?? '', true).id };
    addMember(call, project, member, assignment.designation ?? 'PROJECT_CONTRIBUTOR');
  }
  addProject(call.state, project);
  return view(project, call);
};

const getProject: DzHandler<GetProjectInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  const project = findProject(call, domain, input.identifier ?? '');
  consumeReadMiss(call, project, `Project ${project.id} not found.`);
  return view(project, call);
};

/** userParameters after an update: the resolved account/region of an environment never changes. */
function mergeUserParameters(project: ProjectRecord, updates: EnvironmentConfigurationUserParameter[]) {
  const current = (project.userParameters ?? []) as EnvironmentConfigurationUserParameter[];
  for (const update of updates) {
    const before = current.find(
      (p) => p.environmentConfigurationName === update.environmentConfigurationName,
    );
    const was = before?.environmentResolvedAccount;
    const now = update.environmentResolvedAccount;
    if (was && now && (was.awsAccountId !== now.awsAccountId || was.regionName !== now.regionName)) {
      fail(
        'ValidationException',
        `The account and region of environment ${update.environmentConfigurationName} cannot change.`,
      );
    }
  }
  const untouched = current.filter(
    (p) => !updates.some((u) => u.environmentConfigurationName === p.environmentConfigurationName),
  );
  return [
    ...untouched,
    ...updates.map((u) => ({
      ...u,
      environmentResolvedAccount:
        u.environmentResolvedAccount ??
        current.find((p) => p.environmentConfigurationName === u.environmentConfigurationName)
          ?.environmentResolvedAccount,
    })),
  ];
}

const updateProject: DzHandler<UpdateProjectInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  const project = findProject(call, domain, input.identifier ?? '');
  const phase = projectPhase(project, call);
  if (phase === 'DELETING' || phase === 'DELETE_FAILED')
    fail('ConflictException', `Project ${project.id} is ${phase}.`);
  if (input.projectProfileVersion !== undefined && input.projectProfileVersion !== 'latest') {
    fail('ValidationException', 'projectProfileVersion must be "latest".');
  }
  if (input.name !== undefined) {
    checkNameFree(projectsInDomain(call.state, domain.id), input.name, 'project', project.id);
    project.name = input.name;
  }
  if (input.description !== undefined) project.description = input.description;
  if (input.glossaryTerms !== undefined) project.glossaryTerms = input.glossaryTerms;
  if (input.domainUnitId !== undefined) project.domainUnitId = findUnit(call, domain, input.domainUnitId).id;
  if (input.userParameters !== undefined) {
    const profile = project.projectProfileId
      ? call.state.projectProfiles[project.projectProfileId]
      : undefined;
    if (profile) checkUserParameters(profile, input.userParameters);
    project.userParameters = mergeUserParameters(project, input.userParameters) as Record<string, unknown>[];
  }
  if (input.resourceTags !== undefined || input.projectProfileVersion === 'latest') {
    const profile = project.projectProfileId
      ? call.state.projectProfiles[project.projectProfileId]
      : undefined;
    project.resourceTags = projectResourceTags(call, profile, input.resourceTags ?? ownTags(project));
  }
  if (input.environmentDeploymentDetails !== undefined) redeployIfFailed(call, domain, project);
  settleUpdate(call, project);
  project.lastUpdatedAt = call.nowMs;
  return view(project, call);
};

const deleteProject: DzHandler<DeleteProjectInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  const project = findProject(call, domain, input.identifier ?? '');
  prepareDelete(call, project);
  markProjectDeleting(call.state, project, call.nowMs);
  return {};
};

/** True when the member filter of ListProjects matches the project (unknown members match nothing). */
function hasMember(call: DzCall, project: ProjectRecord, input: ListProjectsInput): boolean {
  try {
    if (input.userIdentifier) {
      const key = memberKey({ userId: resolveUser(call, project.domainId, input.userIdentifier, false).id });
      if (!project.memberships.some((m) => memberKey(m.member) === key)) return false;
    }
    if (input.groupIdentifier) {
      const key = memberKey({
        groupId: resolveGroup(call, project.domainId, input.groupIdentifier, false).id,
      });
      if (!project.memberships.some((m) => memberKey(m.member) === key)) return false;
    }
    return true;
  } catch (error) {
    // An identifier that resolves to no profile is a member of no project.
    if (error instanceof EmulatorServiceError) return false;
    throw error;
  }
}

const listProjects: DzHandler<ListProjectsInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  const items: ProjectSummary[] = projectsInDomain(call.state, domain.id)
    .filter((p) => input.name === undefined || p.name.includes(input.name))
    .filter((p) => input.projectCategory === undefined || p.projectCategory === input.projectCategory)
    .filter((p) => hasMember(call, p, input))
    .map((p) => ({ ...summary(p, call), updatedAt: new Date(p.lastUpdatedAt) }) as ProjectSummary);
  const key = [
    domain.id,
    input.name,
    input.projectCategory,
    input.userIdentifier,
    input.groupIdentifier,
  ].join(':');
  const page = paginate(
    items,
    input,
    pageOptions(call, key, (p) => p.id ?? ''),
  );
  return { items: page.items, nextToken: page.nextToken };
};

/** Project handlers by operation name. */
export const projectHandlers = {
  CreateProject: createProject,
  GetProject: getProject,
  UpdateProject: updateProject,
  DeleteProject: deleteProject,
  ListProjects: listProjects,
};
