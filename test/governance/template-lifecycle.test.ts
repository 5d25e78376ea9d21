/**
 * Template profiles (issue 15) across their life, against the emulator: a template profile goes
 * with an identity-only tombstone; an undeclared profile made from a template is listed as unmanaged and pruned when the domain prunes profiles; an
 * out-of-band change to one expanded environment configuration (UpdateProjectProfile through the
 * real SDK client) is drift located at that configuration and is undone by apply; export writes
 * the template back when the live profile is exactly its expansion, and the explicit list once
 * one configuration differs; both exports plan "No changes".
 */
import { GetProjectProfileCommand, UpdateProjectProfileCommand } from '@aws-sdk/client-datazone';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderPlanText } from '../../src/render/plan-text.js';
import { applyManifests, expectAllDone, planManifests } from '../helpers/apply.js';
import { runCli, useEmulatorClock } from '../helpers/cli.js';
import { CLI_ENV, EXAMPLE_BEHAVIOUR, withEmulator } from '../helpers/emulator.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const emu = withEmulator({ behaviour: EXAMPLE_BEHAVIOUR });
const HOME = '111122223333';
const SQL_BLUEPRINTS = ['Tooling', 'DataLake', 'RedshiftServerless', 'LakehouseCatalog'];

function domain(prune: string): string {
  return `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata: { name: tpl }
spec:
  region: us-east-1
  executionRole: arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainExecution
  reconcile: { prune: ${prune} }
`;
}

function configuration(blueprint: string): string {
  return `apiVersion: smus-gitops/v1alpha1
kind: BlueprintConfiguration
metadata: { name: ${blueprint}, domain: tpl }
spec:
  enabledRegions: [us-east-1]
  provisioningRole: arn:aws:iam::${HOME}:role/Provisioning
  manageAccessRole: arn:aws:iam::${HOME}:role/ManageAccess
`;
}

const PROFILE = `apiVersion: smus-gitops/v1alpha1
kind: ProjectProfile
metadata: { name: Analysts, domain: tpl }
spec:
  description: SQL analytics for the analytics team
  template: SQL analytics
  templateTarget: { account: "${HOME}", region: us-east-1 }
`;

function manifests(prune: string, ...docs: string[]): string {
  return [domain(prune), ...SQL_BLUEPRINTS.map(configuration), ...docs].join('---\n');
}

function text(plan: Parameters<typeof renderPlanText>[0]): string {
  return renderPlanText(plan, { color: false });
}

/** Exports domain tpl (one file per kind) and returns the directory. */
async function exportDomain(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'smus-template-export-'));
  const exported = await runCli(
    ['export', '--domain', 'tpl', '--out', out, '--layout', 'per-kind', '--endpoint-url', emu.endpoint],
    { env: CLI_ENV },
  );
  expect(exported.stderr).toBe('');
  expect(exported.exitCode).toBe(0);
  return out;
}

/** Someone switches one configuration of the live profile to ON_CREATE in the console. */
async function changeOneConfigurationOutOfBand(): Promise<void> {
  const planned = await planManifests(manifests('[]', PROFILE), emu.endpoint);
  const profile = planned.observation.resources.find((r) => r.address.kind === 'ProjectProfile');
  const domainIdentifier = profile?.meta.domainId ?? '';
  const got = await emu
    .dataZone()
    .send(new GetProjectProfileCommand({ domainIdentifier, identifier: profile?.id }));
  const environmentConfigurations = (got.environmentConfigurations ?? []).map((c) =>
    c.name === 'OnDemand RedshiftServerless'
      ? { ...c, deploymentMode: 'ON_CREATE' as const, deploymentOrder: 2 }
      : c,
  );
  await emu.dataZone().send(
    new UpdateProjectProfileCommand({
      domainIdentifier,
      identifier: profile?.id,
      environmentConfigurations,
    }),
  );
}

