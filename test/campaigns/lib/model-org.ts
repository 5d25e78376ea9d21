/**
 * The desired state the model campaign edits, and its manifests. On top of the generated
 * organisation (one associated account, a pool and a pool-targeting profile), the model declares a
 * second associated account `fixedAccount` with its role and Tooling configured there, a profile
 * `fixed` fixed to that account in us-east-1, and — while region `REGION_X` is enabled in that
 * Tooling configuration — a profile `fixed-x` fixed to the account in that region (a tombstone
 * otherwise). Projects sit on
 * any of the three profiles, so an apply that created a project before its account's association,
 * configuration or region would show as FAILED_VALIDATION (BlueprintNotEnabled) in the emulator.
 */
import { HOME_ACCOUNT, REGIONS } from '../../helpers/generate.js';

/** Which profile a project is on: the generated pool profile, or a fixed one. */
export type ProfileChoice = 'pool' | 'fixed' | 'fixed-x';

/** One declared project. */
export interface DesiredProject {
  name: string;
  description: string;
  absent: boolean;
  profile: ProfileChoice;
  /** A pool project placed in the pool region (`poolRegionOf`) instead of its generated region. */
  inPoolRegion?: boolean;
}

/** One declared Studio domain `ml-platform`: in the caller's (home) account or the fixed account. */
export interface DesiredStudio {
  account: 'home' | 'fixed';
  /** The value of its `stage` tag (the field the edits change). */
  stage: string;
  absent: boolean;
}

/** The desired state the commands edit. */
export interface Desired {
  projects: DesiredProject[];
  /** Studio domains of one name in two accounts (issue 13, finding 5). */
  studios: DesiredStudio[];
  /** Whether `REGION_X` is enabled in the fixed account's Tooling (and profile `fixed-x` declared). */
  regionX: boolean;
  /**
   * Whether the pool region (a region the generated account does not have) is added to that
   * account's Tooling and DataLake configurations and to its entry in pool-0.
   */
  poolRegion: boolean;
  version: number;
}

/** The region a blueprint-region edit adds to or removes from the fixed account's Tooling. */
export const REGION_X = 'eu-west-1';
/** The generated account's configured regions (its Tooling configuration's, sorted). */
export function generatedRegions(base: string): string[] {
  const match = /kind: BlueprintConfiguration\n[\s\S]*?enabledRegions: \[([^\]]*)\]/.exec(base);
  return (match?.[1] ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean)
    .sort();
}

/** The generated (pool) account's id. */
export function generatedAccount(base: string): string {
  return /kind: AccountAssociation\nmetadata:\n {2}name: "(\d+)"/.exec(base)?.[1] ?? '';
}

/** The region a pool-region edit adds to the generated account (one it is not configured in). */
export function poolRegionOf(base: string): string {
  const have = generatedRegions(base);
  return REGIONS.find((r) => !have.includes(r)) ?? REGIONS[0]!;
}

/** The fixed account's Tooling regions besides `REGION_X`. */
export const FIXED_BASE_REGIONS = ['us-east-1'];

/** The fixed-profile account of domain number `d` (apart from the generated associations). */
export function fixedAccountOf(d: number): string {
  return String(300000000000 + d * 1000 + 900);
}

/** The Tooling regions declared in the fixed account. */
export function fixedRegions(desired: Desired): string[] {
  return desired.regionX ? [...FIXED_BASE_REGIONS, REGION_X].sort() : [...FIXED_BASE_REGIONS];
}

/** The initial desired state: the generated organisation's three projects plus one fixed project. */
export function initialDesired(): Desired {
  return {
    projects: [
      ...[0, 1, 2].map((j) => ({
        name: `project-${j}`,
        description: `project ${j}`,
        absent: false,
        profile: 'pool' as const,
      })),
      { name: 'fixed-0', description: 'fixed 0', absent: false, profile: 'fixed' },
    ],
    studios: [
      { account: 'home', stage: 'home-0', absent: false },
      { account: 'fixed', stage: 'fixed-0', absent: false },
    ],
    regionX: false,
    poolRegion: false,
    version: 0,
  };
}

function doc(domain: string, kind: string, name: string, body: string, lifecycle = ''): string {
  return `apiVersion: smus-gitops/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${JSON.stringify(name)}\n  domain: ${domain}\n${lifecycle}spec:\n${body}`;
}

function fixedProfile(domain: string, name: string, account: string, region: string, absent = false): string {
  return doc(
    domain,
    'ProjectProfile',
    name,
    `  description: fixed to ${account} ${region}\n  status: ENABLED\n  environments:\n` +
      `    - { name: Tooling, blueprint: Tooling, deploymentMode: ON_CREATE, deploymentOrder: 0, target: { account: "${account}", region: ${region} } }\n`,
    absent ? 'lifecycle: { ensure: absent }\n' : '',
  );
}

