/**
 * Issue 15 acceptance 3 and the plan-time half of every new kind's references, through the CLI as
 * a user runs it against the emulator. Validation checks references against the declared
 * documents; what is not declared may still be live, so it is deferred to the plan, which reads
 * live state and must then refuse, located at the value that names it:
 * - a grant naming a unit, a profile or a project, a rule naming a form type, a term naming a
 *   glossary, a glossary and a form type naming their owning project (`unresolved-reference`),
 *   with a did-you-mean among the live resources of that kind, one refusal per referring document;
 * - a grant to a user the domain does not know (`principal-not-found`: users and groups exist only
 *   in IAM Identity Center, so `validate` cannot check them), with a did-you-mean among the users
 *   the plan read.
 * Outputs are compared whole.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useGovernanceFixture } from './fixture.js';

/** A unit and a profile that are applied, then left out of the manifests (live, undeclared). */
const FINANCE = `apiVersion: smus-gitops/v1alpha1
kind: DomainUnit
metadata: { name: Finance, domain: gov }
spec: { description: Finance }
---
apiVersion: smus-gitops/v1alpha1
kind: ProjectProfile
metadata: { name: Sandbox, domain: gov }
spec: { status: ENABLED }
`;

/** Every new kind with one reference to something neither declared nor live. */
const BROKEN = `apiVersion: smus-gitops/v1alpha1
kind: PolicyGrant
metadata: { name: finance-projects, domain: gov }
spec:
  policy: CREATE_PROJECT
  domainUnit: Financ
  principal: { group: finance-leads }
---
apiVersion: smus-gitops/v1alpha1
kind: PolicyGrant
metadata: { name: sandbox-projects, domain: gov }
spec:
  policy: CREATE_PROJECT_FROM_PROJECT_PROFILE
  principal: { group: finance-leads }
  projectProfiles: [Sandbx]
---
apiVersion: smus-gitops/v1alpha1
kind: PolicyGrant
metadata: { name: analytics-pool, domain: gov }
spec:
  policy: ADD_TO_PROJECT_MEMBER_POOL
  principal: { project: { name: analytics, designation: CONTRIBUTOR } }
---
apiVersion: smus-gitops/v1alpha1
kind: MetadataRule
metadata: { name: Study form required, domain: gov }
spec:
  action: CREATE_SUBSCRIPTION_REQUEST
  requiredForms: [StudyForm]
  scope: { projects: ALL }
---
apiVersion: smus-gitops/v1alpha1
kind: GlossaryTerm
metadata: { name: Diagnosis, domain: gov }
spec:
  glossary: Clinical
---
apiVersion: smus-gitops/v1alpha1
kind: Glossary
metadata: { name: Finance terms, domain: gov }
spec:
  owningProject: research
---
apiVersion: smus-gitops/v1alpha1
kind: FormType
metadata: { name: Invoice, domain: gov }
spec:
  owningProject: research
  model: "structure Invoice { number: String }"
`;

const fixture = useGovernanceFixture('smus-plan-refs-');

/**
 * Applies a CREATE_PROJECT grant to a known `kind` principal, then declares a second one to `typo`
 * as well: `validate` has nothing to say (IAM Identity Center principals are not declared), and
 * the plan must refuse (exit 3). Returns the plan's output with the directory as `<dir>`.
 */
async function planGrantToTypo(kind: 'user' | 'group', known: string, typo: string): Promise<string> {
  const f = fixture();
  const grant = (name: string, principal: string) => `apiVersion: smus-gitops/v1alpha1
kind: PolicyGrant
metadata: { name: ${name}, domain: gov }
spec:
  policy: CREATE_PROJECT
  principal: { ${kind}: ${principal} }
`;
  f.write({ 'known.yaml': grant('known-projects', known) });
  await f.apply();
  f.write({ 'known.yaml': grant('known-projects', known), 'typo.yaml': grant('typo-projects', typo) });
  const validate = await f.cli('validate', f.dir, '--no-color');
  expect(validate.exitCode).toBe(0);
  const plan = await f.cli('plan', f.dir, '--no-color');
  expect(plan.exitCode).toBe(3);
  return plan.stdout.split(f.dir).join('<dir>');
}

