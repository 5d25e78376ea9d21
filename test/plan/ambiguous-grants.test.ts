/**
 * Issue 15 acceptance: live grants that share a natural key but differ in detail are refused as
 * one ambiguous identity, located at the principal of the grant's document, naming the fields
 * they differ in sorted, whatever order the grants were listed in (the plan is deterministic).
 */
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

const MANIFESTS = `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata: { name: corp-data }
spec:
  region: us-east-1
  account: "111122223333"
  executionRole: arn:aws:iam::111122223333:role/Exec
---
apiVersion: smus-gitops/v1alpha1
kind: PolicyGrant
metadata: { name: hr-creates-projects, domain: corp-data }
spec:
  policy: CREATE_PROJECT_FROM_PROJECT_PROFILE
  principal: { group: hr-analysts }
  projectProfiles: [Corporate HR]
`;

const NAME = '(root) CREATE_PROJECT_FROM_PROJECT_PROFILE group:hr-analysts';

function grant(id: string, children: boolean, profiles: string[]): LiveResource {
  const address: Address = { kind: 'PolicyGrant', domain: 'corp-data', name: NAME };
  const key = identityKey(address);
  return {
    address,
    key,
    id,
    normal: {
      policy: 'CREATE_PROJECT_FROM_PROJECT_PROFILE',
      principal: { group: 'hr-analysts' },
      includeChildDomainUnits: children,
      projectProfiles: profiles,
    },
    meta: {},
    fingerprint: { key, id, hash: id },
  };
}

async function refusals(resources: LiveResource[]) {
  const loaded = await loadForTest(MANIFESTS);
  const observation: Observation = { resources, complete: true, failures: [], caller };
  const plan = buildPlan({ documents: loaded.documents, observation, deferred: loaded.deferred, digest });
  // The profile is not declared here (an unresolved reference as well): only the ambiguity matters.
  return plan.refused
    .filter((r) => r.reason === 'ambiguous')
    .map((r) => ({ ...r, location: r.location?.replace(/^.*\//, '') }));
}

describe('ambiguous policy grants', () => {
  it('are one refusal at the principal line naming the differing fields, sorted, in any listing order', async () => {
    const grants = [
      grant('g1', false, ['Corporate HR']),
      grant('g2', true, ['Corporate HR']),
      grant('g3', false, ['Corporate HR', 'Sandbox']),
    ];
    const expected = [
      {
        address: { kind: 'PolicyGrant', domain: 'corp-data', name: NAME },
        reason: 'ambiguous',
        detail: `3 live grants are PolicyGrant/${NAME} (one natural key): they differ in /includeChildDomainUnits, /projectProfiles; none is touched, since removing any changes who may do what. Remove the one not wanted by hand (RemovePolicyGrant), then plan again`,
        location: 'manifests.yaml:14:3',
      },
    ];
    expect(await refusals(grants)).toEqual(expected);
    expect(await refusals([...grants].reverse())).toEqual(expected);
  });

  it('says so when a grant could not be read, rather than naming no field', async () => {
    const unread = { ...grant('g2', true, []), normal: undefined };
    const [refusal] = await refusals([grant('g1', false, ['Corporate HR']), unread]);
    expect(refusal?.detail).toBe(
      `2 live grants are PolicyGrant/${NAME} (one natural key): their details could not all be read, so they cannot be told apart; none is touched, since removing any changes who may do what. Remove the one not wanted by hand (RemovePolicyGrant), then plan again`,
    );
  });
});
