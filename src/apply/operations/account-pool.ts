/**
 * Carries out changes to account pools. CreateAccountPool has no idempotency token, so the name is
 * looked up first (ListAccountPools name filter, every page, exact match) and a match adopted; an
 * update (PATCH) always sends the complete `accountSource`, a union that is replaced as a whole.
 */
import {
  CreateAccountPoolCommand,
  DeleteAccountPoolCommand,
  ListAccountPoolsCommand,
  UpdateAccountPoolCommand,
  type AccountSource,
  type ResolutionStrategy,
} from '@aws-sdk/client-datazone';
import { assertNever } from '../../model/manifest.js';
import type { NormalAccountPool } from '../../model/normalized.js';
import { normalizeDesired } from '../../plan/normalize-desired.js';
import { ApplyError, type Operation, type OperationContext, type OperationInput } from '../types.js';
import { deleteTolerant, domainRef, listAll, type DomainRef } from './dz-calls.js';
import { createOrAdopt, exactMatch } from './dz-named.js';

/** The request fields of a pool: static accounts or a custom handler (exactly one). */
export function poolRequest(pool: NormalAccountPool): {
  description?: string;
  resolutionStrategy: ResolutionStrategy;
  accountSource: AccountSource;
} {
  const accountSource: AccountSource = pool.customHandler
    ? {
        customAccountPoolHandler: {
          lambdaFunctionArn: pool.customHandler.lambdaFunctionArn,
          lambdaExecutionRoleArn: pool.customHandler.lambdaExecutionRoleArn,
        },
      }
    : {
        accounts: (pool.accounts ?? []).map((a) => ({
          awsAccountId: a.id,
          awsAccountName: a.name,
          supportedRegions: [...a.regions],
        })),
      };
  return {
    description: pool.description,
    resolutionStrategy: pool.resolutionStrategy as ResolutionStrategy,
    accountSource,
  };
}

async function findPool(ctx: OperationContext, d: DomainRef, name: string): Promise<string | undefined> {
  const items = await listAll(ctx, 'ListAccountPools', d.scope, (nextToken) =>
    d.clients.dataZone.send(new ListAccountPoolsCommand({ domainIdentifier: d.id, name, nextToken })),
  );
  return exactMatch(items, name, 'account pool');
}

async function updatePool(
  ctx: OperationContext,
  d: DomainRef,
  id: string,
  pool: NormalAccountPool,
): Promise<void> {
  const request = poolRequest(pool);
  await ctx.call('UpdateAccountPool', d.scope, () =>
    d.clients.dataZone.send(
      new UpdateAccountPoolCommand({
        domainIdentifier: d.id,
        identifier: id,
        ...request,
        // '' clears a description the manifest no longer sets (an absent member changes nothing).
        description: request.description ?? '',
      }),
    ),
  );
}

async function ensurePool(
  ctx: OperationContext,
  d: DomainRef,
  name: string,
  pool: NormalAccountPool,
): Promise<void> {
  const { id, adopted } = await createOrAdopt({
    find: () => findPool(ctx, d, name),
    async create() {
      const out = await ctx.call('CreateAccountPool', d.scope, () =>
        d.clients.dataZone.send(
          new CreateAccountPoolCommand({ domainIdentifier: d.id, name, ...poolRequest(pool) }),
        ),
      );
      if (!out.id) throw new ApplyError(`CreateAccountPool of ${name} answered no id`);
      return out.id;
    },
  });
  ctx.ids.set('AccountPool', d.name, name, id);
  if (adopted) await updatePool(ctx, d, id, pool);
}

async function deletePool(ctx: OperationContext, d: DomainRef, name: string, id: string): Promise<void> {
  await deleteTolerant(() =>
    ctx.call('DeleteAccountPool', d.scope, () =>
      d.clients.dataZone.send(new DeleteAccountPoolCommand({ domainIdentifier: d.id, identifier: id })),
    ),
  );
  ctx.ids.delete('AccountPool', d.name, name);
}

function desiredPool(input: OperationInput): NormalAccountPool {
  const m = input.desired?.manifest;
  if (m?.kind !== 'AccountPool')
    throw new ApplyError(
      `${input.change.action} of AccountPool/${input.change.address.name} needs its manifest`,
    );
  return (input.desired?.normal ?? normalizeDesired(m)) as NormalAccountPool;
}

/** Create, update, replace or delete one account-pool. */
export const accountPoolOperation: Operation = async (input, ctx) => {
  const { change, live } = input;
  const name = change.address.name;
  const d = domainRef(ctx, change.address.domain ?? '');
  const liveId = live?.id ?? change.id ?? ctx.ids.get('AccountPool', d.name, name);
  switch (change.action) {
    case 'create':
      return ensurePool(ctx, d, name, desiredPool(input));
    case 'update':
      if (!liveId) return ensurePool(ctx, d, name, desiredPool(input));
      ctx.ids.set('AccountPool', d.name, name, liveId);
      return updatePool(ctx, d, liveId, desiredPool(input));
    case 'replace':
      if (liveId) await deletePool(ctx, d, name, liveId);
      return ensurePool(ctx, d, name, desiredPool(input));
    case 'delete':
      if (liveId) await deletePool(ctx, d, name, liveId);
      return;
    case 'noop':
    case 'unmanaged':
      return;
    default:
      return assertNever(change.action);
  }
};
