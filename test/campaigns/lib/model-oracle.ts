/**
 * The model campaign's two truth checks, independent of the tool's own diff (issue 13):
 *
 * - `oracle`: when a plan says "No changes", reads the live state itself — projects through the
 *   SDK (ListProjects, GetProject, ListProjectProfiles), the fixed account's Tooling configuration
 *   from the emulator's world — and lists every way it differs from what the model declared:
 *   presence and absence, description, profile, declared owner (a member from the world),
 *   `projectStatus` ACTIVE and deployment SUCCESSFUL,
 *   the configuration's enabled regions, the fixed profiles' presence and ENABLED status, no
 *   project name twice, and the Studio domain of each account present or absent with its tag.
 * - `applyFailureViolations`: the `failed:` lines of an apply that failed, less those the campaign
 *   caused on purpose (wire faults, injected deployment or lifecycle failures, the interruption):
 *   whatever remains the plan had the data to report, and is a violation.
 */
import {
  DataZoneClient,
  GetProjectCommand,
  ListProjectProfilesCommand,
  ListProjectsCommand,
  type ProjectSummary,
} from '@aws-sdk/client-datazone';
import type { RunningEmulator } from '../../../src/emulator/server.js';
import type { DataZoneState } from '../../../src/emulator/services/datazone/state.js';
import { HOME_ACCOUNT } from '../../helpers/generate.js';
import type { SageMakerState, StudioDomainRecord } from '../../../src/emulator/services/sagemaker/state.js';
import { fixedRegions, STUDIO_NAME, type Desired } from './model-org.js';

function dzState(emulator: RunningEmulator): Partial<DataZoneState> {
  return (emulator.world.services.datazone ?? {}) as Partial<DataZoneState>;
}

/** The id of the live domain named `name` (identity only; everything else is read through the SDK). */
function domainIdOf(emulator: RunningEmulator, name: string): string | undefined {
  return Object.values(dzState(emulator).domains ?? {}).find(
    (d) => d.name === name && d.deletingSince === undefined,
  )?.id;
}

/** The live enabled regions of `blueprint` in `account` (undefined: not configured). */
export function liveEnabledRegions(
  emulator: RunningEmulator,
  domainId: string,
  account: string,
  blueprint: string,
): string[] | undefined {
  const dz = dzState(emulator);
  const ids = new Set(
    Object.values(dz.blueprints ?? {})
      .filter((b) => b.domainId === domainId && b.name === blueprint)
      .map((b) => b.id),
  );
  const config = Object.values(dz.blueprintConfigurations ?? {}).find(
    (c) => c.domainId === domainId && c.accountId === account && ids.has(c.environmentBlueprintId),
  );
  return config ? [...config.enabledRegions].sort() : undefined;
}

/** Whether the project's declared owner (an IAM role) is a member with designation PROJECT_OWNER. */
function hasOwner(emulator: RunningEmulator, domainId: string, projectId: string, name: string): boolean {
  const dz = dzState(emulator);
  const arn = `arn:aws:iam::${HOME_ACCOUNT}:role/owner-${name}`;
  const users = new Set(
    Object.values(dz.userProfiles ?? {})
      .filter((u) => u.domainId === domainId && u.identifier === arn)
      .map((u) => u.id),
  );
  return (dz.projects?.[projectId]?.memberships ?? []).some(
    (m) => m.designation === 'PROJECT_OWNER' && users.has(m.member.userId ?? ''),
  );
}

/** Live Studio domains named STUDIO_NAME in `account` (us-east-1), read from the world. */
export function liveStudios(emulator: RunningEmulator, account: string): StudioDomainRecord[] {
  const sm = (emulator.world.services.sagemaker ?? {}) as Partial<SageMakerState>;
  return Object.values(sm.domains ?? {}).filter(
    (d) =>
      d.accountId === account &&
      d.region === 'us-east-1' &&
      d.config.DomainName === STUDIO_NAME &&
      d.deleteStartedAt === undefined,
  );
}

