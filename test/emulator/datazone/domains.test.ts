/**
 * DataZone domains and tags through the real SDK client: success of each operation, not-found
 * (404, or 403 under notFoundAsAccessDenied), name conflicts, the CREATING/DELETING lifecycle
 * over the emulated clock, deletion checks, ListDomains pagination and status filter, and a
 * ThrottlingException from the wire layer's fault knob.
 */
import {
  CreateDomainCommand,
  DeleteDomainCommand,
  GetDomainCommand,
  ListDomainsCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateDomainCommand,
  CreateDomainUnitCommand,
  CreateProjectCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import {
  allPages,
  bareProfile,
  createDomain,
  dataZoneEmulator,
  EXECUTION_ROLE,
  expectError,
  HOME,
} from './sdk.js';

const emu = dataZoneEmulator();

describe('CreateDomain / GetDomain', () => {
  it('creates a V2 domain with ARN, root unit, portal URL and epoch timestamps', async () => {
    const dz = emu.dataZone();
    const created = await createDomain(dz, 'acme');
    expect(created.id).toMatch(/^dzd_[a-z0-9]{14}$/);
    expect(created.arn).toBe(`arn:aws:datazone:us-east-1:${HOME}:domain/${created.id}`);
    expect(created.status).toBe('AVAILABLE');
    expect(created.portalUrl).toBe(`https://${created.id}.sagemaker.us-east-1.on.aws`);
    const got = await dz.send(new GetDomainCommand({ identifier: created.id }));
    expect(got).toMatchObject({
      name: 'acme',
      domainVersion: 'V2',
      domainExecutionRole: EXECUTION_ROLE,
      rootDomainUnitId: created.rootDomainUnitId,
    });
    expect(got.createdAt).toBeInstanceOf(Date);
    expect(got.lastUpdatedAt).toBeInstanceOf(Date);
  });

  it('rejects a duplicate name in the same account and region (ConflictException)', async () => {
    const dz = emu.dataZone();
    await createDomain(dz, 'dup');
    await expectError(createDomain(dz, 'dup'), 'ConflictException');
  });

  it('rejects a missing domainExecutionRole (ValidationException)', async () => {
    await expectError(emu.dataZone().send(new CreateDomainCommand({ name: 'x' })), 'ValidationException');
  });

  it('answers ResourceNotFoundException for an unknown domain, AccessDenied when configured', async () => {
    const dz = emu.dataZone();
    await expectError(
      dz.send(new GetDomainCommand({ identifier: 'dzd_unknown0000000' })),
      'ResourceNotFoundException',
    );
    emu.emulator.control.setBehaviour({ notFoundAsAccessDenied: true });
    try {
      const error = await expectError(
        dz.send(new GetDomainCommand({ identifier: 'dzd_unknown0000000' })),
        'AccessDeniedException',
      );
      expect(error.message).toBe('User is not permitted to perform operation: GetDomain');
    } finally {
      emu.emulator.control.setBehaviour({ notFoundAsAccessDenied: false });
    }
  });

  it('misses the first reads after create under readAfterCreateMisses', async () => {
    const dz = emu.dataZone();
    emu.emulator.control.setBehaviour({ readAfterCreateMisses: 1 });
    try {
      const created = await createDomain(dz);
      await expectError(
        dz.send(new GetDomainCommand({ identifier: created.id })),
        'ResourceNotFoundException',
      );
      expect((await dz.send(new GetDomainCommand({ identifier: created.id }))).id).toBe(created.id);
    } finally {
      emu.emulator.control.setBehaviour({ readAfterCreateMisses: 0 });
    }
  });
});

describe('domain lifecycle', () => {
  it('is CREATING until the create duration passes, DELETING until the delete duration passes', async () => {
    const dz = emu.dataZone();
    emu.emulator.control.setBehaviour({ durations: { domainCreate: 60_000, domainDelete: 30_000 } });
    try {
      const created = await createDomain(dz);
      expect(created.status).toBe('CREATING');
      await emu.emulator.control.advanceClock(60_000);
      expect((await dz.send(new GetDomainCommand({ identifier: created.id }))).status).toBe('AVAILABLE');
      expect((await dz.send(new DeleteDomainCommand({ identifier: created.id }))).status).toBe('DELETING');
      expect((await dz.send(new GetDomainCommand({ identifier: created.id }))).status).toBe('DELETING');
      await emu.emulator.control.advanceClock(30_000);
      await expectError(
        dz.send(new GetDomainCommand({ identifier: created.id })),
        'ResourceNotFoundException',
      );
    } finally {
      emu.emulator.control.setBehaviour({ durations: { domainCreate: 0, domainDelete: 0 } });
    }
  });

  it('refuses to delete a domain with projects or units unless skipDeletionCheck', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    await dz.send(
      new CreateDomainUnitCommand({
        domainIdentifier: domain.id,
        name: 'hr',
        parentDomainUnitIdentifier: domain.rootDomainUnitId,
      }),
    );
    await dz.send(
      new CreateProjectCommand({
        projectProfileId: await bareProfile(dz, domain.id),
        domainIdentifier: domain.id,
        name: 'p',
      }),
    );
    await expectError(dz.send(new DeleteDomainCommand({ identifier: domain.id })), 'ConflictException');
    expect(
      (await dz.send(new DeleteDomainCommand({ identifier: domain.id, skipDeletionCheck: true }))).status,
    ).toBe('DELETING');
    await expectError(dz.send(new GetDomainCommand({ identifier: domain.id })), 'ResourceNotFoundException');
    await expectError(
      dz.send(new DeleteDomainCommand({ identifier: domain.id })),
      'ResourceNotFoundException',
    );
  });
});

