/** The ownership rules of DESIGN §4 on small hand-built states. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LiveResource, Observation } from '../../src/live/types.js';
import { identityKey, type Address } from '../../src/model/identity.js';
import { buildPlan } from '../../src/plan/planner.js';
import { loadForTest } from '../helpers/apply.js';

const digest = (t: string) => createHash('sha256').update(t).digest('hex');
const caller = {
  account: '111122223333',
  arn: 'arn:aws:iam::111122223333:user/ci',
  principalArn: 'arn:aws:iam::111122223333:user/ci',
};

const DOMAIN = (reconcile: string) => `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata: { name: corp-data }
spec:
  region: us-east-1
  account: "111122223333"
  executionRole: arn:aws:iam::111122223333:role/Exec
  reconcile: ${reconcile}
`;

function pool(name: string, id = `id-${name}`): LiveResource {
  const address: Address = { kind: 'AccountPool', domain: 'corp-data', name };
  const key = identityKey(address);
  return {
    address,
    key,
    id,
    normal: { resolutionStrategy: 'MANUAL', accounts: [{ id: '444455556666', regions: ['us-east-1'] }] },
    meta: {},
    fingerprint: { key, id, hash: 'h' },
  };
}

function obs(resources: LiveResource[], complete = true): Observation {
  return {
    resources,
    complete,
    failures: complete ? [] : [{ operation: 'ListProjects', scope: 'corp-data', message: 'boom' }],
    caller,
  };
}

/** The plan, with the (always created) domain left out of `changes` to keep assertions on the subject. */
async function plan(yaml: string, observation: Observation) {
  const loaded = await loadForTest(yaml);
  const p = buildPlan({ documents: loaded.documents, observation, deferred: loaded.deferred, digest });
  return { ...p, changes: p.changes.filter((c) => c.address.kind !== 'Domain') };
}

describe('ownership and deletion safety', () => {
  it('reports undeclared resources of an unpruned kind as unmanaged', async () => {
    const p = await plan(DOMAIN('{ prune: [] }'), obs([pool('legacy')]));
    expect(p.changes.map((c) => [c.address.name, c.action, c.reason])).toEqual([
      ['legacy', 'unmanaged', 'not-declared'],
    ]);
    expect(p.refused).toEqual([]);
  });

  it('deletes undeclared resources of a pruned kind', async () => {
    const p = await plan(DOMAIN('{ prune: [AccountPool] }'), obs([pool('legacy')]));
    expect(p.changes.map((c) => [c.address.name, c.action, c.reason])).toEqual([
      ['legacy', 'delete', 'prune'],
    ]);
  });

  it('refuses to delete what reconcile.protect names, even without a manifest', async () => {
    const p = await plan(
      DOMAIN('{ prune: [AccountPool], protect: ["AccountPool/leg*"] }'),
      obs([pool('legacy')]),
    );
    expect(p.refused.map((r) => [r.address.name, r.reason])).toEqual([['legacy', 'protected']]);
  });

  it('refuses more deletes than maxDeletes, listing each', async () => {
    const p = await plan(DOMAIN('{ prune: [AccountPool], maxDeletes: 1 }'), obs([pool('a'), pool('b')]));
    expect(p.refused.map((r) => [r.address.name, r.reason])).toEqual([
      ['a', 'max-deletes'],
      ['b', 'max-deletes'],
    ]);
  });

  it('plans no delete after an incomplete observation', async () => {
    const p = await plan(DOMAIN('{ prune: [AccountPool] }'), obs([pool('legacy')], false));
    expect(p.changes.map((c) => c.action)).toEqual(['unmanaged']);
  });

  it('reports two live resources with one identity as ambiguous and touches neither', async () => {
    const p = await plan(
      DOMAIN('{ prune: [AccountPool] }'),
      obs([pool('twin', 'id-1'), pool('twin', 'id-2')]),
    );
    expect(p.changes.map((c) => [c.id, c.action])).toEqual([
      ['id-1', 'noop'],
      ['id-2', 'noop'],
    ]);
    expect(p.refused.map((r) => r.reason)).toEqual(['ambiguous', 'ambiguous']);
  });

  it('refuses a protected tombstone and a protected replace', async () => {
    const yaml = `${DOMAIN('{}')}---
apiVersion: smus-gitops/v1alpha1
kind: AccountPool
metadata: { name: legacy, domain: corp-data }
lifecycle: { protect: true, ensure: absent }
spec: { accounts: [{ id: "444455556666", regions: [us-east-1] }] }
`;
    const loaded = await loadForTest(yaml).catch((e: Error) => e);
    // protect with ensure: absent is a validation error (SG309), so such a plan can never be made.
    expect(String(loaded)).toContain('SG309');
  });

  it('refuses a plan whose deferred reference does not exist live', async () => {
    const yaml = `${DOMAIN('{}')}---
apiVersion: smus-gitops/v1alpha1
kind: Project
metadata: { name: p1, domain: corp-data }
spec: { profile: Console Made }
`;
    const p = await plan(yaml, obs([]));
    expect(p.refused.map((r) => [r.address.kind, r.address.name, r.reason])).toEqual([
      ['ProjectProfile', 'Console Made', 'unresolved-reference'],
    ]);
  });
});