/** How the Studio domains differ from the declared ones: presence per account, the `stage` tag, InService. */
function studioDifferences(ctx: OracleContext, desired: Desired): string[] {
  const wrong: string[] = [];
  for (const studio of desired.studios) {
    const account = studio.account === 'home' ? HOME_ACCOUNT : ctx.fixedAccount;
    const live = liveStudios(ctx.emulator, account);
    if (studio.absent) {
      if (live.length > 0) wrong.push(`StudioDomain ${STUDIO_NAME}@${account}: tombstoned but live`);
      continue;
    }
    if (live.length !== 1) {
      wrong.push(`StudioDomain ${STUDIO_NAME}@${account}: declared, ${live.length} live`);
      continue;
    }
    const stage = live[0]!.tags.find((t) => t.Key === 'stage')?.Value;
    if (stage !== studio.stage)
      wrong.push(`StudioDomain ${STUDIO_NAME}@${account}: stage ${stage} ≠ ${studio.stage}`);
  }
  return wrong;
}

async function listAll<T>(page: (token?: string) => Promise<{ items?: T[]; nextToken?: string }>) {
  const all: T[] = [];
  let token: string | undefined;
  do {
    const out = await page(token);
    all.push(...(out.items ?? []));
    token = out.nextToken;
  } while (token);
  return all;
}

/** What the oracle needs to know besides the desired state. */
export interface OracleContext {
  emulator: RunningEmulator;
  domain: string;
  fixedAccount: string;
  /** The generated account, its configured regions and the region a pool-region edit adds. */
  generated: { account: string; regions: string[]; poolRegion: string };
}

/**
 * Every difference between the live state and `desired` in the fields the model controls (empty
 * when the live state is as declared and healthy). Wire faults are lifted while it reads and put
 * back after, so the oracle's own reads cannot fail on them.
 */
