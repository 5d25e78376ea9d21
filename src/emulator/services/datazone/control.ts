/**
 * Test-only hooks of the DataZone service, served by the wire layer at
 * `POST /__emulator/service/datazone/<name>` (a path AWS never uses):
 *
 * - `lambda-accounts` `{lambdaFunctionArn, accounts: [{awsAccountId, supportedRegions, awsAccountName?}]}`:
 *   what a custom account-pool Lambda answers (replaces any earlier answer).
 * - `sso-users` `{userNames: [..]}`: IAM Identity Center users the emulated directory knows.
 * - `quotas` `{projectsPerDomain: 3, …}`: lowers (or restores) quotas; names as in quotas.ts.
 */
import { EmulatorServiceError, type CallContext, type EmulatorWorld } from '../../types.js';
import { DEFAULT_QUOTAS } from './quotas.js';
import { dataZoneState, type DataZoneState } from './state.js';

type Account = DataZoneState['lambdaAccounts'][string][number];

function bad(message: string): never {
  throw new EmulatorServiceError('ValidationException', message);
}

function record(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    bad('The body must be a JSON object.');
  return body as Record<string, unknown>;
}

function isAccount(value: unknown): value is Account {
  const v = value as Partial<Account> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.awsAccountId === 'string' &&
    Array.isArray(v.supportedRegions) &&
    v.supportedRegions.every((r) => typeof r === 'string') &&
    (v.awsAccountName === undefined || typeof v.awsAccountName === 'string')
  );
}

/** The DataZone control hooks over the world. */
export function dataZoneControl(world: EmulatorWorld) {
  return {
    'lambda-accounts': (body: unknown, _ctx: CallContext) => {
      const { lambdaFunctionArn, accounts } = record(body);
      if (typeof lambdaFunctionArn !== 'string') bad('lambdaFunctionArn must be a string.');
      if (!Array.isArray(accounts) || !accounts.every(isAccount))
        bad('accounts must be a list of AccountInfo.');
      dataZoneState(world).lambdaAccounts[lambdaFunctionArn] = accounts;
      return { lambdaFunctionArn, accounts: accounts.length };
    },
    'sso-users': (body: unknown, _ctx: CallContext) => {
      const { userNames } = record(body);
      if (!Array.isArray(userNames) || !userNames.every((n) => typeof n === 'string'))
        bad('userNames must be strings.');
      const state = dataZoneState(world);
      state.ssoUsers = [...new Set([...(state.ssoUsers ?? []), ...userNames])];
      return { userNames: state.ssoUsers };
    },
    'sso-groups': (body: unknown, _ctx: CallContext) => {
      const { groupNames } = record(body);
      if (!Array.isArray(groupNames) || !groupNames.every((n) => typeof n === 'string'))
        bad('groupNames must be strings.');
      const state = dataZoneState(world);
      state.ssoGroups = [...new Set([...(state.ssoGroups ?? []), ...groupNames])];
      return { groupNames: state.ssoGroups };
    },
    quotas: (body: unknown, _ctx: CallContext) => {
      const state = dataZoneState(world);
      const quotas = { ...(state.quotas ?? {}) };
      for (const [name, value] of Object.entries(record(body))) {
        if (!(name in DEFAULT_QUOTAS)) bad(`Unknown quota ${name}.`);
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
          bad(`Quota ${name} must be an integer ≥ 0.`);
        quotas[name] = value;
      }
      state.quotas = quotas;
      return { quotas: { ...DEFAULT_QUOTAS, ...quotas } };
    },
  };
}
