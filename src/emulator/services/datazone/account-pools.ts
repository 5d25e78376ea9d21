/**
 * Account pools (V2 domains only): a static list of accounts or a custom Lambda handler whose
 * answer the emulator takes from `state.lambdaAccounts` (registered by the `lambda-accounts`
 * control hook; an unregistered Lambda answers an empty list). Names are unique per domain; at
 * most `accountPoolsPerDomain` pools; a pool referenced by a profile's environment configuration
 * cannot be deleted (ValidationException: DeleteAccountPool models no ConflictException).
 */
import type {
  AccountInfo,
  AccountSource,
  CreateAccountPoolInput,
  DeleteAccountPoolInput,
  GetAccountPoolInput,
  ListAccountPoolsInput,
  ListAccountsInAccountPoolInput,
  UpdateAccountPoolInput,
} from '@aws-sdk/client-datazone';
import { paginate } from '../paginate.js';
import { fail, pageOptions, type DzCall, type DzHandler } from './call.js';
import { opaqueId } from './ids.js';
import { checkNameFree, findDomain, findPool, inDomain, requireAvailable } from './lookups.js';
import { callerProfileId } from './principals.js';
import { checkQuota } from './quotas.js';
import type { AccountPoolRecord, DomainRecord } from './state.js';

/** The accounts a pool offers: its static list, or what its Lambda answers. */
export function poolAccounts(call: DzCall, pool: AccountPoolRecord): AccountInfo[] {
  const { accounts, customAccountPoolHandler } = pool.accountSource;
  if (accounts) return accounts;
  return customAccountPoolHandler
    ? (call.state.lambdaAccounts[customAccountPoolHandler.lambdaFunctionArn] ?? [])
    : [];
}

/** Exactly one member of the `accountSource` union, stored without unknown members. */
function sourceOf(source: AccountSource | undefined): AccountPoolRecord['accountSource'] {
  const accounts = source?.accounts;
  const handler = source?.customAccountPoolHandler;
  if ((accounts === undefined) === (handler === undefined)) {
    fail(
      'ValidationException',
      'accountSource must set exactly one of accounts or customAccountPoolHandler.',
    );
  }
  if (accounts) {
    return {
      accounts: accounts.map((a) => ({
        awsAccountId: a.awsAccountId ?? '',
        supportedRegions: a.supportedRegions ?? [],
        ...(a.awsAccountName !== undefined ? { awsAccountName: a.awsAccountName } : {}),
      })),
    };
  }
  return {
    customAccountPoolHandler: {
      lambdaFunctionArn: handler?.lambdaFunctionArn ?? '',
      ...(handler?.lambdaExecutionRoleArn !== undefined
        ? { lambdaExecutionRoleArn: handler.lambdaExecutionRoleArn }
        : {}),
    },
  };
}

function requireV2(domain: DomainRecord): void {
  if (domain.domainVersion !== 'V2')
    fail('ValidationException', 'Account pools are not supported by V1 domains.');
}

function view(pool: AccountPoolRecord) {
  return {
    domainId: pool.domainId,
    name: pool.name,
    id: pool.id,
    description: pool.description,
    resolutionStrategy: pool.resolutionStrategy,
    accountSource: pool.accountSource,
    createdBy: pool.createdBy,
    createdAt: new Date(pool.createdAt),
    lastUpdatedAt: new Date(pool.lastUpdatedAt),
    updatedBy: pool.updatedBy,
    domainUnitId: pool.domainUnitId,
  };
}

