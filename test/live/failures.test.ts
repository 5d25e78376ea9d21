/**
 * How readLive behaves when the live side misbehaves: a failing list makes the observation
 * incomplete (recorded, never thrown) while the rest is still read; a resource that answers
 * not-found (or DataZone's 403 "not permitted") right after being listed is asked again, and a
 * second not-found is an inconsistent read (a failure), never "absent";
 * a failing Get leaves the resource unread and marked; missing and ambiguous domains.
 */
import { CreateResourceShareCommand } from '@aws-sdk/client-ram';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { ClientFactory } from '../../src/aws/clients.js';
import { readLive } from '../../src/live/read-live.js';
import { withEmulator } from '../helpers/emulator.js';
import * as org from './org.js';
import { createDomain, factoryFor, fullScope, LIVE_EMULATOR_OPTIONS, seedOrg, virtualTime } from './seed.js';

const emu = withEmulator(LIVE_EMULATOR_OPTIONS);
let clients: ClientFactory;

beforeAll(async () => {
  await seedOrg(emu);
  clients = factoryFor(emu);
});

afterEach(() => {
  emu.emulator.control.clearFaults();
  emu.emulator.control.setBehaviour({ notFoundAsAccessDenied: false, readAfterCreateMisses: 0 });
});

afterAll(() => clients.destroy());

const keysOf = (resources: { key: string }[]) => resources.map((r) => r.key);

describe('readLive when calls fail', () => {
  test('a list failing after retries: incomplete, one failure recorded, everything else still read', async () => {
    emu.emulator.control.setFaults([{ operation: 'ListProjects', error500Pct: 100 }]);
    const observation = await readLive(fullScope(), { clients, ...virtualTime() });
    expect(observation.complete).toBe(false);
    expect(observation.failures).toEqual([
      {
        operation: 'ListProjects',
        scope: 'domain corp',
        message: expect.stringMatching(/^InternalServerException/),
      },
    ]);
    const keys = keysOf(observation.resources);
    expect(keys.filter((k) => k.startsWith('Project/'))).toEqual([]);
    expect(keys).toContain('ProjectProfile/corp/Data Engineer');
    expect(keys).toContain('StudioDomain/us-east-1/studio-a');
    expect(keys).toHaveLength(13);
  });

  test('a Get answering not-found for a listed resource, twice: an inconsistent read, never "absent"', async () => {
    emu.emulator.control.setFaults([{ operation: 'GetAccountPool', notFoundPct: 100 }]);
    emu.emulator.control.resetStats();
    const observation = await readLive(fullScope(), { clients, ...virtualTime() });
    expect(observation.complete).toBe(false);
    expect(observation.failures).toEqual(
      ['pool-a', 'pool-b'].map((pool) => ({
        operation: 'GetAccountPool',
        scope: `domain corp pool ${pool}`,
        message: 'listed, but its Get answered not-found twice: the read is inconsistent',
      })),
    );
    // Each pool asked once more before giving up.
    expect(emu.emulator.control.stats().operations['datazone.GetAccountPool']?.count).toBe(4);
  });

  test('403 "not permitted" once for a domain that was just listed: asked again, and found (reference §3)', async () => {
    emu.emulator.control.setBehaviour({ notFoundAsAccessDenied: true, readAfterCreateMisses: 1 });
    const first = await readLive(fullScope(), { clients, ...virtualTime() });
    expect(first.complete).toBe(true);
    expect(keysOf(first.resources)).toContain('Domain/corp');
  });

  test('transient failures (5xx, throttling, resets) are retried: the read completes', async () => {
    emu.emulator.control.setFaults([
      { operation: 'GetProject', error500Pct: 100, count: 2 },
      { operation: 'ListProjects', throttlePct: 100, count: 2 },
      { operation: 'ListAccountPools', resetPct: 100, count: 1 },
    ]);
    emu.emulator.control.resetStats();
    const observation = await readLive(fullScope(), { clients, ...virtualTime() });
    expect(observation.failures).toEqual([]);
    expect(observation.complete).toBe(true);
    const calls = emu.emulator.control.stats().operations;
    // Two projects: one Get each, plus the two failed tries.
    expect(calls['datazone.GetProject']?.count).toBe(4);
    expect(calls['datazone.ListProjects']?.count).toBe(3);
    expect(calls['datazone.ListAccountPools']?.count).toBe(2);
  });

  test('a transient failure that outlasts the retries is a failure like any other', async () => {
    // Two projects × three tries each, every one answered 500.
    emu.emulator.control.setFaults([{ operation: 'GetProject', error500Pct: 100, count: 6 }]);
    const observation = await readLive(fullScope(), { clients, maxRetries: 2, ...virtualTime() });
    expect(observation.complete).toBe(false);
    expect(observation.failures.map((f) => f.operation)).toEqual(['GetProject', 'GetProject']);
  });

  test('a Get failing otherwise: the resource stays, unread and marked, and the read is incomplete', async () => {
    emu.emulator.control.setFaults([{ operation: 'GetProject', error500Pct: 100, count: 1 }]);
    const observation = await readLive(fullScope(), { clients, maxRetries: 0, ...virtualTime() });
    expect(observation.complete).toBe(false);
    expect(observation.failures).toEqual([
      {
        operation: 'GetProject',
        scope: expect.stringMatching(/^domain corp project /),
        message: expect.any(String),
      },
    ]);
    const projects = observation.resources.filter((r) => r.address.kind === 'Project');
    expect(projects).toHaveLength(2);
    const unread = projects.filter((p) => p.normal === undefined);
    expect(unread).toHaveLength(1);
    expect(unread[0]?.meta.readFailed).toBe('GetProject');
  });

  test('a failing member lookup leaves the project unread rather than reporting a wrong member list', async () => {
    emu.emulator.control.setFaults([{ operation: 'GetGroupProfile', error500Pct: 100 }]);
    const observation = await readLive(fullScope(), { clients, ...virtualTime() });
    const analytics = observation.resources.find((r) => r.key === 'Project/corp/analytics');
    expect(analytics?.normal).toBeUndefined();
    expect(analytics?.meta.readFailed).toBe('ListProjectMemberships');
    expect(observation.resources.find((r) => r.key === 'Project/corp/sandbox')?.normal).toBeDefined();
    expect(observation.complete).toBe(false);
  });

  test('events report failures and not-found answers', async () => {
    emu.emulator.control.setFaults([
      { operation: 'ListAccountPools', error500Pct: 100 },
      { operation: 'GetProjectProfile', notFoundPct: 100 },
    ]);
    const events: { code: string; operation: string }[] = [];
    await readLive(fullScope(), { clients, log: (e) => events.push(e), ...virtualTime() });
    expect(events).toContainEqual(
      expect.objectContaining({ code: 'live.failure', operation: 'ListAccountPools' }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ code: 'live.gone', operation: 'GetProjectProfile' }),
    );
  });
});

