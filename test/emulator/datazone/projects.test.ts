/**
 * Projects through the real SDK client: create/get/update/delete/list, the creator as owner,
 * resource tags from project and profile, placement checks against pools, fixed accounts and
 * associations, the deployment lifecycle over the clock (SUCCESSFUL, FAILED_VALIDATION when the
 * target account has not enabled the blueprint, FAILED_DEPLOYMENT without a provisioning role),
 * DELETING then gone, name conflicts, the projects quota, `updatedAt` in list items, pagination.
 */
import {
  CreateAccountPoolCommand,
  CreateProjectCommand,
  CreateProjectProfileCommand,
  DeleteProjectCommand,
  GetProjectCommand,
  ListProjectMembershipsCommand,
  ListProjectsCommand,
  PutEnvironmentBlueprintConfigurationCommand,
  UpdateProjectCommand,
  UpdateProjectProfileCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import {
  allPages,
  associate,
  bareProfile,
  blueprintId,
  createDomain,
  dataZoneEmulator,
  expectError,
  HOME,
  OTHER,
} from './sdk.js';

const emu = dataZoneEmulator();

/** A domain with a pool offering OTHER in us-east-1, and a profile deploying Tooling from it. */
async function poolSetup() {
  const dz = emu.dataZone();
  const domain = await createDomain(dz);
  const tooling = await blueprintId(dz, domain.id, 'Tooling');
  const pool = await dz.send(
    new CreateAccountPoolCommand({
      domainIdentifier: domain.id,
      name: 'pool',
      resolutionStrategy: 'MANUAL',
      accountSource: { accounts: [{ awsAccountId: OTHER, supportedRegions: ['us-east-1'] }] },
    }),
  );
  const profile = await dz.send(
    new CreateProjectProfileCommand({
      domainIdentifier: domain.id,
      name: 'pooled',
      projectResourceTags: [
        { key: 'cost-center', value: 'cc1', isValueEditable: false },
        { key: 'team', value: 'default', isValueEditable: true },
      ],
      allowCustomProjectResourceTags: true,
      environmentConfigurations: [
        {
          name: 'Tooling',
          environmentBlueprintId: tooling,
          accountPools: [pool.id ?? ''],
          deploymentMode: 'ON_CREATE',
        },
      ],
    }),
  );
  const target = (account = OTHER, regionName = 'us-east-1') => [
    {
      environmentConfigurationName: 'Tooling',
      environmentResolvedAccount: { awsAccountId: account, regionName },
    },
  ];
  return { dz, domain, tooling, pool, profile, target };
}

async function enable(
  accountDz: ReturnType<typeof emu.dataZone>,
  domainId: string,
  blueprint: string,
  role = true,
) {
  await accountDz.send(
    new PutEnvironmentBlueprintConfigurationCommand({
      domainIdentifier: domainId,
      environmentBlueprintIdentifier: blueprint,
      enabledRegions: ['us-east-1'],
      ...(role ? { provisioningRoleArn: `arn:aws:iam::${OTHER}:role/Provisioning` } : {}),
    }),
  );
}

describe('CreateProject / GetProject', () => {
  it('creates a project whose deployment goes PENDING → IN_PROGRESS → SUCCESSFUL', async () => {
    const { dz, domain, tooling, profile, target } = await poolSetup();
    await associate(emu, domain.arn ?? '', OTHER);
    await enable((await emu.asAccount(OTHER)).dataZone(), domain.id, tooling);
    emu.emulator.control.setBehaviour({ durations: { projectDeploy: 40_000 } });
    try {
      const project = await dz.send(
        new CreateProjectCommand({
          domainIdentifier: domain.id,
          name: 'analytics',
          projectProfileId: profile.id,
          userParameters: target(),
          resourceTags: { team: 'hr', extra: 'x' },
        }),
      );
      expect(project).toMatchObject({
        name: 'analytics',
        projectStatus: 'ACTIVE',
        projectProfileId: profile.id,
        domainUnitId: domain.rootDomainUnitId,
      });
      expect(project.createdAt).toBeInstanceOf(Date);
      expect(project.environmentDeploymentDetails?.overallDeploymentStatus).toBe('PENDING_DEPLOYMENT');
      expect(project.resourceTags).toEqual(
        expect.arrayContaining([
          { key: 'team', value: 'hr', source: 'PROJECT' },
          { key: 'extra', value: 'x', source: 'PROJECT' },
          { key: 'cost-center', value: 'cc1', source: 'PROJECT_PROFILE' },
        ]),
      );
      expect(project.resourceTags).toHaveLength(3);
      const get = () =>
        dz.send(new GetProjectCommand({ domainIdentifier: domain.id, identifier: project.id }));
      await emu.emulator.control.advanceClock(10_000);
      expect((await get()).environmentDeploymentDetails?.overallDeploymentStatus).toBe('IN_PROGRESS');
      await emu.emulator.control.advanceClock(30_000);
      expect((await get()).environmentDeploymentDetails?.overallDeploymentStatus).toBe('SUCCESSFUL');
      const members = await dz.send(
        new ListProjectMembershipsCommand({ domainIdentifier: domain.id, projectIdentifier: project.id }),
      );
      expect(members.members).toEqual([
        { memberDetails: { user: { userId: project.createdBy } }, designation: 'PROJECT_OWNER' },
      ]);
    } finally {
      emu.emulator.control.setBehaviour({ durations: { projectDeploy: 0 } });
    }
  });

  it('fails validation when the target account has not enabled the blueprint in the region', async () => {
    const { dz, domain, tooling, profile, target } = await poolSetup();
    await associate(emu, domain.arn ?? '', OTHER);
    // Enabled by the domain account only: OTHER's configuration is what counts.
    await enable(dz, domain.id, tooling);
    const project = await dz.send(
      new CreateProjectCommand({
        domainIdentifier: domain.id,
        name: 'p',
        projectProfileId: profile.id,
        userParameters: target(),
      }),
    );
    const details = project.environmentDeploymentDetails;
    expect(details?.overallDeploymentStatus).toBe('FAILED_VALIDATION');
    expect(details?.environmentFailureReasons?.Tooling?.[0]?.code).toBe('BlueprintNotEnabled');
  });

  it('fails the deployment when the configuration has no provisioning role', async () => {
    const { dz, domain, tooling, profile, target } = await poolSetup();
    await associate(emu, domain.arn ?? '', OTHER);
    await enable((await emu.asAccount(OTHER)).dataZone(), domain.id, tooling, false);
    const project = await dz.send(
      new CreateProjectCommand({
        domainIdentifier: domain.id,
        name: 'p',
        projectProfileId: profile.id,
        userParameters: target(),
      }),
    );
    expect(project.environmentDeploymentDetails?.overallDeploymentStatus).toBe('FAILED_DEPLOYMENT');
  });

  it('rejects placements the profile does not allow (ValidationException)', async () => {
    const { dz, domain, tooling, profile, target } = await poolSetup();
    const create = (extra: object) =>
      dz.send(
        new CreateProjectCommand({
          domainIdentifier: domain.id,
          name: 'p',
          projectProfileId: profile.id,
          ...extra,
        }),
      );
    await expectError(create({}), 'ValidationException');
    await expectError(create({ userParameters: target('999999999999') }), 'ValidationException');
    await expectError(create({ userParameters: target(OTHER, 'eu-west-1') }), 'ValidationException');
    await expectError(
      create({ userParameters: target(), resourceTags: { 'cost-center': 'other' } }),
      'ValidationException',
    );
    // "All associated accounts": neither pools nor a fixed account.
    const open = await dz.send(
      new CreateProjectProfileCommand({
        domainIdentifier: domain.id,
        name: 'open',
        environmentConfigurations: [{ name: 'Tooling', environmentBlueprintId: tooling }],
      }),
    );
    const openCreate = () =>
      dz.send(
        new CreateProjectCommand({
          domainIdentifier: domain.id,
          name: 'open-p',
          projectProfileId: open.id,
          userParameters: target(),
        }),
      );
    await expectError(openCreate(), 'ValidationException');
    await associate(emu, domain.arn ?? '', OTHER);
    expect((await openCreate()).projectStatus).toBe('ACTIVE');
    // Fixed account: the resolved account must be exactly it.
    const fixed = await dz.send(
      new CreateProjectProfileCommand({
        domainIdentifier: domain.id,
        name: 'fixed',
        environmentConfigurations: [
          {
            name: 'Tooling',
            environmentBlueprintId: tooling,
            awsAccount: { awsAccountId: HOME },
            awsRegion: { regionName: 'us-east-1' },
          },
        ],
      }),
    );
    await expectError(
      dz.send(
        new CreateProjectCommand({
          domainIdentifier: domain.id,
          name: 'fixed-p',
          projectProfileId: fixed.id,
          userParameters: target(),
        }),
      ),
      'ValidationException',
    );
    expect(
      (
        await dz.send(
          new CreateProjectCommand({
            domainIdentifier: domain.id,
            name: 'fixed-p',
            projectProfileId: fixed.id,
          }),
        )
      ).id,
    ).toBeDefined();
    await dz.send(
      new UpdateProjectProfileCommand({
        domainIdentifier: domain.id,
        identifier: fixed.id,
        status: 'DISABLED',
      }),
    );
    await expectError(
      dz.send(
        new CreateProjectCommand({
          domainIdentifier: domain.id,
          name: 'fixed-q',
          projectProfileId: fixed.id,
        }),
      ),
      'ValidationException',
    );
  });

  it('answers ResourceNotFound for unknown profile, unit and project; Conflict for a taken name', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    await expectError(
      dz.send(
        new CreateProjectCommand({ domainIdentifier: domain.id, name: 'p', projectProfileId: 'noprofile' }),
      ),
      'ResourceNotFoundException',
    );
    await expectError(
      dz.send(
        new CreateProjectCommand({
          projectProfileId: await bareProfile(dz, domain.id),
          domainIdentifier: domain.id,
          name: 'p',
          domainUnitId: 'nounit',
        }),
      ),
      'ResourceNotFoundException',
    );
    await expectError(
      dz.send(new GetProjectCommand({ domainIdentifier: domain.id, identifier: 'noproject' })),
      'ResourceNotFoundException',
    );
    await expectError(
      dz.send(new UpdateProjectCommand({ domainIdentifier: domain.id, identifier: 'noproject', name: 'x' })),
      'ResourceNotFoundException',
    );
    await expectError(
      dz.send(new DeleteProjectCommand({ domainIdentifier: domain.id, identifier: 'noproject' })),
      'ResourceNotFoundException',
    );
    await dz.send(
      new CreateProjectCommand({
        projectProfileId: await bareProfile(dz, domain.id),
        domainIdentifier: domain.id,
        name: 'taken',
      }),
    );
    await expectError(
      dz.send(
        new CreateProjectCommand({
          projectProfileId: await bareProfile(dz, domain.id),
          domainIdentifier: domain.id,
          name: 'taken',
        }),
      ),
      'ConflictException',
    );
    emu.emulator.control.setBehaviour({ notFoundAsAccessDenied: true });
    try {
      await expectError(
        dz.send(new GetProjectCommand({ domainIdentifier: domain.id, identifier: 'noproject' })),
        'AccessDeniedException',
      );
    } finally {
      emu.emulator.control.setBehaviour({ notFoundAsAccessDenied: false });
    }
  });

  it('enforces the projects quota and the resource-tag quota', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    await emu.emulator.control.serviceControl('datazone', 'quotas', { projectsPerDomain: 2 });
    try {
      await dz.send(
        new CreateProjectCommand({
          projectProfileId: await bareProfile(dz, domain.id),
          domainIdentifier: domain.id,
          name: 'a',
        }),
      );
      await dz.send(
        new CreateProjectCommand({
          projectProfileId: await bareProfile(dz, domain.id),
          domainIdentifier: domain.id,
          name: 'b',
        }),
      );
      await expectError(
        dz.send(
          new CreateProjectCommand({
            projectProfileId: await bareProfile(dz, domain.id),
            domainIdentifier: domain.id,
            name: 'c',
          }),
        ),
        'ServiceQuotaExceededException',
      );
    } finally {
      await emu.emulator.control.serviceControl('datazone', 'quotas', { projectsPerDomain: 1000 });
    }
    const tags = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`k${i}`, 'v']));
    // The wire layer may reject 26 tags by the model's map bound first; either way it is refused.
    const error = await dz
      .send(
        new CreateProjectCommand({
          projectProfileId: await bareProfile(dz, domain.id),
          domainIdentifier: domain.id,
          name: 'tags',
          resourceTags: tags,
        }),
      )
      .catch((e: Error) => e);
    expect(['ServiceQuotaExceededException', 'ValidationException']).toContain((error as Error).name);
  });
});

