/**
 * The pure parts of Studio-domain ownership: where Studio domains are read (places and the role
 * that reaches each account, by precedence), how Policies merge into one ownership policy, which
 * live domains a prune scope covers, and the caller's own account dropped from addresses.
 */
import { describe, expect, it } from 'vitest';
import { identityKey } from '../../src/model/identity.js';
import type { Manifest } from '../../src/model/manifest.js';
import type { DesiredResource } from '../../src/plan/desired.js';
import { studioPolicy, studioPruned, withCallerAccount } from '../../src/plan/studio-ownership.js';
import { studioPlaces } from '../../src/plan/studio-scope.js';
import type { ValidDocument } from '../../src/validate/schema-validator.js';

const CALLER = '111122223333';
const DEV = '222233334444';

function docs(...manifests: object[]): ValidDocument[] {
  return manifests.map((m) => ({ manifest: m as Manifest, source: {} as ValidDocument['source'] }));
}
const studio = (name: string, spec: object) => ({ kind: 'StudioDomain', metadata: { name }, spec });
const policy = (studioDomains: object) => ({
  kind: 'Policy',
  metadata: { name: 'p' },
  spec: { reconcile: { studioDomains } },
});

describe('studioPlaces', () => {
  it('covers declared Studio domains, Domain regions and prune scopes, with roles by precedence', () => {
    const places = studioPlaces(
      docs(
        studio('a', { region: 'us-east-1' }),
        studio('b', { region: 'us-east-1', account: DEV }),
        studio('c', {
          region: 'eu-west-1',
          account: DEV,
          assumeRoleArn: 'arn:aws:iam::222233334444:role/Own',
        }),
        { kind: 'Domain', metadata: { name: 'corp' }, spec: { region: 'us-west-2' } },
        {
          kind: 'AccountAssociation',
          metadata: { name: DEV, domain: 'corp' },
          spec: { assumeRoleArn: 'arn:aws:iam::222233334444:role/Association' },
        },
        policy({
          prune: [
            { account: DEV, region: 'ap-south-1', assumeRoleArn: 'arn:aws:iam::222233334444:role/Scope' },
          ],
        }),
      ),
    );
    expect(places).toEqual([
      { region: 'us-east-1', names: ['a'], prune: false },
      { region: 'us-west-2', names: [], prune: false },
      {
        account: DEV,
        region: 'ap-south-1',
        names: [],
        prune: true,
        roleArn: 'arn:aws:iam::222233334444:role/Own',
      },
      {
        account: DEV,
        region: 'eu-west-1',
        names: ['c'],
        prune: false,
        roleArn: 'arn:aws:iam::222233334444:role/Own',
      },
      {
        account: DEV,
        region: 'us-east-1',
        names: ['b'],
        prune: false,
        roleArn: 'arn:aws:iam::222233334444:role/Own',
      },
    ]);
  });

  it("falls back to an AccountAssociation's role", () => {
    const places = studioPlaces(
      docs(studio('b', { region: 'us-east-1', account: DEV }), {
        kind: 'AccountAssociation',
        metadata: { name: DEV, domain: 'corp' },
        spec: { assumeRoleArn: 'arn:aws:iam::222233334444:role/Association' },
      }),
    );
    expect(places.map((p) => p.roleArn)).toEqual(['arn:aws:iam::222233334444:role/Association']);
  });
});

describe('studioPolicy and studioPruned', () => {
  it('merges Policies: scopes and globs united, the smallest cap wins, default 5', () => {
    expect(studioPolicy(docs())).toEqual({ prune: [], protect: [], maxDeletes: 5 });
    const merged = studioPolicy(
      docs(
        policy({ prune: [{ region: 'us-east-1' }], protect: ['StudioDomain/a*'], maxDeletes: 3 }),
        policy({
          prune: [{ account: DEV, region: 'us-east-1' }],
          protect: ['StudioDomain/b'],
          maxDeletes: 1,
        }),
      ),
    );
    expect(merged).toEqual({
      prune: [
        { account: undefined, region: 'us-east-1' },
        { account: DEV, region: 'us-east-1' },
      ],
      protect: ['StudioDomain/a*', 'StudioDomain/b'],
      maxDeletes: 1,
    });
  });

  it.each([
    ['caller scope, caller domain', [{ region: 'us-east-1' }], undefined, true],
    ['explicit caller account, caller domain', [{ account: CALLER, region: 'us-east-1' }], undefined, true],
    ['caller scope, another account', [{ region: 'us-east-1' }], DEV, false],
    ['account scope, that account', [{ account: DEV, region: 'us-east-1' }], DEV, true],
    ['other region', [{ region: 'eu-west-1' }], undefined, false],
  ] as const)('%s → %s', (_name, prune, account, expected) => {
    const address = {
      kind: 'StudioDomain' as const,
      name: 'x',
      region: 'us-east-1',
      ...(account ? { account } : {}),
    };
    expect(studioPruned({ prune: [...prune], protect: [], maxDeletes: 5 }, address, CALLER)).toBe(expected);
  });
});

describe('withCallerAccount', () => {
  it("drops the caller's account from declared addresses and re-keys them; keeps others", () => {
    const make = (account: string): DesiredResource => {
      const address = { kind: 'StudioDomain' as const, name: 'x', region: 'us-east-1', account };
      return { address, key: identityKey(address), manifest: {} as Manifest, absent: false, protect: false };
    };
    const [own, other] = withCallerAccount([make(CALLER), make(DEV)], CALLER);
    expect(own?.address).toEqual({ kind: 'StudioDomain', name: 'x', region: 'us-east-1' });
    expect(own?.key).toBe('StudioDomain/us-east-1/x');
    expect(other?.key).toBe(`StudioDomain/us-east-1/x@${DEV}`);
  });
});
