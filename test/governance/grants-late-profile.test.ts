/**
 * A profile made while the plan reads (another apply, a console user): the plan's profile list
 * predates it, but a grant listed afterwards names it by id. The grant reader looks such ids up
 * (src/live/late-profiles.ts), so a grant exactly as declared is not planned as a replace; before,
 * its profiles read `id:<id>` and two concurrent applies of the example could refuse (exit 3).
 */
import {
  AddPolicyGrantCommand,
  CreateProjectProfileCommand,
  ListDomainsCommand,
  ListDomainUnitsForParentCommand,
  GetDomainCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { applyManifests, expectAllDone, planManifests, type PlannedRun } from '../helpers/apply.js';
import { EXAMPLE_BEHAVIOUR, withEmulator } from '../helpers/emulator.js';

const emu = withEmulator({ behaviour: EXAMPLE_BEHAVIOUR });

const BASE = `
apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata: { name: gov }
spec:
  region: us-east-1
  executionRole: arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution
---
apiVersion: smus-gitops/v1alpha1
kind: DomainUnit
metadata: { name: HR, domain: gov }
spec: {}
`;

const LATE = `---
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
    expectAllDone(await applyManifests(BASE, emu.endpoint));
    // The other caller starts once the plan has listed profiles; the grant list waits until it is done.
    let made: Promise<void> | undefined;
    const off = emu.emulator.control.on('request', (event) => {
      if (event.operation === 'ListProjectProfiles' && !made) made = makeLateProfileAndGrant();
    });
    emu.emulator.control.setFaults([{ operation: 'ListPolicyGrants', hangMs: 1_000 }]);
    let planned: PlannedRun;
    try {
      planned = await planManifests(`${BASE}${LATE}`, emu.endpoint);
      await made;
    } finally {
      off();
      emu.emulator.control.clearFaults();
    }
    planned.clients.destroy();
    const actions = planned.plan.changes
      .filter((c) => c.address.kind === 'PolicyGrant' || c.address.kind === 'ProjectProfile')
      .map((c) => `${c.action} ${c.address.kind}/${c.address.name}`);
    // The profile list predates Late, so it is still planned as a create (apply adopts it); the
    // grant, listed after Late was made, is as declared.
    expect(actions).toEqual([
      'create ProjectProfile/Late',
      'noop PolicyGrant/HR CREATE_PROJECT_FROM_PROJECT_PROFILE group:late-group',
    ]);
    const again = await planManifests(`${BASE}${LATE}`, emu.endpoint);
    again.clients.destroy();
    expect(again.plan.summary).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
  });
});