describe('UpdateProject / DeleteProject / ListProjects', () => {
  it('updates name, description and tags; the resolved account is immutable', async () => {
    const { dz, domain, profile, target } = await poolSetup();
    await associate(emu, domain.arn ?? '', OTHER);
    const project = await dz.send(
      new CreateProjectCommand({
        domainIdentifier: domain.id,
        name: 'p',
        projectProfileId: profile.id,
        userParameters: target(),
      }),
    );
    const updated = await dz.send(
      new UpdateProjectCommand({
        domainIdentifier: domain.id,
        identifier: project.id,
        name: 'p2',
        description: 'd',
        resourceTags: { team: 'x' },
      }),
    );
    expect(updated).toMatchObject({ name: 'p2', description: 'd' });
    expect(updated.resourceTags).toEqual(
      expect.arrayContaining([
        { key: 'team', value: 'x', source: 'PROJECT' },
        { key: 'cost-center', value: 'cc1', source: 'PROJECT_PROFILE' },
      ]),
    );
    await expectError(
      dz.send(
        new UpdateProjectCommand({
          domainIdentifier: domain.id,
          identifier: project.id,
          userParameters: target(HOME),
        }),
      ),
      'ValidationException',
    );
    await dz.send(
      new CreateProjectCommand({
        projectProfileId: await bareProfile(dz, domain.id),
        domainIdentifier: domain.id,
        name: 'other',
      }),
    );
    await expectError(
      dz.send(
        new UpdateProjectCommand({ domainIdentifier: domain.id, identifier: project.id, name: 'other' }),
      ),
      'ConflictException',
    );
  });

  it('deletes through DELETING, then the project is gone', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const project = await dz.send(
      new CreateProjectCommand({
        projectProfileId: await bareProfile(dz, domain.id),
        domainIdentifier: domain.id,
        name: 'p',
      }),
    );
    emu.emulator.control.setBehaviour({ durations: { projectDelete: 10_000 } });
    try {
      await dz.send(new DeleteProjectCommand({ domainIdentifier: domain.id, identifier: project.id }));
      const get = () =>
        dz.send(new GetProjectCommand({ domainIdentifier: domain.id, identifier: project.id }));
      expect((await get()).projectStatus).toBe('DELETING');
      await expectError(
        dz.send(new UpdateProjectCommand({ domainIdentifier: domain.id, identifier: project.id, name: 'x' })),
        'ConflictException',
      );
      await emu.emulator.control.advanceClock(10_000);
      await expectError(get(), 'ResourceNotFoundException');
    } finally {
      emu.emulator.control.setBehaviour({ durations: { projectDelete: 0 } });
    }
  });

  it('lists with updatedAt, filters by name and member, and pages', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    for (let i = 0; i < 7; i++)
      await dz.send(
        new CreateProjectCommand({
          projectProfileId: await bareProfile(dz, domain.id),
          domainIdentifier: domain.id,
          name: `proj-${i}`,
        }),
      );
    await dz.send(
      new CreateProjectCommand({
        projectProfileId: await bareProfile(dz, domain.id),
        domainIdentifier: domain.id,
        name: 'unrelated',
      }),
    );
    const { items, pages } = await allPages((nextToken) =>
      dz.send(new ListProjectsCommand({ domainIdentifier: domain.id, name: 'proj', nextToken })),
    );
    expect(items).toHaveLength(7);
    expect(pages).toBe(2);
    expect(items.every((p) => p.updatedAt instanceof Date && p.createdAt instanceof Date)).toBe(true);
    expect(items[0]).not.toHaveProperty('lastUpdatedAt');
    expect(items[0]).not.toHaveProperty('projectProfileId');
    const mine = await dz.send(
      new ListProjectsCommand({
        domainIdentifier: domain.id,
        userIdentifier: `arn:aws:iam::${HOME}:role/nobody`,
        maxResults: 50,
      }),
    );
    expect(mine.items ?? []).toEqual([]);
  });

  it('shuffles list order under shuffleLists without losing or repeating items', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    for (let i = 0; i < 8; i++)
      await dz.send(
        new CreateProjectCommand({
          projectProfileId: await bareProfile(dz, domain.id),
          domainIdentifier: domain.id,
          name: `s-${i}`,
        }),
      );
    emu.emulator.control.setBehaviour({ shuffleLists: true });
    try {
      const { items } = await allPages((nextToken) =>
        dz.send(new ListProjectsCommand({ domainIdentifier: domain.id, nextToken, maxResults: 3 })),
      );
      expect(items.map((p) => p.name).sort()).toEqual([
        's-0',
        's-1',
        's-2',
        's-3',
        's-4',
        's-5',
        's-6',
        's-7',
      ]);
    } finally {
      emu.emulator.control.setBehaviour({ shuffleLists: false });
    }
  });
});
