/**
 * Export round trip of what the portal and the API can make but a manifest might not say (issue
 * #13, finding 8). The creator's own membership, which DataZone adds, is exported like any other.
 * A project without a profile exports without `profile`, validates and plans in
 * sync; a project whose deployment failed is exported with a remark naming the status and the
 * reasons, and the next plan acts on it (deployment-failed); every file's schema line names the
 * published schema, never the checkout that ran the export.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateDomainCommand,
  CreateProjectCommand,
  CreateProjectProfileCommand,
  DeleteProjectProfileCommand,
  GetProjectCommand,
  ListEnvironmentBlueprintsCommand,
  PutEnvironmentBlueprintConfigurationCommand,
  type DataZoneClient,
} from '@aws-sdk/client-datazone';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataZoneState } from '../../src/emulator/services/datazone/state.js';
import { runCli, useEmulatorClock } from '../helpers/cli.js';
import { CLI_ENV, INSTANT_DURATIONS, startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const HOME = '111122223333';
const DOMAIN = 'portal-made';
const VERSION_LINE =
  /^# yaml-language-server: \$schema=https:\/\/unpkg\.com\/smus-gitops@\d+\.\d+\.\d+\/schemas\//;

let emu: TestEmulator;
let dz: DataZoneClient;
let domainId = '';

beforeAll(async () => {
  emu = await startTestEmulator({ behaviour: { durations: INSTANT_DURATIONS } });
  dz = emu.dataZone();
  const domain = await dz.send(
    new CreateDomainCommand({
      name: DOMAIN,
      domainExecutionRole: `arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainExecution`,
      serviceRole: `arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainService`,
      domainVersion: 'V2',
    }),
  );
  domainId = domain.id ?? '';
});

afterAll(async () => {
  dz.destroy();
  await emu.close();
});

/**
 * A project without a profile, as the portal or the API made it. A V2 domain's CreateProject may
 * insist on a profile (the emulator follows the service there), so the project is then made from
 * an empty profile and its profile link removed in the emulator's state, which is where such a
 * project would have come from.
 */
async function profilelessProject(name: string): Promise<void> {
  try {
    await dz.send(new CreateProjectCommand({ domainIdentifier: domainId, name }));
    return;
  } catch (error) {
    if ((error as Error).name !== 'ValidationException') throw error;
  }
  const scratch = await dz.send(
    new CreateProjectProfileCommand({ domainIdentifier: domainId, name: 'scratch', status: 'ENABLED' }),
  );
  const project = await dz.send(
    new CreateProjectCommand({ domainIdentifier: domainId, name, projectProfileId: scratch.id }),
  );
  const record = dataZoneState(emu.emulator.world).projects[project.id ?? ''];
  if (!record) throw new Error(`no emulator record of project ${name}`);
  delete record.projectProfileId;
  await dz.send(new DeleteProjectProfileCommand({ domainIdentifier: domainId, identifier: scratch.id }));
}

/** Exports the domain (per kind) and returns the directory. */
async function exportDomain(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'smus-export-'));
  const run = await runCli(['export', '--domain', DOMAIN, '--out', out, '--endpoint-url', emu.endpoint], {
    env: CLI_ENV,
  });
  expect(run.stderr).toBe('');
  expect(run.exitCode).toBe(0);
  return out;
}

/** `file` of the export without its schema line (checked on its own). */
function body(dir: string, file: string): string {
  const [schemaLine, ...rest] = readFileSync(join(dir, file), 'utf8').split('\n');
  expect(schemaLine).toMatch(VERSION_LINE);
  return rest.join('\n');
}