describe("readLive and the caller's own Studio domains", () => {
  test("a failed list (started beside STS, before the account is known) is recorded once, under the caller's account", async () => {
    emu.emulator.control.setFaults([{ operation: 'ListDomains', service: 'sagemaker', notFoundPct: 100 }]);
    const observation = await readLive(
      {
        domains: [],
        accounts: [],
        studioDomains: [{ region: 'us-east-1', names: ['studio-a'], prune: false }],
      },
      { clients, ...virtualTime() },
    );
    expect(observation.complete).toBe(false);
    expect(observation.failures).toEqual([
      {
        operation: 'ListDomains',
        scope: `studio domains in account ${org.HOME} region us-east-1`,
        message: expect.any(String),
      },
    ]);
  });
});

describe('readLive and domains', () => {
  test('a domain in scope that does not exist: no resources, complete', async () => {
    const observation = await readLive(
      {
        domains: [{ name: 'nowhere', region: 'us-east-1', wanted: {}, allKinds: ['Project'] }],
        accounts: [],
        studioDomains: [],
      },
      { clients, ...virtualTime() },
    );
    expect(observation).toMatchObject({ resources: [], complete: true, failures: [] });
    expect(observation.caller.account).toBe(org.HOME);
  });

  test('an associated account that is not associated yet is skipped, not failed', async () => {
    const scope = fullScope();
    scope.accounts.push({
      domain: 'corp',
      account: '777788889999',
      roleArn: 'arn:aws:iam::777788889999:role/SmusGitOpsDeployer',
    });
    const observation = await readLive(scope, { clients, ...virtualTime() });
    expect(observation.complete).toBe(true);
    expect(keysOf(observation.resources).filter((k) => k.includes('777788889999'))).toEqual([]);
  });

  test('two live domains of one name (one shared from another account): both emitted, contents not read', async () => {
    await createDomain(emu.dataZone(), { ...org.domain, metadata: { name: 'dup' } });
    const other = await emu.asAccount(org.OTHER);
    const foreign = await createDomain(other.dataZone(), {
      ...org.domain,
      metadata: { name: 'dup' },
      spec: { ...org.domain.spec, kmsKey: undefined, executionRole: `arn:aws:iam::${org.OTHER}:role/Exec` },
    });
    await other.ram().send(
      new CreateResourceShareCommand({
        name: 'DataZone-dup',
        resourceArns: [foreign.arn ?? ''],
        principals: [org.HOME],
      }),
    );
    const observation = await readLive(
      {
        domains: [{ name: 'dup', region: 'us-east-1', wanted: {}, allKinds: ['DomainUnit'] }],
        accounts: [],
        studioDomains: [],
      },
      { clients, ...virtualTime() },
    );
    expect(keysOf(observation.resources)).toEqual(['Domain/dup', 'Domain/dup']);
    expect(observation.resources.map((r) => r.meta.accountId).sort()).toEqual([org.HOME, org.OTHER]);
    expect(observation.complete).toBe(false);
    expect(observation.failures).toEqual([
      {
        operation: 'ListDomains',
        scope: 'domain dup',
        message: '2 live domains are named dup; their contents were not read',
      },
      // Only its owner may read a domain's tags.
      {
        operation: 'ListTagsForResource',
        scope: `domain dup (${foreign.id ?? ''})`,
        message: expect.any(String),
      },
    ]);
    const shared = observation.resources.find((r) => r.meta.accountId === org.OTHER);
    expect(shared?.normal).toBeUndefined();
    expect(shared?.meta.readFailed).toBe('ListTagsForResource');
  });

  test('the caller acting through an assumed role reports the role as its principal', async () => {
    const assumed = clients.assumed(org.OTHER_ROLE, 'us-east-1');
    const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
    const identity = await assumed.sts.send(new GetCallerIdentityCommand({}));
    const { principalArnOf } = await import('../../src/live/caller.js');
    expect(identity.Arn).toMatch(/:assumed-role\/SmusGitOpsDeployer\//);
    expect(principalArnOf(identity.Arn ?? '')).toBe(org.OTHER_ROLE);
  });
});
