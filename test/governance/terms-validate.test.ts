/**
 * `validate` of GlossaryTerm references: a glossary or a related term that is not declared is a
 * located SG342 with a did-you-mean; a related term declared absent is SG309; a term related to
 * itself is SG342; a name close to nothing is deferred to plan time (SG312 note). Exit 1 on errors.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const BASE = `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata: { name: gov }
spec:
  region: us-east-1
  executionRole: arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution
  serviceRole: arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainService
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
kind: Glossary
metadata: { name: Clinical terms, domain: gov }
spec: { owningProject: governance }
`;

const TERMS = `apiVersion: smus-gitops/v1alpha1
kind: GlossaryTerm
metadata: { name: Diagnosis, domain: gov }
spec:
  glossary: Clinical terms
  relations: { classifies: [Findng, Diagnosis] }
---
apiVersion: smus-gitops/v1alpha1
kind: GlossaryTerm
metadata: { name: Finding, domain: gov }
spec:
  glossary: Clinical terms
  relations: { isA: [Diagnosis, Retired], classifies: [Vital sign] }
---
apiVersion: smus-gitops/v1alpha1
kind: GlossaryTerm
metadata: { name: Retired, domain: gov }
lifecycle: { ensure: absent }
spec: { glossary: Clinical terms }
---
apiVersion: smus-gitops/v1alpha1
kind: GlossaryTerm
metadata: { name: Orphan, domain: gov }
spec: { glossary: Clinical term }
`;

async function validate(files: Record<string, string>): Promise<{ exitCode: number; text: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'smus-terms-validate-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const run = await runCli(['validate', dir, '--no-color'], { cwd: dir });
  return { exitCode: run.exitCode, text: (run.stdout + run.stderr).replaceAll(dir, '<dir>') };
}

describe('GlossaryTerm validation', () => {
  it('locates undeclared glossaries and related terms with a did-you-mean', async () => {
    const run = await validate({ 'gov.yaml': BASE, 'terms.yaml': TERMS });
    expect(run.exitCode).toBe(1);
    expect(run.text).toMatchInlineSnapshot(`
      "terms.yaml:6:29  error  SG342  GlossaryTerm "Findng" is not declared in glossary "Clinical terms" of domain gov (did you mean "Finding"?)
      terms.yaml:6:37  error  SG342  GlossaryTerm "Diagnosis" cannot be related to itself
      terms.yaml:13:33  error  SG309  GlossaryTerm "Retired" is declared absent (lifecycle.ensure) but still referenced here
      terms.yaml:13:56  note  SG312  GlossaryTerm "Vital sign" is not declared here; plan will look for it in glossary "Clinical terms" of domain gov
      terms.yaml:24:19  error  SG342  Glossary "Clinical term" is not declared in domain gov (did you mean "Clinical terms"?)
      8 documents in 2 files (1 Domain, 1 ProjectProfile, 1 Project, 1 Glossary, 4 GlossaryTerm): 4 errors, 0 warnings
      "
    `);
  });

  it('needs the glossary of a tombstone (it is part of the identity)', async () => {
    const run = await validate({
      'gov.yaml': BASE,
      'terms.yaml': TERMS.split('---\n')[2]!.replace('spec: { glossary: Clinical terms }', 'spec: {}'),
    });
    expect(run.exitCode).toBe(1);
    expect(run.text).toMatchInlineSnapshot(`
      "terms.yaml:5:1  error  SG202  missing required field "glossary"
      5 documents in 2 files (1 Domain, 1 ProjectProfile, 1 Project, 1 Glossary): 1 error, 0 warnings
      "
    `);
  });
});
