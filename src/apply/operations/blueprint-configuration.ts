/**
 * Carries out changes to blueprint configurations. A configuration belongs to the CALLING account
 * (reference §9), so every call runs with the credentials of the configuration's account (the
 * domain account's own, or the role its AccountAssociation declares). There is no create call:
 * PutEnvironmentBlueprintConfiguration creates or fully overwrites, so create and update send the
 * whole desired configuration, the write-only globalParameters included (omitting them would
 * erase them).
 */
import {
  DeleteEnvironmentBlueprintConfigurationCommand,
  PutEnvironmentBlueprintConfigurationCommand,
  type PutEnvironmentBlueprintConfigurationCommandInput,
} from '@aws-sdk/client-datazone';
import { assertNever, type ManifestOf } from '../../model/manifest.js';
import { errorName } from '../retry.js';
import { ApplyError, type Operation, type OperationContext, type OperationInput } from '../types.js';

/** The domain, account and clients a configuration change runs with. */
interface Where {
  domainName: string;
  domainId: string;
  region: string;
  account: string;
  isDomainAccount: boolean;
}

function whereOf(ctx: OperationContext, input: OperationInput): Where {
  const domainName = input.change.address.domain ?? '';
  const info = ctx.ids.domain(domainName);
  if (!info)
    throw new ApplyError(
      `domain ${domainName} is not known, so its blueprint configurations cannot be changed`,
    );
  const domainAccount = info.accountId || ctx.domainAccount(domainName);
  const account = input.change.address.account ?? input.live?.meta.account ?? domainAccount;
  return {
    domainName,
    domainId: info.id,
    region: info.region,
    account,
    isDomainAccount: account === domainAccount,
  };
}

/** The Put request of a declared configuration (everything, since Put overwrites). */
export function putRequest(
  manifest: ManifestOf<'BlueprintConfiguration'>,
  domainId: string,
  blueprintId: string,
): PutEnvironmentBlueprintConfigurationCommandInput {
  const s = manifest.spec;
  return {
    domainIdentifier: domainId,
    environmentBlueprintIdentifier: blueprintId,
    enabledRegions: [...s.enabledRegions],
    provisioningRoleArn: s.provisioningRole,
    manageAccessRoleArn: s.manageAccessRole,
    environmentRolePermissionBoundary: s.permissionBoundary,
    regionalParameters: s.regionalParameters,
    globalParameters: s.globalParameters,
  };
}

async function put(ctx: OperationContext, input: OperationInput, where: Where): Promise<void> {
  const manifest = input.desired?.manifest;
  if (manifest?.kind !== 'BlueprintConfiguration') {
    throw new ApplyError(
      `blueprint configuration ${input.change.address.name} has no declared configuration to put`,
    );
  }
  const blueprintId = await ctx.blueprintId(where.domainName, manifest.metadata.name);
  const request = putRequest(manifest, where.domainId, blueprintId);
  const clients = ctx.inAccount(where.domainName, where.account, where.region);
  await ctx.call('PutEnvironmentBlueprintConfiguration', `${where.account}/${where.region}`, () =>
    clients.dataZone.send(new PutEnvironmentBlueprintConfigurationCommand(request)),
  );
}

/**
 * Deletes the account's configuration. Delete of an absent configuration succeeds; a domain that
 * is gone answers AccessDenied "not permitted" (reference §3), which for the domain account means
 * the configuration went with it. For another account the same answer may just mean it lost its
 * association, so it is reported rather than taken for success.
 */
async function remove(ctx: OperationContext, input: OperationInput, where: Where): Promise<void> {
  const blueprintId =
    input.live?.meta.blueprintId ?? (await ctx.blueprintId(where.domainName, input.change.address.name));
  const clients = ctx.inAccount(where.domainName, where.account, where.region);
  try {
    await ctx.call('DeleteEnvironmentBlueprintConfiguration', `${where.account}/${where.region}`, () =>
      clients.dataZone.send(
        new DeleteEnvironmentBlueprintConfigurationCommand({
          domainIdentifier: where.domainId,
          environmentBlueprintIdentifier: blueprintId,
        }),
      ),
    );
  } catch (error) {
    const name = errorName(error);
    if (name === 'ResourceNotFoundException') return;
    if (
      name === 'AccessDeniedException' &&
      where.isDomainAccount &&
      /not permitted/i.test(String((error as Error).message))
    )
      return;
    throw error;
  }
}

/** Create, update, replace or delete one blueprint-configuration. */
export const blueprintConfigurationOperation: Operation = async (input, ctx) => {
  const action = input.change.action;
  switch (action) {
    case 'create':
    case 'update':
      return put(ctx, input, whereOf(ctx, input));
    case 'replace': {
      const where = whereOf(ctx, input);
      await remove(ctx, input, where);
      return put(ctx, input, where);
    }
    case 'delete':
      return remove(ctx, input, whereOf(ctx, input));
    case 'noop':
    case 'unmanaged':
      return;
    default:
      return assertNever(action);
  }
};
