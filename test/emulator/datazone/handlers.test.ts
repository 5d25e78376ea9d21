/**
 * Handler-level tests of the DataZone logic (no HTTP): lifecycles over the clock, quotas at their
 * AWS values, referential integrity, project placement checks and blueprint-configuration
 * isolation. The SDK tests (sdk-*.test.ts) prove the same operations over the wire.
 */
import { describe, expect, it } from 'vitest';
import { dzHarness, errorOf, HOME } from './harness.js';

const ROLE = `arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainExecution`;
const OTHER = '444455556666';

function withDomain(options: Parameters<typeof dzHarness>[0] = {}) {
  const h = dzHarness(options);
  const domain = h.dz('CreateDomain', { name: 'corp', domainExecutionRole: ROLE, domainVersion: 'V2' });
  const blueprints = h.dz('ListEnvironmentBlueprints', { domainIdentifier: domain.id, maxResults: 50 }).items;
  const tooling = blueprints.find((b: { name: string }) => b.name === 'Tooling').id as string;
  // V2 projects need a profile; this one deploys nothing (the project tests are not about it).
  const bare =
    domain.status === 'AVAILABLE'
      ? (h.dz('CreateProjectProfile', {
          domainIdentifier: domain.id,
          name: 'bare',
          allowCustomProjectResourceTags: true,
        }).id as string)
      : '';
  return { h, domain, tooling, bare, d: domain.id as string };
}

describe('domain lifecycle', () => {
  it('is CREATING until domainCreate passes, then AVAILABLE; DELETING then gone', () => {
    const { h, domain, d } = withDomain({ durations: { domainCreate: 1000, domainDelete: 500 } });
    expect(domain.status).toBe('CREATING');
    expect(
      errorOf(() =>
        h.dz('CreateDomainUnit', {
          domainIdentifier: d,
          name: 'x',
          parentDomainUnitIdentifier: domain.rootDomainUnitId,
        }),
      ),
    ).toBe('ConflictException');
    h.advance(1000);
    expect(h.dz('GetDomain', { identifier: d }).status).toBe('AVAILABLE');
    expect(h.dz('DeleteDomain', { identifier: d }).status).toBe('DELETING');
    expect(h.dz('GetDomain', { identifier: d }).status).toBe('DELETING');
    h.advance(500);
    expect(errorOf(() => h.dz('GetDomain', { identifier: d }))).toBe('ResourceNotFoundException');
    expect(Object.keys(h.world.services.datazone as object)).toContain('blueprints');
    expect(Object.values((h.world.services.datazone as { blueprints: object }).blueprints)).toHaveLength(0);
  });

  it('answers AccessDenied for a gone domain under notFoundAsAccessDenied', () => {
    const { h, d } = withDomain({ notFoundAsAccessDenied: true });
    h.dz('DeleteDomain', { identifier: d });
    expect(errorOf(() => h.dz('GetDomain', { identifier: d }))).toBe('AccessDeniedException');
  });

  it('misses the first N reads after create (readAfterCreateMisses)', () => {
    const { h, d } = withDomain({ readAfterCreateMisses: 2 });
    expect(errorOf(() => h.dz('GetDomain', { identifier: d }))).toBe('ResourceNotFoundException');
    expect(errorOf(() => h.dz('GetDomain', { identifier: d }))).toBe('ResourceNotFoundException');
    expect(h.dz('GetDomain', { identifier: d }).id).toBe(d);
  });

  it('refuses to delete a domain with non-root units unless skipDeletionCheck', () => {
    const { h, domain, d } = withDomain();
    h.dz('CreateDomainUnit', {
      domainIdentifier: d,
      name: 'hr',
      parentDomainUnitIdentifier: domain.rootDomainUnitId,
    });
    expect(errorOf(() => h.dz('DeleteDomain', { identifier: d }))).toBe('ConflictException');
    expect(h.dz('DeleteDomain', { identifier: d, skipDeletionCheck: true }).status).toBe('DELETING');
  });

  it('creates 23 managed blueprints with per-domain ids', () => {
    const { h, d } = withDomain();
    const other = h.dz('CreateDomain', { name: 'other', domainExecutionRole: ROLE, domainVersion: 'V2' }).id;
    const ids = (id: string) =>
      h
        .dz('ListEnvironmentBlueprints', { domainIdentifier: id, maxResults: 50 })
        .items.map((b: { id: string }) => b.id);
    expect(ids(d)).toHaveLength(23);
    expect(ids(d).filter((id: string) => ids(other).includes(id))).toEqual([]);
    expect(ids(d).every((id: string) => /^[a-z0-9]{14}$/.test(id))).toBe(true);
    expect(d).toMatch(/^dzd_[a-z0-9]{14}$/);
  });
});

