/**
 * Golden JSON plans of in-place updates: for each kind, every mutable field of the normalised
 * model (src/model/normalized.ts) changed on its own against the applied base, planned as one
 * `update` (drifted) with exit code 2; write-only blueprint globalParameters give a note, not a
 * change. Planning never mutates.
 */
import { describe, it } from 'vitest';
import type { TestEmulator } from '../../helpers/emulator.js';
import { ASSOCIATED, HOME, doc, type Doc } from './harness.js';
import { expectScenario, type Scenario } from './run-scenario.js';

const spec = (docs: readonly Doc[], kind: string, name?: string, account?: string) =>
  doc(docs, kind, name, account).spec;
const env = (docs: readonly Doc[], kind: 'ProjectProfile' | 'Project') =>
  (spec(docs, kind).environments as Record<string, unknown>[])[0]!;
const members = (docs: readonly Doc[]) => spec(docs, 'Project').members as Record<string, unknown>[];
const poolAccount = (docs: readonly Doc[]) =>
  (spec(docs, 'AccountPool').accounts as Record<string, unknown>[])[0]!;

const SCENARIOS: readonly Scenario[] = [
  ['update-domain-description', (d) => void (spec(d, 'Domain').description = 'Renamed platform'), 2],
  [
    'update-domain-execution-role',
    (d) => void (spec(d, 'Domain').executionRole = `arn:aws:iam::${HOME}:role/service-role/OtherExecution`),
    2,
  ],
  [
    'update-domain-service-role',
    (d) => void (spec(d, 'Domain').serviceRole = `arn:aws:iam::${HOME}:role/service-role/OtherService`),
    2,
  ],
  [
    'update-domain-single-sign-on',
    (d) => void ((spec(d, 'Domain').singleSignOn as Record<string, unknown>).userAssignment = 'MANUAL'),
    2,
  ],
  ['update-domain-tags', (d) => void (spec(d, 'Domain').tags = { 'cost-center': 'data', owner: 'me' }), 2],
  ['update-unit-description', (d) => void (spec(d, 'DomainUnit').description = 'People'), 2],
  ['update-association-access', (d) => void (spec(d, 'AccountAssociation').access = 'api'), 2],
  [
    'update-blueprint-enabled-regions',
    (d) =>
      void (spec(d, 'BlueprintConfiguration', 'Tooling', '').enabledRegions = ['us-east-1', 'us-west-2']),
    2,
  ],
  [
    'update-blueprint-provisioning-role',
    (d) =>
      void (spec(d, 'BlueprintConfiguration', 'Tooling', '').provisioningRole =
        `arn:aws:iam::${HOME}:role/OtherProvisioning`),
    2,
  ],
  [
    'update-blueprint-manage-access-role',
    (d) =>
      void (spec(d, 'BlueprintConfiguration', 'Tooling', ASSOCIATED).manageAccessRole =
        `arn:aws:iam::${ASSOCIATED}:role/OtherManageAccess`),
    2,
  ],
  [
    'update-blueprint-permission-boundary',
    (d) => void delete spec(d, 'BlueprintConfiguration', 'Tooling', ASSOCIATED).permissionBoundary,
    2,
  ],
  [
    'update-blueprint-regional-parameters',
    (d) =>
      void (spec(d, 'BlueprintConfiguration', 'Tooling', ASSOCIATED).regionalParameters = {
        'us-east-1': { VpcId: 'vpc-0d4e5f', Subnets: 'subnet-1,subnet-2' },
      }),
    2,
  ],
  [
    // Write-only in the API: never diffed, so no change; the blind-spot note comes with a put
    // (next scenario), not on every in-sync run.
    'update-blueprint-global-parameters-write-only',
    (d) => void (spec(d, 'BlueprintConfiguration', 'Tooling', '').globalParameters = { Key: 'value' }),
    0,
  ],
  [
    'update-blueprint-global-parameters-with-a-put',
    (d) => {
      const tooling = spec(d, 'BlueprintConfiguration', 'Tooling', '');
      tooling.globalParameters = { Key: 'value' };
      tooling.enabledRegions = [...(tooling.enabledRegions as string[]), 'eu-west-1'];
    },
    2,
  ],
  ['update-pool-description', (d) => void (spec(d, 'AccountPool').description = 'HR accounts'), 2],
  ['update-pool-account-name', (d) => void (poolAccount(d).name = 'hr-production'), 2],
  ['update-pool-account-regions', (d) => void (poolAccount(d).regions = ['us-east-1']), 2],
  [
    'update-pool-accounts-added',
    (d) =>
      void (spec(d, 'AccountPool').accounts as unknown[]).push({
        id: HOME,
        name: 'home',
        regions: ['us-east-1'],
      }),
    2,
  ],
  ['update-profile-description', (d) => void (spec(d, 'ProjectProfile').description = 'HR only'), 2],
  ['update-profile-status', (d) => void (spec(d, 'ProjectProfile').status = 'DISABLED'), 2],
  ['update-profile-domain-unit', (d) => void (spec(d, 'ProjectProfile').domainUnit = 'HR'), 2],
  [
    // The project's own tags must go too (SG314): two updates.
    'update-profile-allow-custom-tags',
    (d) => {
      spec(d, 'ProjectProfile').allowCustomProjectResourceTags = false;
      delete spec(d, 'Project').resourceTags;
    },
    2,
  ],
  [
    'update-profile-resource-tags-description',
    (d) => void (spec(d, 'ProjectProfile').projectResourceTagsDescription = 'Cost allocation'),
    2,
  ],
  [
    'update-profile-resource-tags',
    (d) =>
      void (spec(d, 'ProjectProfile').projectResourceTags = [
        { key: 'cost-center', value: 'people', editable: true },
      ]),
    2,
  ],
  ['update-profile-env-description', (d) => void (env(d, 'ProjectProfile').description = 'Notebooks'), 2],
  [
    'update-profile-env-deployment-mode',
    (d) => void (env(d, 'ProjectProfile').deploymentMode = 'ON_DEMAND'),
    2,
  ],
  ['update-profile-env-deployment-order', (d) => void (env(d, 'ProjectProfile').deploymentOrder = 3), 2],
  [
    'update-profile-env-parameters',
    (d) =>
      void (env(d, 'ProjectProfile').parameters = [
        { name: 'idleTimeoutInMinutes', value: '30', editable: true },
      ]),
    2,
  ],
  [
    'update-profile-env-target',
    (d) => void (env(d, 'ProjectProfile').target = { allAssociatedAccounts: true }),
    2,
  ],
  ['update-project-description', (d) => void (spec(d, 'Project').description = 'People analytics'), 2],
  ['update-project-domain-unit', (d) => void (spec(d, 'Project').domainUnit = 'HR'), 2],
  [
    'update-project-env-parameters',
    (d) => void (env(d, 'Project').parameters = { idleTimeoutInMinutes: '120' }),
    2,
  ],
  ['update-project-resource-tags', (d) => void (spec(d, 'Project').resourceTags = { team: 'people' }), 2],
  [
    'update-project-member-added',
    (d) => void members(d).push({ group: 'hr-readers', designation: 'PROJECT_CATALOG_VIEWER' }),
    2,
  ],
  ['update-project-member-removed', (d) => void members(d).pop(), 2],
  [
    'update-project-member-designation',
    (d) => void (members(d)[1]!.designation = 'PROJECT_CATALOG_STEWARD'),
    2,
  ],
  [
    'update-studio-subnets',
    (d) =>
      void (spec(d, 'StudioDomain').subnetIds = ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60003']),
    2,
  ],
  [
    'update-studio-app-network-access',
    (d) => void (spec(d, 'StudioDomain').appNetworkAccessType = 'PublicInternetOnly'),
    2,
  ],
  [
    'update-studio-execution-role',
    (d) =>
      void ((spec(d, 'StudioDomain').defaultUserSettings as Record<string, unknown>).executionRole =
        `arn:aws:iam::${HOME}:role/OtherStudioExecution`),
    2,
  ],
  [
    'update-studio-security-groups',
    (d) =>
      void ((spec(d, 'StudioDomain').defaultUserSettings as Record<string, unknown>).securityGroups = [
        'sg-0f1e2d3c4b5a60001',
        'sg-0f1e2d3c4b5a60002',
      ]),
    2,
  ],
  [
    'update-studio-tags',
    (d) => void (spec(d, 'StudioDomain').tags = { 'cost-center': 'fin', owner: 'ml' }),
    2,
  ],
];

/** Registers these scenarios; `emu` returns the emulator holding the applied base. */
export function updateScenarios(emu: () => TestEmulator): void {
  describe('plan: update of each mutable field (golden JSON)', () => {
    it.each(SCENARIOS.map((s) => [s[0], s] as const))('%s', async (_name, scenario) => {
      await expectScenario(emu(), scenario);
    });
  });
}
