/**
 * Issue 18: the plan reads each page of projects as it arrives. A domain of two pages of projects
 * (the tool asks for 50 a page) whose ListProjects answers are held back 1.5 s each: the first
 * page's projects are read (GetProject) while the second page is still being listed, and the
 * plan still sees every project, converged.
 */
import { CreateProjectCommand } from '@aws-sdk/client-datazone';
import { describe, expect, test } from 'vitest';
import { HOME, domainManifest, fastEmulator, observedId } from '../apply/operations/support.js';

const h = fastEmulator({ projectDeploy: 0, projectDelete: 0 });
const COUNT = 55;

const BASE = `${domainManifest()}---
apiVersion: smus-gitops/v1alpha1
kind: BlueprintConfiguration
metadata: { name: Tooling, domain: corp }
spec:
  enabledRegions: [us-east-1]
  provisioningRole: arn:aws:iam::${HOME}:role/AmazonSageMakerProvisioning
---
apiVersion: smus-gitops/v1alpha1
kind: AccountPool
metadata: { name: pool-a, domain: corp }
spec:
  accounts:
    - { id: "${HOME}", regions: [us-east-1] }
---
apiVersion: smus-gitops/v1alpha1
kind: ProjectProfile
metadata: { name: Data Engineer, domain: corp }
spec:
  environments:
    - { name: Tooling, blueprint: Tooling, target: { accountPools: [pool-a] } }
`;

function withProjects(): string {
  let out = BASE;
  for (let j = 0; j < COUNT; j++)
    out += `---
apiVersion: smus-gitops/v1alpha1
kind: Project
metadata: { name: p${String(j).padStart(2, '0')}, domain: corp }
spec:
  profile: Data Engineer
  target: { account: "${HOME}", region: us-east-1 }
`;
  return out;
}

describe('project pages', () => {
  test('projects of the first page are read while the second page is listed', async () => {
    await h.applyOk(BASE);
    const planned = await h.plan(BASE);
    const profileId = observedId(planned, 'ProjectProfile', 'Data Engineer');
    planned.clients.destroy();
    const domainIdentifier = await h.domainId();
    for (let j = 0; j < COUNT; j++)
      await h.dz.send(
        new CreateProjectCommand({
          domainIdentifier,
          name: `p${String(j).padStart(2, '0')}`,
          projectProfileId: profileId,
          userParameters: [
            {
              environmentConfigurationName: 'Tooling',
              environmentResolvedAccount: { awsAccountId: HOME, regionName: 'us-east-1' },
            },
          ],
        }),
      );

    const order: string[] = [];
    const off = h.emu.emulator.control.on('request', (e) => {
      if (e.operation === 'ListProjects' || e.operation === 'GetProject') order.push(e.operation);
    });
    h.emu.emulator.control.setFaults([{ operation: 'ListProjects', hangMs: 1_500 }]);
    try {
      const run = await h.plan(withProjects());
      run.clients.destroy();
      expect(run.observation.complete).toBe(true);
      expect(run.observation.resources.filter((r) => r.address.kind === 'Project')).toHaveLength(COUNT);
    } finally {
      off();
      h.emu.emulator.control.clearFaults();
    }
    // Two pages: the second is answered after GetProjects of the first page's projects.
    expect(order.filter((o) => o === 'ListProjects')).toHaveLength(2);
    expect(order.indexOf('GetProject')).toBeLessThan(order.lastIndexOf('ListProjects'));
    expect(order.filter((o) => o === 'GetProject')).toHaveLength(COUNT);
    await h.converged(withProjects());
  });
});
