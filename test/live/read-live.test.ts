/**
 * readLive against the emulator, seeded with the example organisation through the real SDK: the
 * exact normal value of every kind, the round trip (what a manifest creates reads back as that
 * manifest's desired value), meta and fingerprints, the caller, and determinism under small pages
 * and shuffled lists.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClientFactory } from '../../src/aws/clients.js';
import { readLive } from '../../src/live/read-live.js';
import type { LiveResource, Observation } from '../../src/live/types.js';
import { identityKey } from '../../src/model/identity.js';
import { addressOf } from '../../src/model/identity.js';
import type { Manifest } from '../../src/model/manifest.js';
import { compact, type NormalProject, type NormalProjectProfile } from '../../src/model/normalized.js';
import { normalizeProject } from '../../src/plan/desired.js';
import { normalizeDesired } from '../../src/plan/normalize-desired.js';
import { withEmulator } from '../helpers/emulator.js';
import { virtualTiming } from '../helpers/virtual-time.js';
import * as org from './org.js';
import { factoryFor, fullScope, LIVE_EMULATOR_OPTIONS, seedOrg, type Seeded } from './seed.js';

const emu = withEmulator(LIVE_EMULATOR_OPTIONS);
let seeded: Seeded;
let clients: ClientFactory;
let observation: Observation;

beforeAll(async () => {
  seeded = await seedOrg(emu);
  clients = factoryFor(emu);
  emu.emulator.control.resetStats();
  // Pacing at AWS's rates on a virtual clock: the emulator has no rate limits (issue 18).
  observation = await readLive(fullScope(), { clients, timing: virtualTiming() });
});

afterAll(() => clients.destroy());

function byKey(key: string): LiveResource {
  const found = observation.resources.filter((r) => r.key === key);
  expect(found, key).toHaveLength(1);
  return found[0] as LiveResource;
}

/** The live resource a manifest addresses (a configuration without `account` is the domain account's). */
function liveOf(manifest: Manifest): LiveResource {
  const address = addressOf(manifest);
  if (address.kind === 'BlueprintConfiguration') address.account ??= org.HOME;
  return byKey(identityKey(address));
}

