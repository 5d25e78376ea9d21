/**
 * PolicyGrant end to end against the emulator: create, no changes after apply, an immutable
 * detail change as a replace, a tombstone, unmanaged listing, prune, drift of an out-of-band
 * change made with the real SDK client, the export round trip, and never a duplicated grant.
 */
import {
  AddPolicyGrantCommand,
  CreateProjectProfileCommand,
  GetDomainCommand,
  ListDomainsCommand,
  ListDomainUnitsForParentCommand,
  ListPolicyGrantsCommand,
} from '@aws-sdk/client-datazone';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPlanText } from '../../src/render/plan-text.js';
import { applyManifests, expectAllDone, planManifests, type PlannedRun } from '../helpers/apply.js';
import { runCli } from '../helpers/cli.js';
import { CLI_ENV, EXAMPLE_BEHAVIOUR, withEmulator } from '../helpers/emulator.js';

const emu = withEmulator({ behaviour: EXAMPLE_BEHAVIOUR });

const BASE = `
apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata: { name: gov }
spec:
  region: us-east-1
  executionRole: arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution
  reconcile: { prune: [PROMPT] }
---
apiVersion: smus-gitops/v1alpha1
kind: DomainUnit
metadata: { name: HR, domain: gov }
spec: {}
---
apiVersion: smus-gitops/v1alpha1
kind: ProjectProfile
metadata: { name: Corporate HR, domain: gov }
spec: { domainUnit: HR }
---
apiVersion: smus-gitops/v1alpha1
kind: ProjectProfile
metadata: { name: Sandbox, domain: gov }
spec: {}
`;

function manifests(grant: string, prune = ''): string {
  return `${BASE.replace('[PROMPT]', `[${prune}]`)}${grant ? `---\n${grant}` : ''}`;
}

const HR_GRANT = `
apiVersion: smus-gitops/v1alpha1
kind: PolicyGrant
metadata: { name: hr-creates-projects, domain: gov }
spec:
  policy: CREATE_PROJECT_FROM_PROJECT_PROFILE
  domainUnit: HR
  principal: { group: hr-analysts }
  projectProfiles: [Corporate HR]
`;

function text(plan: Parameters<typeof renderPlanText>[0]): string {
  return renderPlanText(plan, { color: false });
}

async function grantCount(domainId: string, unitId: string): Promise<number> {
  const out = await emu.dataZone().send(
    new ListPolicyGrantsCommand({
      domainIdentifier: domainId,
      entityType: 'DOMAIN_UNIT',
      entityIdentifier: unitId,
      policyType: 'CREATE_PROJECT_FROM_PROJECT_PROFILE',
    }),
  );
  return out.grantList?.length ?? 0;
}

