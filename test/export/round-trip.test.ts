/**
 * Acceptance (5), export round trip: whatever is live in a domain, `export` writes manifests that
 * validate and that `plan` finds entirely in sync (no create, update, replace or delete, and
 * nothing unmanaged). Proved on the example organisation (applied by the tool) and on a domain
 * built only by direct SDK calls, as the console or a script would have made it.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  CreateAccountPoolCommand,
  CreateDomainCommand,
  CreateDomainUnitCommand,
  CreateProjectCommand,
  CreateProjectMembershipCommand,
  CreateProjectProfileCommand,
  PutEnvironmentBlueprintConfigurationCommand,
  paginateListEnvironmentBlueprints,
} from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { actionLines, applyManifests, expectAllDone, planManifests } from '../helpers/apply.js';
import { runCli, useEmulatorClock } from '../helpers/cli.js';
import { startTestEmulator, type TestEmulator, EXAMPLE_BEHAVIOUR, CLI_ENV } from '../helpers/emulator.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const FAST = EXAMPLE_BEHAVIOUR;
const ENV = CLI_ENV;
const HOME = '111122223333';

/** Every file under `dir`, by relative path, with its text. */
function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return out;
}

async function exportTo(
  emu: TestEmulator,
  domain: string,
  layout: string,
  extra: string[] = [],
): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'smus-export-'));
  const run = await runCli(
    // With the Studio domains: the domain's region of its account is where they are listed, so a
    // domain-only export would leave the example's two Studio domains unmanaged.
    [
      'export',
      '--domain',
      domain,
      '--studio-domains',
      '--out',
      out,
      '--layout',
      layout,
      '--endpoint-url',
      emu.endpoint,
      ...extra,
    ],
    { env: ENV },
  );
  expect(run.stderr).toBe('');
  expect(run.exitCode).toBe(0);
  return out;
}

/** validate exits 0, and plan over the export has only noop changes and reads completely. */
async function expectInSync(emu: TestEmulator, dir: string, viaCli = true): Promise<void> {
  const validate = await runCli(['validate', dir], { env: ENV });
  expect(validate.stdout).toContain(': 0 errors, 0 warnings');
  expect(validate.exitCode).toBe(0);
  const planned = await planManifests({ paths: [dir] }, emu.endpoint);
  planned.clients.destroy();
  expect(planned.observation.failures).toEqual([]);
  expect(actionLines(planned.plan)).toEqual([]);
  expect(planned.plan.summary.unmanaged).toBe(0);
  expect(planned.plan.refused).toEqual([]);
  if (!viaCli) return;
  const cli = await runCli(['plan', dir, '--endpoint-url', emu.endpoint, '--detailed-exitcode'], {
    env: ENV,
  });
  expect(cli.exitCode).toBe(0);
}