/** The fixed account's association, Tooling configuration and fixed profiles. */
function fixedDocs(domain: string, account: string, desired: Desired): string[] {
  const docs = [
    doc(
      domain,
      'AccountAssociation',
      account,
      `  accountName: fixed\n  access: portal\n  assumeRoleArn: arn:aws:iam::${account}:role/SmusGitOpsDeployer\n`,
    ),
    doc(
      domain,
      'BlueprintConfiguration',
      'Tooling',
      `  account: "${account}"\n  enabledRegions: [${fixedRegions(desired).join(', ')}]\n  provisioningRole: arn:aws:iam::${account}:role/AmazonSageMakerProvisioning\n  manageAccessRole: arn:aws:iam::${account}:role/AmazonSageMakerManageAccess\n`,
    ),
    fixedProfile(domain, 'fixed', account, FIXED_BASE_REGIONS[0]!),
  ];
  // Without REGION_X the regional profile stays declared as a tombstone: the tombstoned projects on
  // it still name it, and a tombstone may name a tombstone (dropping the profile instead is SG302).
  docs.push(fixedProfile(domain, 'fixed-x', account, REGION_X, !desired.regionX));
  return docs;
}

/** The Studio domain name the model declares in each account. */
export const STUDIO_NAME = 'ml-platform';

/** A Studio domain document: the home one without `account`, the other reached through its association's role. */
function studioDoc(studio: DesiredStudio, account: string): string {
  const id = studio.account === 'home' ? HOME_ACCOUNT : account;
  const where = studio.account === 'home' ? '' : `  account: "${account}"\n`;
  return (
    `apiVersion: smus-gitops/v1alpha1\nkind: StudioDomain\nmetadata:\n  name: ${STUDIO_NAME}\n` +
    (studio.absent ? 'lifecycle: { ensure: absent }\n' : '') +
    `spec:\n  region: us-east-1\n${where}  authMode: IAM\n  vpcId: vpc-0${id.slice(0, 6)}\n` +
    `  subnetIds: [subnet-0${id.slice(0, 6)}]\n  appNetworkAccessType: VpcOnly\n  defaultUserSettings:\n` +
    `    executionRole: arn:aws:iam::${id}:role/MlPlatformExecution\n    securityGroups: [sg-0${id.slice(0, 6)}]\n` +
    `  tags: { stage: ${JSON.stringify(studio.stage)} }\n`
  );
}

/**
 * The manifests of `desired`: the generated organisation's own projects are replaced by the
 * model's (pool projects from the generated template, fixed ones written here).
 */
export function yamlOf(base: string, desired: Desired, domain: string, account: string): string {
  const y = poolRegionOf(base);
  // The pool region goes into the generated account's configurations and its pool-0 entry.
  const template = base.split('---\n').find((d) => d.includes('kind: Project\n')) ?? '';
  const own = /target: \{ account: "\d+", region: ([a-z0-9-]+)/.exec(template)?.[1] ?? '';
  const withY = (list: string) => (desired.poolRegion ? [...list.split(', '), y].sort().join(', ') : list);
  // A pool entry lists at most 3 regions: a full one keeps the projects' own region beside Y.
  const poolWithY = (list: string) =>
    desired.poolRegion && list.split(', ').length >= 3 ? [own, y].sort().join(', ') : withY(list);
  const docs = base
    .split('---\n')
    .filter((d) => !d.includes('kind: Project\n'))
    .map((d) =>
      d
        .replace(/enabledRegions: \[([^\]]*)\]/, (_, list: string) => `enabledRegions: [${withY(list)}]`)
        .replace(
          /(- \{ id: "\d+", regions: \[)([^\]]*)\]/,
          (_, head: string, list: string) => `${head}${poolWithY(list)}]`,
        ),
    );
  docs.push(...fixedDocs(domain, account, desired));
  for (const studio of desired.studios) docs.push(studioDoc(studio, account));
  for (const p of desired.projects) {
    const lifecycle = p.absent ? 'lifecycle: { ensure: absent }\n' : '';
    if (p.profile === 'pool') {
      let text = template
        .replace(/name: "project-\d+"/, `name: "${p.name}"`)
        .replace(/description: project \d+/, `description: ${JSON.stringify(p.description)}`)
        .replace(/owner-\d+/, `owner-${p.name}`)
        .replace(/group-\d+-/g, `group-${p.name}-`);
      // A tombstone is still held to the pool's regions (SG307, reported as a finding): once the
      // pool region is gone, a tombstoned project there names its generated region instead (its
      // identity is its name; what a delete needs does not include the target).
      if (p.inPoolRegion && (desired.poolRegion || !p.absent))
        text = text.replace(/(target: \{ account: "\d+", region: )[a-z0-9-]+/, `$1${y}`);
      if (p.absent) text = text.replace('\nspec:\n', `\n${lifecycle}spec:\n`);
      docs.push(text);
    } else
      docs.push(
        doc(
          domain,
          'Project',
          p.name,
          `  description: ${JSON.stringify(p.description)}\n  profile: ${p.profile}\n  members:\n` +
            `    - { user: "arn:aws:iam::${HOME_ACCOUNT}:role/owner-${p.name}", designation: PROJECT_OWNER }\n`,
          lifecycle,
        ),
      );
  }
  return docs.join('---\n');
}
