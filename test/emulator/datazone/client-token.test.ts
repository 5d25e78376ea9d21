/**
 * DataZone clientToken idempotency through the real SDK: the same token and input replay the
 * first answer (no duplicate, no 409), the same token with other input is a ConflictException,
 * and a create whose answer was lost after it committed (the commit-then-fail fault) converges
 * when the SDK retries it, because the SDK reuses the token it auto-filled.
 */
import {
  CreateDomainCommand,
  CreateDomainUnitCommand,
  ListDomainsCommand,
  ListDomainUnitsForParentCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { allPages, createDomain, dataZoneEmulator, EXECUTION_ROLE, expectError } from './sdk.js';

const emu = dataZoneEmulator();

describe('DataZone clientToken', () => {
  it('replays CreateDomain for the same token and input, refuses other input', async () => {
    const dz = emu.dataZone();
    const input = { name: 'tok-a', domainExecutionRole: EXECUTION_ROLE, domainVersion: 'V2' as const };
    const first = await dz.send(new CreateDomainCommand({ ...input, clientToken: 'T-1' }));
    const again = await dz.send(new CreateDomainCommand({ ...input, clientToken: 'T-1' }));
    expect(again.id).toBe(first.id);
    const all = await allPages((nextToken) => dz.send(new ListDomainsCommand({ nextToken })));
    expect(all.items.filter((d) => d.name === 'tok-a')).toHaveLength(1);
    const error = await expectError(
      dz.send(new CreateDomainCommand({ ...input, description: 'other', clientToken: 'T-1' })),
      'ConflictException',
    );
    expect(error.message).toContain('T-1');
  });

  it('replays CreateDomainUnit for the same token', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const input = {
      domainIdentifier: domain.id,
      parentDomainUnitIdentifier: domain.rootDomainUnitId,
      name: 'unit',
      clientToken: 'U-1',
    };
    const first = await dz.send(new CreateDomainUnitCommand(input));
    const again = await dz.send(new CreateDomainUnitCommand(input));
    expect(again.id).toBe(first.id);
    const units = await dz.send(
      new ListDomainUnitsForParentCommand({
        domainIdentifier: domain.id,
        parentDomainUnitIdentifier: domain.rootDomainUnitId,
      }),
    );
    expect(units.items?.map((u) => u.name)).toEqual(['unit']);
  });

  it('a create retried by the SDK after commit-then-fail answers the committed domain', async () => {
    const control = emu.emulator.control;
    control.resetStats();
    control.setFaults([{ operation: 'CreateDomain', commitThenFailPct: 100, count: 1 }]);
    try {
      // maxAttempts 3: the first attempt commits then answers 500, the retry carries the same token.
      const dz = emu.dataZone({ maxAttempts: 3 });
      const out = await dz.send(
        new CreateDomainCommand({
          name: 'retried',
          domainExecutionRole: EXECUTION_ROLE,
          domainVersion: 'V2',
        }),
      );
      const all = await allPages((nextToken) => dz.send(new ListDomainsCommand({ nextToken })));
      const named = all.items.filter((d) => d.name === 'retried');
      expect(named.map((d) => d.id)).toEqual([out.id]);
      // The first attempt really failed after committing: one 500, then the replayed 201.
      expect(control.stats().operations['datazone.CreateDomain']?.byStatus).toEqual({ 500: 1, 201: 1 });
    } finally {
      control.clearFaults();
    }
  });
});
