/**
 * Who is calling (DESIGN §8). The wire layer reads the SigV4 credential scope of the
 * `Authorization` header (`Credential=AKID/DATE/REGION/SERVICE/aws4_request`) without verifying
 * the signature: the signing name picks the service, the region scopes the state, and the access
 * key id picks the account. Keys issued by the emulator's STS AssumeRole act as the role's account
 * with the assumed-role ARN; any other key acts as the home account as the IAM user
 * `arn:aws:iam::<home>:user/emulator`.
 */
import type { EmulatorWorld } from './types.js';
import { issuedKey } from './services/sts.js';

/** The parts of a SigV4 credential scope. */
export interface SigV4Scope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

/** The caller as services and GetCallerIdentity see it. */
export interface Caller {
  accountId: string;
  arn: string;
  userId: string;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/;

/** Parses the credential scope from an `Authorization` header; undefined when absent or not SigV4. */
export function parseSigV4(authorization: string | undefined): SigV4Scope | undefined {
  if (!authorization) return undefined;
  const match = CREDENTIAL.exec(authorization);
  if (!match) return undefined;
  const [, accessKeyId = '', date = '', region = '', service = ''] = match;
  return { accessKeyId, date, region, service };
}

/** The IAM user that unrecognised credentials act as. */
export function homeCaller(homeAccountId: string): Caller {
  return {
    accountId: homeAccountId,
    arn: `arn:aws:iam::${homeAccountId}:user/emulator`,
    userId: 'AIDAEMULATORHOMEUSER',
  };
}

/** Resolves the caller of an access key id. */
export function resolveCaller(world: EmulatorWorld, accessKeyId: string, homeAccountId: string): Caller {
  const issued = issuedKey(world, accessKeyId);
  if (issued) return { accountId: issued.accountId, arn: issued.arn, userId: issued.userId };
  return homeCaller(homeAccountId);
}
