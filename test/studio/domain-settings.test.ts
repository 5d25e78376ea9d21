/**
 * Issue 16, acceptance 1 and 2: the settings of a StudioDomain that a security team reviews
 * (sharing, web portal, app settings with idle shutdown, Docker, default space settings, tag
 * propagation) through the CLI against the emulator. They are created; the next plan has no
 * changes; each is changed in place (UpdateDomain, the domain id kept); a member removed from the
 * manifest is reset to the service default; the out-of-band
 * `update-domain --default-user-settings '{"SharingSettings":{"NotebookOutputOption":"Allowed",…}}'`
 * (sent through the real SageMaker client) shows in `drift` (exit 2) and `apply` restores it;
 * `export --studio-domains` writes the settings back so that plan over the export has no changes.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeDomainCommand,
  ListDomainsCommand,
  UpdateDomainCommand,
  type DescribeDomainCommandOutput,
} from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEmulator } from '../helpers/emulator.js';
import { HOME, cli, manifestDir, startFastEmulator } from '../multi-account/support.js';

const ROLE = `arn:aws:iam::${HOME}:role/FinanceStudioExecution`;
const LCC = `arn:aws:sagemaker:us-east-1:${HOME}:studio-lifecycle-config/no-public-pip`;

/** The manifest, with `settings` as the YAML of the lines under `spec` after the network. */
function manifest(settings: string): string {
  return `apiVersion: smus-gitops/v1alpha1
kind: StudioDomain
metadata: { name: secure-studio }
spec:
  region: us-east-1
  authMode: IAM
  vpcId: vpc-0a1b2c
  subnetIds: [subnet-1]
  appNetworkAccessType: VpcOnly
${settings}`;
}

const INITIAL = `  defaultUserSettings:
    executionRole: ${ROLE}
    securityGroups: [sg-0001]
    sharingSettings: { notebookOutputOption: Disabled }
    studioWebPortalSettings:
      hiddenAppTypes: [JupyterServer, CodeEditor]
      hiddenMlTools: [JumpStart]
    jupyterLabAppSettings:
      defaultResourceSpec: { instanceType: ml.t3.medium }
      lifecycleConfigArns: [${LCC}]
      appLifecycleManagement:
        idleSettings: { lifecycleManagement: ENABLED, idleTimeoutInMinutes: 120 }
  domainSettings:
    dockerSettings: { enableDockerAccess: DISABLED }
  defaultSpaceSettings:
    executionRole: ${ROLE}
    securityGroups: [sg-0001]
  tagPropagation: ENABLED
`;

const UPDATED = `  defaultUserSettings:
    executionRole: ${ROLE}
    securityGroups: [sg-0001]
    sharingSettings: { notebookOutputOption: Disabled }
    studioWebPortalSettings:
      hiddenAppTypes: [CodeEditor, JupyterServer, RStudioServerPro]
      hiddenMlTools: [JumpStart]
    jupyterLabAppSettings:
      defaultResourceSpec: { instanceType: ml.t3.medium }
      lifecycleConfigArns: [${LCC}]
      appLifecycleManagement:
        idleSettings: { lifecycleManagement: ENABLED, idleTimeoutInMinutes: 60 }
  domainSettings:
    dockerSettings: { enableDockerAccess: ENABLED }
  defaultSpaceSettings:
    executionRole: ${ROLE}
    securityGroups: [sg-0001]
`;

