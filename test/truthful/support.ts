/**
 * Shared pieces of the truthful-plan scenarios (issue 13): a small organisation written as a new
 * user would (a domain, an associated account with its role, Tooling configured there, a profile
 * fixed to that account, a project on it), an emulator per test, and the CLI run in the manifest
 * directory so located findings read `all.yaml:LINE:COL` as users see them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetProjectCommand, ListProjectsCommand } from '@aws-sdk/client-datazone';
import type { CliRun } from '../helpers/cli.js';
import { INSTANT_DURATIONS, startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { HOME, cli, domainId } from '../multi-account/support.js';

export { HOME };

/** The associated business-unit account. */
export const BU = '444455556666';

/** A document header. */
export function header(kind: string, name: string, extra = ''): string {
  const domain = kind === 'Domain' ? '' : ', domain: d1';
  return `---\napiVersion: smus-gitops/v1alpha1\nkind: ${kind}\nmetadata: { name: "${name}"${domain} }\n${extra}`;
}

/** The domain; `spec` lines are appended as given. */
export const DOMAIN = (extra = '') => `${header('Domain', 'd1')}spec:
  region: us-east-1
  executionRole: arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainExecution
  serviceRole: arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainService
  singleSignOn: { type: DISABLED }
${extra}`;

/** The BU account's association, with its role unless `role` is false. */
export const ASSOCIATION = (role = true) => `${header('AccountAssociation', BU)}spec:
  access: portal
${role ? `  assumeRoleArn: arn:aws:iam::${BU}:role/SmusGitOpsDeployer\n` : ''}`;

/** Tooling enabled in the BU account in `regions`. */
export const TOOLING = (regions = ['us-east-1']) => `${header('BlueprintConfiguration', 'Tooling')}spec:
  account: "${BU}"
  enabledRegions: [${regions.join(', ')}]
  provisioningRole: arn:aws:iam::${BU}:role/Provisioning
  manageAccessRole: arn:aws:iam::${BU}:role/ManageAccess
`;

/** A profile fixed to the BU account and `region`, with an optional locked parameter. */
export const FIXED_PROFILE = (
  status = 'ENABLED',
  region = 'us-east-1',
) => `${header('ProjectProfile', 'fixed')}spec:
  status: ${status}
  environments:
    - name: Tooling
      blueprint: Tooling
      deploymentMode: ON_CREATE
      target: { account: "${BU}", region: ${region} }
      parameters:
        - { name: idleTimeoutInMinutes, value: "60", editable: false }
        - { name: maxInstances, value: "2", editable: true }
`;

/** A project on the fixed profile; extra spec lines appended. */
export const PROJECT = (name = 'p1', extra = '', profile = 'fixed') => `${header('Project', name)}spec:
  profile: ${profile}
${extra}`;

/** The five documents of finding 1. */
export const FIVE = () => [DOMAIN(), ASSOCIATION(), TOOLING(), FIXED_PROFILE(), PROJECT()].join('');

/** An emulator whose lifecycles complete at once, with IAM Identity Center user `jdoe`. */
export async function startEmulatorWithUsers(): Promise<TestEmulator> {
  const emu = await startTestEmulator({ behaviour: { durations: INSTANT_DURATIONS } });
  await emu.emulator.control.serviceControl('datazone', 'sso-users', { userNames: ['jdoe'] });
  return emu;
}

/** Writes `all.yaml` into a new directory and returns the directory. */
export function writeManifests(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'smus-truthful-'));
  writeFileSync(join(dir, 'all.yaml'), text);
  return dir;
}

/** `smus-gitops <args> . --endpoint-url <emulator>`, run inside `dir`. */
export function run(emu: TestEmulator, dir: string, args: string[]): Promise<CliRun> {
  return cli(emu, [...args, '.'], dir);
}

/** Output with live ids and timings replaced, so it can be compared exactly. */
export function stable(text: string): string {
  return text
    .replace(/id: [a-z0-9]{14}\b/g, 'id: <id>')
    .replace(/\(\d+\.\d+s\)/g, '(<s>)')
    .replace(/after \d+\.\d+s/g, 'after <s>')
    .replace(/Blueprint [a-z0-9]{14} /g, 'Blueprint <id> ');
}

/** The project's projectStatus and overall deployment status, read through the SDK. */
export async function projectStatus(emu: TestEmulator, name: string): Promise<string> {
  const dz = emu.dataZone();
  try {
    const domain = await domainId(emu, 'd1');
    const items = (await dz.send(new ListProjectsCommand({ domainIdentifier: domain, name }))).items ?? [];
    const id = items.find((p) => p.name === name)?.id;
    if (!id) return 'absent';
    const got = await dz.send(new GetProjectCommand({ domainIdentifier: domain, identifier: id }));
    return `${got.projectStatus}/${got.environmentDeploymentDetails?.overallDeploymentStatus ?? '-'}`;
  } finally {
    dz.destroy();
  }
}