describe('domain units', () => {
  it('enforces depth 5 below the root and the per-domain count', () => {
    const { h, domain, d } = withDomain();
    let parent = domain.rootDomainUnitId as string;
    for (let level = 1; level <= 5; level++) {
      parent = h.dz('CreateDomainUnit', {
        domainIdentifier: d,
        name: `l${level}`,
        parentDomainUnitIdentifier: parent,
      }).id;
    }
    expect(
      errorOf(() =>
        h.dz('CreateDomainUnit', { domainIdentifier: d, name: 'l6', parentDomainUnitIdentifier: parent }),
      ),
    ).toBe('ServiceQuotaExceededException');
    for (let i = 5; i < 500; i++) {
      h.dz('CreateDomainUnit', {
        domainIdentifier: d,
        name: `u${i}`,
        parentDomainUnitIdentifier: domain.rootDomainUnitId,
      });
    }
    expect(
      errorOf(() =>
        h.dz('CreateDomainUnit', {
          domainIdentifier: d,
          name: 'one-too-many',
          parentDomainUnitIdentifier: domain.rootDomainUnitId,
        }),
      ),
    ).toBe('ServiceQuotaExceededException');
  });
});

describe('projects', () => {
  function profiled(options: Parameters<typeof dzHarness>[0] = {}) {
    const env = withDomain(options);
    const { h, d, tooling } = env;
    const pool = h.dz('CreateAccountPool', {
      domainIdentifier: d,
      name: 'pool',
      resolutionStrategy: 'MANUAL',
      accountSource: { accounts: [{ awsAccountId: OTHER, supportedRegions: ['us-east-1'] }] },
    });
    const profile = h.dz('CreateProjectProfile', {
      domainIdentifier: d,
      name: 'analytics',
      environmentConfigurations: [
        {
          name: 'Tooling',
          environmentBlueprintId: tooling,
          accountPools: [pool.id],
          deploymentMode: 'ON_CREATE',
        },
      ],
    });
    const target = {
      environmentConfigurationName: 'Tooling',
      environmentResolvedAccount: { awsAccountId: OTHER, regionName: 'us-east-1' },
    };
    return { ...env, pool, profile, target };
  }

  it('deploys PENDING → IN_PROGRESS → SUCCESSFUL when the blueprint is enabled in the target account', () => {
    const { h, d, tooling, profile, target } = profiled({ durations: { projectDeploy: 400 } });
    h.dz(
      'PutEnvironmentBlueprintConfiguration',
      {
        domainIdentifier: d,
        environmentBlueprintIdentifier: tooling,
        enabledRegions: ['us-east-1'],
        provisioningRoleArn: `arn:aws:iam::${OTHER}:role/prov`,
      },
      HOME,
    );
    // The configuration of HOME does not enable OTHER: the project would fail validation.
    const failing = h.dz('CreateProject', {
      domainIdentifier: d,
      name: 'p0',
      projectProfileId: profile.id,
      userParameters: [target],
    });
    h.advance(100);
    expect(
      h.dz('GetProject', { domainIdentifier: d, identifier: failing.id }).environmentDeploymentDetails
        .overallDeploymentStatus,
    ).toBe('FAILED_VALIDATION');
    expect(
      errorOf(() =>
        h.dz(
          'GetEnvironmentBlueprintConfiguration',
          { domainIdentifier: d, environmentBlueprintIdentifier: tooling },
          OTHER,
        ),
      ),
    ).toBe('AccessDeniedException');
  });

  it('rejects a placement outside the pool and a disabled profile', () => {
    const { h, d, profile } = profiled();
    const wrong = {
      environmentConfigurationName: 'Tooling',
      environmentResolvedAccount: { awsAccountId: '999999999999', regionName: 'us-east-1' },
    };
    expect(
      errorOf(() =>
        h.dz('CreateProject', {
          domainIdentifier: d,
          name: 'p',
          projectProfileId: profile.id,
          userParameters: [wrong],
        }),
      ),
    ).toBe('ValidationException');
    expect(
      errorOf(() => h.dz('CreateProject', { domainIdentifier: d, name: 'p', projectProfileId: profile.id })),
    ).toBe('ValidationException');
    h.dz('UpdateProjectProfile', { domainIdentifier: d, identifier: profile.id, status: 'DISABLED' });
    expect(
      errorOf(() => h.dz('CreateProject', { domainIdentifier: d, name: 'p', projectProfileId: profile.id })),
    ).toBe('ValidationException');
  });

  it('enforces 1000 projects per domain and 25 resource tags', () => {
    const { h, d, bare } = withDomain();
    for (let i = 0; i < 1000; i++)
      h.dz('CreateProject', { domainIdentifier: d, projectProfileId: bare, name: `p${i}` });
    expect(
      errorOf(() => h.dz('CreateProject', { domainIdentifier: d, projectProfileId: bare, name: 'p1000' })),
    ).toBe('ServiceQuotaExceededException');
    const tags = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`k${i}`, 'v']));
    h.dz('DeleteProject', {
      domainIdentifier: d,
      identifier: h.dz('ListProjects', { domainIdentifier: d, name: 'p999' }).items[0].id,
    });
    expect(
      errorOf(() =>
        h.dz('CreateProject', {
          domainIdentifier: d,
          projectProfileId: bare,
          name: 'tagged',
          resourceTags: tags,
        }),
      ),
    ).toBe('ServiceQuotaExceededException');
  });

  it('enforces 100 user and 20 group members', () => {
    const { h, d, bare } = withDomain();
    const project = h.dz('CreateProject', { domainIdentifier: d, projectProfileId: bare, name: 'p' });
    // The creator is the first user member.
    for (let i = 1; i < 100; i++) {
      h.dz('CreateProjectMembership', {
        domainIdentifier: d,
        projectIdentifier: project.id,
        member: { userIdentifier: `arn:aws:iam::${HOME}:role/user${i}` },
        designation: 'PROJECT_CONTRIBUTOR',
      });
    }
    const add = (member: object) => () =>
      h.dz('CreateProjectMembership', {
        domainIdentifier: d,
        projectIdentifier: project.id,
        member,
        designation: 'PROJECT_CONTRIBUTOR',
      });
    expect(errorOf(add({ userIdentifier: `arn:aws:iam::${HOME}:role/extra` }))).toBe(
      'ServiceQuotaExceededException',
    );
    for (let i = 0; i < 20; i++) add({ groupIdentifier: `group-${i}` })();
    expect(errorOf(add({ groupIdentifier: 'group-20' }))).toBe('ServiceQuotaExceededException');
  });

  it('is DELETING then gone after projectDelete', () => {
    const { h, d, bare } = withDomain({ durations: { projectDelete: 300 } });
    const project = h.dz('CreateProject', { domainIdentifier: d, projectProfileId: bare, name: 'p' });
    h.dz('DeleteProject', { domainIdentifier: d, identifier: project.id });
    expect(h.dz('GetProject', { domainIdentifier: d, identifier: project.id }).projectStatus).toBe(
      'DELETING',
    );
    h.advance(300);
    expect(errorOf(() => h.dz('GetProject', { domainIdentifier: d, identifier: project.id }))).toBe(
      'ResourceNotFoundException',
    );
  });
});
