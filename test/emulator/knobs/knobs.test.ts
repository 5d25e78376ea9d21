/**
 * Every wire-layer knob through the real SDK: latency, TPS limits, each fault kind (throttle, 500,
 * connection reset, hang, commit-then-fail, not-found, count), counters and request events.
 * No timing assertions: latency is checked by the order in which answers arrive.
 */
import { describe, expect, it } from 'vitest';
import { CreateProjectCommand, GetDomainCommand } from '@aws-sdk/client-datazone';
import { DescribeDomainCommand } from '@aws-sdk/client-sagemaker';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startTestEmulator, withEmulator } from '../../helpers/emulator.js';
import { FAKES } from '../fake-services.js';
import type { RequestEvent } from '../../../src/emulator/server.js';

type SdkError = Error & { $metadata: { httpStatusCode?: number } };

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    const e = error as SdkError;
    return `${e.name} ${e.$metadata?.httpStatusCode ?? '-'}`;
  }
}

const getDomain = () => new GetDomainCommand({ identifier: 'dzd_abc123' });

describe('faults', () => {
  const emu = withEmulator({ serviceFactories: FAKES });

  it('throttlePct answers the protocol throttling error (429 restJson, 400 awsJson)', async () => {
    emu.emulator.control.setFaults([{ operation: '*', throttlePct: 100 }]);
    expect(await outcome(emu.dataZone().send(getDomain()))).toBe('ThrottlingException 429');
    expect(await outcome(emu.sageMaker().send(new DescribeDomainCommand({ DomainId: 'd-abc' })))).toBe(
      'ThrottlingException 400',
    );
    emu.emulator.control.clearFaults();
    expect(await outcome(emu.dataZone().send(getDomain()))).toBe('ok');
  });

  it('error500Pct answers 500 without running the handler; count limits it to N requests', async () => {
    emu.emulator.control.setFaults([
      { operation: 'GetDomain', service: 'datazone', error500Pct: 100, count: 2 },
    ]);
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await outcome(emu.dataZone().send(getDomain())));
    expect(results).toEqual(['InternalServerException 500', 'InternalServerException 500', 'ok']);
    expect(emu.emulator.control.faults()).toEqual([]);
  });

  it('notFoundPct answers the service not-found error', async () => {
    emu.emulator.control.setFaults([{ operation: 'GetDomain', notFoundPct: 100, count: 1 }]);
    expect(await outcome(emu.dataZone().send(getDomain()))).toBe('ResourceNotFoundException 404');
  });

  it('resetPct destroys the connection without an answer', async () => {
    emu.emulator.control.setFaults([{ operation: 'GetDomain', resetPct: 100, count: 1 }]);
    const result = await outcome(emu.dataZone().send(getDomain()));
    expect(result).not.toBe('ok');
    expect(result).toMatch(/-$/); // no HTTP status: the socket was closed
    expect(emu.emulator.control.stats().operations['datazone.GetDomain']?.byStatus['0']).toBe(1);
  });

  it('hangMs delays the answer past the client timeout', async () => {
    emu.emulator.control.setFaults([{ operation: 'GetDomain', hangMs: 1_000, count: 1 }]);
    const client = emu.dataZone({ requestHandler: { requestTimeout: 100, throwOnRequestTimeout: true } });
    expect(await outcome(client.send(getDomain()))).toMatch(/TimeoutError/);
  });

  it('commitThenFailPct keeps the effect and answers 500', async () => {
    emu.emulator.control.setFaults([{ operation: 'CreateProject', commitThenFailPct: 100, count: 1 }]);
    const result = await outcome(
      emu.dataZone().send(new CreateProjectCommand({ domainIdentifier: 'dzd_abc123', name: 'kept' })),
    );
    expect(result).toBe('InternalServerException 500');
    expect((emu.emulator.world.services.datazone as { created: string[] }).created).toContain('kept');
  });
});