export async function oracle(ctx: OracleContext, desired: Desired): Promise<string[]> {
  const { emulator } = ctx;
  const faults = emulator.control.faults();
  emulator.control.clearFaults();
  const client = new DataZoneClient({
    endpoint: emulator.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAEMULATORORACLE01', secretAccessKey: 'oracle' },
    maxAttempts: 3,
  });
  const wrong: string[] = [];
  try {
    const domainId = domainIdOf(emulator, ctx.domain);
    if (!domainId) return [`domain ${ctx.domain} does not exist`];
    const projects = await listAll<ProjectSummary>((nextToken) =>
      client.send(new ListProjectsCommand({ domainIdentifier: domainId, nextToken })),
    );
    const profiles = await listAll<{ id?: string; name?: string; status?: string }>((nextToken) =>
      client.send(new ListProjectProfilesCommand({ domainIdentifier: domainId, nextToken })),
    );
    const profileIds = new Map(profiles.map((p) => [p.name ?? '', p.id ?? '']));
    for (const d of desired.projects) {
      const live = projects.filter((p) => p.name === d.name);
      if (d.absent) {
        if (live.length > 0) wrong.push(`${d.name}: tombstoned but live (${live[0]?.projectStatus})`);
        continue;
      }
      if (live.length !== 1) {
        wrong.push(`${d.name}: declared, ${live.length} live`);
        continue;
      }
      const got = await client.send(
        new GetProjectCommand({ domainIdentifier: domainId, identifier: live[0]!.id! }),
      );
      const deployment = got.environmentDeploymentDetails?.overallDeploymentStatus;
      if ((got.description ?? '') !== d.description)
        wrong.push(
          `${d.name}: description ${JSON.stringify(got.description)} ≠ ${JSON.stringify(d.description)}`,
        );
      if (got.projectStatus !== 'ACTIVE') wrong.push(`${d.name}: projectStatus ${got.projectStatus}`);
      if (deployment !== 'SUCCESSFUL') wrong.push(`${d.name}: overallDeploymentStatus ${deployment ?? '-'}`);
      if (!hasOwner(emulator, domainId, live[0]!.id!, d.name))
        wrong.push(`${d.name}: owner-${d.name} is not a PROJECT_OWNER`);
      const profile = d.profile === 'pool' ? 'profile-0' : d.profile;
      if (got.projectProfileId !== profileIds.get(profile))
        wrong.push(`${d.name}: not on profile ${profile}`);
    }
    const names = projects.map((p) => p.name ?? '');
    const twice = names.filter((n, i) => names.indexOf(n) !== i);
    if (twice.length > 0) wrong.push(`projects live twice: ${[...new Set(twice)].join(', ')}`);
    if (profileIds.has('fixed-x') !== desired.regionX)
      wrong.push(`profile fixed-x ${desired.regionX ? 'missing' : 'still live'}`);
    for (const p of profiles)
      if ((p.name === 'fixed' || (p.name === 'fixed-x' && desired.regionX)) && p.status !== 'ENABLED')
        wrong.push(`profile ${p.name}: status ${p.status}`);
    if (!profileIds.has('fixed')) wrong.push('profile fixed missing');
    const regions = liveEnabledRegions(emulator, domainId, ctx.fixedAccount, 'Tooling');
    if (JSON.stringify(regions) !== JSON.stringify(fixedRegions(desired)))
      wrong.push(
        `Tooling in ${ctx.fixedAccount}: regions ${JSON.stringify(regions)} ≠ ${JSON.stringify(fixedRegions(desired))}`,
      );
    wrong.push(...studioDifferences(ctx, desired));
    const { account, regions: own, poolRegion } = ctx.generated;
    const expected = desired.poolRegion ? [...own, poolRegion].sort() : own;
    for (const blueprint of ['Tooling', 'DataLake']) {
      const live = liveEnabledRegions(emulator, domainId, account, blueprint);
      if (JSON.stringify(live) !== JSON.stringify(expected))
        wrong.push(
          `${blueprint} in ${account}: regions ${JSON.stringify(live)} ≠ ${JSON.stringify(expected)}`,
        );
    }
    const pool = Object.values(dzState(emulator).accountPools ?? {}).find(
      (p) => p.domainId === domainId && p.name === 'pool-0',
    );
    const inPool =
      pool?.accountSource.accounts?.find((a) => a.awsAccountId === account)?.supportedRegions ?? [];
    if (inPool.includes(poolRegion) !== desired.poolRegion)
      wrong.push(
        `pool-0: ${account} regions ${JSON.stringify(inPool)} (pool region ${poolRegion} declared ${desired.poolRegion})`,
      );
  } finally {
    client.destroy();
    emulator.control.setFaults(faults);
  }
  return wrong;
}

/**
 * Failures the campaign injects: wire faults (throttling, 500s, resets, commit-then-fail),
 * deployment and lifecycle faults (the emulator names them), and the interruption of an apply.
 * The model injects no hangs, so a timeout is not excused.
 */
const INJECTED = [
  // The emulator's own text for an injected 500 (src/emulator/dispatch.ts): an interrupted apply stops
  // retrying and reports the last error as it is.
  /emulator fault|EmulatorInjectedFailure|Injected internal error/,
  /Throttl|Rate exceeded|TooManyRequests/i,
  /InternalServer|\b500\b|Internal Failure|UnknownError/i,
  /ECONNRESET|socket hang up|EPIPE|connection reset/i,
  /interrupt|aborted|AbortError|cancell?ed/i,
];

/** The `failed:` lines of an apply's output that no injected cause explains. */
export function applyFailureViolations(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /^\s+failed: /.test(line))
    .filter((line) => !INJECTED.some((re) => re.test(line)));
}

/** The `failed:` lines of an apply's output, injected or not. */
export function failedLines(output: string): string[] {
  return output.split('\n').filter((line) => /^\s+failed: /.test(line));
}

/** Whether an apply's output (one that failed without a `failed:` line) names an injected cause. */
export function injectedCause(output: string): boolean {
  return INJECTED.some((re) => re.test(output));
}
