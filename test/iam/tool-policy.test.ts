/**
 * The tool's policy: goldens of both modes, valid IAM grammar, `plan` without any write or
 * wildcard action (acceptance 6), `apply` with every table action, `iam:PassRole` only towards
 * DataZone and SageMaker, RAM limited to DataZone shares, and the CLI printing the caller's
 * account when an endpoint is given and `*` otherwise.
 */
import { describe, expect, it } from 'vitest';
import { IAM_OPERATIONS } from '../../src/iam/operations.js';
import { renderPolicy, type PolicyDocument, type PolicyStatement } from '../../src/iam/policy-document.js';
import { allowedActions, buildToolPolicy } from '../../src/iam/tool-policy.js';
import { runCli } from '../helpers/cli.js';
import { HOME_CREDENTIALS, startTestEmulator } from '../helpers/emulator.js';
import { policyProblems } from './policy-shape.js';

const ACCOUNTS = { account: '111122223333', domainAccount: '111122223333' };
const ENV = {
  AWS_ACCESS_KEY_ID: HOME_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: HOME_CREDENTIALS.secretAccessKey,
};

function statement(policy: PolicyDocument, sid: string): PolicyStatement {
  const found = policy.Statement.find((s) => s.Sid === sid);
  if (!found) throw new Error(`no statement ${sid}`);
  return found;
}

describe('iam-policy --mode', () => {
  it.each(['plan', 'apply'] as const)('%s renders the golden policy', async (mode) => {
    await expect(renderPolicy(buildToolPolicy(mode, ACCOUNTS))).toMatchFileSnapshot(
      `__golden__/tool-policy.${mode}.json`,
    );
  });

  it.each(['plan', 'apply'] as const)('%s is a well-formed IAM policy', (mode) => {
    const parsed: unknown = JSON.parse(renderPolicy(buildToolPolicy(mode, ACCOUNTS)));
    expect(policyProblems(parsed)).toEqual([]);
    expect(
      policyProblems(JSON.parse(renderPolicy(buildToolPolicy(mode, { account: '*', domainAccount: '*' })))),
    ).toEqual([]);
  });

  it('plan allows no write action and no wildcard action', () => {
    const actions = [...allowedActions(buildToolPolicy('plan', ACCOUNTS))];
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    const writes = new Set(IAM_OPERATIONS.filter((o) => o.access === 'write').flatMap((o) => o.actions));
    expect(actions.filter((a) => writes.has(a))).toEqual([]);
    // Independent of the table's own flag: every action reads by its name. AssumeRole is the one
    // exception: it changes nothing, and plan needs it to read associated accounts (docs/iam.md).
    expect(actions.filter((a) => !/^[a-z]+:(Get|List|Describe|Search)[A-Za-z]*$/.test(a))).toEqual([
      'sts:AssumeRole',
    ]);
    expect(actions).not.toContain('iam:PassRole');
  });

  it('apply allows every action of the table, and no wildcard action', () => {
    const allowed = allowedActions(buildToolPolicy('apply', ACCOUNTS));
    for (const op of IAM_OPERATIONS) for (const a of op.actions) expect(allowed).toContain(a);
    expect([...allowed].filter((a) => a.includes('*'))).toEqual([]);
  });

  it('apply passes roles of the account only, to DataZone and SageMaker only', () => {
    const policy = buildToolPolicy('apply', ACCOUNTS);
    const passing = policy.Statement.filter((s) => s.Action.includes('iam:PassRole'));
    expect(passing.map((s) => s.Condition?.StringEquals?.['iam:PassedToService'])).toEqual([
      'datazone.amazonaws.com',
      'sagemaker.amazonaws.com',
    ]);
    for (const s of passing) {
      expect(s.Action).toEqual(['iam:PassRole']);
      expect(s.Resource).toEqual(['arn:aws:iam::111122223333:role/*']);
    }
  });

  it('apply scopes DataZone, RAM and SageMaker to the account and to DataZone shares', () => {
    const policy = buildToolPolicy('apply', ACCOUNTS);
    expect(statement(policy, 'DataZoneDomains').Resource).toEqual([
      'arn:aws:datazone:*:111122223333:domain/*',
    ]);
    expect(statement(policy, 'DataZoneAccountLevel').Action).toEqual([
      'datazone:CreateDomain',
      'datazone:ListDomains',
    ]);
    expect(statement(policy, 'SageMakerStudioDomains').Resource).toEqual([
      'arn:aws:sagemaker:*:111122223333:domain/*',
      'arn:aws:sagemaker:*:111122223333:user-profile/*',
    ]);
    const create = statement(policy, 'RamCreateDomainShares');
    expect(create.Action).toEqual(['ram:CreateResourceShare']);
    expect(create.Condition).toEqual({ StringEquals: { 'ram:RequestedResourceType': 'datazone:Domain' } });
    const shares = statement(policy, 'RamDataZoneShares');
    expect(shares.Condition).toEqual({ StringLike: { 'ram:ResourceShareName': 'DataZone*' } });
    expect(shares.Resource).toEqual(['arn:aws:ram:*:111122223333:resource-share/*']);
    expect(statement(policy, 'RamAcceptDataZoneInvitations').Condition).toEqual({
      StringLike: { 'ram:ResourceShareName': 'DataZone*' },
      StringEquals: { 'ram:ShareOwnerAccountId': '111122223333' },
    });
  });
});

describe('the iam-policy command', () => {
  it('prints the policy for the caller account read from STS when an endpoint is given', async () => {
    const emu = await startTestEmulator();
    try {
      const run = await runCli(['iam-policy', '--mode', 'plan', '--endpoint-url', emu.endpoint], {
        env: ENV,
      });
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toBe(renderPolicy(buildToolPolicy('plan', ACCOUNTS)));
      expect(emu.emulator.control.stats().mutating).toBe(0);
    } finally {
      await emu.close();
    }
  });

  it('prints the apply policy with the account left as * when no endpoint is given', async () => {
    const run = await runCli(['iam-policy'], { env: {} });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(renderPolicy(buildToolPolicy('apply', { account: '*', domainAccount: '*' })));
  });
});