describe('PolicyGrant', () => {
  it('creates a grant, converges, replaces on a detail change, and deletes by tombstone', async () => {
    const first = await applyManifests(manifests(HR_GRANT), emu.endpoint);
    expectAllDone(first);
    expect(text(first.plan)).toMatchSnapshot('create');
    const again = await planManifests(manifests(HR_GRANT), emu.endpoint);
    expect(again.plan.summary).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });

    const grant = again.observation.resources.find((r) => r.address.kind === 'PolicyGrant');
    expect(grant?.address.name).toBe('HR CREATE_PROJECT_FROM_PROJECT_PROFILE group:hr-analysts');
    const domainId = grant?.meta.domainId ?? '';
    const unitId = grant?.meta.unitId ?? '';
    expect(await grantCount(domainId, unitId)).toBe(1);

    const wider = HR_GRANT.replace('[Corporate HR]', '[Corporate HR, Sandbox]');
    const replaced = await applyManifests(manifests(wider), emu.endpoint);
    expectAllDone(replaced);
    expect(text(replaced.plan)).toMatchSnapshot('replace');
    expect(await grantCount(domainId, unitId)).toBe(1);

    const tombstone = wider.replace('metadata:', 'lifecycle: { ensure: absent }\nmetadata:');
    const deleted = await applyManifests(manifests(tombstone), emu.endpoint);
    expectAllDone(deleted);
    expect(text(deleted.plan)).toMatchSnapshot('tombstone');
    expect(await grantCount(domainId, unitId)).toBe(0);
  });

  it('reports an out-of-band grant as unmanaged, and prunes it when the domain says so', async () => {
    await applyManifests(manifests(HR_GRANT), emu.endpoint).then(expectAllDone);
    const planned = await planManifests(manifests(HR_GRANT), emu.endpoint);
    const grant = planned.observation.resources.find((r) => r.address.kind === 'PolicyGrant');
    const domainId = grant?.meta.domainId ?? '';
    const unitId = grant?.meta.unitId ?? '';
    const profileId = planned.observation.resources.find((r) => r.address.name === 'Corporate HR')?.id ?? '';
    // Someone grants a second group in the console (the real SDK client, as any other caller).
    await emu.dataZone().send(
      new AddPolicyGrantCommand({
        domainIdentifier: domainId,
        entityType: 'DOMAIN_UNIT',
        entityIdentifier: unitId,
        policyType: 'CREATE_PROJECT_FROM_PROJECT_PROFILE',
        principal: { group: { groupIdentifier: 'contractors' } },
        detail: { createProjectFromProjectProfile: { projectProfiles: [profileId] } },
      }),
    );
    const unmanaged = await planManifests(manifests(HR_GRANT), emu.endpoint);
    expect(text(unmanaged.plan)).toMatchSnapshot('unmanaged');
    const pruned = await applyManifests(manifests(HR_GRANT, 'PolicyGrant'), emu.endpoint);
    expectAllDone(pruned);
    expect(text(pruned.plan)).toMatchSnapshot('prune');
    expect(await grantCount(domainId, unitId)).toBe(1);
  });

  it('shows drift of a grant removed out of band as a create, and re-adds it once', async () => {
    await applyManifests(manifests(HR_GRANT), emu.endpoint).then(expectAllDone);
    const planned = await planManifests(manifests(HR_GRANT), emu.endpoint);
    const grant = planned.observation.resources.find((r) => r.address.kind === 'PolicyGrant');
    const { RemovePolicyGrantCommand } = await import('@aws-sdk/client-datazone');
    await emu.dataZone().send(
      new RemovePolicyGrantCommand({
        domainIdentifier: grant?.meta.domainId,
        entityType: 'DOMAIN_UNIT',
        entityIdentifier: grant?.meta.unitId,
        policyType: 'CREATE_PROJECT_FROM_PROJECT_PROFILE',
        principal: { group: { groupIdentifier: 'hr-analysts' } },
      }),
    );
    const drift = await planManifests(manifests(HR_GRANT), emu.endpoint);
    expect(text(drift.plan)).toMatchSnapshot('drift');
    await applyManifests(manifests(HR_GRANT), emu.endpoint).then(expectAllDone);
    expect(await grantCount(grant?.meta.domainId ?? '', grant?.meta.unitId ?? '')).toBe(1);
  });

  it('replaces on an includeChildDomainUnits change; a new principal is another grant, the old one unmanaged', async () => {
    const ids = (plan: Parameters<typeof renderPlanText>[0]) =>
      text(plan).replace(/id: [a-z0-9]{10}\b/g, 'id: <id>');
    await applyManifests(manifests(HR_GRANT), emu.endpoint).then(expectAllDone);
    const deeper = HR_GRANT.replace(
      '  projectProfiles:',
      '  includeChildDomainUnits: true\n  projectProfiles:',
    );
    const replaced = await applyManifests(manifests(deeper), emu.endpoint);
    expectAllDone(replaced);
    expect(ids(replaced.plan)).toMatchInlineSnapshot(`
      "Plan: 0 to create, 0 to update, 1 to replace, 0 to delete, 4 unchanged, 0 unmanaged

      -/+ PolicyGrant/HR CREATE_PROJECT_FROM_PROJECT_PROFILE group:hr-analysts (domain gov)  id: <id>
            will be deleted and created again because a field that cannot be updated changed
            forced by: /includeChildDomainUnits
            /includeChildDomainUnits: false → true  # forces replacement
      "
    `);
    const grant = replaced.observation.resources.find((r) => r.address.kind === 'PolicyGrant');
    expect(await grantCount(grant?.meta.domainId ?? '', grant?.meta.unitId ?? '')).toBe(1);
    expect(ids((await planManifests(manifests(deeper), emu.endpoint)).plan)).toBe(
      'No changes. Live state matches the manifests.\n',
    );

    // The principal is part of the grant's identity (the API has no update): another grant.
    const other = deeper.replace('group: hr-analysts', 'group: hr-leads');
    const moved = await applyManifests(manifests(other), emu.endpoint);
    expectAllDone(moved);
    expect(ids(moved.plan)).toMatchInlineSnapshot(`
      "Plan: 1 to create, 0 to update, 0 to replace, 0 to delete, 4 unchanged, 1 unmanaged

        ? PolicyGrant/HR CREATE_PROJECT_FROM_PROJECT_PROFILE group:hr-analysts (domain gov)  id: <id>
            is unmanaged (reported only, never touched) because it is not declared and its kind is not pruned

        + PolicyGrant/HR CREATE_PROJECT_FROM_PROJECT_PROFILE group:hr-leads (domain gov)
            will be created because it is declared but does not exist
            /id: (known after apply)
            /domainUnit: "HR"
            /includeChildDomainUnits: true
            /policy: "CREATE_PROJECT_FROM_PROJECT_PROFILE"
            /principal: {"group":"hr-leads"}
            /projectProfiles: ["Corporate HR"]
      "
    `);
    expect(await grantCount(grant?.meta.domainId ?? '', grant?.meta.unitId ?? '')).toBe(2);
  });

  it('exports a unit grant with its profiles so that plan over the export shows no changes', async () => {
    // The emulator is shared by this file's tests: start from an empty one, so the export holds this grant only.
    await emu.emulator.control.reset();
    const declared = HR_GRANT.replace(
      '  projectProfiles:',
      '  includeChildDomainUnits: true\n  projectProfiles:',
    );
    await applyManifests(manifests(declared), emu.endpoint).then(expectAllDone);
    const out = mkdtempSync(join(tmpdir(), 'smus-grants-export-'));
    const exported = await runCli(
      ['export', '--domain', 'gov', '--out', out, '--layout', 'per-kind', '--endpoint-url', emu.endpoint],
      { env: CLI_ENV },
    );
    expect(exported.stderr).toBe('');
    expect(exported.exitCode).toBe(0);
    expect(readFileSync(join(out, 'policy-grants.yaml'), 'utf8')).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=https://unpkg.com/smus-gitops@0.1.0/schemas/policy-grant.schema.json
      # Written by smus-gitops export from what is live; edit freely, then plan to review.
      apiVersion: smus-gitops/v1alpha1
      kind: PolicyGrant
      metadata:
        name: hr-create-project-from-project-profile-group-hr-analysts
        domain: gov
      spec:
        policy: CREATE_PROJECT_FROM_PROJECT_PROFILE
        domainUnit: HR
        principal:
          group: hr-analysts
        includeChildDomainUnits: true
        projectProfiles:
          - Corporate HR
      "
    `);
    const planned = await planManifests({ paths: [out] }, emu.endpoint);
    expect(text(planned.plan)).toBe('No changes. Live state matches the manifests.\n');
  });
});

/**
 * A profile made while the plan reads (another apply, a console user): the plan's profile list
 * predates it, but a grant listed afterwards names it by id. The grant reader looks such ids up
 * (src/live/late-profiles.ts), so a grant exactly as declared is not planned as a replace; before,
 * its profiles read `id:<id>` and two concurrent applies of the example could refuse (exit 3).
 */
const LATE = `
apiVersion: smus-gitops/v1alpha1
kind: ProjectProfile
metadata: { name: Late, domain: gov }
spec: { domainUnit: HR }
---
apiVersion: smus-gitops/v1alpha1
kind: PolicyGrant
metadata: { name: late-creates-projects, domain: gov }
spec:
  policy: CREATE_PROJECT_FROM_PROJECT_PROFILE
  domainUnit: HR
  principal: { group: late-group }
  projectProfiles: [Late]
`;

/** Makes the Late profile and its grant through the real SDK client, as another caller would. */
async function makeLateProfileAndGrant(): Promise<void> {
  const dz = emu.dataZone();
  const domain = (await dz.send(new ListDomainsCommand({}))).items?.find((d) => d.name === 'gov');
  const domainId = domain?.id ?? '';
  const root = (await dz.send(new GetDomainCommand({ identifier: domainId }))).rootDomainUnitId ?? '';
  const units = await dz.send(
    new ListDomainUnitsForParentCommand({ domainIdentifier: domainId, parentDomainUnitIdentifier: root }),
  );
  const hr = units.items?.find((u) => u.name === 'HR')?.id ?? '';
  const profile = await dz.send(
    new CreateProjectProfileCommand({ domainIdentifier: domainId, name: 'Late', domainUnitIdentifier: hr }),
  );
  await dz.send(
    new AddPolicyGrantCommand({
      domainIdentifier: domainId,
      entityType: 'DOMAIN_UNIT',
      entityIdentifier: hr,
      policyType: 'CREATE_PROJECT_FROM_PROJECT_PROFILE',
      principal: { group: { groupIdentifier: 'late-group' } },
      detail: { createProjectFromProjectProfile: { projectProfiles: [profile.id ?? ''] } },
    }),
  );
}

describe('a profile made during the read', () => {
  it('names the profiles of a grant listed after it, so the grant is not replaced', async () => {
    await emu.emulator.control.reset();
    expectAllDone(await applyManifests(manifests(''), emu.endpoint));
    // The other caller starts once the plan has listed profiles; the grant list waits until it is done.
    let made: Promise<void> | undefined;
    const off = emu.emulator.control.on('request', (event) => {
      if (event.operation === 'ListProjectProfiles' && !made) made = makeLateProfileAndGrant();
    });
    emu.emulator.control.setFaults([{ operation: 'ListPolicyGrants', hangMs: 1_000 }]);
    let planned: PlannedRun;
    try {
      planned = await planManifests(manifests(LATE), emu.endpoint);
      await made;
    } finally {
      off();
      emu.emulator.control.clearFaults();
    }
    planned.clients.destroy();
    const action = (kind: string, name: string) =>
      planned.plan.changes.find((c) => c.address.kind === kind && c.address.name === name)?.action;
    // The profile list predates Late, so it is still planned as a create (apply adopts it); the
    // grant, listed after Late was made, is as declared.
    expect(action('ProjectProfile', 'Late')).toBe('create');
    expect(action('PolicyGrant', 'HR CREATE_PROJECT_FROM_PROJECT_PROFILE group:late-group')).toBe('noop');
    const again = await planManifests(manifests(LATE), emu.endpoint);
    again.clients.destroy();
    expect(again.plan.summary).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
  });
});
