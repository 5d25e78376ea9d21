/**
 * The Glossary kind end to end against the emulator, through the CLI as a user runs it: create,
 * in-place updates (description, status), replaces (owningProject, usageRestrictions), tombstone,
 * prune, unmanaged listing, drift of a change made with the real DataZone client, and the export
 * round trip. Plans are compared whole.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateGlossaryCommand, UpdateGlossaryCommand } from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { CLINICAL_GLOSSARY as GLOSSARY, stableIds, useGovernanceFixture, NO_CHANGES } from './fixture.js';

const fixture = useGovernanceFixture('smus-glossary-');

function write(glossary: string, prune = ''): void {
  fixture().write({ 'glossary.yaml': glossary }, prune);
}

function cli(...args: string[]) {
  return fixture().cli(...args);
}

function plan(): Promise<string> {
  return fixture().plan();
}

function apply(): Promise<void> {
  return fixture().apply();
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
    expect(await plan()).toBe(NO_CHANGES);
  });

  it('updates description and status in place', async () => {
    write(GLOSSARY);
    await apply();
    write(GLOSSARY.replace('Terms for clinical data', 'Clinical vocabulary') + '  status: DISABLED\n');
    expect(await plan()).toMatchInlineSnapshot(`
      "Plan: 0 to create, 1 to update, 0 to replace, 0 to delete, 4 unchanged, 0 unmanaged

        ~ Glossary/Clinical terms (domain gov)  id: <id>
            will be updated in place because live fields differ from the manifest
            /description: "Terms for clinical data" → "Clinical vocabulary"
            /status: "ENABLED" → "DISABLED"
      "
    `);
    await apply();
    expect(await plan()).toBe(NO_CHANGES);
  });

  it('replaces the glossary when its owning project or usage restrictions change', async () => {
    write(GLOSSARY);
    await apply();
    write(
      GLOSSARY.replace('owningProject: governance', 'owningProject: stewards') +
        '  usageRestrictions: [ASSET_GOVERNED_TERMS]\n',
    );
    expect(await plan()).toMatchInlineSnapshot(`
      "Plan: 0 to create, 0 to update, 1 to replace, 0 to delete, 4 unchanged, 0 unmanaged

      -/+ Glossary/Clinical terms (domain gov)  id: <id>
            will be deleted and created again because a field that cannot be updated changed
            forced by: /owningProject, /usageRestrictions
            /owningProject: "governance" → "stewards"  # forces replacement
            /usageRestrictions: (unset) → ["ASSET_GOVERNED_TERMS"]  # forces replacement
      "
    `);
    const run = await cli('apply', fixture().dir, '--auto-approve', '--allow-replace');
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(await plan()).toBe(NO_CHANGES);
  });

  it('deletes a tombstoned glossary', async () => {
    write(GLOSSARY);
    await apply();
    write(GLOSSARY.replace('spec:', 'lifecycle: { ensure: absent }\nspec:'));
    expect(await plan()).toMatchInlineSnapshot(`
      "Plan: 0 to create, 0 to update, 0 to replace, 1 to delete, 4 unchanged, 0 unmanaged

        - Glossary/Clinical terms (domain gov)  id: <id>
            will be deleted because its manifest sets lifecycle.ensure: absent
            /description: "Terms for clinical data"
            /owningProject: "governance"
            /status: "ENABLED"
      "
    `);
    await apply();
    expect(await glossaryNames()).toEqual([]);
  });

  it('lists an undeclared glossary as unmanaged, and prunes it when the domain prunes Glossary', async () => {
    write(GLOSSARY);
    await apply();
    const { domainId, projectId } = await ids();
    await fixture()
      .emu.dataZone()
      .send(
        new CreateGlossaryCommand({
          domainIdentifier: domainId,
          name: 'Console glossary',
          owningProjectIdentifier: projectId,
        }),
      );
    expect(await plan()).toMatchInlineSnapshot(`
      "No changes. Live state matches the manifests.

        ? Glossary/Console glossary (domain gov)  id: <id>
            is unmanaged (reported only, never touched) because it is not declared and its kind is not pruned
      "
    `);
    write(GLOSSARY, '  reconcile: { prune: [Glossary] }');
    expect(await plan()).toMatchInlineSnapshot(`
      "Plan: 0 to create, 0 to update, 0 to replace, 1 to delete, 5 unchanged, 0 unmanaged

        - Glossary/Console glossary (domain gov)  id: <id>
            will be deleted because it is not declared and its domain prunes this kind
            /owningProject: "governance"
            /status: "ENABLED"
      "
    `);
    await apply();
    expect(await glossaryNames()).toEqual(['Clinical terms']);
  });

  it('reports drift of a change made outside the tool', async () => {
    write(GLOSSARY);
    await apply();
    const { domainId } = await ids();
    const [glossary] = await search(domainId);
    await fixture()
      .emu.dataZone()
      .send(
        new UpdateGlossaryCommand({
          domainIdentifier: domainId,
          identifier: glossary!.id,
          status: 'DISABLED',
        }),
      );
    const run = await cli('drift', fixture().dir, '--no-color');
    expect(run.exitCode).toBe(2);
    expect(stableIds(run.stdout)).toMatchInlineSnapshot(`
      "Drift: 0 to create, 1 to update, 0 to replace, 0 to delete, 4 unchanged, 0 unmanaged

        ~ Glossary/Clinical terms (domain gov)  id: <id>
            will be updated in place because live fields differ from the manifest
            /status: "DISABLED" → "ENABLED"
      "
    `);
  });

  it('exports the glossary so that the exported manifests plan no changes', async () => {
    write(GLOSSARY.replace('spec:', 'spec:\n  status: DISABLED'));
    await apply();
    const out = join(fixture().dir, 'exported');
    const run = await cli('export', '--domain', 'gov', '--out', out);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(readFileSync(join(out, 'glossaries.yaml'), 'utf8')).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=https://unpkg.com/smus-gitops@0.1.0/schemas/glossary.schema.json
      # Written by smus-gitops export from what is live; edit freely, then plan to review.
      apiVersion: smus-gitops/v1alpha1
      kind: Glossary
      metadata:
        name: Clinical terms
        domain: gov
      spec:
        owningProject: governance
        description: Terms for clinical data
        status: DISABLED
      "
    `);
    const again = await cli('plan', out, '--no-color');
    expect(again.stdout).toBe(NO_CHANGES);
  });
});

function ids(): Promise<{ domainId: string; projectId: string }> {
  return fixture().ids();
}

function search(domainId: string) {
  return fixture().glossaries(domainId);
}

async function glossaryNames(): Promise<string[]> {
  return (await search((await ids()).domainId)).map((g) => g.name!).sort();
}