describe('references of the governance kinds at plan time', () => {
  it('defers each undeclared reference at validate, then refuses it at plan, located at the value', async () => {
    const f = fixture();
    f.write({ 'finance.yaml': FINANCE });
    await f.apply();
    rmSync(join(f.dir, 'finance.yaml'));
    f.write({ 'broken.yaml': BROKEN });
    // The Finance unit and Sandbox profile are now live only: validation cannot know them.
    const validate = await f.output('validate', f.dir, '--no-color');
    expect(validate).toMatchInlineSnapshot(`
      "<dir>/broken.yaml:6:15  note  SG312  DomainUnit "Financ" is not declared here; plan will look for it in domain gov
      <dir>/broken.yaml:15:21  note  SG312  ProjectProfile "Sandbx" is not declared here; plan will look for it in domain gov
      <dir>/broken.yaml:22:33  note  SG312  Project "analytics" is not declared here; plan will look for it in domain gov
      <dir>/broken.yaml:29:19  note  SG312  FormType "StudyForm" is not declared here; plan will look for it in domain gov
      <dir>/broken.yaml:36:13  note  SG312  Glossary "Clinical" is not declared here; plan will look for it in domain gov
      <dir>/broken.yaml:42:18  note  SG312  Project "research" is not declared here; plan will look for it in domain gov
      <dir>/broken.yaml:48:18  note  SG312  Project "research" is not declared here; plan will look for it in domain gov
      11 documents in 2 files (1 Domain, 1 ProjectProfile, 2 Project, 1 Glossary, 1 FormType, 1 MetadataRule, 3 PolicyGrant, 1 GlossaryTerm): 0 errors, 0 warnings
      "
    `);
    const plan = await f.cli('plan', f.dir, '--no-color');
    expect(plan.exitCode).toBe(3);
    // The unit's and profile's ids depend on the order of their concurrent creates.
    const text = plan.stdout
      .split(f.dir)
      .join('<dir>')
      .replace(/id: [a-z0-9]{14}\b/g, 'id: <id>');
    expect(text).toMatchInlineSnapshot(`
      "Plan: 7 to create, 0 to update, 0 to replace, 0 to delete, 4 unchanged, 2 unmanaged

        ? DomainUnit/Finance (domain gov)  id: <id>
            is unmanaged (reported only, never touched) because it is not declared and its kind is not pruned

        ? ProjectProfile/Sandbox (domain gov)  id: <id>
            is unmanaged (reported only, never touched) because it is not declared and its kind is not pruned

        + Glossary/Finance terms (domain gov)
            will be created because it is declared but does not exist
            /id: (known after apply)
            /owningProject: "research"
            /status: "ENABLED"

        + FormType/Invoice (domain gov)
            will be created because it is declared but does not exist
            /id: (known after apply)
            /model: "structure Invoice { number: String }"
            /owningProject: "research"
            /status: "ENABLED"

        + MetadataRule/Study form required (domain gov)
            will be created because it is declared but does not exist
            /id: (known after apply)
            /action: "CREATE_SUBSCRIPTION_REQUEST"
            /includeChildDomainUnits: false
            /requiredForms: ["StudyForm"]
            /scope: {"projects":"ALL"}

        + PolicyGrant/(root) ADD_TO_PROJECT_MEMBER_POOL project:analytics/CONTRIBUTOR (domain gov)
            will be created because it is declared but does not exist
            /id: (known after apply)
            /includeChildDomainUnits: false
            /policy: "ADD_TO_PROJECT_MEMBER_POOL"
            /principal: {"project":{"designation":"CONTRIBUTOR","name":"analytics"}}

        + PolicyGrant/(root) CREATE_PROJECT_FROM_PROJECT_PROFILE group:finance-leads (domain gov)
            will be created because it is declared but does not exist
            /id: (known after apply)
            /includeChildDomainUnits: false
            /policy: "CREATE_PROJECT_FROM_PROJECT_PROFILE"
            /principal: {"group":"finance-leads"}
            /projectProfiles: ["Sandbx"]

        + PolicyGrant/Financ CREATE_PROJECT group:finance-leads (domain gov)
            will be created because it is declared but does not exist
            /id: (known after apply)
            /domainUnit: "Financ"
            /includeChildDomainUnits: false
            /policy: "CREATE_PROJECT"
            /principal: {"group":"finance-leads"}

        + GlossaryTerm/Clinical/Diagnosis (domain gov)
            will be created because it is declared but does not exist
            /id: (known after apply)
            /glossary: "Clinical"
            /status: "ENABLED"

      Refused: 7 changes blocked by safety rules; apply will not run.
        - DomainUnit/Financ (domain gov)  <dir>/broken.yaml:6:15
            unresolved reference: PolicyGrant/Financ CREATE_PROJECT group:finance-leads refers to DomainUnit "Financ", which is neither declared nor live (did you mean "Finance"?)
        - FormType/StudyForm (domain gov)  <dir>/broken.yaml:29:19
            unresolved reference: MetadataRule/Study form required refers to FormType "StudyForm", which is neither declared nor live
        - Glossary/Clinical (domain gov)  <dir>/broken.yaml:36:13
            unresolved reference: GlossaryTerm/Clinical/Diagnosis refers to Glossary "Clinical", which is neither declared nor live
        - Project/analytics (domain gov)  <dir>/broken.yaml:22:33
            unresolved reference: PolicyGrant/(root) ADD_TO_PROJECT_MEMBER_POOL project:analytics/CONTRIBUTOR refers to Project "analytics", which is neither declared nor live
        - Project/research (domain gov)  <dir>/broken.yaml:48:18
            unresolved reference: FormType/Invoice refers to Project "research", which is neither declared nor live
        - Project/research (domain gov)  <dir>/broken.yaml:42:18
            unresolved reference: Glossary/Finance terms refers to Project "research", which is neither declared nor live
        - ProjectProfile/Sandbx (domain gov)  <dir>/broken.yaml:15:21
            unresolved reference: PolicyGrant/(root) CREATE_PROJECT_FROM_PROJECT_PROFILE group:finance-leads refers to ProjectProfile "Sandbx", which is neither declared nor live (did you mean "Sandbox"?)
      "
    `);
  });

  it('refuses a grant to a user the domain does not know, located at the principal, with did-you-mean', async () => {
    await fixture().emu.emulator.control.serviceControl('datazone', 'sso-users', { userNames: ['jdoe'] });
    expect(await planGrantToTypo('user', 'jdoe', 'jdoee')).toMatchInlineSnapshot(`
      "Plan: 1 to create, 0 to update, 0 to replace, 0 to delete, 5 unchanged, 0 unmanaged

        + PolicyGrant/(root) CREATE_PROJECT user:jdoee (domain gov)
            will be created because it is declared but does not exist
            /id: (known after apply)
            /includeChildDomainUnits: false
            /policy: "CREATE_PROJECT"
            /principal: {"user":"jdoee"}

      Refused: 1 change blocked by safety rules; apply will not run.
        - PolicyGrant/(root) CREATE_PROJECT user:jdoee (domain gov)  <dir>/typo.yaml:6:16
            member not found: user "jdoee" is not a user of domain gov (did you mean "jdoe"?) (IAM Identity Center users must exist and be assigned first)
      "
    `);
  });

  // Last in the file: the group directory it registers stays with the file's emulator.
  it('refuses a grant to a group the directory does not have, located, with did-you-mean', async () => {
    await fixture().emu.emulator.control.serviceControl('datazone', 'sso-groups', {
      groupNames: ['hr-analysts', 'finance-leads'],
    });
    expect(await planGrantToTypo('group', 'hr-analysts', 'hr-analysys')).toMatchInlineSnapshot(`
      "Plan: 1 to create, 0 to update, 0 to replace, 0 to delete, 5 unchanged, 0 unmanaged

        + PolicyGrant/(root) CREATE_PROJECT group:hr-analysys (domain gov)
            will be created because it is declared but does not exist
            /id: (known after apply)
            /includeChildDomainUnits: false
            /policy: "CREATE_PROJECT"
            /principal: {"group":"hr-analysys"}

      Refused: 1 change blocked by safety rules; apply will not run.
        - PolicyGrant/(root) CREATE_PROJECT group:hr-analysys (domain gov)  <dir>/typo.yaml:6:16
            member not found: group "hr-analysys" is not a group of domain gov (did you mean "hr-analysts"?) (IAM Identity Center groups must exist and be assigned first)
      "
    `);
  });
});