describe('export round trip', () => {
  it('exports the example domain so that plan shows no changes, in both layouts, deterministically', async () => {
    const emu = await startTestEmulator({ behaviour: FAST });
    try {
      expectAllDone(await applyManifests({ paths: ['manifests-example'] }, emu.endpoint));
      const perKind = await exportTo(emu, 'corp-data', 'per-kind');
      await expectInSync(emu, perKind);
      const files = readTree(perKind);
      expect(Object.keys(files).sort()).toEqual([
        'account-associations.yaml',
        'account-pools.yaml',
        'blueprint-configurations.yaml',
        'domain-units.yaml',
        'domain.yaml',
        'form-types.yaml',
        'glossaries.yaml',
        'glossary-terms.yaml',
        'metadata-rules.yaml',
        'policy-grants.yaml',
        'project-profiles.yaml',
        'projects.yaml',
        'studio-domains.yaml',
        'studio-user-profiles.yaml',
      ]);
      for (const text of Object.values(files)) {
        expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*\.schema\.json$/);
      }
      // Account ids stay strings; the domain's account is its guard; unreadable settings are comments.
      expect(files['domain.yaml']).toContain(`account: "${HOME}"`);
      expect(files['domain.yaml']).toContain('# reconcile:');
      expect(files['account-associations.yaml']).toContain('name: "444455556666"');
      expect(files['account-associations.yaml']).toContain('accountName: hr-prod');
      expect(files['account-associations.yaml']).toContain(
        '# assumeRoleArn: arn:aws:iam::444455556666:role/SmusGitOpsDeployer',
      );
      // Unit owners are written without the tool's own ownership (issue 15).
      expect(files['domain-units.yaml']).toContain(
        '  owners:\n    - group: hr-analysts\n    - user: arn:aws:iam::111122223333:role/HrDataLead\n',
      );
      // Projects say their account once, as the example does.
      expect(files['projects.yaml']).toContain('target:\n    account: "444455556666"\n    region: us-east-1');

      // The same live state listed in another order, in small pages: the same bytes.
      emu.emulator.control.setBehaviour({ shuffleLists: true, maxPageSize: 2 });
      const again = await exportTo(emu, 'corp-data', 'per-kind');
      expect(readTree(again)).toEqual(files);

      const perResource = await exportTo(emu, 'corp-data', 'per-resource');
      const tree = readTree(perResource);
      expect(tree['domain/corp-data.yaml']).toBeDefined();
      expect(tree['domain-units/hr-benefits.yaml']).toContain('name: HR/Benefits');
      expect(tree['projects/hr-analytics.yaml']).toBeDefined();
      await expectInSync(emu, perResource, false);
    } finally {
      await emu.close();
    }
  });

  it('exports the blueprint configurations of associated accounts when it may assume a role there', async () => {
    const emu = await startTestEmulator({ behaviour: FAST });
    try {
      expectAllDone(await applyManifests({ paths: ['manifests-example'] }, emu.endpoint));
      const out = await exportTo(emu, 'corp-data', 'per-kind', ['--assume-role-name', 'SmusGitOpsDeployer']);
      await expectInSync(emu, out);
      const files = readTree(out);
      expect(files['account-associations.yaml']).toContain(
        'assumeRoleArn: arn:aws:iam::444455556666:role/SmusGitOpsDeployer',
      );
      expect(files['account-associations.yaml']).not.toContain('# assumeRoleArn');
      // Every configuration the example declares, in whichever account: the same count, by account.
      const accounts = (text: string) =>
        [...text.matchAll(/^ {2}account: "(\d{12})"/gm)].map((m) => m[1]).sort();
      const declared = readdirSync('manifests-example/blueprints')
        .map((f) => readFileSync(join('manifests-example/blueprints', f), 'utf8'))
        .join('\n');
      expect(accounts(files['blueprint-configurations.yaml'] ?? '')).toEqual(accounts(declared));
    } finally {
      await emu.close();
    }
  });

  it('exports a domain built only by direct SDK calls so that plan shows no changes', async () => {
    const emu = await startTestEmulator({ behaviour: FAST });
    try {
      await seedBySdk(emu);
      const out = await exportTo(emu, 'sdk-made', 'per-kind');
      await expectInSync(emu, out);
      const projects = readTree(out)['projects.yaml'] ?? '';
      expect(projects).toContain('group: analysts');
      expect(projects).toContain('user: arn:aws:iam::111122223333:role/Analyst');
      // Tooling and Lakehouse resolved to different regions: each environment names its own target.
      expect(projects).not.toMatch(/^ {2}target:/m);
      expect(projects).toContain(
        '    - name: Lakehouse\n      target:\n        account: "111122223333"\n        region: us-east-1',
      );
    } finally {
      await emu.close();
    }
  });
});

