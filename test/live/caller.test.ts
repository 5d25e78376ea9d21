/** The caller's principal: an assumed-role session maps to its role; other ARNs are kept. */
import { describe, expect, test } from 'vitest';
import { principalArnOf } from '../../src/live/caller.js';
import { accessOf } from '../../src/live/account-associations.js';

describe('principalArnOf', () => {
  test.each([
    ['arn:aws:sts::111122223333:assumed-role/Deployer/session-1', 'arn:aws:iam::111122223333:role/Deployer'],
    ['arn:aws-us-gov:sts::111122223333:assumed-role/R/s', 'arn:aws-us-gov:iam::111122223333:role/R'],
    ['arn:aws:iam::111122223333:user/emulator', 'arn:aws:iam::111122223333:user/emulator'],
    ['arn:aws:iam::111122223333:root', 'arn:aws:iam::111122223333:root'],
  ])('%s → %s', (arn, principal) => {
    expect(principalArnOf(arn)).toBe(principal);
  });
});

describe('accessOf (association permission → access)', () => {
  test.each([
    [
      'arn:aws:ram::aws:permission/AWSRAMPermissionsAmazonDatazoneDomainExtendedServiceWithPortalAccess',
      'portal',
    ],
    ['arn:aws:ram::aws:permission/AWSRAMPermissionAmazonDataZoneDomainFullAccessWithPortalAccess', 'portal'],
    ['arn:aws:ram::aws:permission/AWSRAMPermissionsAmazonDatazoneDomainExtendedServiceAccess', 'api'],
    ['arn:aws:ram::aws:permission/AWSRAMDefaultPermissionAmazonDataZoneDomain', 'api'],
  ])('%s → %s', (arn, access) => {
    expect(accessOf(arn)).toBe(access);
  });
});