describe('readLive on the example organisation', () => {
  test('is complete, with every resource once, sorted by key', () => {
    expect(observation.complete).toBe(true);
    expect(observation.failures).toEqual([]);
    expect(observation.resources.map((r) => r.key)).toEqual([
      'AccountAssociation/corp/444455556666',
      'AccountPool/corp/pool-a',
      'AccountPool/corp/pool-b',
      'BlueprintConfiguration/corp/111122223333/DataLake',
      'BlueprintConfiguration/corp/111122223333/Tooling',
      'BlueprintConfiguration/corp/444455556666/Tooling',
      'Domain/corp',
      'DomainUnit/corp/Finance',
      'DomainUnit/corp/HR',
      'DomainUnit/corp/HR/Benefits',
      'Project/corp/analytics',
      'Project/corp/sandbox',
      'ProjectProfile/corp/Basic',
      'ProjectProfile/corp/Data Engineer',
      'StudioDomain/us-east-1/studio-a',
    ]);
  });

  const roundTrip: Manifest[] = [
    org.domain,
    ...org.units,
    ...org.pools,
    ...org.profiles,
    org.association,
    ...org.configurations,
    org.studio,
  ];
  test.each(
    roundTrip.map(
      (m) =>
        [
          identityKey(addressOf(m)) +
            (m.kind === 'BlueprintConfiguration' ? `@${m.spec.account ?? 'home'}` : ''),
          m,
        ] as const,
    ),
  )('round trip: %s reads back as its desired value', (_name, manifest) => {
    expect(liveOf(manifest).normal).toStrictEqual(normalizeDesired(manifest));
  });

  test('a profile names its blueprints, pools and unit, never configuration ids or resolved parameters', () => {
    expect(byKey('ProjectProfile/corp/Data Engineer').normal).toStrictEqual({
      description: 'Data engineering teams',
      status: 'ENABLED',
      domainUnit: 'HR',
      allowCustomProjectResourceTags: true,
      projectResourceTagsDescription: 'Tags for cost allocation',
      projectResourceTags: [
        { key: 'cost-center', value: 'data-eng', editable: false },
        { key: 'owner', value: 'tbd', editable: true },
      ],
      environments: [
        {
          name: 'Tooling',
          blueprint: 'Tooling',
          deploymentMode: 'ON_CREATE',
          deploymentOrder: 0,
          target: { accountPools: ['pool-a'] },
          parameters: [{ name: 'idleTimeoutInMinutes', value: '60', editable: true }],
        },
        {
          name: 'Lake',
          description: 'Lakehouse',
          blueprint: 'DataLake',
          deploymentMode: 'ON_DEMAND',
          target: { account: org.HOME, region: 'us-east-1' },
        },
        {
          name: 'Flows',
          blueprint: 'Workflows',
          deploymentMode: 'ON_CREATE',
          target: { allAssociatedAccounts: true },
        },
      ],
    });
  });

  test('a project: profile by name, unit path, resolved targets, own tags only, members as manifests write them', () => {
    const project = byKey('Project/corp/analytics');
    expect(project.normal).toStrictEqual({
      description: 'HR people analytics',
      profile: 'Data Engineer',
      domainUnit: 'HR/Benefits',
      // By name, as the desired side orders them.
      environments: [
        { name: 'Flows', target: { account: org.HOME, region: 'us-east-1' } },
        {
          name: 'Tooling',
          target: { account: org.OTHER, region: 'us-east-1' },
          parameters: { idleTimeoutInMinutes: '120' },
        },
      ],
      // cost-center and owner come from the profile (source PROJECT_PROFILE): not the project's own.
      resourceTags: { team: 'hr' },
      members: [
        { member: 'group:analysts', designation: 'PROJECT_CATALOG_VIEWER' },
        { member: `user:arn:aws:iam::${org.HOME}:role/SarahAdmin`, designation: 'PROJECT_CONTRIBUTOR' },
        // The creator (the tool itself), added by DataZone: the planner recognises it through `caller`.
        { member: `user:arn:aws:iam::${org.HOME}:user/emulator`, designation: 'PROJECT_OWNER' },
        { member: 'user:jdoe', designation: 'PROJECT_CONTRIBUTOR' },
      ],
    });
    expect(project.id).toBe(seeded.projectIds.analytics);
    expect(project.meta).toEqual({
      domainId: seeded.domainId,
      projectId: seeded.projectIds.analytics,
      status: 'ACTIVE',
      // Flows targets the domain account, which has no Workflows configuration.
      deploymentStatus: 'FAILED_VALIDATION',
      // Why, as people read it: the plan shows it in the project's /status change.
      failure: expect.stringMatching(
        /^Flows \(BlueprintNotEnabled: Blueprint \w+ is not enabled in account \d{12} region us-east-1\.\)$/,
      ),
      profileId: seeded.profileIds['Data Engineer'],
    });
    expect(byKey('Project/corp/sandbox').normal).toStrictEqual({
      profile: 'Data Engineer',
      environments: [
        { name: 'Flows', target: { account: org.OTHER, region: 'us-east-1' } },
        { name: 'Tooling', target: { account: org.OTHER, region: 'us-east-1' } },
      ],
      members: [{ member: `user:arn:aws:iam::${org.HOME}:user/emulator`, designation: 'PROJECT_OWNER' }],
    });
  });

  test.each([org.project, org.smallProject])(
    'round trip: project $metadata.name reads back as the desired side normalises it (caller membership aside)',
    (manifest) => {
      const profile = byKey('ProjectProfile/corp/Data Engineer').normal as NormalProjectProfile;
      const live = liveOf(manifest).normal as NormalProject;
      const caller = `user:${observation.caller.principalArn}`;
      const members = live.members?.filter((m) => m.member !== caller);
      const withoutCaller = { ...live, members: members?.length ? members : undefined };
      // Members are a set: the live side sorts them, the desired side keeps the manifest's order.
      const desired = normalizeProject(manifest, profile);
      const sorted = desired.members && [...desired.members].sort((a, b) => (a.member < b.member ? -1 : 1));
      expect(compact(withoutCaller)).toStrictEqual(compact({ ...desired, members: sorted }));
    },
  );

  test('meta carries the ids apply needs', () => {
    const domain = byKey('Domain/corp');
    expect(domain.id).toBe(seeded.domainId);
    expect(domain.address).toEqual({ kind: 'Domain', name: 'corp', region: 'us-east-1' });
    expect(domain.meta).toEqual({
      domainId: seeded.domainId,
      arn: seeded.domainArn,
      rootDomainUnitId: seeded.rootUnitId,
      status: 'AVAILABLE',
      portalUrl: `https://${seeded.domainId}.sagemaker.us-east-1.on.aws`,
      accountId: org.HOME,
    });
    expect(byKey('DomainUnit/corp/HR/Benefits').meta).toEqual({
      domainId: seeded.domainId,
      parentId: seeded.unitIds.HR,
      unitId: seeded.unitIds['HR/Benefits'],
    });
    expect(byKey('DomainUnit/corp/HR').meta.parentId).toBe(seeded.rootUnitId);
    const association = byKey('AccountAssociation/corp/444455556666');
    expect(association.meta).toMatchObject({
      shareName: 'DataZone-corp-444455556666',
      status: 'ASSOCIATED',
      permissionArn:
        'arn:aws:ram::aws:permission/AWSRAMPermissionsAmazonDatazoneDomainExtendedServiceWithPortalAccess',
      principalCount: '1',
    });
    expect(association.id).toBe(`${association.meta.shareArn}/${org.OTHER}`);
    const otherTooling = byKey('BlueprintConfiguration/corp/444455556666/Tooling');
    expect(otherTooling.address).toEqual({
      kind: 'BlueprintConfiguration',
      domain: 'corp',
      name: 'Tooling',
      account: org.OTHER,
    });
    expect(otherTooling.meta).toEqual({
      blueprintId: seeded.blueprintIds.Tooling,
      domainId: seeded.domainId,
      account: org.OTHER,
    });
    expect(byKey('StudioDomain/us-east-1/studio-a').meta).toMatchObject({ status: 'InService' });
  });

  test('fingerprints: key and id, an ISO lastUpdatedAt, a sha256 of the content', () => {
    for (const r of observation.resources) {
      expect(r.fingerprint.key).toBe(r.key);
      expect(r.fingerprint.id).toBe(r.id);
      expect(r.fingerprint.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(r.fingerprint.lastUpdatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    expect(new Set(observation.resources.map((r) => r.fingerprint.hash)).size).toBe(
      observation.resources.length,
    );
  });

  test('the caller: the home identity, and its principal', () => {
    expect(observation.caller).toEqual({
      account: org.HOME,
      arn: `arn:aws:iam::${org.HOME}:user/emulator`,
      principalArn: `arn:aws:iam::${org.HOME}:user/emulator`,
    });
  });

  test('reads only, listing domains once and looking each member profile up once', () => {
    const { mutating, operations } = emu.emulator.control.stats();
    expect(mutating).toBe(0);
    expect(operations['datazone.ListDomains']?.count).toBe(1);
    expect(operations['sagemaker.ListDomains']?.count).toBe(1);
    expect(operations['sts.GetCallerIdentity']?.count).toBe(1);
    // creator (in both projects), SarahAdmin, jdoe; one group.
    expect(operations['datazone.GetUserProfile']?.count).toBe(3);
    expect(operations['datazone.GetGroupProfile']?.count).toBe(1);
  });

  test('small pages give the identical observation, every page followed', async () => {
    const control = emu.emulator.control;
    // The readers ask for the model's largest page; the emulator answers 2 at most, as AWS may.
    control.setBehaviour({ maxPageSize: 2 });
    control.resetStats();
    try {
      expect(await readLive(fullScope(), { clients, concurrency: 3, timing: virtualTiming() })).toStrictEqual(
        observation,
      );
      // 23 managed blueprints at 2 a page.
      expect(control.stats().operations['datazone.ListEnvironmentBlueprints']?.count).toBe(12);
    } finally {
      control.setBehaviour({ maxPageSize: undefined });
    }
  });

  test('shuffled lists give the identical observation', async () => {
    const control = emu.emulator.control;
    control.setBehaviour({ maxPageSize: 2, shuffleLists: true });
    try {
      expect(await readLive(fullScope(), { clients, concurrency: 1, timing: virtualTiming() })).toStrictEqual(
        observation,
      );
    } finally {
      control.setBehaviour({ maxPageSize: undefined, shuffleLists: false });
    }
  });

  test('a scope that wants nothing lists everything but fetches only what lists fully describe', async () => {
    const thin = await readLive(fullScope({ allKinds: [] }), { clients, timing: virtualTiming() });
    const withNormal = thin.resources.filter((r) => r.normal !== undefined).map((r) => r.key);
    expect(withNormal).toEqual([
      'AccountAssociation/corp/444455556666',
      'BlueprintConfiguration/corp/111122223333/DataLake',
      'BlueprintConfiguration/corp/111122223333/Tooling',
      'BlueprintConfiguration/corp/444455556666/Tooling',
      'Domain/corp',
      'StudioDomain/us-east-1/studio-a',
    ]);
    expect(thin.resources.map((r) => r.key)).toEqual(observation.resources.map((r) => r.key));
    // Summary-only resources still have a fingerprint (of the list item).
    const unit = thin.resources.find((r) => r.key === 'DomainUnit/corp/HR');
    expect(unit?.fingerprint.hash).toMatch(/^sha256:/);
    expect(unit?.meta).toEqual(byKey('DomainUnit/corp/HR').meta);
  });

  test('a wanted name is fetched even when its kind is not pruned', async () => {
    const some = await readLive(
      fullScope({
        allKinds: [],
        wanted: { Project: ['analytics'], DomainUnit: ['HR/Benefits'], AccountPool: ['pool-b'] },
      }),
      { clients, timing: virtualTiming() },
    );
    const fetched = some.resources.filter((r) => r.normal !== undefined).map((r) => r.key);
    expect(fetched).toEqual(
      expect.arrayContaining([
        'Project/corp/analytics',
        'DomainUnit/corp/HR/Benefits',
        'AccountPool/corp/pool-b',
      ]),
    );
    expect(fetched).not.toContain('Project/corp/sandbox');
    expect(some.resources.find((r) => r.key === 'Project/corp/analytics')?.normal).toStrictEqual(
      byKey('Project/corp/analytics').normal,
    );
  });
});
