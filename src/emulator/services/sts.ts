/**
 * STS of the emulator: AssumeRole issues credentials that act for the role's account, and
 * GetCallerIdentity reports who the caller is. Issued keys are kept in the world (so they survive a
 * restart from the state file); the wire layer's identity module looks them up.
 */
import type { CallContext, EmulatorWorld, ServiceImpl } from '../types.js';
import { EmulatorServiceError } from '../types.js';
import { createHash } from 'node:crypto';

/** What an issued access key stands for. */
export interface IssuedKey {
  accountId: string;
  /** Assumed-role ARN: `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`. */
  arn: string;
  /** `AROA…:SESSION`, as GetCallerIdentity's UserId for an assumed role. */
  userId: string;
  roleArn: string;
  /** Epoch ms (emulated clock). Not enforced: long test runs must not lose their identity. */
  expiresAt: number;
}

/** STS's slice of the world. */
export interface StsState {
  keys: Record<string, IssuedKey>;
}

/** Returns STS's slice of the world, creating it on first use. */
export function stsState(world: EmulatorWorld): StsState {
  const existing = world.services.sts as StsState | undefined;
  if (existing) return existing;
  const fresh: StsState = { keys: {} };
  world.services.sts = fresh;
  return fresh;
}

/** The record of an access key the emulator issued, if it did. */
export function issuedKey(world: EmulatorWorld, accessKeyId: string): IssuedKey | undefined {
  const state = world.services.sts as StsState | undefined;
  return state?.keys[accessKeyId];
}

function roleIdChars(roleArn: string): string {
  const digest = createHash('sha256').update(roleArn).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return Array.from(digest.subarray(0, 17), (b) => alphabet[b % alphabet.length]).join('');
}
/**
 * PackedPolicySize: "a percentage value that indicates the packed size of the session policies
 * and session tags combined passed in the request" (STS model). Absent when the request passes
 * none. The real packing is not public; the emulator estimates it from the JSON size of the
 * policy, the policy ARNs and the tags against a 2048-character budget (decisions.md, item 11),
 * and refuses more than 100 % with PackedPolicyTooLarge, as STS does.
 */
function packedPolicySize(input: Record<string, unknown>): number | undefined {
  const policy = typeof input.Policy === 'string' ? input.Policy.replace(/\s+/g, '') : '';
  const arns = Array.isArray(input.PolicyArns) ? JSON.stringify(input.PolicyArns) : '';
  const tags = Array.isArray(input.Tags) ? JSON.stringify(input.Tags) : '';
  if (policy === '' && arns === '' && tags === '') return undefined;
  const percent = Math.max(1, Math.ceil(((policy.length + arns.length + tags.length) * 100) / 2048));
  if (percent > 100) {
    throw new EmulatorServiceError(
      'PackedPolicyTooLargeException',
      `Packed policy consumes ${percent}% of allotted space, please use smaller policy.`,
    );
  }
  return percent;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

function assumeRole(world: EmulatorWorld, input: Record<string, unknown>, ctx: CallContext): unknown {
  const roleArn = String(input.RoleArn);
  const session = String(input.RoleSessionName);
  const match = ROLE_ARN.exec(roleArn);
  if (!match) throw new EmulatorServiceError('ValidationError', `${roleArn} is not a valid role ARN`);
  const [, accountId = '', roleName = ''] = match;
  const duration = typeof input.DurationSeconds === 'number' ? input.DurationSeconds : 3600;
  // Key material comes from the seeded id generator: reproducible, never reissued after a restart.
  const accessKeyId = `ASIA${ctx.newId().toUpperCase()}EM`;
  // The role id is stable per role ARN, as in IAM.
  const roleId = `AROA${roleIdChars(roleArn)}`;
  const expiresAt = ctx.now().getTime() + duration * 1000;
  const arn = `arn:aws:sts::${accountId}:assumed-role/${roleName}/${session}`;
  stsState(world).keys[accessKeyId] = { accountId, arn, userId: `${roleId}:${session}`, roleArn, expiresAt };
  return {
    Credentials: {
      AccessKeyId: accessKeyId,
      SecretAccessKey: `emulator/${ctx.newId()}${ctx.newId()}`,
      SessionToken: `emulator-session-${ctx.newId()}`,
      Expiration: new Date(expiresAt),
    },
    AssumedRoleUser: { Arn: arn, AssumedRoleId: `${roleId}:${session}` },
    PackedPolicySize: packedPolicySize(input),
  };
}

/** Builds the STS service over the world. */
export function createStsService(world: EmulatorWorld): ServiceImpl {
  stsState(world);
  return {
    service: 'sts',
    handlers: {
      AssumeRole: (input, ctx) => assumeRole(world, input, ctx),
      // The wire layer resolved the caller into ctx: GetCallerIdentity just reports it.
      GetCallerIdentity: (_input, ctx) => ({
        Account: ctx.accountId,
        Arn: ctx.callerArn,
        UserId: issuedUserId(world, ctx),
      }),
    },
  };
}

function issuedUserId(world: EmulatorWorld, ctx: CallContext): string {
  const state = stsState(world);
  for (const key of Object.values(state.keys)) if (key.arn === ctx.callerArn) return key.userId;
  return 'AIDAEMULATORHOMEUSER';
}
