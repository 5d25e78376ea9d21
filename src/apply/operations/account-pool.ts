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
import type { NormalAccountPool } from '../../model/normalized.js';
import type { Operation } from '../types.js';
import { listAll } from './dz-calls.js';
import { exactMatch } from './dz-named.js';
import {
  createdId,
  deleteCall,
  ensureNamed,
  namedOperation,
  type NamedTarget,
} from './dz-named-operation.js';

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

async function findPool({ ctx, d, name }: NamedTarget): Promise<string | undefined> {
  const items = await listAll(ctx, 'ListAccountPools', d.scope, (nextToken) =>
    d.clients.dataZone.send(new ListAccountPoolsCommand({ domainIdentifier: d.id, name, nextToken })),
  );
  return exactMatch(items, name, 'account pool');
}

async function updatePool({ ctx, d }: NamedTarget, id: string, pool: NormalAccountPool): Promise<void> {
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

async function ensurePool(target: NamedTarget, pool: NormalAccountPool): Promise<void> {
  const { ctx, d, name } = target;
  return ensureNamed(target, {
    find: () => findPool(target),
    async create() {
      const out = await ctx.call('CreateAccountPool', d.scope, () =>
        d.clients.dataZone.send(
          new CreateAccountPoolCommand({ domainIdentifier: d.id, name, ...poolRequest(pool) }),
        ),
      );
      return createdId(out, 'CreateAccountPool', name);
    },
    update: (id) => updatePool(target, id, pool),
  });
}

/** Create, update, replace or delete one account-pool. */
export const accountPoolOperation: Operation = namedOperation<NormalAccountPool>({
  kind: 'AccountPool',
  ensure: ensurePool,
  update: updatePool,
  remove: deleteCall('DeleteAccountPool', (d, request) =>
    d.clients.dataZone.send(new DeleteAccountPoolCommand(request)),
  ),
});