const createAccountPool: DzHandler<CreateAccountPoolInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'owner');
  requireV2(domain);
  requireAvailable(call, domain);
  const pools = inDomain(call.state.accountPools, domain.id);
  checkNameFree(pools, input.name ?? '', 'account pool');
  checkQuota(call, 'accountPoolsPerDomain', pools.length + 1, 'account pools per domain');
  const pool: AccountPoolRecord = {
    id: opaqueId(call.ctx, 'pool'),
    domainId: domain.id,
    name: input.name ?? '',
    description: input.description,
    resolutionStrategy: input.resolutionStrategy ?? 'MANUAL',
    accountSource: sourceOf(input.accountSource),
    domainUnitId: domain.rootDomainUnitId,
    createdBy: callerProfileId(call, domain.id),
    createdAt: call.nowMs,
    lastUpdatedAt: call.nowMs,
  };
  call.state.accountPools[pool.id] = pool;
  return view(pool);
};

const getAccountPool: DzHandler<GetAccountPoolInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  return view(findPool(call, domain, input.identifier ?? ''));
};

const updateAccountPool: DzHandler<UpdateAccountPoolInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'owner');
  requireAvailable(call, domain);
  const pool = findPool(call, domain, input.identifier ?? '');
  if (input.name !== undefined) {
    checkNameFree(inDomain(call.state.accountPools, domain.id), input.name, 'account pool', pool.id);
    pool.name = input.name;
  }
  if (input.description !== undefined) pool.description = input.description;
  if (input.resolutionStrategy !== undefined) pool.resolutionStrategy = input.resolutionStrategy;
  if (input.accountSource !== undefined) pool.accountSource = sourceOf(input.accountSource);
  pool.lastUpdatedAt = call.nowMs;
  pool.updatedBy = callerProfileId(call, domain.id);
  return view(pool);
};

const deleteAccountPool: DzHandler<DeleteAccountPoolInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'owner');
  requireAvailable(call, domain);
  const pool = findPool(call, domain, input.identifier ?? '');
  const users = inDomain(call.state.projectProfiles, domain.id).filter((profile) =>
    profile.environmentConfigurations.some((config) => config.accountPools?.includes(pool.id)),
  );
  if (users.length > 0) {
    fail(
      'ValidationException',
      `Account pool ${pool.id} is used by project profile(s) ${users.map((p) => p.id).join(', ')}.`,
    );
  }
  delete call.state.accountPools[pool.id];
  return {};
};

const listAccountPools: DzHandler<ListAccountPoolsInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  const pools = inDomain(call.state.accountPools, domain.id).filter(
    (pool) => input.name === undefined || pool.name.includes(input.name),
  );
  const items = pools.map((pool) => ({
    domainId: pool.domainId,
    id: pool.id,
    name: pool.name,
    resolutionStrategy: pool.resolutionStrategy,
    domainUnitId: pool.domainUnitId,
    createdBy: pool.createdBy,
    updatedBy: pool.updatedBy,
  }));
  const key = `${domain.id}:${input.name ?? ''}:${input.sortBy ?? ''}:${input.sortOrder ?? ''}`;
  // A sorted listing is never shuffled: the caller asked for an order.
  const options = pageOptions(call, key, (pool: { id?: string; name: string }) => pool.id ?? '');
  const sorted = input.sortBy !== undefined || input.sortOrder !== undefined;
  const page = paginate(
    items,
    input,
    sorted
      ? { ...options, order: (pool) => [pool.name], descending: input.sortOrder === 'DESCENDING' }
      : options,
  );
  return { items: page.items, nextToken: page.nextToken };
};

const listAccountsInAccountPool: DzHandler<ListAccountsInAccountPoolInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  const pool = findPool(call, domain, input.identifier ?? '');
  const page = paginate(
    poolAccounts(call, pool),
    input,
    pageOptions(call, `${domain.id}:${pool.id}`, (a) => a.awsAccountId ?? ''),
  );
  return { items: page.items, nextToken: page.nextToken };
};

/** Account pool handlers by operation name. */
export const accountPoolHandlers = {
  CreateAccountPool: createAccountPool,
  GetAccountPool: getAccountPool,
  UpdateAccountPool: updateAccountPool,
  DeleteAccountPool: deleteAccountPool,
  ListAccountPools: listAccountPools,
  ListAccountsInAccountPool: listAccountsInAccountPool,
};
