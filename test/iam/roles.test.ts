/**
 * Issue 19.3: the plan role can reach only read-only reader roles; the apply role the deployer
 * roles, which trust only it; `iam-policy` prints all four policies (plan, apply, reader,
 * deployer) and their trust policies. Goldens, plus the properties that make the split safe.
 */
import { describe, expect, it } from 'vitest';
import { IAM_OPERATIONS } from '../../src/iam/operations.js';
import { renderPolicy } from '../../src/iam/policy-document.js';
import { allowedActions, buildToolPolicy, type PolicyMode } from '../../src/iam/tool-policy.js';
import { buildTrustPolicy, renderTrustPolicy } from '../../src/iam/trust-policy.js';
import { runCli } from '../helpers/cli.js';
import { policyProblems } from './policy-shape.js';

const MODES: PolicyMode[] = ['plan', 'apply', 'reader', 'deployer'];
const ACCOUNTS = { account: '111122223333', domainAccount: '111122223333' };
const TRUST = { toolAccount: '111122223333', repository: 'acme/platform', environment: 'production' };

function assumeResources(mode: PolicyMode): string[] {
  return buildToolPolicy(mode, ACCOUNTS)
    .Statement.filter((s) => s.Action.includes('sts:AssumeRole'))
    .flatMap((s) => s.Resource ?? []);
}

describe('four roles', () => {
  it.each(MODES)('%s policy matches its golden and is well-formed', async (mode) => {
    const text = renderPolicy(buildToolPolicy(mode, ACCOUNTS));
    expect(policyProblems(JSON.parse(text))).toEqual([]);
    await expect(text).toMatchFileSnapshot(`__golden__/role-policy.${mode}.json`);
  });

  it.each(MODES)('%s trust policy matches its golden', async (mode) => {
    await expect(
      renderTrustPolicy(buildTrustPolicy(mode, { ...TRUST, externalId: 'corp-ext-1' })),
    ).toMatchFileSnapshot(`__golden__/role-trust.${mode}.json`);
  });

  it('plan may assume only reader roles; apply the deployer roles; assumed roles nothing', () => {
    expect(assumeResources('plan')).toEqual(['arn:aws:iam::*:role/SmusGitOpsReader']);
    expect(assumeResources('apply')).toEqual(['arn:aws:iam::*:role/SmusGitOpsDeployer']);
    expect(assumeResources('reader')).toEqual([]);
    expect(assumeResources('deployer')).toEqual([]);
  });

  it('the reader role allows no write action', () => {
    const writes = new Set(IAM_OPERATIONS.filter((o) => o.access === 'write').flatMap((o) => o.actions));
    expect([...allowedActions(buildToolPolicy('reader', ACCOUNTS))].filter((a) => writes.has(a))).toEqual([]);
  });

  it('only the apply role may assume a deployer role; pull requests reach only the plan role', () => {
    const deployer = buildTrustPolicy('deployer', TRUST).Statement;
    expect(deployer.map((s) => s.Principal)).toEqual([
      { AWS: ['arn:aws:iam::111122223333:role/SmusGitOpsApply'] },
    ]);
    const apply = buildTrustPolicy('apply', TRUST).Statement[0];
    expect(apply?.Condition?.['StringEquals']?.['token.actions.githubusercontent.com:sub']).toBe(
      'repo:acme/platform:environment:production',
    );
  });

  it('the CLI prints the reader policy and the deployer trust policy', async () => {
    const reader = await runCli(['iam-policy', '--mode', 'reader']);
    expect(reader.exitCode).toBe(0);
    expect(reader.stdout).toBe(renderPolicy(buildToolPolicy('reader', { account: '*', domainAccount: '*' })));
    const trust = await runCli(
      ['iam-policy', '--mode', 'deployer', '--trust', '--external-id', 'corp-ext-1'],
      { env: { GITHUB_REPOSITORY: 'acme/platform' } },
    );
    expect(trust.stdout).toBe(
      renderTrustPolicy(
        buildTrustPolicy('deployer', { ...TRUST, toolAccount: 'ACCOUNT_ID', externalId: 'corp-ext-1' }),
      ),
    );
  });
});
