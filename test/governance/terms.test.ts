/**
 * The GlossaryTerm kind end to end against the emulator, through the CLI as a user runs it: create
 * (relations in a cycle), in-place updates of every field, a move to another glossary (a new
 * identity: create, and the old term pruned), tombstone, unmanaged listing and prune, drift of a
 * change made with the real DataZone client, and the export round trip. Plans are compared whole.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateGlossaryTermCommand,
  GetGlossaryTermCommand,
  UpdateGlossaryTermCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { CLINICAL_GLOSSARY, stableIds, useGovernanceFixture, NO_CHANGES } from './fixture.js';

const TERMS = `apiVersion: smus-gitops/v1alpha1
kind: GlossaryTerm
metadata: { name: Diagnosis, domain: gov }
spec:
  glossary: Clinical terms
  shortDescription: A condition identified by a clinician
  relations: { classifies: [Finding] }
---
apiVersion: smus-gitops/v1alpha1
kind: GlossaryTerm
metadata: { name: Finding, domain: gov }
spec:
  glossary: Clinical terms
  longDescription: Anything observed during an examination.
  relations: { isA: [Diagnosis] }
`;

const fixture = useGovernanceFixture('smus-terms-');

/** Names of the related terms of a term, read back with GetGlossaryTerm. */
async function relationsOf(name: string): Promise<{ isA: string[]; classifies: string[] }> {
  const f = fixture();
  const { domainId } = await f.ids();
  const terms = await f.terms(domainId);
  const byId = new Map(terms.map((t) => [t.id, t.name]));
  const term = terms.find((t) => t.name === name)!;
  const out = await f.emu
    .dataZone()
    .send(new GetGlossaryTermCommand({ domainIdentifier: domainId, identifier: term.id }));
  const names = (ids: string[] | undefined) => (ids ?? []).map((id) => byId.get(id) ?? id).sort();
  return { isA: names(out.termRelations?.isA), classifies: names(out.termRelations?.classifies) };
}

