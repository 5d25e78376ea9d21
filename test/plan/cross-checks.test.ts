/**
 * Plan-time target checks (src/plan/cross-checks.ts) on small hand-built states, through
 * `buildPlan`: a new project's account must be associated (declared or live) and have its
 * profile's blueprints enabled in the chosen region (declared or live configuration); a pool the
 * manifests cannot see into (Lambda, undeclared) is checked with what was read live; what cannot
 * be known becomes a note, never a refusal.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HANDLER_ACCOUNTS_META } from '../../src/live/account-pools.js';
import type { LiveResource, Observation } from '../../src/live/types.js';
import { identityKey, type Address } from '../../src/model/identity.js';
import { buildPlan } from '../../src/plan/planner.js';
import { loadForTest } from '../helpers/apply.js';

const digest = (t: string) => createHash('sha256').update(t).digest('hex');
const HOME = '111122223333';
const HR = '444455556666';
const caller = {
  account: HOME,
  arn: `arn:aws:iam::${HOME}:user/ci`,
  principalArn: `arn:aws:iam::${HOME}:user/ci`,
};

const DOMAIN = (prune = '[]') => `apiVersion: smus-gitops/v1alpha1
kind: Domain
metadata: { name: corp-data }
spec:
  region: us-east-1
  account: "${HOME}"
  executionRole: arn:aws:iam::${HOME}:role/Exec
  reconcile: { prune: ${prune} }
`;

const doc = (kind: string, name: string, spec: string, extra = '') => `---
apiVersion: smus-gitops/v1alpha1
kind: ${kind}
metadata: { name: "${name}", domain: corp-data }
${extra}spec: ${spec}
`;

const ASSOCIATION = doc(
  'AccountAssociation',
  HR,
  `{ access: portal, assumeRoleArn: "arn:aws:iam::${HR}:role/SmusGitOpsDeployer" }`,
);
const STATIC_POOL = doc(
  'AccountPool',
  'hr-pool',
  `{ accounts: [{ id: "${HR}", regions: [us-east-1, eu-west-1] }] }`,
);
const LAMBDA_POOL = doc(
  'AccountPool',
  'hr-pool',
  `{ customHandler: { lambdaFunctionArn: "arn:aws:lambda:us-east-1:${HOME}:function:accounts" } }`,
);
const PROFILE = (target: string) =>
  doc('ProjectProfile', 'HR', `{ environments: [{ name: Tooling, blueprint: Tooling, target: ${target} }] }`);
const POOL_PROFILE = PROFILE('{ accountPools: [hr-pool] }');
const CONFIG = (regions: string, account = HR) =>
  doc('BlueprintConfiguration', 'Tooling', `{ account: "${account}", enabledRegions: [${regions}] }`);
const PROJECT = (account = HR, region = 'us-east-1') =>
  doc('Project', 'hr-analytics', `{ profile: HR, target: { account: "${account}", region: ${region} } }`);

function live(address: Address, normal: object | undefined, meta: Record<string, string> = {}): LiveResource {
  const key = identityKey(address);
  const id = `id-${key}`;
  return { address, key, id, ...(normal ? { normal } : {}), meta, fingerprint: { key, id, hash: 'h' } };
}
const liveAssociation = (account: string) =>
  live(
    { kind: 'AccountAssociation', domain: 'corp-data', name: account },
    { access: 'portal' },
    { status: 'ASSOCIATED' },
  );
const liveConfig = (account: string, regions: string[], blueprint = 'Tooling') =>
  live(
    { kind: 'BlueprintConfiguration', domain: 'corp-data', name: blueprint, account },
    { enabledRegions: regions },
  );
const livePool = (normal: object, meta: Record<string, string> = {}) =>
  live({ kind: 'AccountPool', domain: 'corp-data', name: 'hr-pool' }, normal, meta);
const LAMBDA = { lambdaFunctionArn: `arn:aws:lambda:us-east-1:${HOME}:function:accounts` };

function obs(resources: LiveResource[], failures: Observation['failures'] = []): Observation {
  return { resources, complete: failures.length === 0, failures, caller };
}

async function plan(yaml: string, observation: Observation = obs([])) {
  const loaded = await loadForTest(yaml);
  return buildPlan({ documents: loaded.documents, observation, deferred: loaded.deferred, digest });
}

const refusals = (p: Awaited<ReturnType<typeof plan>>) =>
  p.refused.map((r) => [r.address.kind, r.address.name, r.reason, r.detail]);
const targetNotes = (p: Awaited<ReturnType<typeof plan>>) => p.notes.filter((n) => n.startsWith('Project/'));

describe('plan-time target checks', () => {
  it('accepts a project whose account and blueprint are declared in the same plan', async () => {
    const p = await plan(
      DOMAIN() + ASSOCIATION + STATIC_POOL + POOL_PROFILE + CONFIG('us-east-1') + PROJECT(),
    );
    expect(p.refused).toEqual([]);
    expect(targetNotes(p)).toEqual([]);
  });

  it('refuses when the declared configuration does not enable the region, naming project, account, region and blueprint', async () => {
    const p = await plan(
      DOMAIN() + ASSOCIATION + STATIC_POOL + POOL_PROFILE + CONFIG('eu-west-1') + PROJECT(),
    );
    expect(refusals(p)).toEqual([
      [
        'Project',
        'hr-analytics',
        'target-not-ready',
        `Project/hr-analytics environment "Tooling" (blueprint Tooling, account ${HR}, region us-east-1): blueprint Tooling is not enabled in account ${HR} region us-east-1 (declared enabledRegions: eu-west-1)`,
      ],
    ]);
  });

  it('lets the declared configuration win over the live one (it is put before the project)', async () => {
    const p = await plan(
      DOMAIN() + ASSOCIATION + STATIC_POOL + POOL_PROFILE + CONFIG('eu-west-1') + PROJECT(),
      obs([liveAssociation(HR), liveConfig(HR, ['us-east-1'])]),
    );
    expect(p.refused.map((r) => r.reason)).toEqual(['target-not-ready']);
  });

  it('accepts an account associated and configured only live (nothing declared about it)', async () => {
    const p = await plan(
      DOMAIN() + STATIC_POOL + POOL_PROFILE + PROJECT(),
      obs([liveAssociation(HR), liveConfig(HR, ['us-east-1'])]),
    );
    expect(p.refused).toEqual([]);
    expect(targetNotes(p)).toEqual([]);
  });

  it('refuses a live configuration without the region', async () => {
    const p = await plan(
      DOMAIN() + ASSOCIATION + STATIC_POOL + POOL_PROFILE + PROJECT(),
      obs([liveAssociation(HR), liveConfig(HR, ['eu-west-1'])]),
    );
    expect(p.refused.map((r) => r.detail)).toEqual([
      expect.stringContaining('(live enabledRegions: eu-west-1)'),
    ]);
  });

  it('refuses a readable account (declared role) that has no configuration at all', async () => {
    const p = await plan(
      DOMAIN() + ASSOCIATION + STATIC_POOL + POOL_PROFILE + PROJECT(),
      obs([liveAssociation(HR)]),
    );
    expect(p.refused.map((r) => r.detail)).toEqual([
      expect.stringContaining('(no BlueprintConfiguration declared or live)'),
    ]);
  });

  it('notes, without refusing, an account whose configurations the tool cannot read', async () => {
    const p = await plan(DOMAIN() + STATIC_POOL + POOL_PROFILE + PROJECT(), obs([liveAssociation(HR)]));
    expect(p.refused).toEqual([]);
    expect(targetNotes(p)).toEqual([
      expect.stringContaining(`cannot read that account's blueprint configurations`),
    ]);
  });

  it('refuses an account that is neither the domain account nor associated', async () => {
    const p = await plan(DOMAIN() + STATIC_POOL + POOL_PROFILE + CONFIG('us-east-1') + PROJECT());
    // The configuration's own validation (SG312 note) defers its association: the plan refuses it
    // too, and the configuration itself, which no declared role lets the tool put.
    expect(p.refused.map((r) => [r.address.kind, r.reason])).toEqual([
      ['AccountAssociation', 'unresolved-reference'],
      ['BlueprintConfiguration', 'unreachable-account'],
      ['Project', 'target-not-ready'],
    ]);
    expect(p.refused[1]?.detail).toContain('no AccountAssociation for it is declared');
    expect(p.refused[2]?.detail).toContain(
      `account ${HR} is neither the domain account nor associated with domain corp-data`,
    );
  });

  it('refuses a live association this plan prunes', async () => {
    const p = await plan(
      DOMAIN('[AccountAssociation]') + STATIC_POOL + POOL_PROFILE + PROJECT(),
      obs([liveAssociation(HR), liveConfig(HR, ['us-east-1'])]),
    );
    expect(p.refused.map((r) => r.detail)).toEqual([
      expect.stringContaining('neither the domain account nor associated'),
    ]);
  });

  it('checks a fixed environment in the domain account against its (readable) configurations', async () => {
    const fixed = PROFILE(`{ account: "${HOME}", region: us-east-1 }`);
    const project = doc('Project', 'hr-analytics', '{ profile: HR }');
    const missing = await plan(DOMAIN() + fixed + project, obs([liveConfig(HOME, ['eu-west-1'])]));
    expect(missing.refused.map((r) => r.detail)).toEqual([
      `Project/hr-analytics environment "Tooling" (blueprint Tooling, account ${HOME}, region us-east-1): blueprint Tooling is not enabled in account ${HOME} region us-east-1 (live enabledRegions: eu-west-1)`,
    ]);
    const present = await plan(DOMAIN() + fixed + project, obs([liveConfig(HOME, ['us-east-1'])]));
    expect(present.refused).toEqual([]);
  });

  it('checks only projects the plan creates or replaces', async () => {
    const existing = live(
      { kind: 'Project', domain: 'corp-data', name: 'hr-analytics' },
      { profile: 'HR', environments: [{ name: 'Tooling', target: { account: HR, region: 'us-east-1' } }] },
    );
    const p = await plan(
      DOMAIN() + ASSOCIATION + STATIC_POOL + POOL_PROFILE + PROJECT(),
      obs([liveAssociation(HR), existing]),
    );
    expect(p.changes.find((c) => c.address.kind === 'Project')?.action).toBe('noop');
    expect(p.refused).toEqual([]);
  });

  describe('custom-handler pools (ListAccountsInAccountPool)', () => {
    const handlerMeta = (accounts: object[]) => ({ [HANDLER_ACCOUNTS_META]: JSON.stringify(accounts) });
    const base = DOMAIN() + ASSOCIATION + LAMBDA_POOL + POOL_PROFILE + CONFIG('us-east-1, eu-west-1');

    it('accepts an account and region the Lambda offers', async () => {
      const pool = livePool(
        { resolutionStrategy: 'MANUAL', customHandler: LAMBDA },
        handlerMeta([{ id: HR, regions: ['us-east-1'] }]),
      );
      const p = await plan(base + PROJECT(), obs([liveAssociation(HR), pool]));
      expect(p.refused).toEqual([]);
      expect(targetNotes(p)).toEqual([]);
    });

    it('refuses a region the Lambda does not offer for the account', async () => {
      const pool = livePool(
        { resolutionStrategy: 'MANUAL', customHandler: LAMBDA },
        handlerMeta([{ id: HR, regions: ['us-east-1'] }]),
      );
      const p = await plan(base + PROJECT(HR, 'eu-west-1'), obs([liveAssociation(HR), pool]));
      expect(p.refused.map((r) => r.detail)).toEqual([
        expect.stringContaining(`account ${HR} in eu-west-1 is not offered by its account pools (hr-pool)`),
      ]);
    });

    it('notes a pool not yet created (its Lambda cannot be asked before apply)', async () => {
      const p = await plan(base + PROJECT(), obs([liveAssociation(HR)]));
      expect(p.refused).toEqual([]);
      expect(targetNotes(p)).toEqual([expect.stringContaining('(resolved by a Lambda) could not be listed')]);
    });

    it('uses an undeclared live pool with a static list', async () => {
      const profileOnly = DOMAIN() + ASSOCIATION + POOL_PROFILE + CONFIG('us-east-1, eu-west-1');
      const pool = livePool({ resolutionStrategy: 'MANUAL', accounts: [{ id: HR, regions: ['us-east-1'] }] });
      const ok = await plan(profileOnly + PROJECT(), obs([liveAssociation(HR), pool]));
      expect(ok.refused).toEqual([]);
      const bad = await plan(profileOnly + PROJECT(HR, 'eu-west-1'), obs([liveAssociation(HR), pool]));
      expect(bad.refused.map((r) => r.reason)).toEqual(['target-not-ready']);
    });
  });

  it('reports findings as notes, not refusals, after an incomplete observation', async () => {
    const failure = { operation: 'ListProjects', scope: 'domain corp-data', message: 'boom' };
    const p = await plan(
      DOMAIN() + ASSOCIATION + STATIC_POOL + POOL_PROFILE + PROJECT(),
      obs([liveAssociation(HR), liveConfig(HR, ['eu-west-1'])], [failure]),
    );
    expect(p.refused).toEqual([]);
    expect(targetNotes(p)).toEqual([expect.stringContaining('(unverified: the live read is incomplete)')]);
  });

  it('treats a failed read of the account as unknown, not as "not enabled"', async () => {
    const failure = {
      operation: 'ListEnvironmentBlueprintConfigurations',
      scope: `domain corp-data account ${HR}`,
      message: 'AccessDenied',
    };
    const p = await plan(
      DOMAIN() + ASSOCIATION + STATIC_POOL + POOL_PROFILE + PROJECT(),
      obs([liveAssociation(HR)], [failure]),
    );
    expect(p.refused).toEqual([]);
    expect(targetNotes(p)).toEqual([
      expect.stringContaining('cannot tell whether blueprint Tooling is enabled'),
    ]);
  });
});
