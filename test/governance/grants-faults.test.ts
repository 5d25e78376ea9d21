/**
 * A grant is never duplicated or lost when AddPolicyGrant commits but its answer is lost
 * (commit-then-fail): the tool's retry carries the same client token and is answered with the
 * first grant; and a rerun after a lost answer lists before it adds. The world is audited by
 * natural key, as the campaigns do.
 */
import {
  AddPolicyGrantCommand,
  RemovePolicyGrantCommand,
  type PolicyGrantPrincipal,
} from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { applyManifests, expectAllDone, planManifests } from '../helpers/apply.js';
import { EXAMPLE_BEHAVIOUR, withEmulator } from '../helpers/emulator.js';
import { duplicateNaturalKeys } from '../helpers/world.js';
import { grantNaturalKeys, missingGrants } from '../campaigns/lib/grants.js';

const emu = withEmulator({ behaviour: EXAMPLE_BEHAVIOUR });

const ORG = `
apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata: { name: faulty }
spec:
  region: us-east-1
  executionRole: arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution
---
apiVersion: smus-gitops/v1alpha1
kind: DomainUnit
metadata: { name: HR, domain: faulty }
spec: {}
---
apiVersion: smus-gitops/v1alpha1
kind: PolicyGrant
metadata: { name: hr-projects, domain: faulty }
spec: { policy: CREATE_PROJECT, domainUnit: HR, principal: { group: hr-analysts } }
---
apiVersion: smus-gitops/v1alpha1
kind: PolicyGrant
metadata: { name: all-units, domain: faulty }
spec: { policy: CREATE_DOMAIN_UNIT, principal: { domainUnitOwners: '*' }, includeChildDomainUnits: true }
`;

describe('PolicyGrant under faults', () => {
  it('adds each grant exactly once through commit-then-fail, and converges', async () => {
    emu.emulator.control.setFaults([{ operation: 'AddPolicyGrant', commitThenFailPct: 100, count: 2 }]);
    const first = await applyManifests(ORG, emu.endpoint);
    expectAllDone(first);
    emu.emulator.control.clearFaults();
    expect(grantNaturalKeys(emu.emulator.world)).toHaveLength(2);
    expect(duplicateNaturalKeys(emu.emulator.world)).toEqual([]);
    expect(missingGrants(emu.emulator.world, ORG)).toEqual([]);
    const again = await planManifests(ORG, emu.endpoint);
    expect(again.plan.summary).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0, noop: 4 });
    // A rerun lists before it adds: nothing more is added.
    await applyManifests(ORG, emu.endpoint).then(expectAllDone);
    expect(grantNaturalKeys(emu.emulator.world)).toHaveLength(2);
  });

  it('the auditor sees a declared grant that is not live, and one that is there twice', async () => {
    await applyManifests(ORG, emu.endpoint).then(expectAllDone);
    expect(missingGrants(emu.emulator.world, ORG)).toEqual([]);
    const planned = await planManifests(ORG, emu.endpoint);
    const grant = planned.observation.resources.find((r) => r.address.name.includes('CREATE_PROJECT'));
    const principal = JSON.parse(grant?.meta.principal ?? '{}') as PolicyGrantPrincipal;
    const site = {
      domainIdentifier: grant?.meta.domainId,
      entityType: 'DOMAIN_UNIT' as const,
      entityIdentifier: grant?.meta.unitId,
      policyType: 'CREATE_PROJECT' as const,
    };
    await emu.dataZone().send(
      new AddPolicyGrantCommand({
        ...site,
        principal,
        detail: { createProject: { includeChildDomainUnits: false } },
      }),
    );
    expect(duplicateNaturalKeys(emu.emulator.world)).toHaveLength(1);
    await emu.dataZone().send(new RemovePolicyGrantCommand({ ...site, principal }));
    expect(missingGrants(emu.emulator.world, ORG)).toEqual(['PolicyGrant/hr-projects']);
  });
});