describe('GlossaryTerm', () => {
  it('creates terms that name each other after their glossary, then plans no changes', async () => {
    const f = fixture();
    f.write({ 'glossary.yaml': CLINICAL_GLOSSARY, 'terms.yaml': TERMS });
    expect(await f.plan()).toMatchInlineSnapshot(`
      "Plan: 7 to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged, 0 unmanaged

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

        + GlossaryTerm/Clinical terms/Diagnosis (domain gov)
            will be created because it is declared but does not exist
            /id: (known after apply)
            /glossary: "Clinical terms"
            /relations: {"classifies":["Finding"]}
            /shortDescription: "A condition identified by a clinician"
            /status: "ENABLED"

        + GlossaryTerm/Clinical terms/Finding (domain gov)
            will be created because it is declared but does not exist
            /id: (known after apply)
            /glossary: "Clinical terms"
            /longDescription: "Anything observed during an examination."
            /relations: {"isA":["Diagnosis"]}
            /status: "ENABLED"
      "
    `);
    await f.apply();
    expect(await f.plan()).toBe(NO_CHANGES);
    expect(await relationsOf('Diagnosis')).toEqual({ isA: [], classifies: ['Finding'] });
    expect(await relationsOf('Finding')).toEqual({ isA: ['Diagnosis'], classifies: [] });
  });

  it('updates every field in place: descriptions, status and relations', async () => {
    const f = fixture();
    f.write({ 'glossary.yaml': CLINICAL_GLOSSARY, 'terms.yaml': TERMS });
    await f.apply();
    f.write({
      'terms.yaml': TERMS.replace('A condition identified by a clinician', 'What a clinician concludes')
        .replace(
          '  relations: { classifies: [Finding] }\n',
          '  status: DISABLED\n  longDescription: Coded in ICD-10.\n',
        )
        .replace('Anything observed during an examination.', 'What an examination shows.')
        .replace('relations: { isA: [Diagnosis] }', 'relations: { classifies: [Diagnosis] }'),
    });
    expect(await f.plan()).toMatchInlineSnapshot(`
      "Plan: 0 to create, 2 to update, 0 to replace, 0 to delete, 5 unchanged, 0 unmanaged

        ~ GlossaryTerm/Clinical terms/Diagnosis (domain gov)  id: <id>
            will be updated in place because live fields differ from the manifest
            /longDescription: (unset) → "Coded in ICD-10."
            /relations: {"classifies":["Finding"]} → (unset)
            /shortDescription: "A condition identified by a clinician" → "What a clinician concludes"
            /status: "ENABLED" → "DISABLED"

        ~ GlossaryTerm/Clinical terms/Finding (domain gov)  id: <id>
            will be updated in place because live fields differ from the manifest
            /longDescription: "Anything observed during an examination." → "What an examination shows."
            /relations/classifies: (unset) → ["Diagnosis"]
            /relations/isA: ["Diagnosis"] → (unset)
      "
    `);
    await f.apply();
    expect(await f.plan()).toBe(NO_CHANGES);
    expect(await relationsOf('Diagnosis')).toEqual({ isA: [], classifies: [] });
    expect(await relationsOf('Finding')).toEqual({ isA: [], classifies: ['Diagnosis'] });
  });

  it('treats a move to another glossary as a new term: created there, the old one pruned', async () => {
    const f = fixture();
    const other = CLINICAL_GLOSSARY.replace('Clinical terms', 'Care terms');
    const single = TERMS.split('---\n')[1]!.replace('relations: { isA: [Diagnosis] }', 'status: ENABLED');
    f.write({ 'glossary.yaml': `${CLINICAL_GLOSSARY}---\n${other}`, 'terms.yaml': single });
    await f.apply();
    f.write(
      { 'terms.yaml': single.replace('glossary: Clinical terms', 'glossary: Care terms') },
      '  reconcile: { prune: [GlossaryTerm] }',
    );
    expect(await f.plan()).toMatchInlineSnapshot(`
      "Plan: 1 to create, 0 to update, 0 to replace, 1 to delete, 6 unchanged, 0 unmanaged

        + GlossaryTerm/Care terms/Finding (domain gov)
            will be created because it is declared but does not exist
            /id: (known after apply)
            /glossary: "Care terms"
            /longDescription: "Anything observed during an examination."
            /status: "ENABLED"

        - GlossaryTerm/Clinical terms/Finding (domain gov)  id: <id>
            will be deleted because it is not declared and its domain prunes this kind
            /glossary: "Clinical terms"
            /longDescription: "Anything observed during an examination."
            /status: "ENABLED"
      "
    `);
    await f.apply();
    expect(await f.plan()).toBe(NO_CHANGES);
  });

  it('deletes a tombstoned term, unlinking it from the term that named it', async () => {
    const f = fixture();
    f.write({ 'glossary.yaml': CLINICAL_GLOSSARY, 'terms.yaml': TERMS });
    await f.apply();
    const [diagnosis, finding] = TERMS.split('---\n');
    f.write({
      'terms.yaml': `${diagnosis!.replace('  relations: { classifies: [Finding] }\n', '')}---\n${finding!.replace(
        'spec:',
        'lifecycle: { ensure: absent }\nspec:',
      )}`,
    });
    expect(await f.plan()).toMatchInlineSnapshot(`
      "Plan: 0 to create, 1 to update, 0 to replace, 1 to delete, 5 unchanged, 0 unmanaged

        ~ GlossaryTerm/Clinical terms/Diagnosis (domain gov)  id: <id>
            will be updated in place because live fields differ from the manifest
            /relations: {"classifies":["Finding"]} → (unset)

        - GlossaryTerm/Clinical terms/Finding (domain gov)  id: <id>
            will be deleted because its manifest sets lifecycle.ensure: absent
            /glossary: "Clinical terms"
            /longDescription: "Anything observed during an examination."
            /relations: {"isA":["Diagnosis"]}
            /status: "ENABLED"
      "
    `);
    await f.apply();
    const { domainId } = await f.ids();
    expect((await f.terms(domainId)).map((t) => t.name)).toEqual(['Diagnosis']);
    expect(await f.plan()).toBe(NO_CHANGES);
  });

  it('lists an undeclared term as unmanaged, prunes it, and refuses a glossary prune that would strand terms', async () => {
    const f = fixture();
    f.write({ 'glossary.yaml': CLINICAL_GLOSSARY, 'terms.yaml': TERMS });
    await f.apply();
    const { domainId } = await f.ids();
    const [glossary] = await f.glossaries(domainId);
    const finding = (await f.terms(domainId)).find((t) => t.name === 'Finding')!;
    await f.emu.dataZone().send(
      new CreateGlossaryTermCommand({
        domainIdentifier: domainId,
        glossaryIdentifier: glossary!.id,
        name: 'Symptom',
        termRelations: { isA: [finding.id!] },
      }),
    );
    expect(await f.plan()).toMatchInlineSnapshot(`
      "No changes. Live state matches the manifests.

        ? GlossaryTerm/Clinical terms/Symptom (domain gov)  id: <id>
            is unmanaged (reported only, never touched) because it is not declared and its kind is not pruned
      "
    `);
    // Finding is named by the unmanaged Symptom: its delete is refused at plan, not half-way through apply.
    const [diagnosis, kept] = TERMS.split('---\n');
    const unlinked = diagnosis!.replace('  relations: { classifies: [Finding] }\n', '');
    f.write({
      'terms.yaml': `${unlinked}---\n${kept!.replace('spec:', 'lifecycle: { ensure: absent }\nspec:')}`,
    });
    expect(await f.output('plan', f.dir, '--no-color')).toMatchInlineSnapshot(`
      "Plan: 0 to create, 1 to update, 0 to replace, 1 to delete, 5 unchanged, 1 unmanaged

        ~ GlossaryTerm/Clinical terms/Diagnosis (domain gov)  id: <id>
            will be updated in place because live fields differ from the manifest
            /relations: {"classifies":["Finding"]} → (unset)

        ? GlossaryTerm/Clinical terms/Symptom (domain gov)  id: <id>
            is unmanaged (reported only, never touched) because it is not declared and its kind is not pruned

        - GlossaryTerm/Clinical terms/Finding (domain gov)  id: <id>
            will be deleted because its manifest sets lifecycle.ensure: absent
            /glossary: "Clinical terms"
            /longDescription: "Anything observed during an examination."
            /relations: {"isA":["Diagnosis"]}
            /status: "ENABLED"

      Refused: 1 change blocked by safety rules; apply will not run.
        - GlossaryTerm/Clinical terms/Finding (domain gov)  <dir>/terms.yaml:10:13
            still in use: GlossaryTerm/Clinical terms/Finding is still used by GlossaryTerm/Clinical terms/Symptom; delete it first (DataZone refuses to delete a term that another term names)
      "
    `);
    // Pruning terms deletes Symptom; Diagnosis and Finding stay.
    f.write({ 'terms.yaml': TERMS }, '  reconcile: { prune: [GlossaryTerm] }');
    expect(await f.plan()).toMatchInlineSnapshot(`
      "Plan: 0 to create, 0 to update, 0 to replace, 1 to delete, 7 unchanged, 0 unmanaged

        - GlossaryTerm/Clinical terms/Symptom (domain gov)  id: <id>
            will be deleted because it is not declared and its domain prunes this kind
            /glossary: "Clinical terms"
            /relations: {"isA":["Finding"]}
            /status: "ENABLED"
      "
    `);
    await f.apply();
    expect((await f.terms(domainId)).map((t) => t.name).sort()).toEqual(['Diagnosis', 'Finding']);
    await f.emu.dataZone().send(
      new CreateGlossaryTermCommand({
        domainIdentifier: domainId,
        glossaryIdentifier: glossary!.id,
        name: 'Sign',
      }),
    );
    // Pruning the glossary while the unmanaged term is still in it is refused as well.
    f.write(
      {
        'glossary.yaml': CLINICAL_GLOSSARY.replace('spec:', 'lifecycle: { ensure: absent }\nspec:'),
        'terms.yaml': '',
      },
      '  reconcile: { prune: [Glossary] }',
    );
    expect(await f.output('plan', f.dir, '--no-color')).toMatchInlineSnapshot(`
      "Plan: 0 to create, 0 to update, 0 to replace, 1 to delete, 4 unchanged, 3 unmanaged

        ? GlossaryTerm/Clinical terms/Diagnosis (domain gov)  id: <id>
            is unmanaged (reported only, never touched) because it is not declared and its kind is not pruned

        ? GlossaryTerm/Clinical terms/Finding (domain gov)  id: <id>
            is unmanaged (reported only, never touched) because it is not declared and its kind is not pruned

        ? GlossaryTerm/Clinical terms/Sign (domain gov)  id: <id>
            is unmanaged (reported only, never touched) because it is not declared and its kind is not pruned

        - Glossary/Clinical terms (domain gov)  id: <id>
            will be deleted because its manifest sets lifecycle.ensure: absent
            /description: "Terms for clinical data"
            /owningProject: "governance"
            /status: "ENABLED"

      Refused: 1 change blocked by safety rules; apply will not run.
        - Glossary/Clinical terms (domain gov)  <dir>/glossary.yaml:3:13
            still in use: Glossary/Clinical terms is still used by GlossaryTerm/Clinical terms/Diagnosis, GlossaryTerm/Clinical terms/Finding, GlossaryTerm/Clinical terms/Sign; delete them first (DataZone refuses to delete a glossary that still has terms)
      "
    `);
    // With terms pruned too, everything goes: the terms first, then the glossary.
    f.write({}, '  reconcile: { prune: [Glossary, GlossaryTerm] }');
    expect(await f.plan()).toMatchInlineSnapshot(`
      "Plan: 0 to create, 0 to update, 0 to replace, 4 to delete, 4 unchanged, 0 unmanaged

        - GlossaryTerm/Clinical terms/Sign (domain gov)  id: <id>
            will be deleted because it is not declared and its domain prunes this kind
            /glossary: "Clinical terms"
            /status: "ENABLED"

        - GlossaryTerm/Clinical terms/Finding (domain gov)  id: <id>
            will be deleted because it is not declared and its domain prunes this kind
            /glossary: "Clinical terms"
            /longDescription: "Anything observed during an examination."
            /relations: {"isA":["Diagnosis"]}
            /status: "ENABLED"

        - GlossaryTerm/Clinical terms/Diagnosis (domain gov)  id: <id>
            will be deleted because it is not declared and its domain prunes this kind
            /glossary: "Clinical terms"
            /relations: {"classifies":["Finding"]}
            /shortDescription: "A condition identified by a clinician"
            /status: "ENABLED"

        - Glossary/Clinical terms (domain gov)  id: <id>
            will be deleted because its manifest sets lifecycle.ensure: absent
            /description: "Terms for clinical data"
            /owningProject: "governance"
            /status: "ENABLED"
      "
    `);
    await f.apply();
    expect(await f.terms(domainId)).toEqual([]);
    expect(await f.glossaries(domainId)).toEqual([]);
  });

  it('refuses a glossary replace while the glossary holds terms (DataZone deletes only an empty glossary)', async () => {
    const f = fixture();
    f.write({ 'glossary.yaml': CLINICAL_GLOSSARY, 'terms.yaml': TERMS });
    await f.apply();
    f.write({
      'glossary.yaml': CLINICAL_GLOSSARY.replace('owningProject: governance', 'owningProject: stewards'),
    });
    expect(await f.output('plan', f.dir, '--no-color')).toMatchInlineSnapshot(`
      "Plan: 0 to create, 0 to update, 1 to replace, 0 to delete, 6 unchanged, 0 unmanaged

      -/+ Glossary/Clinical terms (domain gov)  id: <id>
            will be deleted and created again because a field that cannot be updated changed
            forced by: /owningProject
            /owningProject: "governance" → "stewards"  # forces replacement

      Refused: 1 change blocked by safety rules; apply will not run.
        - Glossary/Clinical terms (domain gov)  <dir>/glossary.yaml:3:13
            still in use: Glossary/Clinical terms is still used by GlossaryTerm/Clinical terms/Diagnosis, GlossaryTerm/Clinical terms/Finding; delete them first (DataZone refuses to delete a glossary that still has terms)
      "
    `);
  });

  it('refuses a relation to a term that is neither declared nor live', async () => {
    const f = fixture();
    f.write({
      'glossary.yaml': CLINICAL_GLOSSARY,
      'terms.yaml': TERMS.replace('classifies: [Finding]', 'classifies: [Finding, Vital sign]'),
    });
    const text = await f.output('plan', f.dir, '--no-color');
    expect(text.slice(text.indexOf('Refused:'))).toMatchInlineSnapshot(`
      "Refused: 1 change blocked by safety rules; apply will not run.
        - GlossaryTerm/Clinical terms/Vital sign (domain gov)  <dir>/terms.yaml:7:38
            unresolved reference: GlossaryTerm/Clinical terms/Diagnosis refers to GlossaryTerm "Clinical terms/Vital sign", which is neither declared nor live
      "
    `);
  });

  it('reports drift of a change made outside the tool', async () => {
    const f = fixture();
    f.write({ 'glossary.yaml': CLINICAL_GLOSSARY, 'terms.yaml': TERMS });
    await f.apply();
    const { domainId } = await f.ids();
    const finding = (await f.terms(domainId)).find((t) => t.name === 'Finding')!;
    await f.emu.dataZone().send(
      new UpdateGlossaryTermCommand({
        domainIdentifier: domainId,
        identifier: finding.id,
        shortDescription: 'Edited in the console',
        termRelations: {},
      }),
    );
    const run = await f.cli('drift', f.dir, '--no-color');
    expect(run.exitCode).toBe(2);
    expect(stableIds(run.stdout)).toMatchInlineSnapshot(`
      "Drift: 0 to create, 1 to update, 0 to replace, 0 to delete, 6 unchanged, 0 unmanaged

        ~ GlossaryTerm/Clinical terms/Finding (domain gov)  id: <id>
            will be updated in place because live fields differ from the manifest
            /relations: (unset) → {"isA":["Diagnosis"]}
            /shortDescription: "Edited in the console" → (unset)
      "
    `);
  });

  it('exports the terms so that the exported manifests plan no changes', async () => {
    const f = fixture();
    f.write({
      'glossary.yaml': CLINICAL_GLOSSARY,
      'terms.yaml': TERMS.replace('spec:', 'spec:\n  status: DISABLED'),
    });
    await f.apply();
    const out = join(f.dir, 'exported');
    const run = await f.cli('export', '--domain', 'gov', '--out', out);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(readFileSync(join(out, 'glossary-terms.yaml'), 'utf8')).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=https://unpkg.com/smus-gitops@0.1.0/schemas/glossary-term.schema.json
      # Written by smus-gitops export from what is live; edit freely, then plan to review.
      apiVersion: smus-gitops/v1alpha1
      kind: GlossaryTerm
      metadata:
        name: Diagnosis
        domain: gov
      spec:
        glossary: Clinical terms
        shortDescription: A condition identified by a clinician
        status: DISABLED
        relations:
          classifies:
            - Finding
      ---
      apiVersion: smus-gitops/v1alpha1
      kind: GlossaryTerm
      metadata:
        name: Finding
        domain: gov
      spec:
        glossary: Clinical terms
        longDescription: Anything observed during an examination.
        relations:
          isA:
            - Diagnosis
      "
    `);
    const again = await f.cli('plan', out, '--no-color');
    expect(again.stdout).toBe(NO_CHANGES);
  });
});