/** A domain as a script would build it: units two deep, a pool, profiles of three target forms, projects with members. */
async function seedBySdk(emu: TestEmulator): Promise<void> {
  const dz = emu.dataZone();
  try {
    const domain = await dz.send(
      new CreateDomainCommand({
        name: 'sdk-made',
        description: 'Made with the SDK',
        domainExecutionRole: `arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainExecution`,
        serviceRole: `arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainService`,
        tags: { team: 'data', 'cost-center': '42' },
        domainVersion: 'V2',
      }),
    );
    const domainId = domain.id ?? '';
    const sales = await dz.send(
      new CreateDomainUnitCommand({
        domainIdentifier: domainId,
        parentDomainUnitIdentifier: domain.rootDomainUnitId ?? '',
        name: 'Sales',
        description: 'Sales teams',
      }),
    );
    await dz.send(
      new CreateDomainUnitCommand({
        domainIdentifier: domainId,
        parentDomainUnitIdentifier: sales.id ?? '',
        name: 'Sales EMEA',
      }),
    );
    const pool = await dz.send(
      new CreateAccountPoolCommand({
        domainIdentifier: domainId,
        name: 'sales-pool',
        resolutionStrategy: 'MANUAL',
        accountSource: {
          accounts: [
            { awsAccountId: HOME, awsAccountName: 'home', supportedRegions: ['us-east-1', 'us-west-2'] },
          ],
        },
      }),
    );
    // Every page: the managed blueprints are listed a few at a time.
    const blueprints: { id?: string; name?: string }[] = [];
    for await (const page of paginateListEnvironmentBlueprints(
      { client: dz },
      { domainIdentifier: domainId, managed: true },
    ))
      blueprints.push(...(page.items ?? []));
    const blueprint = (name: string) => blueprints.find((b) => b.name === name)?.id ?? '';
    await dz.send(
      new PutEnvironmentBlueprintConfigurationCommand({
        domainIdentifier: domainId,
        environmentBlueprintIdentifier: blueprint('Tooling'),
        enabledRegions: ['us-west-2', 'us-east-1'],
        provisioningRoleArn: `arn:aws:iam::${HOME}:role/Provisioning`,
        manageAccessRoleArn: `arn:aws:iam::${HOME}:role/ManageAccess`,
        regionalParameters: { 'us-east-1': { VpcId: 'vpc-1', Subnets: 'subnet-1,subnet-2' } },
      }),
    );
    const pooled = await dz.send(
      new CreateProjectProfileCommand({
        domainIdentifier: domainId,
        name: 'Pooled',
        status: 'ENABLED',
        domainUnitIdentifier: sales.id,
        allowCustomProjectResourceTags: true,
        projectResourceTags: [{ key: 'cost-center', value: 'sales', isValueEditable: false }],
        environmentConfigurations: [
          {
            name: 'Tooling',
            environmentBlueprintId: blueprint('Tooling'),
            deploymentMode: 'ON_CREATE',
            deploymentOrder: 0,
            accountPools: [pool.id ?? ''],
            configurationParameters: {
              parameterOverrides: [{ name: 'idleTimeoutInMinutes', value: '60', isEditable: true }],
            },
          },
          {
            name: 'Lakehouse',
            environmentBlueprintId: blueprint('DataLake'),
            deploymentMode: 'ON_DEMAND',
            deploymentOrder: 1,
            accountPools: [pool.id ?? ''],
          },
        ],
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
            environmentBlueprintId: blueprint('Tooling'),
            awsAccount: { awsAccountId: HOME },
            awsRegion: { regionName: 'us-east-1' },
          },
        ],
      }),
    );
    const project = await dz.send(
      new CreateProjectCommand({
        domainIdentifier: domainId,
        name: 'sales-analytics',
        description: 'Sales analytics',
        projectProfileId: pooled.id,
        domainUnitId: sales.id,
        resourceTags: { team: 'sales' },
        userParameters: [
          {
            environmentConfigurationName: 'Tooling',
            environmentResolvedAccount: { awsAccountId: HOME, regionName: 'us-west-2' },
            environmentParameters: [{ name: 'idleTimeoutInMinutes', value: '30' }],
          },
          {
            environmentConfigurationName: 'Lakehouse',
            environmentResolvedAccount: { awsAccountId: HOME, regionName: 'us-east-1' },
          },
        ],
      }),
    );
    await dz.send(
      new CreateProjectCommand({
        domainIdentifier: domainId,
        name: 'fixed-place',
        projectProfileId: fixed.id,
      }),
    );
    for (const member of [
      { userIdentifier: `arn:aws:iam::${HOME}:role/Analyst` },
      { groupIdentifier: 'analysts' },
    ]) {
      await dz.send(
        new CreateProjectMembershipCommand({
          domainIdentifier: domainId,
          projectIdentifier: project.id ?? '',
          member,
          designation: 'PROJECT_CONTRIBUTOR',
        }),
      );
    }
  } finally {
    dz.destroy();
  }
}
