/**
 * Trust policies of the four roles (issue 19.3). The tool's own roles are assumed by GitHub
 * Actions through OIDC: `plan` by any workflow run of the repository (pull requests run plan, and
 * plan can only read), `apply` only by jobs of the protected deployment environment. In every other
 * account the `reader` role trusts only the plan and apply roles, and the `deployer` role only the
 * apply role: what a pull request can reach is read-only everywhere. An ExternalId, when given, is
 * required by both assumed roles (the manifests' `externalId`).
 */
import { assertNever } from '../model/manifest.js';
import { POLICY_VERSION } from './policy-document.js';
import type { PolicyMode } from './tool-policy.js';

/** The OIDC provider of GitHub Actions. */
const GITHUB_OIDC = 'token.actions.githubusercontent.com';

/** Default names of the tool's own roles (in the account that runs it). */
export const TOOL_ROLE_NAMES = { plan: 'SmusGitOpsPlan', apply: 'SmusGitOpsApply' } as const;

/** What a trust policy is written for. */
export interface TrustOptions {
  /** The account of the tool's own roles (and of the GitHub OIDC provider); `ACCOUNT_ID` when unknown. */
  toolAccount: string;
  /** `OWNER/REPO` of the manifests repository. */
  repository: string;
  /** The protected GitHub environment apply runs in. */
  environment: string;
  /** ExternalId the assumed roles require. */
  externalId?: string;
}

/** One statement of a trust policy. */
export interface TrustStatement {
  Sid: string;
  Effect: 'Allow';
  Principal: { Federated: string } | { AWS: string[] };
  Action: string;
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** A role trust policy document. */
export interface TrustPolicy {
  Version: typeof POLICY_VERSION;
  Statement: TrustStatement[];
}

function github(options: TrustOptions, sid: string, subject: { like: boolean; value: string }): TrustPolicy {
  const audience = { [`${GITHUB_OIDC}:aud`]: 'sts.amazonaws.com' };
  const sub = { [`${GITHUB_OIDC}:sub`]: subject.value };
  return {
    Version: POLICY_VERSION,
    Statement: [
      {
        Sid: sid,
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${options.toolAccount}:oidc-provider/${GITHUB_OIDC}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: subject.like
          ? { StringEquals: audience, StringLike: sub }
          : { StringEquals: { ...audience, ...sub } },
      },
    ],
  };
}

function assumedBy(options: TrustOptions, sid: string, roles: readonly string[]): TrustPolicy {
  return {
    Version: POLICY_VERSION,
    Statement: [
      {
        Sid: sid,
        Effect: 'Allow',
        Principal: { AWS: roles.map((name) => `arn:aws:iam::${options.toolAccount}:role/${name}`) },
        Action: 'sts:AssumeRole',
        ...(options.externalId
          ? { Condition: { StringEquals: { 'sts:ExternalId': options.externalId } } }
          : {}),
      },
    ],
  };
}

/** The trust policy of the role used in `mode`. */
export function buildTrustPolicy(mode: PolicyMode, options: TrustOptions): TrustPolicy {
  switch (mode) {
    case 'plan':
      // Any ref and pull request of the repository: plan, drift and export only read.
      return github(options, 'GitHubActionsOfTheRepository', {
        like: true,
        value: `repo:${options.repository}:*`,
      });
    case 'apply':
      // Only jobs of the protected environment (required reviewers, the default branch only).
      return github(options, 'GitHubProtectedEnvironment', {
        like: false,
        value: `repo:${options.repository}:environment:${options.environment}`,
      });
    case 'reader':
      return assumedBy(options, 'SmusGitOpsToolRoles', [TOOL_ROLE_NAMES.plan, TOOL_ROLE_NAMES.apply]);
    case 'deployer':
      return assumedBy(options, 'SmusGitOpsApplyOnly', [TOOL_ROLE_NAMES.apply]);
    default:
      return assertNever(mode);
  }
}

/** Renders a trust policy as the JSON pasted into the role (two-space indent, trailing newline). */
export function renderTrustPolicy(policy: TrustPolicy): string {
  return `${JSON.stringify(policy, null, 2)}\n`;
}
