/**
 * Project profiles. Names are unique per domain. Every environment configuration must name a
 * blueprint and account pools of the domain (ResourceNotFoundException otherwise); its `id` is
 * server-assigned and kept, matched by name, across UpdateProjectProfile. Update is a PATCH: only
 * members present change. A profile used by a project cannot be deleted (ValidationException: the
 * only modelled client error of DeleteProjectProfile besides not-found and access).
 */
import type {
  CreateProjectProfileInput,
  DeleteProjectProfileInput,
  EnvironmentConfiguration,
  GetProjectProfileInput,
  ListProjectProfilesInput,
  UpdateProjectProfileInput,
} from '@aws-sdk/client-datazone';
import { paginate } from '../paginate.js';
import { findBlueprint } from './blueprints.js';
import { fail, pageOptions, type DzCall, type DzHandler } from './call.js';
import { opaqueId } from './ids.js';
import {
  checkNameFree,
  findDomain,
  findPool,
  findProfile,
  findUnit,
  inDomain,
  requireAvailable,
} from './lookups.js';
import { callerProfileId } from './principals.js';
import type { DomainRecord, ProjectProfileRecord } from './state.js';

/**
 * Checks references and assigns ids; `resolvedParameters` echoes the overrides. A configuration
 * whose name matches one of `previous` (an update) keeps that configuration's id: the id names
 * the configuration, and a project's environments refer to it (decisions.md, item 3).
 */
function normaliseConfigurations(
  call: DzCall,
  domain: DomainRecord,
  configurations: EnvironmentConfiguration[],
  previous: readonly EnvironmentConfiguration[] = [],
): EnvironmentConfiguration[] {
  const names = new Set<string>();
  return configurations.map((config) => {
    const name = config.name ?? '';
    if (names.has(name)) fail('ValidationException', `Duplicate environment configuration name ${name}.`);
    names.add(name);
    findBlueprint(call, domain, config.environmentBlueprintId ?? '');
    for (const poolId of config.accountPools ?? []) findPool(call, domain, poolId);
    if (config.accountPools && (config.awsAccount || config.awsRegion)) {
      fail(
        'ValidationException',
        `Environment configuration ${name} cannot set both accountPools and awsAccount/awsRegion.`,
      );
    }
    const parameters = config.configurationParameters;
    return {
      ...config,
      id: previous.find((p) => p.name === name)?.id ?? opaqueId(call.ctx, 'envconfig'),
      ...(parameters
        ? {
            configurationParameters: {
              ...parameters,
              resolvedParameters: parameters.parameterOverrides ?? [],
            },
          }
        : {}),
    };
  });
}

function summary(profile: ProjectProfileRecord) {
  return {
    domainId: profile.domainId,
    id: profile.id,
    name: profile.name,
    description: profile.description,
    status: profile.status,
    createdBy: profile.createdBy,
    createdAt: new Date(profile.createdAt),
    lastUpdatedAt: new Date(profile.lastUpdatedAt),
    domainUnitId: profile.domainUnitId,
  };
}

function view(profile: ProjectProfileRecord) {
  return {
    ...summary(profile),
    projectResourceTags: profile.projectResourceTags,
    allowCustomProjectResourceTags: profile.allowCustomProjectResourceTags,
    projectResourceTagsDescription: profile.projectResourceTagsDescription,
    environmentConfigurations: profile.environmentConfigurations,
  };
}

