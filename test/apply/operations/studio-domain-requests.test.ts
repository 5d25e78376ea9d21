/**
 * The pure request builders of studio domains: CreateDomain from a manifest, the UpdateDomain
 * members that differ (sets compared without order, unremovable members refused), tag changes
 * that never touch `aws:*` / `sagemaker:*` keys, and immutable differences found on adoption.
 */
import { describe, expect, it } from 'vitest';
import {
  createDomainRequest,
  immutableDifferences,
  tagChanges,
  updateDomainMembers,
} from '../../../src/apply/operations/studio-requests.js';
import type { ManifestOf } from '../../../src/model/manifest.js';
import type { NormalStudioDomain } from '../../../src/model/normalized.js';

const base: NormalStudioDomain = {
  authMode: 'IAM',
  vpcId: 'vpc-1',
  subnetIds: ['subnet-1', 'subnet-2'],
  appNetworkAccessType: 'VpcOnly',
  defaultUserSettings: {
    executionRole: 'arn:aws:iam::111122223333:role/R',
    securityGroups: ['sg-1', 'sg-2'],
  },
  tags: { team: 'a' },
};

describe('createDomainRequest', () => {
  it('maps the manifest, defaulting the network access, dropping reserved tags and adding the ownership tag', () => {
    const manifest = {
      apiVersion: 'smus-gitops/v1alpha1',
      kind: 'StudioDomain',
      metadata: { name: 's1' },
      spec: { region: 'us-east-1', authMode: 'SSO', tags: { team: 'a', 'aws:x': 'b', 'sagemaker:y': 'c' } },
    } as unknown as ManifestOf<'StudioDomain'>;
    expect(createDomainRequest(manifest)).toEqual({
      DomainName: 's1',
      AuthMode: 'SSO',
      DefaultUserSettings: {},
      SubnetIds: undefined,
      VpcId: undefined,
      AppNetworkAccessType: 'PublicInternetOnly',
      KmsKeyId: undefined,
      Tags: [
        { Key: 'team', Value: 'a' },
        { Key: 'smus-gitops:managed', Value: 'true' },
      ],
    });
  });
});

describe('updateDomainMembers', () => {
  it('is undefined when only the order of sets differs', () => {
    const live = {
      ...base,
      subnetIds: ['subnet-2', 'subnet-1'],
      defaultUserSettings: { ...base.defaultUserSettings, securityGroups: ['sg-2', 'sg-1'] },
    };
    expect(updateDomainMembers(base, live)).toBeUndefined();
  });

  it('sends only the members that differ', () => {
    expect(updateDomainMembers({ ...base, appNetworkAccessType: 'PublicInternetOnly' }, base)).toEqual({
      AppNetworkAccessType: 'PublicInternetOnly',
    });
    expect(updateDomainMembers({ ...base, subnetIds: ['subnet-3'] }, base)).toEqual({
      SubnetIds: ['subnet-3'],
    });
    expect(
      updateDomainMembers(
        { ...base, defaultUserSettings: { ...base.defaultUserSettings, securityGroups: undefined } },
        base,
      ),
    ).toEqual({
      DefaultUserSettings: { SecurityGroups: [] },
    });
    expect(
      updateDomainMembers(
        {
          ...base,
          defaultUserSettings: { ...base.defaultUserSettings, executionRole: 'arn:aws:iam::1:role/S' },
        },
        base,
      ),
    ).toEqual({
      DefaultUserSettings: { ExecutionRole: 'arn:aws:iam::1:role/S' },
    });
  });

  it('refuses to remove all subnets or the execution role', () => {
    expect(() => updateDomainMembers({ ...base, subnetIds: undefined }, base)).toThrow(/subnets/);
    expect(() =>
      updateDomainMembers({ ...base, defaultUserSettings: { securityGroups: ['sg-1', 'sg-2'] } }, base),
    ).toThrow(/execution role/);
  });
});

describe('tagChanges', () => {
  it('adds new and changed values, removes undeclared keys, ignores reserved keys', () => {
    expect(
      tagChanges(
        { a: '1', b: '3', 'aws:z': 'q' },
        { a: '1', b: '2', c: '4', 'sagemaker:domain-arn': 'arn', 'AWS:k': 'v' },
      ),
    ).toEqual({ add: [{ Key: 'b', Value: '3' }], remove: ['c'] });
    expect(tagChanges(undefined, undefined)).toEqual({ add: [], remove: [] });
  });
});

describe('immutableDifferences', () => {
  it('names the immutable members that differ', () => {
    expect(immutableDifferences(base, base)).toEqual([]);
    expect(immutableDifferences({ ...base, authMode: 'SSO', kmsKeyId: 'k' }, base)).toEqual([
      'authMode',
      'kmsKeyId',
    ]);
  });
});
