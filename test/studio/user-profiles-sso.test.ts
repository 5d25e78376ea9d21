/**
 * Issue 16: the single sign-on identity of a user profile. SageMaker cannot change it
 * (UpdateUserProfileRequest carries only UserSettings), so a changed `singleSignOnUser` is a
 * replace; `validate` rejects, located at the field, a profile whose domain is not declared
 * (with a did-you-mean) and an SSO user on an IAM domain.
 */
import { DescribeUserProfileCommand, ListDomainsCommand } from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEmulator } from '../helpers/emulator.js';
import { HOME, cli, manifestDir, startFastEmulator } from '../multi-account/support.js';

const ROLE = `arn:aws:iam::${HOME}:role/StudioExecution`;

function domain(authMode: string): string {
  return `apiVersion: smus-gitops/v1alpha1
kind: StudioDomain
metadata: { name: sso-studio }
spec:
  region: us-east-1
  authMode: ${authMode}
  vpcId: vpc-0a1b2c
  subnetIds: [subnet-1]
  defaultUserSettings:
    executionRole: ${ROLE}
`;
}

function profile(user: string, domainName = 'sso-studio'): string {
  return `---
apiVersion: smus-gitops/v1alpha1
kind: StudioUserProfile
metadata: { name: dana }
spec:
  domain: ${domainName}
  singleSignOnUser: ${user}
`;
}

describe('StudioUserProfile single sign-on identity', () => {
  let emu: TestEmulator;

  async function studioId(): Promise<string> {
    const sm = emu.sageMaker();
    try {
      const listed = (await sm.send(new ListDomainsCommand({}))).Domains ?? [];
      return listed.find((d) => d.DomainName === 'sso-studio')?.DomainId ?? '';
    } finally {
      sm.destroy();
    }
  }

  async function run(command: string, docs: string, ...flags: string[]) {
    const id = await studioId();
    const out = await cli(emu, [command, manifestDir({ 'studio.yaml': docs }), ...flags]);
    return { ...out, stdout: id ? out.stdout.split(id).join('<id>') : out.stdout };
  }

  beforeAll(async () => {
    emu = await startFastEmulator();
  });
  afterAll(() => emu.close());

  it('creates the profile for its SSO user and replaces it when the user changes', async () => {
    const created = await run('apply', domain('SSO') + profile('dana@example.com'), '--auto-approve');
    expect(created.stderr).toBe('');
    expect(created.exitCode).toBe(0);
    const planned = await run('plan', domain('SSO') + profile('dana.smith@example.com'));
    expect(planned.stderr).toBe('');
    expect(planned.stdout).toMatchSnapshot();
    const applied = await run(
      'apply',
      domain('SSO') + profile('dana.smith@example.com'),
      '--auto-approve',
      '--allow-replace',
    );
    expect(applied.stderr).toBe('');
    expect(applied.exitCode).toBe(0);
    const sm = emu.sageMaker();
    try {
      const dana = await sm.send(
        new DescribeUserProfileCommand({ DomainId: await studioId(), UserProfileName: 'dana' }),
      );
      expect(dana.SingleSignOnUserValue).toBe('dana.smith@example.com');
    } finally {
      sm.destroy();
    }
    const again = await run('plan', domain('SSO') + profile('dana.smith@example.com'), '--detailed-exitcode');
    expect(again.stdout).toBe('No changes. Live state matches the manifests.\n');
  });

  it('validate locates an undeclared domain (did you mean) and an SSO user on an IAM domain', async () => {
    const dir = manifestDir({ 'studio.yaml': domain('IAM') + profile('dana@example.com', 'sso-studo') });
    const typo = await cli(emu, ['validate', dir]);
    expect(typo.exitCode).toBe(1);
    expect(typo.stdout.split(dir).join('<dir>')).toMatchSnapshot();
    const iam = await cli(emu, [
      'validate',
      manifestDir({ 'studio.yaml': domain('IAM') + profile('dana@example.com') }),
    ]);
    expect(iam.exitCode).toBe(1);
    expect(iam.stdout).toContain(
      'studio.yaml:17:21  error  SG351  StudioDomain "sso-studio" uses authMode IAM: a user profile of it cannot have a singleSignOnUser',
    );
  });
});
