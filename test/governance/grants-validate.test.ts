/**
 * validate of PolicyGrant documents: a grant naming an undeclared (but close) unit, profile or
 * project, or a group close to a member group, gets a located diagnostic with a did-you-mean; two
 * grants with one natural key are a located duplicate; the schema ties projectProfiles to its
 * policy type.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/validate/load-manifests.js';
import { formatDiagnosticText } from '../../src/render/diagnostics.js';

async function diagnostics(yaml: string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'grants-'));
  writeFileSync(join(dir, 'm.yaml'), yaml);
  const loaded = await loadManifests([dir], dir);
  return loaded.diagnostics.map(formatDiagnosticText);
}

const BASE = `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata: { name: gov }
spec: { region: us-east-1, executionRole: "arn:aws:iam::111122223333:role/x" }
---
apiVersion: smus-gitops/v1alpha1
kind: DomainUnit
metadata: { name: HR, domain: gov }
spec: {}
---
apiVersion: smus-gitops/v1alpha1
kind: ProjectProfile
metadata: { name: Corporate HR, domain: gov }
spec: {}
---
apiVersion: smus-gitops/v1alpha1
kind: Project
metadata: { name: payroll, domain: gov }
spec:
  profile: Corporate HR
  members: [{ group: hr-analysts, designation: PROJECT_CONTRIBUTOR }]
---
`;

describe('PolicyGrant validation', () => {
  it('locates an undeclared unit, profile, project and a near-miss group, with did-you-mean', async () => {
    const found = await diagnostics(`${BASE}apiVersion: smus-gitops/v1alpha1
kind: PolicyGrant
metadata: { name: typos, domain: gov }
spec:
  policy: CREATE_PROJECT_FROM_PROJECT_PROFILE
  domainUnit: HRR
  principal: { group: hr-analyst }
  projectProfiles: [Corporate-HR]
---
apiVersion: smus-gitops/v1alpha1
kind: PolicyGrant
metadata: { name: owners, domain: gov }
spec:
  policy: ADD_TO_PROJECT_MEMBER_POOL
  principal: { project: { name: payrol, designation: OWNER } }
`);
    expect(found).toEqual([
      'm.yaml:28:15  error  SG304  DomainUnit "HRR" is not declared in domain gov (did you mean "HR"?)',
      'm.yaml:29:23  warning  SG345  group "hr-analyst" is not a project member here; did you mean "hr-analysts"?',
      'm.yaml:30:21  error  SG302  ProjectProfile "Corporate-HR" is not declared in domain gov (did you mean "Corporate HR"?)',
      'm.yaml:37:33  error  SG340  Project "payrol" is not declared in domain gov (did you mean "payroll"?)',
    ]);
  });

  it('reports two grants with one natural key as a located duplicate', async () => {
    const grant = (label: string) => `apiVersion: smus-gitops/v1alpha1
kind: PolicyGrant
metadata: { name: ${label}, domain: gov }
spec:
  policy: CREATE_PROJECT
  domainUnit: HR
  principal: { group: hr-analysts }
`;
    const found = await diagnostics(`${BASE}${grant('a')}---\n${grant('b')}`);
    expect(found).toEqual([
      'm.yaml:33:19  error  SG300  PolicyGrant "b" is already declared at m.yaml:25:19',
    ]);
  });

  it('requires projectProfiles for CREATE_PROJECT_FROM_PROJECT_PROFILE and refuses it elsewhere', async () => {
    const found = await diagnostics(`${BASE}apiVersion: smus-gitops/v1alpha1
kind: PolicyGrant
metadata: { name: a, domain: gov }
spec: { policy: CREATE_PROJECT_FROM_PROJECT_PROFILE, principal: { allUsers: true } }
---
apiVersion: smus-gitops/v1alpha1
kind: PolicyGrant
metadata: { name: b, domain: gov }
spec: { policy: CREATE_PROJECT, principal: { allUsers: true }, projectProfiles: [Corporate HR] }
`);
    expect(found).toEqual([
      'm.yaml:26:1  error  SG202  missing required field "projectProfiles"',
      'm.yaml:31:17  error  SG204  must be "CREATE_PROJECT_FROM_PROJECT_PROFILE" (got "CREATE_PROJECT")',
    ]);
  });
});