describe('Template profiles: unmanaged, prune, drift, export', () => {
  beforeEach(async () => {
    await emu.emulator.control.reset();
  });

  it('lists an undeclared template profile as unmanaged, and prunes it when profiles are pruned', async () => {
    await applyManifests(manifests('[]', PROFILE), emu.endpoint).then(expectAllDone);
    const listed = await planManifests(manifests('[]'), emu.endpoint);
    expect(text(listed.plan)).toMatchSnapshot('unmanaged');
    const pruned = await applyManifests(manifests('[ProjectProfile]'), emu.endpoint);
    expectAllDone(pruned);
    expect(text(pruned.plan)).toMatchSnapshot('prune');
    const after = await planManifests(manifests('[ProjectProfile]'), emu.endpoint);
    expect(text(after.plan)).toBe('No changes. Live state matches the manifests.\n');
  });

  it('deletes a template profile by an identity-only tombstone (no template needed to name it)', async () => {
    await applyManifests(manifests('[]', PROFILE), emu.endpoint).then(expectAllDone);
    const tombstone = `apiVersion: smus-gitops/v1alpha1
kind: ProjectProfile
metadata: { name: Analysts, domain: tpl }
lifecycle: { ensure: absent }
`;
    const deleted = await applyManifests(manifests('[]', tombstone), emu.endpoint);
    expectAllDone(deleted);
    expect(text(deleted.plan).replace(/id: [a-z0-9]{14}\b/g, 'id: <id>')).toMatchInlineSnapshot(`
      "Plan: 0 to create, 0 to update, 0 to replace, 1 to delete, 5 unchanged, 0 unmanaged

        - ProjectProfile/Analysts (domain tpl)  id: <id>
            will be deleted because its manifest sets lifecycle.ensure: absent
            /allowCustomProjectResourceTags: false
            /description: "SQL analytics for the analytics team"
            /environments: [{"blueprint":"Tooling","deploymentMode":"ON_CREATE","deploymentOrder":0,"name":"Tooling","target":{"account":"111122223333","region":"us-east-1"}},{"blueprint":"DataLake","deploymentMode":"ON_CREATE"… (609 more characters)
            /status: "ENABLED"
      "
    `);
    const after = await planManifests(manifests('[]', tombstone), emu.endpoint);
    expect(text(after.plan)).toBe('No changes. Live state matches the manifests.\n');
  });

  it('shows an out-of-band change to one expanded configuration as drift at that configuration, and undoes it', async () => {
    await applyManifests(manifests('[]', PROFILE), emu.endpoint).then(expectAllDone);
    await changeOneConfigurationOutOfBand();
    const drift = await planManifests(manifests('[]', PROFILE), emu.endpoint);
    expect(text(drift.plan)).toMatchSnapshot('drift');
    await applyManifests(manifests('[]', PROFILE), emu.endpoint).then(expectAllDone);
    const settled = await planManifests(manifests('[]', PROFILE), emu.endpoint);
    expect(text(settled.plan)).toBe('No changes. Live state matches the manifests.\n');
  });

  it('exports the template when the live profile is exactly its expansion; plan over the export: no changes', async () => {
    await applyManifests(manifests('[]', PROFILE), emu.endpoint).then(expectAllDone);
    const out = await exportDomain();
    const profiles = readFileSync(join(out, 'project-profiles.yaml'), 'utf8');
    expect(profiles).toMatchSnapshot('exported template');
    const planned = await planManifests({ paths: [out] }, emu.endpoint);
    expect(planned.observation.failures).toEqual([]);
    expect(text(planned.plan)).toBe('No changes. Live state matches the manifests.\n');
  });

  it('exports the explicit list once one configuration differs from the template; plan over it: no changes', async () => {
    await applyManifests(manifests('[]', PROFILE), emu.endpoint).then(expectAllDone);
    await changeOneConfigurationOutOfBand();
    const out = await exportDomain();
    const profiles = readFileSync(join(out, 'project-profiles.yaml'), 'utf8');
    expect(profiles).not.toContain('template:');
    expect(profiles).toContain('  - name: OnDemand RedshiftServerless\n');
    const planned = await planManifests({ paths: [out] }, emu.endpoint);
    expect(planned.observation.failures).toEqual([]);
    expect(text(planned.plan)).toBe('No changes. Live state matches the manifests.\n');
  });
});
