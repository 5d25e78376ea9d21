/**
 * Account pools: ListAccountPools (items have no `accountSource`), then GetAccountPool for the
 * pools the plan needs fully read. The pool list also names the pools of profile environments.
 * A custom-handler pool's accounts are known only by asking DataZone (which asks the Lambda):
 * ListAccountsInAccountPool, whose answer goes into `meta` for the plan-time target checks.
 */
import {
  GetAccountPoolCommand,
  ListAccountPoolsCommand,
  ListAccountsInAccountPoolCommand,
  type AccountPoolSummary,
  type GetAccountPoolCommandOutput,
} from '@aws-sdk/client-datazone';
import { compact, type NormalAccountPool } from '../model/normalized.js';
import { isWanted, type DomainContext } from './domain-context.js';
import { NameIndex } from './resolve-names.js';
import { liveResource, READ_FAILED_META } from './resource.js';
import type { LiveResource } from './types.js';
import { viaDataZone } from './pacing.js';
import { DATAZONE_MAX_RESULTS } from './page-sizes.js';

/**
 * Meta key of a custom-handler pool's accounts, as JSON `[{id, regions}]` (absent when the pool has
 * a static list, was not fetched, or the list failed). Not part of the normal value: what the
 * Lambda answers is not the pool's configuration, so it is neither diffed nor fingerprinted.
 */
export const HANDLER_ACCOUNTS_META = 'handlerAccounts';

/** Every pool of the domain; undefined when the list failed. */
export function listAccountPools(dc: DomainContext): Promise<AccountPoolSummary[] | undefined> {
  return dc.read.list('ListAccountPools', dc.where, viaDataZone(dc.clients), async (nextToken) => {
    const out = await dc.clients.dataZone.send(
      new ListAccountPoolsCommand({
        domainIdentifier: dc.domain.id,
        maxResults: DATAZONE_MAX_RESULTS,
        nextToken,
      }),
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
      const got = await read.getListed(
        'GetAccountPool',
        `${dc.where} pool ${name}`,
        viaDataZone(clients),
        () =>
          clients.dataZone.send(new GetAccountPoolCommand({ domainIdentifier: domain.id, identifier: id })),
      );
      if (!got.ok) {
        return got.gone
          ? undefined
          : liveResource({ ...base, meta: { ...base.meta, [READ_FAILED_META]: 'GetAccountPool' } });
      }
      const handlerAccounts = got.value.accountSource?.customAccountPoolHandler
        ? await listHandlerAccounts(dc, id, name)
        : undefined;
      return liveResource({
        ...base,
        normal: normalizeAccountPool(got.value),
        meta: { ...base.meta, [HANDLER_ACCOUNTS_META]: handlerAccounts },
        lastUpdatedAt: got.value.lastUpdatedAt,
      });
    }),
  );
  return resources.filter((r): r is LiveResource => r !== undefined);
}

/** A custom-handler pool's accounts as JSON (see HANDLER_ACCOUNTS_META); undefined when the list failed. */
async function listHandlerAccounts(dc: DomainContext, id: string, name: string) {
  const items = await dc.read.list(
    'ListAccountsInAccountPool',
    `${dc.where} pool ${name}`,
    viaDataZone(dc.clients),
    async (nextToken) => {
      const out = await dc.clients.dataZone.send(
        new ListAccountsInAccountPoolCommand({
          domainIdentifier: dc.domain.id,
          identifier: id,
          maxResults: DATAZONE_MAX_RESULTS,
          nextToken,
        }),
      );
      return { items: out.items, nextToken: out.nextToken };
    },
  );
  if (!items) return undefined;
  const accounts = items
    .map((a) => ({ id: a.awsAccountId ?? '', regions: [...(a.supportedRegions ?? [])].sort() }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return JSON.stringify(accounts);
}