describe('UpdateDomain', () => {
  it('changes the updatable members and answers lastUpdatedAt', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const out = await dz.send(
      new UpdateDomainCommand({ identifier: domain.id, description: 'new', name: `${domain.name}-renamed` }),
    );
    expect(out).toMatchObject({ id: domain.id, description: 'new', name: `${domain.name}-renamed` });
    expect(out.lastUpdatedAt).toBeInstanceOf(Date);
  });

  it('answers ConflictException for a taken name and ResourceNotFoundException for an unknown domain', async () => {
    const dz = emu.dataZone();
    const a = await createDomain(dz);
    const b = await createDomain(dz);
    await expectError(
      dz.send(new UpdateDomainCommand({ identifier: b.id, name: a.name })),
      'ConflictException',
    );
    await expectError(
      dz.send(new UpdateDomainCommand({ identifier: 'dzd_nope', description: 'x' })),
      'ResourceNotFoundException',
    );
  });
});

describe('ListDomains', () => {
  it('pages with the default page size and filters by status', async () => {
    const dz = emu.dataZone();
    for (let i = 0; i < 7; i++) await createDomain(dz);
    const { items, pages } = await allPages((nextToken) => dz.send(new ListDomainsCommand({ nextToken })));
    expect(items.length).toBeGreaterThanOrEqual(7);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(items.map((d) => d.id)).size).toBe(items.length);
    expect(items.every((d) => d.managedAccountId === HOME && d.createdAt instanceof Date)).toBe(true);
    const creating = await dz.send(new ListDomainsCommand({ status: 'CREATING' }));
    expect(creating.items).toEqual([]);
  });

  it('rejects a token of another listing (ValidationException)', async () => {
    const dz = emu.dataZone();
    const first = await dz.send(new ListDomainsCommand({ maxResults: 1 }));
    await expectError(
      dz.send(new ListDomainsCommand({ status: 'AVAILABLE', nextToken: first.nextToken })),
      'ValidationException',
    );
  });

  it('answers ThrottlingException when the fault knob throttles', async () => {
    const dz = emu.dataZone();
    emu.emulator.control.setFaults([{ operation: 'ListDomains', throttlePct: 100, count: 1 }]);
    try {
      await expectError(dz.send(new ListDomainsCommand({})), 'ThrottlingException');
    } finally {
      emu.emulator.control.clearFaults();
    }
  });
});

describe('tags', () => {
  it('tags, lists and untags a domain by ARN', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    await dz.send(
      new TagResourceCommand({ resourceArn: domain.arn, tags: { team: 'data', 'cost center': 'a/b' } }),
    );
    expect((await dz.send(new ListTagsForResourceCommand({ resourceArn: domain.arn }))).tags).toEqual({
      team: 'data',
      'cost center': 'a/b',
    });
    await dz.send(new UntagResourceCommand({ resourceArn: domain.arn, tagKeys: ['cost center'] }));
    expect((await dz.send(new ListTagsForResourceCommand({ resourceArn: domain.arn }))).tags).toEqual({
      team: 'data',
    });
  });

  it('answers ResourceNotFoundException for an unknown domain ARN', async () => {
    const dz = emu.dataZone();
    const arn = `arn:aws:datazone:us-east-1:${HOME}:domain/dzd_missing0000000`;
    await expectError(
      dz.send(new TagResourceCommand({ resourceArn: arn, tags: { a: 'b' } })),
      'ResourceNotFoundException',
    );
    await expectError(
      dz.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['a'] })),
      'ResourceNotFoundException',
    );
    await expectError(
      dz.send(new ListTagsForResourceCommand({ resourceArn: arn })),
      'ResourceNotFoundException',
    );
  });
});