describe('StudioDomain settings a security team reviews', () => {
  let emu: TestEmulator;

  async function live(): Promise<DescribeDomainCommandOutput> {
    const sm = emu.sageMaker();
    try {
      const listed = (await sm.send(new ListDomainsCommand({}))).Domains ?? [];
      const mine = listed.filter((d) => d.DomainName === 'secure-studio');
      expect(mine).toHaveLength(1);
      return await sm.send(new DescribeDomainCommand({ DomainId: mine[0]?.DomainId }));
    } finally {
      sm.destroy();
    }
  }

  const run = (command: string, settings: string, ...flags: string[]) =>
    cli(emu, [command, manifestDir({ 'studio.yaml': manifest(settings) }), ...flags]);

  /** The plan's text with the domain's live id replaced by `<id>`, so the output is exact. */
  async function planText(command: string, settings: string): Promise<{ text: string; exitCode: number }> {
    const id = (await live()).DomainId ?? '';
    const out = await run(command, settings, ...(command === 'plan' ? ['--detailed-exitcode'] : []));
    expect(out.stderr).toBe('');
    return { text: out.stdout.split(id).join('<id>'), exitCode: out.exitCode };
  }

  beforeAll(async () => {
    emu = await startFastEmulator();
  });
  afterAll(() => emu.close());

  it('creates the domain with every setting in the API spelling, then plans no changes', async () => {
    const applied = await run('apply', INITIAL, '--auto-approve');
    expect(applied.stderr).toBe('');
    expect(applied.exitCode).toBe(0);
    const domain = await live();
    expect(domain.DefaultUserSettings).toEqual({
      ExecutionRole: ROLE,
      SecurityGroups: ['sg-0001'],
      SharingSettings: { NotebookOutputOption: 'Disabled' },
      StudioWebPortalSettings: {
        HiddenAppTypes: ['JupyterServer', 'CodeEditor'],
        HiddenMlTools: ['JumpStart'],
      },
      JupyterLabAppSettings: {
        DefaultResourceSpec: { InstanceType: 'ml.t3.medium' },
        LifecycleConfigArns: [LCC],
        AppLifecycleManagement: {
          IdleSettings: { LifecycleManagement: 'ENABLED', IdleTimeoutInMinutes: 120 },
        },
      },
    });
    expect(domain.DomainSettings).toEqual({ DockerSettings: { EnableDockerAccess: 'DISABLED' } });
    expect(domain.DefaultSpaceSettings).toEqual({ ExecutionRole: ROLE, SecurityGroups: ['sg-0001'] });
    expect(domain.TagPropagation).toBe('ENABLED');
    expect(await planText('plan', INITIAL)).toEqual({
      text: 'No changes. Live state matches the manifests.\n',
      exitCode: 0,
    });
  });

  it('shows the out-of-band sharing change in drift (exit 2) and apply restores it', async () => {
    const before = await live();
    const sm = emu.sageMaker();
    try {
      await sm.send(
        new UpdateDomainCommand({
          DomainId: before.DomainId,
          DefaultUserSettings: {
            SharingSettings: {
              NotebookOutputOption: 'Allowed',
              S3OutputPath: 's3://somebody-elses-bucket/out',
            },
          },
        }),
      );
    } finally {
      sm.destroy();
    }
    const drift = await planText('drift', INITIAL);
    expect(drift.exitCode).toBe(2);
    expect(drift.text).toBe(
      [
        'Drift: 0 to create, 1 to update, 0 to replace, 0 to delete, 0 unchanged, 0 unmanaged',
        '',
        '  ~ StudioDomain/secure-studio (region us-east-1)  id: <id>',
        '      will be updated in place because live fields differ from the manifest',
        '      /defaultUserSettings/sharingSettings: {"notebookOutputOption":"Allowed","s3OutputPath":"s3://somebody-elses-bucket/out"} → (unset)',
        '',
      ].join('\n'),
    );
    const applied = await run('apply', INITIAL, '--auto-approve');
    expect(applied.exitCode).toBe(0);
    const after = await live();
    expect(after.DomainId).toBe(before.DomainId);
    expect(after.DefaultUserSettings?.SharingSettings).toEqual({ NotebookOutputOption: 'Disabled' });
    expect(await planText('drift', INITIAL)).toEqual({
      text: 'In sync: live state matches the manifests.\n',
      exitCode: 0,
    });
  });

  it('updates the settings in place and resets a removed member to the service default', async () => {
    const before = await live();
    const planned = await planText('plan', UPDATED);
    expect(planned.exitCode).toBe(2);
    expect(planned.text).toMatchSnapshot();
    const applied = await run('apply', UPDATED, '--auto-approve');
    expect(applied.stderr).toBe('');
    expect(applied.exitCode).toBe(0);
    const after = await live();
    expect(after.DomainId).toBe(before.DomainId);
    expect(after.DefaultUserSettings?.StudioWebPortalSettings?.HiddenAppTypes).toEqual([
      'CodeEditor',
      'JupyterServer',
      'RStudioServerPro',
    ]);
    expect(after.DefaultUserSettings?.JupyterLabAppSettings?.AppLifecycleManagement).toEqual({
      IdleSettings: { LifecycleManagement: 'ENABLED', IdleTimeoutInMinutes: 60 },
    });
    expect(after.DomainSettings?.DockerSettings).toEqual({ EnableDockerAccess: 'ENABLED' });
    // tagPropagation left out of the manifest: back to the API default.
    expect(after.TagPropagation).toBe('DISABLED');
    expect((await planText('plan', UPDATED)).exitCode).toBe(0);
  });

  it('shows out-of-band space and domain settings changes in drift and apply restores them', async () => {
    const before = await live();
    const sm = emu.sageMaker();
    try {
      await sm.send(
        new UpdateDomainCommand({
          DomainId: before.DomainId,
          DefaultSpaceSettings: {
            ExecutionRole: `arn:aws:iam::${HOME}:role/Broad`,
            SecurityGroups: ['sg-0001'],
          },
          DomainSettingsForUpdate: { DockerSettings: { EnableDockerAccess: 'DISABLED' } },
          TagPropagation: 'ENABLED',
        }),
      );
    } finally {
      sm.destroy();
    }
    const drift = await planText('drift', UPDATED);
    expect(drift.exitCode).toBe(2);
    expect(drift.text).toBe(
      [
        'Drift: 0 to create, 1 to update, 0 to replace, 0 to delete, 0 unchanged, 0 unmanaged',
        '',
        '  ~ StudioDomain/secure-studio (region us-east-1)  id: <id>',
        '      will be updated in place because live fields differ from the manifest',
        `      /defaultSpaceSettings/executionRole: "arn:aws:iam::${HOME}:role/Broad" → "${ROLE}"`,
        // DISABLED is the API default, so the live side reads as unset.
        '      /domainSettings: (unset) → {"dockerSettings":{"enableDockerAccess":"ENABLED"}}',
        '      /tagPropagation: "ENABLED" → (unset)',
        '',
      ].join('\n'),
    );
    expect((await run('apply', UPDATED, '--auto-approve')).exitCode).toBe(0);
    const after = await live();
    expect(after.DefaultSpaceSettings?.ExecutionRole).toBe(ROLE);
    expect(after.DomainSettings?.DockerSettings).toEqual({ EnableDockerAccess: 'ENABLED' });
    expect(after.TagPropagation).toBe('DISABLED');
    expect((await planText('drift', UPDATED)).exitCode).toBe(0);
  });

  it('exports the settings so that plan over the export has no changes', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'smus-studio-settings-')), 'out');
    const exported = await cli(emu, ['export', '--studio-domains', '--out', out, '--region', 'us-east-1']);
    expect(exported.stderr).toBe('');
    expect(exported.exitCode).toBe(0);
    expect(readFileSync(join(out, 'studio-domains.yaml'), 'utf8')).toMatchSnapshot();
    const plan = await cli(emu, ['plan', out, '--detailed-exitcode']);
    expect(plan.stdout).toBe('No changes. Live state matches the manifests.\n');
    expect(plan.exitCode).toBe(0);
  });
});
