/**
 * Account pools: ListAccountPools (items have no `accountSource`), then GetAccountPool for the
 * pools the plan needs fully read. The pool list also names the pools of profile environments.
 */
import {
  GetAccountPoolCommand,
  ListAccountPoolsCommand,
  type AccountPoolSummary,
  type GetAccountPoolCommandOutput,
} from '@aws-sdk/client-datazone';
import { compact, type NormalAccountPool } from '../model/normalized.js';
import { isWanted, type DomainContext } from './domain-context.js';
import { NameIndex } from './resolve-names.js';
import { liveResource, READ_FAILED_META } from './resource.js';
import type { LiveResource } from './types.js';

/** Every pool of the domain; undefined when the list failed. */
export function listAccountPools(dc: DomainContext): Promise<AccountPoolSummary[] | undefined> {
  return dc.read.list('ListAccountPools', dc.where, async (nextToken) => {
    const out = await dc.clients.dataZone.send(
      new ListAccountPoolsCommand({ domainIdentifier: dc.domain.id, nextToken }),
    );
    return { items: out.items, nextToken: out.nextToken };
  });
}

/** Pool names by id. */
export function poolNames(pools: AccountPoolSummary[] | undefined): NameIndex {
  return new NameIndex((pools ?? []).map((p) => [p.id ?? '', p.name ?? ''] as const));
}

/** The normalised value of a pool (the mirror of the AccountPool manifest's desired value). */
export function normalizeAccountPool(pool: GetAccountPoolCommandOutput): NormalAccountPool {
  const source = pool.accountSource;
  const handler = source?.customAccountPoolHandler;
  const normal: NormalAccountPool = {
    description: pool.description,
    resolutionStrategy: pool.resolutionStrategy ?? 'MANUAL',
    accounts: source?.accounts?.map((a) => ({
      id: a.awsAccountId ?? '',
      name: a.awsAccountName,
      regions: [...(a.supportedRegions ?? [])],
    })),
    customHandler: handler && {
      lambdaFunctionArn: handler.lambdaFunctionArn ?? '',
      lambdaExecutionRoleArn: handler.lambdaExecutionRoleArn,
    },
  };
  return compact(normal);
}

/** The LiveResources of the listed pools (fetched when wanted). */
export async function readAccountPools(
  dc: DomainContext,
  pools: AccountPoolSummary[],
): Promise<LiveResource[]> {
  const { domain, clients, read } = dc;
  const resources = await Promise.all(
    pools.map(async (pool) => {
      const id = pool.id ?? '';
      const name = pool.name ?? '';
      const base = {
        address: { kind: 'AccountPool' as const, domain: domain.name, name },
        id,
        summary: pool,
        meta: { domainId: domain.id, poolId: id },
      };
      if (!isWanted(dc.scope, 'AccountPool', name)) return liveResource(base);
      const got = await read.get('GetAccountPool', `${dc.where} pool ${name}`, () =>
        clients.dataZone.send(new GetAccountPoolCommand({ domainIdentifier: domain.id, identifier: id })),
      );
      if (!got.ok) {
        return got.gone
          ? undefined
          : liveResource({ ...base, meta: { ...base.meta, [READ_FAILED_META]: 'GetAccountPool' } });
      }
      return liveResource({
        ...base,
        normal: normalizeAccountPool(got.value),
        lastUpdatedAt: got.value.lastUpdatedAt,
      });
    }),
  );
  return resources.filter((r): r is LiveResource => r !== undefined);
}
