/**
 * Blueprint configurations: Put (create or full overwrite), Get, Delete, List. A configuration
 * belongs to the CALLING account: the same domain and blueprint have one configuration per
 * account, and an account sees only its own. The caller must be the domain's account or an
 * account associated with the domain (AccessDeniedException otherwise). `globalParameters` is
 * stored but appears in no output (write-only in the model).
 */
import type {
  DeleteEnvironmentBlueprintConfigurationInput,
  GetEnvironmentBlueprintConfigurationInput,
  ListEnvironmentBlueprintConfigurationsInput,
  PutEnvironmentBlueprintConfigurationInput,
} from '@aws-sdk/client-datazone';
import { paginate } from '../paginate.js';
import { findBlueprint } from './blueprints.js';
import { fail, pageOptions, type DzHandler } from './call.js';
import { findDomain, requireAvailable } from './lookups.js';
import type { BlueprintConfigurationRecord } from './state.js';

function keyOf(domainId: string, accountId: string, blueprintId: string): string {
  return `${domainId}/${accountId}/${blueprintId}`;
}

function view(configuration: BlueprintConfigurationRecord) {
  return {
    domainId: configuration.domainId,
    environmentBlueprintId: configuration.environmentBlueprintId,
    provisioningRoleArn: configuration.provisioningRoleArn,
    environmentRolePermissionBoundary: configuration.environmentRolePermissionBoundary,
    manageAccessRoleArn: configuration.manageAccessRoleArn,
    enabledRegions: configuration.enabledRegions,
    regionalParameters: configuration.regionalParameters,
    createdAt: new Date(configuration.createdAt),
    updatedAt: new Date(configuration.updatedAt),
    provisioningConfigurations: configuration.provisioningConfigurations,
  };
}

const putConfiguration: DzHandler<PutEnvironmentBlueprintConfigurationInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  requireAvailable(call, domain);
  const blueprint = findBlueprint(call, domain, input.environmentBlueprintIdentifier ?? '');
  const key = keyOf(domain.id, call.ctx.accountId, blueprint.id);
  const previous = call.state.blueprintConfigurations[key];
  // Full overwrite: members the caller omits are dropped, only createdAt survives.
  const configuration: BlueprintConfigurationRecord = {
    domainId: domain.id,
    accountId: call.ctx.accountId,
    environmentBlueprintId: blueprint.id,
    enabledRegions: input.enabledRegions ?? [],
    provisioningRoleArn: input.provisioningRoleArn,
    manageAccessRoleArn: input.manageAccessRoleArn,
    environmentRolePermissionBoundary: input.environmentRolePermissionBoundary,
    regionalParameters: input.regionalParameters,
    globalParameters: input.globalParameters,
    provisioningConfigurations: input.provisioningConfigurations,
    createdAt: previous?.createdAt ?? call.nowMs,
    updatedAt: call.nowMs,
  };
  call.state.blueprintConfigurations[key] = configuration;
  return view(configuration);
};

const getConfiguration: DzHandler<GetEnvironmentBlueprintConfigurationInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  const blueprint = findBlueprint(call, domain, input.environmentBlueprintIdentifier ?? '');
  const configuration =
    call.state.blueprintConfigurations[keyOf(domain.id, call.ctx.accountId, blueprint.id)];
  if (!configuration) {
    fail(
      'ResourceNotFoundException',
      `No configuration of blueprint ${blueprint.id} in account ${call.ctx.accountId}.`,
    );
  }
  return view(configuration);
};

const deleteConfiguration: DzHandler<DeleteEnvironmentBlueprintConfigurationInput> = (input, call) => {
  // No ResourceNotFoundException is modelled here: deleting an absent configuration succeeds.
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  delete call.state.blueprintConfigurations[
    keyOf(domain.id, call.ctx.accountId, input.environmentBlueprintIdentifier ?? '')
  ];
  return {};
};

const listConfigurations: DzHandler<ListEnvironmentBlueprintConfigurationsInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  const items = Object.values(call.state.blueprintConfigurations)
    .filter((c) => c.domainId === domain.id && c.accountId === call.ctx.accountId)
    .map(view);
  const page = paginate(
    items,
    input,
    pageOptions(call, domain.id, (c) => c.environmentBlueprintId),
  );
  return { items: page.items, nextToken: page.nextToken };
};

/** Blueprint configuration handlers by operation name. */
export const blueprintConfigurationHandlers = {
  PutEnvironmentBlueprintConfiguration: putConfiguration,
  GetEnvironmentBlueprintConfiguration: getConfiguration,
  DeleteEnvironmentBlueprintConfiguration: deleteConfiguration,
  ListEnvironmentBlueprintConfigurations: listConfigurations,
};