const createProjectProfile: DzHandler<CreateProjectProfileInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'owner');
  requireAvailable(call, domain);
  checkNameFree(inDomain(call.state.projectProfiles, domain.id), input.name ?? '', 'project profile');
  const unit = findUnit(call, domain, input.domainUnitIdentifier ?? domain.rootDomainUnitId);
  const profile: ProjectProfileRecord = {
    id: opaqueId(call.ctx, 'profile'),
    domainId: domain.id,
    name: input.name ?? '',
    description: input.description,
    status: input.status ?? 'ENABLED',
    projectResourceTags: input.projectResourceTags?.map((t) => ({
      key: t.key ?? '',
      value: t.value ?? '',
      isValueEditable: t.isValueEditable ?? false,
    })),
    allowCustomProjectResourceTags: input.allowCustomProjectResourceTags,
    projectResourceTagsDescription: input.projectResourceTagsDescription,
    environmentConfigurations: normaliseConfigurations(call, domain, input.environmentConfigurations ?? []),
    domainUnitId: unit.id,
    createdBy: callerProfileId(call, domain.id),
    createdAt: call.nowMs,
    lastUpdatedAt: call.nowMs,
  };
  call.state.projectProfiles[profile.id] = profile;
  return view(profile);
};

const getProjectProfile: DzHandler<GetProjectProfileInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  return view(findProfile(call, domain, input.identifier ?? ''));
};

const updateProjectProfile: DzHandler<UpdateProjectProfileInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'owner');
  requireAvailable(call, domain);
  const profile = findProfile(call, domain, input.identifier ?? '');
  if (input.name !== undefined) {
    checkNameFree(inDomain(call.state.projectProfiles, domain.id), input.name, 'project profile', profile.id);
    profile.name = input.name;
  }
  if (input.domainUnitIdentifier !== undefined)
    profile.domainUnitId = findUnit(call, domain, input.domainUnitIdentifier).id;
  if (input.description !== undefined) profile.description = input.description;
  if (input.status !== undefined) profile.status = input.status;
  if (input.projectResourceTags !== undefined) {
    profile.projectResourceTags = input.projectResourceTags.map((t) => ({
      key: t.key ?? '',
      value: t.value ?? '',
      isValueEditable: t.isValueEditable ?? false,
    }));
  }
  if (input.allowCustomProjectResourceTags !== undefined) {
    profile.allowCustomProjectResourceTags = input.allowCustomProjectResourceTags;
  }
  if (input.projectResourceTagsDescription !== undefined) {
    profile.projectResourceTagsDescription = input.projectResourceTagsDescription;
  }
  if (input.environmentConfigurations !== undefined) {
    profile.environmentConfigurations = normaliseConfigurations(
      call,
      domain,
      input.environmentConfigurations,
      profile.environmentConfigurations,
    );
  }
  profile.lastUpdatedAt = call.nowMs;
  return view(profile);
};

const deleteProjectProfile: DzHandler<DeleteProjectProfileInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'owner');
  requireAvailable(call, domain);
  const profile = findProfile(call, domain, input.identifier ?? '');
  const users = inDomain(call.state.projects, domain.id).filter((p) => p.projectProfileId === profile.id);
  if (users.length > 0) {
    fail(
      'ValidationException',
      `Project profile ${profile.id} is used by project(s) ${users.map((p) => p.id).join(', ')}.`,
    );
  }
  delete call.state.projectProfiles[profile.id];
  return {};
};

const listProjectProfiles: DzHandler<ListProjectProfilesInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  const profiles = inDomain(call.state.projectProfiles, domain.id).filter(
    (profile) => input.name === undefined || profile.name.includes(input.name),
  );
  const sorted = input.sortBy !== undefined || input.sortOrder !== undefined;
  const key = `${domain.id}:${input.name ?? ''}:${input.sortBy ?? ''}:${input.sortOrder ?? ''}`;
  const options = pageOptions(call, key, (p: { id: string; name: string }) => p.id);
  const page = paginate(
    profiles.map(summary),
    input,
    sorted ? { ...options, order: (p) => [p.name], descending: input.sortOrder === 'DESCENDING' } : options,
  );
  return { items: page.items, nextToken: page.nextToken };
};

/** Project profile handlers by operation name. */
export const projectProfileHandlers = {
  CreateProjectProfile: createProjectProfile,
  GetProjectProfile: getProjectProfile,
  UpdateProjectProfile: updateProjectProfile,
  DeleteProjectProfile: deleteProjectProfile,
  ListProjectProfiles: listProjectProfiles,
};
