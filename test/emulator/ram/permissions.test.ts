/** ListPermissions and ListResourceSharePermissions through the real RAM client. */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CreateResourceShareCommand,
  ListPermissionsCommand,
  ListResourceSharePermissionsCommand,
  type RAMClient,
} from '@aws-sdk/client-ram';
import { withEmulator } from '../../helpers/emulator.js';
import { ASSOCIATE_MS, IN_ORG, expectServiceError, ramEmulatorOptions, seedDomain } from './fixtures.js';

const emu = withEmulator(ramEmulatorOptions);
const PREFIX = 'arn:aws:ram::aws:permission/';
let ram: RAMClient;
let domainArn: string;

beforeEach(async () => {
  await emu.emulator.control.reset();
  domainArn = seedDomain(emu.emulator.world, 'dzd_perms0000001');
  ram = emu.ram();
});

describe('ListPermissions', () => {
  it('lists the AWS-managed DataZone domain permissions over pages', async () => {
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await ram.send(new ListPermissionsCommand({ resourceType: 'datazone:Domain', nextToken }));
      for (const p of page.permissions ?? []) {
        expect(p).toMatchObject({
          resourceType: 'datazone:Domain',
          permissionType: 'AWS_MANAGED',
          version: '1',
        });
        expect(p.creationTime).toBeInstanceOf(Date);
        names.push(p.name ?? '');
      }
      nextToken = page.nextToken;
    } while (nextToken);
    expect(names).toEqual([
      'AWSRAMDefaultPermissionAmazonDataZoneDomain',
      'AWSRAMPermissionAmazonDataZoneDomainFullAccessWithPortalAccess',
      'AWSRAMPermissionsAmazonDatazoneDomainExtendedServiceAccess',
      'AWSRAMPermissionsAmazonDatazoneDomainExtendedServiceWithPortalAccess',
    ]);
    const customer = await ram.send(new ListPermissionsCommand({ permissionType: 'CUSTOMER_MANAGED' }));
    expect(customer.permissions).toEqual([]);
  });

  it('refuses an unsupported resource type and a bad token', async () => {
    await expectServiceError(
      ram.send(new ListPermissionsCommand({ resourceType: 'ec2:Subnet' })),
      'InvalidParameterException',
    );
    await expectServiceError(
      ram.send(new ListPermissionsCommand({ nextToken: 'garbage' })),
      'InvalidNextTokenException',
    );
  });
});

describe('ListResourceSharePermissions', () => {
  it('shows the default permission when none was named, and the named one otherwise', async () => {
    const plain = await ram.send(
      new CreateResourceShareCommand({ name: 'DataZone-p1', resourceArns: [domainArn] }),
    );
    const named = await ram.send(
      new CreateResourceShareCommand({
        name: 'DataZone-p2',
        resourceArns: [domainArn],
        principals: [IN_ORG],
        permissionArns: [`${PREFIX}AWSRAMPermissionsAmazonDatazoneDomainExtendedServiceAccess`],
      }),
    );
    const p1 = await ram.send(
      new ListResourceSharePermissionsCommand({ resourceShareArn: plain.resourceShare?.resourceShareArn }),
    );
    expect(p1.permissions?.map((p) => [p.name, p.isResourceTypeDefault])).toEqual([
      ['AWSRAMDefaultPermissionAmazonDataZoneDomain', true],
    ]);
    const p2arn = named.resourceShare?.resourceShareArn;
    const p2 = await ram.send(new ListResourceSharePermissionsCommand({ resourceShareArn: p2arn }));
    expect(p2.permissions?.map((p) => p.arn)).toEqual([
      `${PREFIX}AWSRAMPermissionsAmazonDatazoneDomainExtendedServiceAccess`,
    ]);

    // An associated principal may read the permissions of the share; before that it may not.
    const other = await emu.asAccount(IN_ORG);
    await expectServiceError(
      other.ram().send(new ListResourceSharePermissionsCommand({ resourceShareArn: p2arn })),
      'UnknownResourceException',
    );
    await emu.emulator.control.advanceClock(ASSOCIATE_MS);
    const seen = await other.ram().send(new ListResourceSharePermissionsCommand({ resourceShareArn: p2arn }));
    expect(seen.permissions).toHaveLength(1);
  });

  it('refuses malformed and unknown share ARNs and a bad token', async () => {
    await expectServiceError(
      ram.send(new ListResourceSharePermissionsCommand({ resourceShareArn: 'x' })),
      'MalformedArnException',
    );
    const unknown = 'arn:aws:ram:us-east-1:111122223333:resource-share/00000000-0000-4000-8000-000000000000';
    await expectServiceError(
      ram.send(new ListResourceSharePermissionsCommand({ resourceShareArn: unknown })),
      'UnknownResourceException',
    );
    const share = await ram.send(
      new CreateResourceShareCommand({ name: 'DataZone-p3', resourceArns: [domainArn] }),
    );
    await expectServiceError(
      ram.send(
        new ListResourceSharePermissionsCommand({
          resourceShareArn: share.resourceShare?.resourceShareArn,
          nextToken: 'g',
        }),
      ),
      'InvalidNextTokenException',
    );
  });
});
