/**
 * The FormType kind end to end against the emulator, through the CLI as a user runs it: create,
 * a changed model or description shown as an update that records a new revision, the status in
 * place, the owning project a replace, tombstone, prune, unmanaged listing (system form types
 * never listed), drift of a revision made with the real DataZone client, and the export round
 * trip. Plans are compared whole.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateFormTypeCommand, GetFormTypeCommand, SearchTypesCommand } from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { useGovernanceFixture, NO_CHANGES } from './fixture.js';

// Trailing spaces and CRLF line ends are not differences (the Smithy text is compared normalised).
const FORM = `apiVersion: smus-gitops/v1alpha1
kind: FormType
metadata: { name: ClinicalStudy, domain: gov }
spec:
  owningProject: governance
  description: Identifies the clinical study
  model: |
    structure ClinicalStudy {   
      @required
      studyId: String
    }
`;

const fixture = useGovernanceFixture('smus-forms-');

function write(form: string, prune = ''): void {
  fixture().write({ 'form.yaml': form }, prune);
}

function cli(...args: string[]) {
  return fixture().cli(...args);
}

function plan(): Promise<string> {
  return fixture().plan();
}

function apply(...extra: string[]): Promise<void> {
  return fixture().apply(...extra);
}

/** The real DataZone client on this test's emulator (out-of-band changes and checks). */
function dataZone() {
  return fixture().emu.dataZone();
}

