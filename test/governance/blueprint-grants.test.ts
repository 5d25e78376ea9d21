/**
 * PolicyGrant on a blueprint configuration (entity ENVIRONMENT_BLUEPRINT_CONFIGURATION,
 * `ACCOUNT:BLUEPRINT_ID`): the grant that lets a unit's projects create environments from a
 * blueprint in an account. Create after its configuration, no changes after apply, tombstone,
 * unmanaged and prune, drift of a grant removed with the SDK client, export round trip, and a
 * plan-time refusal (not an apply failure) when the configuration exists nowhere.
 */
import { ListPolicyGrantsCommand, RemovePolicyGrantCommand } from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildExport } from '../../src/export/build.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { applyManifests, expectAllDone, planManifests } from '../helpers/apply.js';
import { EXAMPLE_BEHAVIOUR, withEmulator } from '../helpers/emulator.js';

const emu = withEmulator({ behaviour: EXAMPLE_BEHAVIOUR });

const BASE = `
apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata: { name: gov }
spec:
  region: us-east-1
  account: "111122223333"
  executionRole: arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution
  reconcile: { prune: [PROMPT] }
---
apiVersion: smus-gitops/v1alpha1
kind: DomainUnit
metadata: { name: HR, domain: gov }
spec: {}
---
apiVersion: smus-gitops/v1alpha1
kind: BlueprintConfiguration
metadata: { name: Tooling, domain: gov }
spec:
  enabledRegions: [us-east-1]
  provisioningRole: arn:aws:iam::111122223333:role/AmazonSageMakerProvisioning-111122223333
  manageAccessRole: arn:aws:iam::111122223333:role/AmazonSageMakerManageAccess-111122223333
`;

const GRANT = `
apiVersion: smus-gitops/v1alpha1
kind: PolicyGrant
metadata: { name: hr-uses-tooling, domain: gov }
spec:
  policy: CREATE_ENVIRONMENT_FROM_BLUEPRINT
  blueprintConfiguration: { blueprint: Tooling, account: "111122223333" }
  principal: { project: { domainUnit: HR, includeChildDomainUnits: true, designation: CONTRIBUTOR } }
`;

function manifests(grant: string, prune = ''): string {
  return `${BASE.replace('[PROMPT]', `[${prune}]`)}${grant ? `---\n${grant}` : ''}`;
}

const text = (plan: Parameters<typeof renderPlanText>[0]) => renderPlanText(plan, { color: false });

async function grants(domainId: string, entityIdentifier: string) {
  const out = await emu.dataZone().send(
    new ListPolicyGrantsCommand({
      domainIdentifier: domainId,
      entityType: 'ENVIRONMENT_BLUEPRINT_CONFIGURATION',
      entityIdentifier,
      policyType: 'CREATE_ENVIRONMENT_FROM_BLUEPRINT',
    }),
  );
  return out.grantList ?? [];
}

describe('PolicyGrant on a blueprint configuration', () => {
  it('is created after its configuration, converges, and goes with a tombstone', async () => {
    const first = await applyManifests(manifests(GRANT), emu.endpoint);
    expectAllDone(first);
    expect(text(first.plan)).toMatchSnapshot('create');
    const again = await planManifests(manifests(GRANT), emu.endpoint);
    expect(text(again.plan)).toMatchSnapshot('no changes');
    const grant = again.observation.resources.find((r) => r.address.kind === 'PolicyGrant');
    expect(grant?.address.name).toBe(
      'blueprint:Tooling@111122223333 CREATE_ENVIRONMENT_FROM_BLUEPRINT projects:HR+children/CONTRIBUTOR',
    );
    const entity = grant?.meta.entityId ?? '';
    expect(entity).toMatch(/^111122223333:/);
    expect(await grants(grant?.meta.domainId ?? '', entity)).toHaveLength(1);

    const tombstone = GRANT.replace('metadata:', 'lifecycle: { ensure: absent }\nmetadata:');
    const deleted = await applyManifests(manifests(tombstone), emu.endpoint);
    expectAllDone(deleted);
    expect(text(deleted.plan)).toMatchSnapshot('tombstone');
    expect(await grants(grant?.meta.domainId ?? '', entity)).toHaveLength(0);
  });

  it('shows a grant removed out of band as drift, exports it, and prunes an undeclared one', async () => {
    await applyManifests(manifests(GRANT), emu.endpoint).then(expectAllDone);
    const planned = await planManifests(manifests(GRANT), emu.endpoint);
    const grant = planned.observation.resources.find((r) => r.address.kind === 'PolicyGrant');

    // Export writes the grant; the exported document plans as the declared one (same natural key).
    const exported = buildExport(planned.observation, 'gov', '111122223333').documents.filter(
      (d) => d.kind === 'PolicyGrant',
    );
    expect(exported.map((d) => d.body)).toMatchSnapshot('export');
    const roundTrip = await planManifests(manifests(stringify(exported[0]?.body)), emu.endpoint);
    expect(roundTrip.plan.changes.filter((c) => c.action !== 'noop')).toEqual([]);

    // Someone removes it in the console (the real SDK client).
    await emu.dataZone().send(
      new RemovePolicyGrantCommand({
        domainIdentifier: grant?.meta.domainId ?? '',
        entityType: 'ENVIRONMENT_BLUEPRINT_CONFIGURATION',
        entityIdentifier: grant?.meta.entityId ?? '',
        policyType: 'CREATE_ENVIRONMENT_FROM_BLUEPRINT',
        principal: JSON.parse(grant?.meta.principal ?? '{}'),
        grantIdentifier: grant?.meta.grantId,
      }),
    );
    const drifted = await planManifests(manifests(GRANT), emu.endpoint);
    expect(text(drifted.plan)).toMatchSnapshot('drift: re-created');
    await applyManifests(manifests(GRANT), emu.endpoint).then(expectAllDone);

    // Without the document: listed as unmanaged where the domain declares no such grant type only
    // when it prunes grants; with prune it is removed.
    const pruned = await applyManifests(manifests('', 'PolicyGrant'), emu.endpoint);
    expectAllDone(pruned);
    expect(text(pruned.plan)).toMatchSnapshot('prune');
    expect(await grants(grant?.meta.domainId ?? '', grant?.meta.entityId ?? '')).toHaveLength(0);
  });

  it('refuses at plan a grant on a configuration that is neither declared nor live', async () => {
    const elsewhere = GRANT.replace('blueprint: Tooling', 'blueprint: DataLake');
    const planned = await planManifests(manifests(elsewhere), emu.endpoint);
    expect(planned.plan.refused.map((r) => `${r.reason}: ${r.detail}`)).toEqual([
      'unresolved-reference: PolicyGrant/blueprint:DataLake@111122223333 CREATE_ENVIRONMENT_FROM_BLUEPRINT projects:HR+children/CONTRIBUTOR refers to BlueprintConfiguration "DataLake", which is neither declared nor live',
    ]);
    // Located at the value that names the configuration, in the grant's document.
    const line =
      manifests(elsewhere)
        .split('\n')
        .findIndex((l) => l.includes('blueprint: DataLake')) + 1;
    expect(planned.plan.refused.map((r) => r.location?.replace(/^.*\//, ''))).toEqual([
      `manifests.yaml:${line}:27`,
    ]);
  });
});
