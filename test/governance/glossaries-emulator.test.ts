/**
 * The emulator's glossary operations through the real DataZone client: a second glossary of one
 * name is a ConflictException, an unknown owning project is not found, Search on scopes the
 * emulator holds nothing of answers an empty page, and Search filters are refused, not ignored
 * (docs/emulator/decisions.md, "Glossaries").
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateGlossaryCommand,
  ListDomainsCommand,
  ListProjectsCommand,
  SearchCommand,
} from '@aws-sdk/client-datazone';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CLI_ENV, EXAMPLE_BEHAVIOUR, startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

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
spec: { owningProject: governance }
`;

let emu: TestEmulator;
let domainId = '';
let projectId = '';

beforeAll(async () => {
  emu = await startTestEmulator({ behaviour: EXAMPLE_BEHAVIOUR });
  const dir = mkdtempSync(join(tmpdir(), 'smus-glossary-emu-'));
  writeFileSync(join(dir, 'gov.yaml'), DOCS);
  const run = await runCli(['apply', dir, '--auto-approve', '--endpoint-url', emu.endpoint], {
    env: CLI_ENV,
  });
  expect(run.exitCode, run.stdout + run.stderr).toBe(0);
  const dz = emu.dataZone();
  domainId = (await dz.send(new ListDomainsCommand({}))).items!.find((d) => d.name === 'gov')!.id!;
  projectId = (await dz.send(new ListProjectsCommand({ domainIdentifier: domainId }))).items!.find(
    (p) => p.name === 'governance',
  )!.id!;
});
afterAll(async () => {
  await emu.close();
});

async function errorOf(send: Promise<unknown>): Promise<string> {
  return send.then(
    () => 'no error',
    (error: Error) => error.name,
  );
}

describe('emulated glossaries', () => {
  it('refuses a second glossary of the same name', async () => {
    const create = new CreateGlossaryCommand({
      domainIdentifier: domainId,
      name: 'Clinical terms',
      owningProjectIdentifier: projectId,
    });
    expect(await errorOf(emu.dataZone().send(create))).toBe('ConflictException');
  });

  it('refuses an owning project that does not exist', async () => {
    const create = new CreateGlossaryCommand({
      domainIdentifier: domainId,
      name: 'Other',
      owningProjectIdentifier: 'nosuchproject1',
    });
    expect(await errorOf(emu.dataZone().send(create))).toBe('ResourceNotFoundException');
  });

  it('answers an empty page for scopes it holds nothing of, and refuses filters', async () => {
    const dz = emu.dataZone();
    const terms = await dz.send(
      new SearchCommand({ domainIdentifier: domainId, searchScope: 'GLOSSARY_TERM' }),
    );
    expect(terms.items).toEqual([]);
    const glossaries = await dz.send(
      new SearchCommand({ domainIdentifier: domainId, searchScope: 'GLOSSARY' }),
    );
    expect(glossaries.items?.map((i) => i.glossaryItem?.name)).toEqual(['Clinical terms']);
    const filtered = new SearchCommand({
      domainIdentifier: domainId,
      searchScope: 'GLOSSARY',
      filters: { filter: { attribute: 'name', value: 'x' } },
    });
    expect(await errorOf(dz.send(filtered))).toBe('ValidationException');
  });
});
