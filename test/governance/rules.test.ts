/**
 * The MetadataRule kind end to end against the emulator, through the CLI as a user runs it:
 * create after its unit and form types, in-place updates (description, required forms, scope,
 * includeChildDomainUnits), replaces (unit, action), tombstone, prune, unmanaged listing, drift of
 * an UpdateRule made with the real DataZone client, a rule re-pinned when its form type is
 * revised, a form type delete refused while a rule requires it, and the export round trip.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateRuleCommand,
  GetDomainCommand,
  GetRuleCommand,
  ListDomainUnitsForParentCommand,
  ListRulesCommand,
  UpdateRuleCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { useGovernanceFixture, NO_CHANGES } from './fixture.js';

/** The units and form types the rules name (the domain, profile and projects are the fixture's). */
const BASE = `apiVersion: smus-gitops/v1alpha1
kind: DomainUnit
metadata: { name: Clinical, domain: gov }
spec: { description: Clinical data }
---
apiVersion: smus-gitops/v1alpha1
kind: DomainUnit
metadata: { name: Research, domain: gov }
spec: { description: Research data }
---
apiVersion: smus-gitops/v1alpha1
kind: FormType
metadata: { name: ClinicalStudy, domain: gov }
spec:
  owningProject: governance
  model: "structure ClinicalStudy { studyId: String }"
---
apiVersion: smus-gitops/v1alpha1
kind: FormType
metadata: { name: Consent, domain: gov }
spec:
  owningProject: governance
  model: "structure Consent { basis: String }"
`;

const RULE = `apiVersion: smus-gitops/v1alpha1
kind: MetadataRule
metadata: { name: Study form required, domain: gov }
spec:
  domainUnit: Clinical
  action: CREATE_LISTING_CHANGE_SET
  requiredForms: [ClinicalStudy]
  description: Publishing needs the study
  scope: { projects: ALL }
`;

const fixture = useGovernanceFixture('smus-rules-');

function write(rule: string, base = BASE, prune = ''): void {
  fixture().write({ 'base.yaml': base, 'rule.yaml': rule }, prune);
}

function cli(...args: string[]) {
  return fixture().cli(...args);
}

/** The real DataZone client on this test's emulator (out-of-band changes and checks). */
function dataZone() {
  return fixture().emu.dataZone();
}

/**
 * Rule ids replaced by `<rule id>`: the emulator draws ids from one counter, and a rule's create
 * runs beside the projects' (it does not wait for them), so its id depends on timing.
 */
function ruleIds(text: string): string {
  return text.replace(/(MetadataRule\/[^\n]*id: )[a-z0-9]{14}/g, '$1<rule id>');
}

async function plan(): Promise<string> {
  return ruleIds(await fixture().plan());
}

function apply(...extra: string[]): Promise<void> {
  return fixture().apply(...extra);
}

