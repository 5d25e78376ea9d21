/**
 * The emulator's form type and rule operations through the real DataZone client
 * (docs/emulator/decisions.md, "Form types" and "Rules"): CreateFormType of an existing name in
 * the same project records a new revision, in another project is a ConflictException; system
 * form types answer only managed searches and are reserved; DeleteFormType is refused while a
 * rule requires the form; a rule must name an existing revision; UpdateRule counts revisions;
 * ListRules with includeCascaded reaches a parent's rule that includes children.
 */
import {
  CreateFormTypeCommand,
  CreateRuleCommand,
  DeleteFormTypeCommand,
  GetDomainCommand,
  GetFormTypeCommand,
  ListDomainUnitsForParentCommand,
  ListProjectsCommand,
  ListRulesCommand,
  SearchTypesCommand,
  UpdateRuleCommand,
} from '@aws-sdk/client-datazone';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSharedGovernanceFixture } from './fixture.js';

/** A unit and its child (the domain, profile and projects are the fixture's). */
const UNITS = `apiVersion: smus-gitops/v1alpha1
kind: DomainUnit
metadata: { name: Clinical, domain: gov }
spec: {}
---
apiVersion: smus-gitops/v1alpha1
kind: DomainUnit
metadata: { name: Clinical/Trials, domain: gov }
spec: {}
`;

const fixture = useSharedGovernanceFixture('smus-forms-emu-');
let domainId = '';
const projects: Record<string, string> = {};
const units: Record<string, string> = {};

beforeAll(async () => {
  fixture().write({ 'units.yaml': UNITS });
  await fixture().apply();
  ({ domainId } = await fixture().ids());
  const dz = fixture().emu.dataZone();
  for (const p of (await dz.send(new ListProjectsCommand({ domainIdentifier: domainId }))).items!)
    projects[p.name!] = p.id!;
  const root = (await dz.send(new GetDomainCommand({ identifier: domainId }))).rootDomainUnitId!;
  const [clinical] = (
    await dz.send(
      new ListDomainUnitsForParentCommand({ domainIdentifier: domainId, parentDomainUnitIdentifier: root }),
    )
  ).items!;
  units.Clinical = clinical!.id!;
  units.Trials = (
    await dz.send(
      new ListDomainUnitsForParentCommand({
        domainIdentifier: domainId,
        parentDomainUnitIdentifier: clinical!.id!,
      }),
    )
  ).items![0]!.id!;
});

const form = (name: string, project: string, smithy = `structure ${name} { a: String }`) =>
  new CreateFormTypeCommand({
    domainIdentifier: domainId,
    name,
    owningProjectIdentifier: projects[project],
    model: { smithy },
  });

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (error) {
    return (error as Error).name;
  }
}

describe('emulated form types', () => {
  it('records a new revision for the same name in the same project, and conflicts in another', async () => {
    const dz = fixture().emu.dataZone();
    expect((await dz.send(form('Study', 'governance'))).revision).toBe('1');
    expect((await dz.send(form('Study', 'governance', 'structure Study { b: String }'))).revision).toBe('2');
    const first = await dz.send(
      new GetFormTypeCommand({ domainIdentifier: domainId, formTypeIdentifier: 'Study', revision: '1' }),
    );
    expect(first.model?.smithy).toBe('structure Study { a: String }');
    expect(await failure(dz.send(form('Study', 'stewards')))).toBe('ConflictException');
  });

  it('answers system form types to managed searches only, and reserves their names', async () => {
    const dz = fixture().emu.dataZone();
    const search = async (managed: boolean) =>
      (
        await dz.send(
          new SearchTypesCommand({ domainIdentifier: domainId, searchScope: 'FORM_TYPE', managed }),
        )
      )
        .items!.map((i) => i.formTypeItem!.name!)
        .sort();
    expect((await search(true)).every((n) => n.startsWith('amazon.datazone.'))).toBe(true);
    expect((await search(false)).some((n) => n.startsWith('amazon.datazone.'))).toBe(false);
    expect(await failure(dz.send(form('amazon.datazone.Mine', 'governance')))).toBe('ValidationException');
  });

  it('refuses to delete a form type a rule requires, and a rule naming a missing revision', async () => {
    const dz = fixture().emu.dataZone();
    await dz.send(form('Consent', 'governance'));
    const rule = (name: string, revision: string, includeChildDomainUnits = false) =>
      new CreateRuleCommand({
        domainIdentifier: domainId,
        name,
        target: { domainUnitTarget: { domainUnitId: units.Clinical, includeChildDomainUnits } },
        action: 'CREATE_LISTING_CHANGE_SET',
        scope: { project: { selectionMode: 'ALL' } },
        detail: {
          metadataFormEnforcementDetail: {
            requiredMetadataForms: [{ typeIdentifier: 'Consent', typeRevision: revision }],
          },
        },
      });
    expect(await failure(dz.send(rule('Missing revision', '7')))).toBe('ResourceNotFoundException');
    const created = await dz.send(rule('Consent required', '1', true));
    expect(
      await failure(
        dz.send(new DeleteFormTypeCommand({ domainIdentifier: domainId, formTypeIdentifier: 'Consent' })),
      ),
    ).toBe('ConflictException');
    const updated = await dz.send(
      new UpdateRuleCommand({ domainIdentifier: domainId, identifier: created.identifier, description: 'x' }),
    );
    expect(updated.revision).toBe('2');
    const list = async (unit: string, includeCascaded?: boolean) =>
      (
        await dz.send(
          new ListRulesCommand({
            domainIdentifier: domainId,
            targetType: 'DOMAIN_UNIT',
            targetIdentifier: unit,
            includeCascaded,
          }),
        )
      ).items!.map((r) => r.name);
    expect(await list(units.Trials!)).toEqual([]);
    expect(await list(units.Trials!, true)).toEqual(['Consent required']);
  });
});
