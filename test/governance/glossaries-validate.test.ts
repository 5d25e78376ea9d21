/**
 * `validate` of a Glossary naming an undeclared owning project: a located SG340 with a
 * did-you-mean when a declared project is close, and exit 1 with nothing called.
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
spec:
  owningProject: governanse
`;

describe('Glossary validation', () => {
  it('locates an undeclared owning project and suggests the close one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smus-glossary-validate-'));
    writeFileSync(join(dir, 'gov.yaml'), DOCS);
    const run = await runCli(['validate', dir, '--no-color'], { cwd: dir });
    expect(run.exitCode).toBe(1);
    expect((run.stdout + run.stderr).replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
      "gov.yaml:23:18  error  SG340  Project "governanse" is not declared in domain gov (did you mean "governance"?)
      4 documents in 1 file (1 Domain, 1 ProjectProfile, 1 Project, 1 Glossary): 1 error, 0 warnings
      "
    `);
  });
});