describe('MetadataRule', () => {
  it('creates a rule after its unit and form types, then plans no changes', async () => {
    write(RULE);
    const out = await plan();
    expect(out.slice(out.indexOf('+ MetadataRule'))).toMatchInlineSnapshot(`
      "+ MetadataRule/Study form required (domain gov)
            will be created because it is declared but does not exist
            /id: (known after apply)
            /action: "CREATE_LISTING_CHANGE_SET"
            /description: "Publishing needs the study"
            /domainUnit: "Clinical"
            /includeChildDomainUnits: false
            /requiredForms: ["ClinicalStudy"]
            /scope: {"projects":"ALL"}
      "
    `);
    await apply();
    expect(await plan()).toBe(NO_CHANGES);
  });

  it('updates description, required forms, scope and includeChildDomainUnits in place', async () => {
    write(RULE);
    await apply();
    write(
      RULE.replace('Publishing needs the study', 'Publishing needs study and consent')
        .replace('[ClinicalStudy]', '[ClinicalStudy, Consent]')
        .replace('{ projects: ALL }', '{ projects: [stewards], assetTypes: ALL }')
        .replace('  action:', '  includeChildDomainUnits: true\n  action:'),
    );
    expect(await plan()).toMatchInlineSnapshot(`
      "Plan: 0 to create, 1 to update, 0 to replace, 0 to delete, 8 unchanged, 0 unmanaged

        ~ MetadataRule/Study form required (domain gov)  id: <rule id>
            will be updated in place because live fields differ from the manifest
            /description: "Publishing needs the study" → "Publishing needs study and consent"
            /includeChildDomainUnits: false → true
            /requiredForms: ["ClinicalStudy"] → ["ClinicalStudy","Consent"]
            /scope/assetTypes: (unset) → "ALL"
            /scope/projects: "ALL" → ["stewards"]
      "
    `);
    await apply();
    expect(await plan()).toBe(NO_CHANGES);
  });

  it('replaces the rule when its unit or action changes', async () => {
    write(RULE);
    await apply();
    write(
      RULE.replace('domainUnit: Clinical', 'domainUnit: Research').replace(
        'CREATE_LISTING_CHANGE_SET',
        'CREATE_SUBSCRIPTION_REQUEST',
      ),
    );
    expect(await plan()).toMatchInlineSnapshot(`
      "Plan: 0 to create, 0 to update, 1 to replace, 0 to delete, 8 unchanged, 0 unmanaged

      -/+ MetadataRule/Study form required (domain gov)  id: <rule id>
            will be deleted and created again because a field that cannot be updated changed
            forced by: /action, /domainUnit
            /action: "CREATE_LISTING_CHANGE_SET" → "CREATE_SUBSCRIPTION_REQUEST"  # forces replacement
            /domainUnit: "Clinical" → "Research"  # forces replacement
      "
    `);
    await apply('--allow-replace');
    expect(await plan()).toBe(NO_CHANGES);
  });

  it('deletes a tombstoned rule', async () => {
    write(RULE);
    await apply();
    write(RULE.replace('spec:', 'lifecycle: { ensure: absent }\nspec:'));
    expect(await plan()).toMatchInlineSnapshot(`
      "Plan: 0 to create, 0 to update, 0 to replace, 1 to delete, 8 unchanged, 0 unmanaged

        - MetadataRule/Study form required (domain gov)  id: <rule id>
            will be deleted because its manifest sets lifecycle.ensure: absent
            /action: "CREATE_LISTING_CHANGE_SET"
            /description: "Publishing needs the study"
            /domainUnit: "Clinical"
            /includeChildDomainUnits: false
            /requiredForms: ["ClinicalStudy"]
            /scope: {"projects":"ALL"}
      "
    `);
    await apply();
    expect(await ruleNames()).toEqual([]);
  });

  it('lists an undeclared rule as unmanaged, and prunes it when the domain prunes MetadataRule', async () => {
    write(RULE);
    await apply();
    const { domainId, clinicalId } = await ids();
    await dataZone().send(
      new CreateRuleCommand({
        domainIdentifier: domainId,
        name: 'Console rule',
        target: { domainUnitTarget: { domainUnitId: clinicalId } },
        action: 'CREATE_SUBSCRIPTION_REQUEST',
        scope: { dataProduct: true },
        detail: {
          metadataFormEnforcementDetail: {
            requiredMetadataForms: [{ typeIdentifier: 'Consent', typeRevision: '1' }],
          },
        },
      }),
    );
    expect(await plan()).toMatchInlineSnapshot(`
      "No changes. Live state matches the manifests.

        ? MetadataRule/Console rule (domain gov)  id: <rule id>
            is unmanaged (reported only, never touched) because it is not declared and its kind is not pruned
      "
    `);
    write(RULE, BASE, '  reconcile: { prune: [MetadataRule] }');
    expect(await plan()).toMatchInlineSnapshot(`
      "Plan: 0 to create, 0 to update, 0 to replace, 1 to delete, 9 unchanged, 0 unmanaged

        - MetadataRule/Console rule (domain gov)  id: <rule id>
            will be deleted because it is not declared and its domain prunes this kind
            /action: "CREATE_SUBSCRIPTION_REQUEST"
            /domainUnit: "Clinical"
            /includeChildDomainUnits: false
            /requiredForms: ["Consent"]
            /scope: {"dataProduct":true}
      "
    `);
    await apply();
    expect(await ruleNames()).toEqual(['Study form required']);
  });

  it('reports drift of a change made outside the tool', async () => {
    write(RULE);
    await apply();
    const { domainId, ruleId } = await ids();
    await dataZone().send(
      new UpdateRuleCommand({
        domainIdentifier: domainId,
        identifier: ruleId,
        description: 'Edited in the console',
      }),
    );
    const run = await cli('drift', fixture().dir, '--no-color');
    expect(run.exitCode).toBe(2);
    expect(ruleIds(run.stdout)).toMatchInlineSnapshot(`
      "Drift: 0 to create, 1 to update, 0 to replace, 0 to delete, 8 unchanged, 0 unmanaged

        ~ MetadataRule/Study form required (domain gov)  id: <rule id>
            will be updated in place because live fields differ from the manifest
            /description: "Edited in the console" → "Publishing needs the study"
      "
    `);
  });

  it('re-pins the rule when a form type it requires gets a new revision in the same plan', async () => {
    write(RULE);
    await apply();
    write(RULE, BASE.replace('{ studyId: String }', '{ studyId: String, phase: String }'));
    const out = await plan();
    expect(out).toMatchInlineSnapshot(`
      "Plan: 0 to create, 2 to update, 0 to replace, 0 to delete, 7 unchanged, 0 unmanaged

        ~ FormType/ClinicalStudy (domain gov)  id: ClinicalStudy
            will be updated in place because its model or description changed: apply records a new revision (CreateFormType)
            /model: "structure ClinicalStudy { studyId: String }" → "structure ClinicalStudy { studyId: String, phase: String }"

        ~ MetadataRule/Study form required (domain gov)  id: <rule id>
            will be updated in place because a form type it requires gets a new revision in this plan: apply pins the rule to it
            /requiredForms/ClinicalStudy: "current revision" → "the revision this apply records"
      "
    `);
    await apply();
    expect(await plan()).toBe(NO_CHANGES);
    const { domainId, ruleId } = await ids();
    const rule = await dataZone().send(
      new GetRuleCommand({ domainIdentifier: domainId, identifier: ruleId }),
    );
    expect(rule.detail?.metadataFormEnforcementDetail?.requiredMetadataForms).toEqual([
      { typeIdentifier: 'ClinicalStudy', typeRevision: '2' },
    ]);
  });

  it('refuses to delete a form type that a rule still requires: located at validate, refused at plan', async () => {
    write(RULE);
    await apply();
    const tombstoned = BASE.replace(
      'kind: FormType\nmetadata: { name: ClinicalStudy, domain: gov }',
      'kind: FormType\nmetadata: { name: ClinicalStudy, domain: gov }\nlifecycle: { ensure: absent }',
    );
    write(RULE, tombstoned);
    const declared = await cli('plan', fixture().dir, '--no-color');
    expect(declared.exitCode).toBe(1);
    expect((declared.stdout + declared.stderr).replaceAll(fixture().dir, '<dir>')).toMatchInlineSnapshot(`
      "<dir>/rule.yaml:7:19  error  SG309  FormType "ClinicalStudy" is declared absent (lifecycle.ensure) but still referenced here
      "
    `);
    // The rule is no longer declared (so left alone, unmanaged): the plan itself refuses the delete.
    write('# the rule is managed elsewhere\n', tombstoned);
    const run = await cli('plan', fixture().dir, '--no-color');
    expect(ruleIds((run.stdout + run.stderr).replaceAll(fixture().dir, '<dir>'))).toMatchInlineSnapshot(`
      "Plan: 0 to create, 0 to update, 0 to replace, 1 to delete, 7 unchanged, 1 unmanaged

        ? MetadataRule/Study form required (domain gov)  id: <rule id>
            is unmanaged (reported only, never touched) because it is not declared and its kind is not pruned

        - FormType/ClinicalStudy (domain gov)  id: ClinicalStudy
            will be deleted because its manifest sets lifecycle.ensure: absent
            /model: "structure ClinicalStudy { studyId: String }"
            /owningProject: "governance"
            /status: "ENABLED"

      Refused: 1 change blocked by safety rules; apply will not run.
        - FormType/ClinicalStudy (domain gov)  <dir>/base.yaml:13:13
            still in use: FormType/ClinicalStudy is still required by MetadataRule/Study form required; remove it from that rule first (DataZone refuses DeleteFormType)
      "
    `);
    expect(run.exitCode).not.toBe(0);
  });

  it('exports the rule so that the exported manifests plan no changes', async () => {
    write(RULE.replace('{ projects: ALL }', '{ projects: [stewards, governance] }'));
    await apply();
    const out = join(fixture().dir, 'exported');
    const run = await cli('export', '--domain', 'gov', '--out', out);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(readFileSync(join(out, 'metadata-rules.yaml'), 'utf8')).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=https://unpkg.com/smus-gitops@0.1.0/schemas/metadata-rule.schema.json
      # Written by smus-gitops export from what is live; edit freely, then plan to review.
      apiVersion: smus-gitops/v1alpha1
      kind: MetadataRule
      metadata:
        name: Study form required
        domain: gov
      spec:
        domainUnit: Clinical
        action: CREATE_LISTING_CHANGE_SET
        requiredForms:
          - ClinicalStudy
        description: Publishing needs the study
        scope:
          projects:
            - governance
            - stewards
      "
    `);
    const again = await cli('plan', out, '--no-color');
    expect(again.stdout).toBe(NO_CHANGES);
  });
});

async function ids(): Promise<{ domainId: string; clinicalId: string; ruleId: string }> {
  const dz = dataZone();
  const { domainId } = await fixture().ids();
  const units = await dz.send(
    new ListDomainUnitsForParentCommand({
      domainIdentifier: domainId,
      parentDomainUnitIdentifier: (await dz.send(new GetDomainCommand({ identifier: domainId })))
        .rootDomainUnitId!,
    }),
  );
  const clinicalId = units.items!.find((u) => u.name === 'Clinical')!.id!;
  const rules = await dz.send(
    new ListRulesCommand({
      domainIdentifier: domainId,
      targetType: 'DOMAIN_UNIT',
      targetIdentifier: clinicalId,
    }),
  );
  return { domainId, clinicalId, ruleId: rules.items?.[0]?.identifier ?? '' };
}

async function ruleNames(): Promise<string[]> {
  const { domainId, clinicalId } = await ids();
  const out = await dataZone().send(
    new ListRulesCommand({
      domainIdentifier: domainId,
      targetType: 'DOMAIN_UNIT',
      targetIdentifier: clinicalId,
    }),
  );
  return (out.items ?? []).map((r) => r.name!).sort();
}