describe('FormType', () => {
  it('creates a form type after its owning project, then plans no changes', async () => {
    write(FORM);
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

        + FormType/ClinicalStudy (domain gov)
            will be created because it is declared but does not exist
            /id: (known after apply)
            /description: "Identifies the clinical study"
            /model: "structure ClinicalStudy {\\n  @required\\n  studyId: String\\n}"
            /owningProject: "governance"
            /status: "ENABLED"
      "
    `);
    await apply();
    expect(await plan()).toBe(NO_CHANGES);
    const { domainId } = await fixture().ids();
    const got = await dataZone().send(
      new GetFormTypeCommand({ domainIdentifier: domainId, formTypeIdentifier: 'ClinicalStudy' }),
    );
    expect(got.revision).toBe('1');
  });

  it('shows a changed model or description as an update that records a new revision', async () => {
    write(FORM);
    await apply();
    write(
      FORM.replace('Identifies the clinical study', 'The clinical study of a data set').replace(
        '      studyId: String\n',
        '      studyId: String\n      phase: String\n',
      ),
    );
    expect(await plan()).toMatchInlineSnapshot(`
      "Plan: 0 to create, 1 to update, 0 to replace, 0 to delete, 4 unchanged, 0 unmanaged

        ~ FormType/ClinicalStudy (domain gov)  id: ClinicalStudy
            will be updated in place because its model or description changed: apply records a new revision (CreateFormType)
            /description: "Identifies the clinical study" → "The clinical study of a data set"
            /model: "structure ClinicalStudy {\\n  @required\\n  studyId: String\\n}" → "structure ClinicalStudy {\\n  @required\\n  studyId: String\\n  phase: String\\n}"
      "
    `);
    await apply();
    expect(await plan()).toBe(NO_CHANGES);
    const { domainId } = await fixture().ids();
    const got = await dataZone().send(
      new GetFormTypeCommand({ domainIdentifier: domainId, formTypeIdentifier: 'ClinicalStudy' }),
    );
    expect(got.revision).toBe('2');
  });

  it('changes the status in place, and ignores line-ending and trailing-space differences', async () => {
    write(FORM);
    await apply();
    write(FORM.replace(/\n/g, '\r\n').replace('spec:', 'spec:\r\n  status: DISABLED'));
    expect(await plan()).toMatchInlineSnapshot(`
      "Plan: 0 to create, 1 to update, 0 to replace, 0 to delete, 4 unchanged, 0 unmanaged

        ~ FormType/ClinicalStudy (domain gov)  id: ClinicalStudy
            will be updated in place because live fields differ from the manifest
            /status: "ENABLED" → "DISABLED"
      "
    `);
    await apply();
    expect(await plan()).toBe(NO_CHANGES);
  });

  it('replaces the form type when its owning project changes', async () => {
    write(FORM);
    await apply();
    write(FORM.replace('owningProject: governance', 'owningProject: stewards'));
    expect(await plan()).toMatchInlineSnapshot(`
      "Plan: 0 to create, 0 to update, 1 to replace, 0 to delete, 4 unchanged, 0 unmanaged

      -/+ FormType/ClinicalStudy (domain gov)  id: ClinicalStudy
            will be deleted and created again because a field that cannot be updated changed
            forced by: /owningProject
            /owningProject: "governance" → "stewards"  # forces replacement
      "
    `);
    await apply('--allow-replace');
    expect(await plan()).toBe(NO_CHANGES);
  });

  it('deletes a tombstoned form type', async () => {
    write(FORM);
    await apply();
    write(FORM.replace('spec:', 'lifecycle: { ensure: absent }\nspec:'));
    expect(await plan()).toMatchInlineSnapshot(`
      "Plan: 0 to create, 0 to update, 0 to replace, 1 to delete, 4 unchanged, 0 unmanaged

        - FormType/ClinicalStudy (domain gov)  id: ClinicalStudy
            will be deleted because its manifest sets lifecycle.ensure: absent
            /description: "Identifies the clinical study"
            /model: "structure ClinicalStudy {\\n  @required\\n  studyId: String\\n}"
            /owningProject: "governance"
            /status: "ENABLED"
      "
    `);
    await apply();
    expect(await formNames()).toEqual([]);
  });

  it('lists an undeclared form type as unmanaged (never a system one), and prunes it when asked', async () => {
    write(FORM);
    await apply();
    const { domainId, projectId } = await fixture().ids();
    await dataZone().send(
      new CreateFormTypeCommand({
        domainIdentifier: domainId,
        name: 'ConsoleForm',
        owningProjectIdentifier: projectId,
        model: { smithy: 'structure ConsoleForm { note: String }' },
      }),
    );
    expect(await plan()).toMatchInlineSnapshot(`
      "No changes. Live state matches the manifests.

        ? FormType/ConsoleForm (domain gov)  id: ConsoleForm
            is unmanaged (reported only, never touched) because it is not declared and its kind is not pruned
      "
    `);
    write(FORM, '  reconcile: { prune: [FormType] }');
    expect(await plan()).toMatchInlineSnapshot(`
      "Plan: 0 to create, 0 to update, 0 to replace, 1 to delete, 5 unchanged, 0 unmanaged

        - FormType/ConsoleForm (domain gov)  id: ConsoleForm
            will be deleted because it is not declared and its domain prunes this kind
            /model: "structure ConsoleForm { note: String }"
            /owningProject: "governance"
            /status: "ENABLED"
      "
    `);
    await apply();
    expect(await formNames()).toEqual(['ClinicalStudy']);
  });

  it('reports drift of a revision made outside the tool', async () => {
    write(FORM);
    await apply();
    const { domainId, projectId } = await fixture().ids();
    await dataZone().send(
      new CreateFormTypeCommand({
        domainIdentifier: domainId,
        name: 'ClinicalStudy',
        owningProjectIdentifier: projectId,
        model: { smithy: 'structure ClinicalStudy { studyId: String }' },
        description: 'Identifies the clinical study',
      }),
    );
    const run = await cli('drift', fixture().dir, '--no-color');
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toMatchInlineSnapshot(`
      "Drift: 0 to create, 1 to update, 0 to replace, 0 to delete, 4 unchanged, 0 unmanaged

        ~ FormType/ClinicalStudy (domain gov)  id: ClinicalStudy
            will be updated in place because its model or description changed: apply records a new revision (CreateFormType)
            /model: "structure ClinicalStudy { studyId: String }" → "structure ClinicalStudy {\\n  @required\\n  studyId: String\\n}"
      "
    `);
  });

  it('exports the form type so that the exported manifests plan no changes', async () => {
    write(FORM.replace('spec:', 'spec:\n  status: DISABLED'));
    await apply();
    const out = join(fixture().dir, 'exported');
    const run = await cli('export', '--domain', 'gov', '--out', out);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(readFileSync(join(out, 'form-types.yaml'), 'utf8')).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=https://unpkg.com/smus-gitops@0.1.0/schemas/form-type.schema.json
      # Written by smus-gitops export from what is live; edit freely, then plan to review.
      apiVersion: smus-gitops/v1alpha1
      kind: FormType
      metadata:
        name: ClinicalStudy
        domain: gov
      spec:
        owningProject: governance
        description: Identifies the clinical study
        status: DISABLED
        model: |-
          structure ClinicalStudy {
            @required
            studyId: String
          }
      "
    `);
    const again = await cli('plan', out, '--no-color');
    expect(again.stdout).toBe(NO_CHANGES);
  });
});

async function formNames(): Promise<string[]> {
  const out = await dataZone().send(
    new SearchTypesCommand({
      domainIdentifier: (await fixture().ids()).domainId,
      searchScope: 'FORM_TYPE',
      managed: false,
    }),
  );
  return (out.items ?? []).flatMap((i) => (i.formTypeItem ? [i.formTypeItem.name!] : [])).sort();
}
