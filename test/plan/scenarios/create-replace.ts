/**
 * Golden JSON plans of creates and replaces over the applied base: one more resource of each
 * kind (the base over an empty cloud is in fresh.test.ts), and a change of each
 * immutable field (IMMUTABLE_PATHS: Domain kmsKey, Project profile and environment targets,
 * StudioDomain authMode/vpcId/kmsKeyId) planned as a replace with `forcedBy`. Exit code 2.
 */
import { describe, it } from 'vitest';
import type { TestEmulator } from '../../helpers/emulator.js';
import { ASSOCIATED, HOME, doc, type Doc } from './harness.js';
import { expectScenario, type Scenario } from './run-scenario.js';

const spec = (docs: readonly Doc[], kind: string) => doc(docs, kind).spec;
const clone = <T>(value: T): T => structuredClone(value);

/** A copy of the base document of `kind` under another name (and spec changes). */
function copyOf(
  docs: readonly Doc[],
  kind: string,
  name: string,
  specPatch: Record<string, unknown> = {},
): Doc {
  // Blueprint configurations: the domain account's.
  const copy = clone(doc(docs, kind, undefined, kind === 'BlueprintConfiguration' ? '' : undefined));
  copy.metadata.name = name;
  Object.assign(copy.spec, specPatch);
  return copy;
}

/** One new resource of every kind, beside the base (the new project uses the new profile and pool). */
function oneMoreOfEach(docs: Doc[]): void {
  const other = '555566667777';
  const profile = copyOf(docs, 'ProjectProfile', 'HR Sandbox');
  (profile.spec.environments as Record<string, unknown>[])[0]!.target = { accountPools: ['sandbox-pool'] };
  docs.push(
    {
      apiVersion: 'smus-gitops/v1alpha1',
      kind: 'Domain',
      metadata: { name: 'lab' },
      spec: { region: 'us-east-1', executionRole: spec(docs, 'Domain').executionRole },
    },
    copyOf(docs, 'DomainUnit', 'HR/Benefits', { description: 'Benefits' }),
    copyOf(docs, 'AccountAssociation', other, {
      accountName: 'sandbox',
      assumeRoleArn: `arn:aws:iam::${other}:role/SmusGitOpsDeployer`,
    }),
    copyOf(docs, 'BlueprintConfiguration', 'DataLake'),
    copyOf(docs, 'AccountPool', 'sandbox-pool', {
      accounts: [{ id: HOME, name: 'home', regions: ['us-east-1'] }],
    }),
    profile,
    copyOf(docs, 'Project', 'hr-sandbox', {
      profile: 'HR Sandbox',
      target: { account: HOME, region: 'us-east-1' },
    }),
    copyOf(docs, 'StudioDomain', 'research-studio'),
  );
}

const SCENARIOS: readonly Scenario[] = [
  ['create-one-more-of-each-kind', oneMoreOfEach, 2],
  [
    // Planned as a replace, and refused: the domain holds resources that deleting it would destroy.
    'replace-domain-kms-key',
    (d) =>
      void (spec(d, 'Domain').kmsKey =
        `arn:aws:kms:us-east-1:${HOME}:key/33333333-3333-4333-8333-333333333333`),
    3,
  ],
  [
    // The new profile is created first; the project is replaced onto it.
    'replace-project-profile',
    (d) => {
      d.push(copyOf(d, 'ProjectProfile', 'HR Sandbox'));
      spec(d, 'Project').profile = 'HR Sandbox';
    },
    2,
  ],
  [
    'replace-project-target',
    (d) => void (spec(d, 'Project').target = { account: ASSOCIATED, region: 'us-west-2' }),
    2,
  ],
  [
    'replace-project-environment-target',
    (d) =>
      void ((spec(d, 'Project').environments as Record<string, unknown>[])[0]!.target = {
        account: ASSOCIATED,
        region: 'us-west-2',
      }),
    2,
  ],
  ['replace-studio-auth-mode', (d) => void (spec(d, 'StudioDomain').authMode = 'SSO'), 2],
  ['replace-studio-vpc-id', (d) => void (spec(d, 'StudioDomain').vpcId = 'vpc-0f1a2b3c4d5e6f702'), 2],
  [
    'replace-studio-kms-key-id',
    (d) =>
      void (spec(d, 'StudioDomain').kmsKeyId =
        `arn:aws:kms:us-east-1:${HOME}:key/44444444-4444-4444-8444-444444444444`),
    2,
  ],
];

/** Registers these scenarios; `emu` returns the emulator holding the applied base. */
export function createReplaceScenarios(emu: () => TestEmulator): void {
  describe('plan: create and replace over the applied base (golden JSON)', () => {
    it.each(SCENARIOS.map((s) => [s[0], s] as const))('%s', async (_name, scenario) => {
      await expectScenario(emu(), scenario);
    });
  });
}