describe('export of a project without a profile', () => {
  it('writes it without profile; it validates and plans no changes', async () => {
    await profilelessProject('made-in-portal');
    const dir = await exportDomain();
    expect(body(dir, 'projects.yaml')).toBe(
      [
        '# Written by smus-gitops export from what is live; edit freely, then plan to review.',
        'apiVersion: smus-gitops/v1alpha1',
        'kind: Project',
        'metadata:',
        '  name: made-in-portal',
        `  domain: ${DOMAIN}`,
        'spec:',
        '  members:',
        `    - user: arn:aws:iam::${HOME}:user/emulator`,
        '      designation: PROJECT_OWNER',
        '',
      ].join('\n'),
    );
    const validated = await runCli(['validate', dir]);
    expect(validated.stdout).toMatch(/: 0 errors, 0 warnings\n$/);
    expect(validated.exitCode).toBe(0);
    const planned = await runCli(['plan', dir, '--endpoint-url', emu.endpoint, '--detailed-exitcode'], {
      env: CLI_ENV,
    });
    expect(planned.stdout).toBe('No changes. Live state matches the manifests.\n');
    expect(planned.exitCode).toBe(0);
  });
});

describe('export of a project whose deployment failed', () => {
  it('remarks on the status and the reasons; the next plan redeploys it', async () => {
    const blueprints = await dz.send(
      new ListEnvironmentBlueprintsCommand({ domainIdentifier: domainId, managed: true, name: 'Tooling' }),
    );
    const tooling = blueprints.items?.[0]?.id ?? '';
    // Enabled, but without a provisioning role: the deployment fails (FAILED_DEPLOYMENT).
    await dz.send(
      new PutEnvironmentBlueprintConfigurationCommand({
        domainIdentifier: domainId,
        environmentBlueprintIdentifier: tooling,
        enabledRegions: ['us-east-1'],
      }),
    );
    const fixed = await dz.send(
      new CreateProjectProfileCommand({
        domainIdentifier: domainId,
        name: 'Fixed',
        status: 'ENABLED',
        environmentConfigurations: [
          {
            name: 'Tooling',
            environmentBlueprintId: tooling,
            awsAccount: { awsAccountId: HOME },
            awsRegion: { regionName: 'us-east-1' },
          },
        ],
      }),
    );
    const created = await dz.send(
      new CreateProjectCommand({ domainIdentifier: domainId, name: 'broken', projectProfileId: fixed.id }),
    );
    const project = await dz.send(
      new GetProjectCommand({ domainIdentifier: domainId, identifier: created.id ?? '' }),
    );
    expect(project.environmentDeploymentDetails?.overallDeploymentStatus).toBe('FAILED_DEPLOYMENT');

    const dir = await exportDomain();
    expect(body(dir, 'projects.yaml').split(tooling).join('<tooling>')).toBe(
      [
        '# Written by smus-gitops export from what is live; edit freely, then plan to review.',
        'apiVersion: smus-gitops/v1alpha1',
        'kind: Project',
        'metadata:',
        '  name: broken',
        `  domain: ${DOMAIN}`,
        'spec:',
        '  profile: Fixed',
        '  members:',
        `    - user: arn:aws:iam::${HOME}:user/emulator`,
        '      designation: PROJECT_OWNER',
        '  # status when exported: FAILED_DEPLOYMENT (Tooling (MissingProvisioningRole: The blueprint configuration of account 111122223333 has no provisioningRoleArn.))',
        '  #   ^ observed, not declared: the next plan redeploys it in place (reason deployment-failed)',
        '---',
        'apiVersion: smus-gitops/v1alpha1',
        'kind: Project',
        'metadata:',
        '  name: made-in-portal',
        `  domain: ${DOMAIN}`,
        'spec:',
        '  members:',
        `    - user: arn:aws:iam::${HOME}:user/emulator`,
        '      designation: PROJECT_OWNER',
        '',
      ].join('\n'),
    );
    const planned = await runCli(['plan', dir, '--endpoint-url', emu.endpoint, '--format', 'json'], {
      env: CLI_ENV,
    });
    const plan = JSON.parse(planned.stdout) as {
      changes: { action: string; reason: string; address: { kind: string; name: string } }[];
    };
    expect(
      plan.changes
        .filter((c) => c.action !== 'noop')
        .map((c) => `${c.action} ${c.address.kind}/${c.address.name} (${c.reason})`),
    ).toEqual(['update Project/broken (deployment-failed)']);
  });
});
