/**
 * Profile templates (issue 15) end to end against the emulator: a ProjectProfile naming a console
 * pre-built profile is created with the template's environment configurations (the plan says
 * what the template expanded to), converges, grows in place when the template changes, takes an
 * explicit override by name, treats a template blueprint the domain has not configured as the
 * explicit form is treated, rejects an unknown template with did-you-mean, is deleted by
 * tombstone, and round-trips through export (the template comes back).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPlanText } from '../../src/render/plan-text.js';
import { applyManifests, expectAllDone, planManifests } from '../helpers/apply.js';
import { runCli, useEmulatorClock } from '../helpers/cli.js';
import { CLI_ENV, EXAMPLE_BEHAVIOUR, withEmulator } from '../helpers/emulator.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const emu = withEmulator({ behaviour: EXAMPLE_BEHAVIOUR });
const HOME = '111122223333';

const DOMAIN = `
apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata: { name: tpl }
spec:
  region: us-east-1
  executionRole: arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainExecution
`;

function configuration(blueprint: string): string {
  return `
apiVersion: smus-gitops/v1alpha1
kind: BlueprintConfiguration
metadata: { name: ${blueprint}, domain: tpl }
spec:
  enabledRegions: [us-east-1]
  provisioningRole: arn:aws:iam::${HOME}:role/Provisioning
  manageAccessRole: arn:aws:iam::${HOME}:role/ManageAccess
`;
}

const SQL_BLUEPRINTS = ['Tooling', 'DataLake', 'RedshiftServerless', 'LakehouseCatalog'];
const ALL_BLUEPRINTS = [...SQL_BLUEPRINTS, 'EmrServerless', 'EmrOnEc2', 'MLExperiments', 'Workflows'];

function profile(template: string, extra = '', lifecycle = ''): string {
  return `
apiVersion: smus-gitops/v1alpha1
kind: ProjectProfile
metadata: { name: Analysts, domain: tpl }
${lifecycle}spec:
  template: ${template}
  templateTarget: { account: "${HOME}", region: us-east-1 }
${extra}`;
}

function manifests(blueprints: readonly string[], ...docs: string[]): string {
  return [DOMAIN, ...blueprints.map(configuration), ...docs].join('---\n');
}

function text(plan: Parameters<typeof renderPlanText>[0]): string {
  return renderPlanText(plan, { color: false });
}

describe('ProjectProfile templates', () => {
  it('expands a template on create, converges, and grows in place when the template changes', async () => {
    const sql = manifests(SQL_BLUEPRINTS, profile('SQL analytics'));
    const first = await applyManifests(sql, emu.endpoint);
    expectAllDone(first);
    expect(text(first.plan)).toMatchSnapshot('create');
    const again = await planManifests(sql, emu.endpoint);
    expect(text(again.plan)).toBe('No changes. Live state matches the manifests.\n');

    // All capabilities without the four blueprints it adds: a profile is not refused for that
    // (the explicit form is not either; the check runs when a project deploys), and the plan
    // names the configurations the template adds (and the one it names differently).
    const missing = await planManifests(manifests(SQL_BLUEPRINTS, profile('All capabilities')), emu.endpoint);
    expect(missing.plan.refused).toEqual([]);
    expect(text(missing.plan)).toMatchSnapshot('blueprints not configured');

    const all = manifests(ALL_BLUEPRINTS, profile('All capabilities'));
    const grown = await applyManifests(all, emu.endpoint);
    expectAllDone(grown);
    expect(text(grown.plan)).toMatchSnapshot('template changed');
    const settled = await planManifests(all, emu.endpoint);
    expect(text(settled.plan)).toBe('No changes. Live state matches the manifests.\n');

    // An explicit configuration with a template configuration's name overrides it in place.
    const override = `  environments:
    - name: OnDemand Workflows
      blueprint: Workflows
      deploymentMode: ON_CREATE
      deploymentOrder: 2
      target: { account: "${HOME}", region: us-east-1 }
`;
    const overridden = await applyManifests(
      manifests(ALL_BLUEPRINTS, profile('All capabilities', override)),
      emu.endpoint,
    );
    expectAllDone(overridden);
    expect(text(overridden.plan)).toMatchSnapshot('override by name');

    const tombstone = profile('All capabilities', override, 'lifecycle: { ensure: absent }\n');
    const deleted = await applyManifests(manifests(ALL_BLUEPRINTS, tombstone), emu.endpoint);
    expectAllDone(deleted);
    expect(text(deleted.plan)).toMatchSnapshot('tombstone');
  });

  it('rejects an unknown template at validation, located, with did-you-mean', async () => {
    const planned = planManifests(manifests(SQL_BLUEPRINTS, profile('SQL analytic')), emu.endpoint);
    await expect(planned).rejects.toThrow(
      /manifests\.yaml:\d+:13 +error +SG360 +"SQL analytic" is not a console pre-built profile \(did you mean "SQL analytics"\?\)/,
    );
  });

  it('exports the template of a profile that is exactly its expansion so that plan over the export shows no changes', async () => {
    await applyManifests(manifests(SQL_BLUEPRINTS, profile('SQL analytics')), emu.endpoint).then(
      expectAllDone,
    );
    const out = mkdtempSync(join(tmpdir(), 'smus-templates-export-'));
    const exported = await runCli(
      ['export', '--domain', 'tpl', '--out', out, '--layout', 'per-kind', '--endpoint-url', emu.endpoint],
      { env: CLI_ENV },
    );
    expect(exported.stderr).toBe('');
    expect(exported.exitCode).toBe(0);
    // The template comes back, not its expansion (template-lifecycle.test.ts: the explicit list once it differs).
    expect(readFileSync(join(out, 'project-profiles.yaml'), 'utf8')).toContain('  template: SQL analytics\n');
    expect(readFileSync(join(out, 'project-profiles.yaml'), 'utf8')).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=https://unpkg.com/smus-gitops@0.1.0/schemas/project-profile.schema.json
      # Written by smus-gitops export from what is live; edit freely, then plan to review.
      apiVersion: smus-gitops/v1alpha1
      kind: ProjectProfile
      metadata:
        name: Analysts
        domain: tpl
      spec:
        status: ENABLED
        allowCustomProjectResourceTags: false
        template: SQL analytics
        templateTarget:
          account: "111122223333"
          region: us-east-1
      "
    `);
    const planned = await planManifests({ paths: [out] }, emu.endpoint);
    expect(planned.observation.failures).toEqual([]);
    expect(text(planned.plan)).toBe('No changes. Live state matches the manifests.\n');
  });
});
