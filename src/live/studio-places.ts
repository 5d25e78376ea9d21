/**
 * Reads the Studio domains of every place of the scope, each with the clients of its account: the
 * tool's own for the caller's account, the declared role's for another. Before anything is read
 * in another account, the role's credentials are checked to be of that account (STS
 * GetCallerIdentity): a role of the wrong account, or an account with no role at all, is not
 * read, and is reported in `Observation.studioAccounts` so the plan is refused (the planner must
 * never create a domain where the wrong credentials point).
 */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { ClientFactory } from '../aws/clients.js';
import { viaSts } from './pacing.js';
import type { ReadContext } from './read-context.js';
import { readStudioDomains, type EarlyStudioList, type StudioTarget } from './studio-domains.js';
import type { LiveResource, Observation, StudioPlace } from './types.js';

type StudioAccounts = NonNullable<Observation['studioAccounts']>;

/** Whether `roleArn` yields credentials of `account`; the account found or the problem. */
async function checkRole(
  read: ReadContext,
  factory: ClientFactory,
  account: string,
  roleArn: string,
  region: string,
): Promise<StudioAccounts[number]> {
  const clients = factory.assumed(roleArn, region);
  const got = await read.get(
    'GetCallerIdentity',
    `account ${account} (role ${roleArn})`,
    viaSts(clients),
    () => clients.sts.send(new GetCallerIdentityCommand({})),
  );
  if (!got.ok) return { account, roleArn, problem: `the role ${roleArn} could not be assumed` };
  const actual = got.value.Account ?? '';
  return actual === account
    ? { account, roleArn, actualAccount: actual }
    : {
        account,
        roleArn,
        actualAccount: actual,
        problem: `the role ${roleArn} gives credentials of account ${actual}`,
      };
}

/**
 * Reads every place; returns the resources and what was found when reaching other accounts.
 * `early`: per region, the list of the caller's own Studio domains, already started.
 */
export async function readStudioPlaces(
  read: ReadContext,
  factory: ClientFactory,
  places: readonly StudioPlace[],
  callerAccount: string,
  early: ReadonlyMap<string, EarlyStudioList> = new Map(),
): Promise<{ resources: LiveResource[]; accounts: StudioAccounts }> {
  // A place that names the caller's account is the caller's place: merge the two.
  const merged = new Map<string, StudioPlace>();
  for (const p of places) {
    const account = p.account === callerAccount ? undefined : p.account;
    const key = `${account ?? ''}/${p.region}`;
    const seen = merged.get(key);
    const { account: _declared, ...rest } = p;
    const place: StudioPlace = seen
      ? {
          ...seen,
          names: [...new Set([...seen.names, ...p.names])].sort(),
          prune: seen.prune || p.prune,
          // Merged places keep a profile filter only when both had one.
          ...(seen.profileNames && p.profileNames
            ? { profileNames: [...new Set([...seen.profileNames, ...p.profileNames])].sort() }
            : { profileNames: undefined }),
        }
      : { ...rest, ...(account ? { account } : {}) };
    merged.set(key, place);
  }
  const checks = new Map<string, Promise<StudioAccounts[number]>>();
  const reads = [...merged.values()].map(async (place): Promise<LiveResource[]> => {
    if (!place.account) {
      const target: StudioTarget = { clients: factory.home(place.region), place, account: callerAccount };
      return readStudioDomains(read, target, early.get(place.region));
    }
    const { account, roleArn } = place;
    let check = checks.get(account);
    if (!check) {
      check = roleArn
        ? checkRole(read, factory, account, roleArn, place.region)
        : Promise.resolve({ account, problem: 'no role to assume there' });
      checks.set(account, check);
    }
    const outcome = await check;
    if (outcome.problem || !roleArn) {
      read.skip('ListDomains', `studio domains in account ${account}`, outcome.problem ?? 'no role');
      return [];
    }
    const clients = factory.assumed(roleArn, place.region);
    return readStudioDomains(read, { clients, place, account, addressAccount: account });
  });
  const resources = (await Promise.all(reads)).flat();
  const accounts = (await Promise.all(checks.values())).sort((a, b) => (a.account < b.account ? -1 : 1));
  return { resources, accounts };
}
