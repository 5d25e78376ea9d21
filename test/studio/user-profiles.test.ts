/**
 * Issue 16, acceptance 1 and 3 for the StudioUserProfile kind, through the CLI against the
 * emulator: a Studio domain and three user profiles are created in one apply and the next plan has
 * no changes; changing a user's execution role updates the profile in place; a profile removed
 * from Git is listed as unmanaged, and deleted under `reconcile.studioUserProfiles.prune`; an
 * out-of-band UpdateUserProfile (the real SageMaker client) shows in `drift`; a tombstone deletes.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeUserProfileCommand,
  ListDomainsCommand,
  ListUserProfilesCommand,
  UpdateUserProfileCommand,
} from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEmulator } from '../helpers/emulator.js';
import { HOME, cli, manifestDir, startFastEmulator } from '../multi-account/support.js';
import { useEmulatorClock } from '../helpers/cli.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const ROLE = `arn:aws:iam::${HOME}:role/StudioExecution`;
const ANALYST_ROLE = `arn:aws:iam::${HOME}:role/AnalystExecution`;

const DOMAIN = `apiVersion: smus-gitops/v1alpha1
kind: StudioDomain
metadata: { name: team-studio }
spec:
  region: us-east-1
  authMode: IAM
  vpcId: vpc-0a1b2c
  subnetIds: [subnet-1]
  defaultUserSettings:
    executionRole: ${ROLE}
`;

function profile(name: string, settings = '', lifecycle = ''): string {
  return `---
apiVersion: smus-gitops/v1alpha1
kind: StudioUserProfile
metadata: { name: ${name} }
${lifecycle}spec:
  domain: team-studio
${settings}`;
}

const ALICE = profile(
  'alice',
  `  userSettings:
    executionRole: ${ROLE}
    sharingSettings: { notebookOutputOption: Disabled }
  tags: { team: risk }
`,
);
const BOB = profile('bob', `  userSettings: { securityGroups: [sg-0002, sg-0001] }\n`);
const CAROL = profile('carol');
const PRUNE = `---
apiVersion: smus-gitops/v1alpha1
kind: Policy
metadata: { name: studio-users }
spec:
  reconcile:
    studioUserProfiles: { prune: true }
`;

describe('StudioUserProfile', () => {
  let emu: TestEmulator;

  async function studioId(): Promise<string> {
    const sm = emu.sageMaker();
    try {
      const listed = (await sm.send(new ListDomainsCommand({}))).Domains ?? [];
      return listed.find((d) => d.DomainName === 'team-studio')?.DomainId ?? '';
    } finally {
      sm.destroy();
    }
  }

  async function profiles(): Promise<string[]> {
    const sm = emu.sageMaker();
    try {
      const out = await sm.send(new ListUserProfilesCommand({ DomainIdEquals: await studioId() }));
      return (out.UserProfiles ?? []).map((p) => p.UserProfileName ?? '').sort();
    } finally {
      sm.destroy();
    }
  }

  /** Runs the CLI over `docs`; the output with the domain id replaced by `<id>`. */
  async function run(command: string, docs: string, ...flags: string[]) {
    const id = await studioId();
    const out = await cli(emu, [command, manifestDir({ 'studio.yaml': docs }), ...flags]);
    return { ...out, stdout: id ? out.stdout.split(id).join('<id>') : out.stdout };
  }

  beforeAll(async () => {
    emu = await startFastEmulator();
  });
  afterAll(() => emu.close());

  it('creates a domain and three profiles in one apply, then plans no changes', async () => {
    const planned = await run('plan', DOMAIN + ALICE + BOB + CAROL);
    expect(planned.stderr).toBe('');
    expect(planned.stdout).toMatchSnapshot();
    const applied = await run('apply', DOMAIN + ALICE + BOB + CAROL, '--auto-approve');
    expect(applied.stderr).toBe('');
    expect(applied.exitCode).toBe(0);
    expect(await profiles()).toEqual(['alice', 'bob', 'carol']);
    const again = await run('plan', DOMAIN + ALICE + BOB + CAROL, '--detailed-exitcode');
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe('No changes. Live state matches the manifests.\n');
    expect(again.exitCode).toBe(0);
  });

  it("changes a user's execution role in place", async () => {
    const changed = ALICE.replace(`executionRole: ${ROLE}`, `executionRole: ${ANALYST_ROLE}`);
    const planned = await run('plan', DOMAIN + changed + BOB + CAROL, '--detailed-exitcode');
    expect(planned.exitCode).toBe(2);
    expect(planned.stdout).toMatchSnapshot();
    const applied = await run('apply', DOMAIN + changed + BOB + CAROL, '--auto-approve');
    expect(applied.exitCode).toBe(0);
    const sm = emu.sageMaker();
    try {
      const alice = await sm.send(
        new DescribeUserProfileCommand({ DomainId: await studioId(), UserProfileName: 'alice' }),
      );
      expect(alice.UserSettings?.ExecutionRole).toBe(ANALYST_ROLE);
    } finally {
      sm.destroy();
    }
    // Back to the declared role for the next steps.
    expect((await run('apply', DOMAIN + ALICE + BOB + CAROL, '--auto-approve')).exitCode).toBe(0);
  });

  it('shows an out-of-band UpdateUserProfile in drift and apply restores it', async () => {
    const sm = emu.sageMaker();
    try {
      await sm.send(
        new UpdateUserProfileCommand({
          DomainId: await studioId(),
          UserProfileName: 'alice',
          UserSettings: {
            SharingSettings: { NotebookOutputOption: 'Allowed', S3OutputPath: 's3://elsewhere/out' },
          },
        }),
      );
    } finally {
      sm.destroy();
    }
    const drift = await run('drift', DOMAIN + ALICE + BOB + CAROL);
    expect(drift.exitCode).toBe(2);
    expect(drift.stdout).toMatchSnapshot();
    expect((await run('apply', DOMAIN + ALICE + BOB + CAROL, '--auto-approve')).exitCode).toBe(0);
    const after = await run('drift', DOMAIN + ALICE + BOB + CAROL);
    expect(after.stdout).toBe('In sync: live state matches the manifests.\n');
  });

  it('lists a profile removed from Git as unmanaged, and deletes it under prune', async () => {
    const listed = await run('plan', DOMAIN + ALICE + BOB);
    expect(listed.stdout).toMatchSnapshot();
    expect((await run('apply', DOMAIN + ALICE + BOB, '--auto-approve')).exitCode).toBe(0);
    expect(await profiles()).toEqual(['alice', 'bob', 'carol']);
    const pruned = await run('plan', DOMAIN + ALICE + BOB + PRUNE);
    expect(pruned.stdout).toMatchSnapshot();
    expect((await run('apply', DOMAIN + ALICE + BOB + PRUNE, '--auto-approve')).exitCode).toBe(0);
    expect(await profiles()).toEqual(['alice', 'bob']);
  });

  it('deletes a tombstoned profile', async () => {
    const tomb = profile('bob', '', 'lifecycle: { ensure: absent }\n');
    const planned = await run('plan', DOMAIN + ALICE + tomb);
    expect(planned.stdout).toMatchSnapshot();
    expect((await run('apply', DOMAIN + ALICE + tomb, '--auto-approve')).exitCode).toBe(0);
    expect(await profiles()).toEqual(['alice']);
  });

  it('exports the profiles beside their domain so that plan over the export has no changes', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'smus-studio-profiles-')), 'out');
    const exported = await cli(emu, ['export', '--studio-domains', '--out', out, '--region', 'us-east-1']);
    expect(exported.stderr).toBe('');
    expect(exported.exitCode).toBe(0);
    expect(readFileSync(join(out, 'studio-user-profiles.yaml'), 'utf8')).toMatchSnapshot();
    const plan = await cli(emu, ['plan', out, '--detailed-exitcode']);
    expect(plan.stdout).toBe('No changes. Live state matches the manifests.\n');
    expect(plan.exitCode).toBe(0);
  });
});