describe('rate limits', () => {
  it('throttles beyond the TPS of an operation with 429 ThrottlingException, per operation', async () => {
    // 0.001 TPS: one token, then none for 1000 s — deterministic without timing.
    const emu = await startTestEmulator({ serviceFactories: FAKES, rateLimits: { GetDomain: 0.001 } });
    try {
      expect(await outcome(emu.dataZone().send(getDomain()))).toBe('ok');
      expect(await outcome(emu.dataZone().send(getDomain()))).toBe('ThrottlingException 429');
      // Another operation and another account have their own buckets.
      expect(
        await outcome(
          emu.dataZone().send(new CreateProjectCommand({ domainIdentifier: 'dzd_abc123', name: 'p' })),
        ),
      ).toBe('ok');
      const other = await emu.asAccount('444455556666');
      expect(await outcome(other.dataZone().send(getDomain()))).toBe('ok');
    } finally {
      await emu.close();
    }
  });

  it('documented limits apply the reference TPS and throttle a burst above it', async () => {
    const emu = await startTestEmulator({
      serviceFactories: FAKES,
      rateLimits: 'documented',
      rateLimitScale: 0.001,
    });
    try {
      const results = await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          outcome(
            emu.dataZone().send(new CreateProjectCommand({ domainIdentifier: 'dzd_abc123', name: `p${i}` })),
          ),
        ),
      );
      expect(results.filter((r) => r === 'ok')).toHaveLength(1);
      expect(results.filter((r) => r === 'ThrottlingException 429')).toHaveLength(3);
    } finally {
      await emu.close();
    }
  });
});

describe('latency, counters, events', () => {
  it('applies latency (a slow request answers after a fast one) and counts every request', async () => {
    const emu = await startTestEmulator({ serviceFactories: FAKES, latency: { fixedMs: 0, jitterMs: 0 } });
    const slow = await startTestEmulator({
      serviceFactories: FAKES,
      latency: { fixedMs: 300, jitterMs: 50 },
    });
    try {
      const order: string[] = [];
      const slowEvents: RequestEvent[] = [];
      const offSlow = slow.emulator.control.on('request', (e) => slowEvents.push(e));
      await Promise.all([
        slow
          .dataZone()
          .send(getDomain())
          .then(() => order.push('slow')),
        emu
          .dataZone()
          .send(getDomain())
          .then(() => order.push('fast')),
      ]);
      expect(order).toEqual(['fast', 'slow']);
      offSlow();
      // The drawn latency is on the event (bench/transport.ts subtracts it from round trips).
      expect(slowEvents).toHaveLength(1);
      expect(slowEvents[0]!.waitedMs).toBeGreaterThanOrEqual(300);
      expect(slowEvents[0]!.waitedMs).toBeLessThan(350);

      const events: RequestEvent[] = [];
      const off = emu.emulator.control.on('request', (e) => events.push(e));
      emu.emulator.control.resetStats();
      await emu.dataZone().send(new CreateProjectCommand({ domainIdentifier: 'dzd_abc123', name: 'p' }));
      await outcome(emu.dataZone().send(new GetDomainCommand({ identifier: 'dzd_conflict' })));
      await emu.sts().send(new GetCallerIdentityCommand({}));
      off();
      expect(events).toEqual([
        {
          service: 'datazone',
          operation: 'CreateProject',
          mutating: true,
          status: 201,
          accountId: '111122223333',
          waitedMs: 0,
        },
        {
          service: 'datazone',
          operation: 'GetDomain',
          mutating: false,
          status: 409,
          accountId: '111122223333',
          waitedMs: 0,
        },
        {
          service: 'sts',
          operation: 'GetCallerIdentity',
          mutating: false,
          status: 200,
          accountId: '111122223333',
          waitedMs: 0,
        },
      ]);
      const stats = emu.emulator.control.stats();
      expect(stats).toMatchObject({ total: 3, mutating: 1, byStatus: { '201': 1, '409': 1, '200': 1 } });
      expect(stats.operations['datazone.CreateProject']).toEqual({
        service: 'datazone',
        operation: 'CreateProject',
        mutating: true,
        count: 1,
        byStatus: { '201': 1 },
      });
    } finally {
      await emu.close();
      await slow.close();
    }
  });
});
