/**
 * `validate` of the metadata kinds: a FormType naming an undeclared owning project (SG340), a
 * MetadataRule naming an undeclared form type (SG341), unit (SG304) or scoped project (SG340),
 * each located with a did-you-mean, and a form type name the API reserves refused by the schema;
 * exit 1 with nothing called.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DOCS = `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata: { name: gov }
spec:
  region: us-east-1
  executionRole: arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution
  serviceRole: arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainService
---
apiVersion: smus-gitops/v1alpha1
kind: DomainUnit
metadata: { name: Clinical, domain: gov }
spec: {}
---
apiVersion: smus-gitops/v1alpha1
kind: ProjectProfile
metadata: { name: Plain, domain: gov }
spec: { status: ENABLED }
---
apiVersion: smus-gitops/v1alpha1
kind: Project
metadata: { name: governance, domain: gov }
spec: { profile: Plain }
---
apiVersion: smus-gitops/v1alpha1
kind: FormType
metadata: { name: ClinicalStudy, domain: gov }
spec:
  owningProject: governanse
  model: "structure ClinicalStudy { studyId: String }"
---
apiVersion: smus-gitops/v1alpha1
kind: MetadataRule
metadata: { name: Study form required, domain: gov }
spec:
  domainUnit: Clinicl
  action: CREATE_LISTING_CHANGE_SET
  requiredForms: [ClinicalStudy, ClinicalStudie]
  scope: { projects: [governanc] }
`;

async function validate(docs: string) {
  const dir = mkdtempSync(join(tmpdir(), 'smus-forms-validate-'));
  writeFileSync(join(dir, 'gov.yaml'), docs);
  const run = await runCli(['validate', dir, '--no-color'], { cwd: dir });
  return { exitCode: run.exitCode, out: (run.stdout + run.stderr).replaceAll(dir, '<dir>') };
}

describe('FormType and MetadataRule validation', () => {
  it('locates undeclared projects, units and form types and suggests the close ones', async () => {
    const run = await validate(DOCS);
    expect(run.exitCode).toBe(1);
    expect(run.out).toMatchInlineSnapshot(`
      "gov.yaml:28:18  error  SG340  Project "governanse" is not declared in domain gov (did you mean "governance"?)
      gov.yaml:35:15  error  SG304  DomainUnit "Clinicl" is not declared in domain gov (did you mean "Clinical"?)
      gov.yaml:37:34  error  SG341  FormType "ClinicalStudie" is not declared in domain gov (did you mean "ClinicalStudy"?)
      gov.yaml:38:23  error  SG340  Project "governanc" is not declared in domain gov (did you mean "governance"?)
      6 documents in 1 file (1 Domain, 1 DomainUnit, 1 ProjectProfile, 1 Project, 1 FormType, 1 MetadataRule): 4 errors, 0 warnings
      "
    `);
  });

  it('refuses a form type name in the reserved amazon.datazone namespace', async () => {
    const run = await validate(
      DOCS.replace('name: ClinicalStudy, domain', 'name: amazon.datazone.Mine, domain'),
    );
    expect(run.exitCode).toBe(1);
    expect(run.out.split('\n').filter((l) => l.includes('amazon.datazone'))).toMatchInlineSnapshot(`
      [
        "gov.yaml:26:19  error  SG205  "amazon.datazone.Mine" is not a valid value: must match ^(?!amazon\\.datazone\\.)([A-Za-z]\\w*|_\\w*[A-Za-z0-9]\\w*)$",
      ]
    `);
  });
});
