/**
 * One retry layer: the SDK clients the CLI builds make one attempt, so a throttle reaches the
 * tool's retry (which slows the rate budget) instead of being retried unseen by the SDK; and the
 * classification is the SDK's own (@smithy/service-error-classification).
 */
import { ListDomainsCommand } from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { ClientFactory, DEFAULT_CLIENT_SETTINGS } from '../../src/aws/clients.js';
import { isThrottling, isTransient } from '../../src/aws/retry.js';
import { ReadPacing } from '../../src/live/pacing.js';
import { startTestEmulator } from '../helpers/emulator.js';

const sdkError = (name: string, status?: number, extra: object = {}) =>
  Object.assign(new Error(name), {
    name,
    ...(status ? { $metadata: { httpStatusCode: status } } : {}),
    ...extra,
  });

describe('retry classification', () => {
  it('recognises throttling by code, HTTP 429 and the throttling trait', () => {
    expect(isThrottling(sdkError('ThrottlingException', 400))).toBe(true);
    expect(isThrottling(sdkError('TooManyRequestsException'))).toBe(true);
    expect(isThrottling(sdkError('Whatever', 429))).toBe(true);
    expect(isThrottling(sdkError('X', 400, { $retryable: { throttling: true } }))).toBe(true);
    expect(isThrottling(sdkError('ValidationException', 400))).toBe(false);
    expect(isThrottling('a string')).toBe(false);
  });

  it('retries server errors, timeouts and dropped connections, not answers', () => {
    expect(isTransient(sdkError('InternalServerException', 500))).toBe(true);
    expect(isTransient(sdkError('ServiceUnavailable', 503))).toBe(true);
    expect(isTransient(sdkError('TimeoutError'))).toBe(true);
    expect(isTransient(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransient(sdkError('ThrottlingException', 400))).toBe(true);
    for (const answer of ['ValidationException', 'ConflictException', 'ResourceNotFoundException'])
      expect(isTransient(sdkError(answer, 400))).toBe(false);
    expect(isTransient(sdkError('AccessDeniedException', 403))).toBe(false);
    expect(isTransient(null)).toBe(false);
  });
});

describe('one retry layer', () => {
  it('the SDK does not retry a throttle; the tool retries it once and succeeds', async () => {
    const emu = await startTestEmulator();
    const clients = new ClientFactory({
      ...DEFAULT_CLIENT_SETTINGS,
      endpoint: emu.endpoint,
      credentials: emu.credentials,
    });
    try {
      expect(DEFAULT_CLIENT_SETTINGS.maxAttempts).toBe(1);
      const home = clients.home('us-east-1');
      emu.emulator.control.setFaults([{ operation: 'ListDomains', throttlePct: 100, count: 1 }]);
      emu.emulator.control.resetStats();
      // The SDK alone: the throttle comes straight back, after one request.
      const error = await home.dataZone.send(new ListDomainsCommand({})).catch((e: unknown) => e);
      expect(isThrottling(error)).toBe(true);
      expect(emu.emulator.control.stats().operations['datazone.ListDomains']?.count).toBe(1);

      emu.emulator.control.setFaults([{ operation: 'ListDomains', throttlePct: 100, count: 1 }]);
      emu.emulator.control.resetStats();
      const slept: number[] = [];
      const pacing = new ReadPacing({
        rateScale: Infinity,
        random: () => 0.5,
        timing: { now: () => 0, sleep: async (ms) => void slept.push(ms) },
      });
      const out = await pacing.run(
        { clients: home, service: 'datazone' },
        'ListDomains',
        (f) => f(),
        () => home.dataZone.send(new ListDomainsCommand({})),
      );
      expect(out.items).toBeDefined();
      // Two requests in all: the throttled one and the tool's retry (none hidden in the SDK).
      expect(emu.emulator.control.stats().operations['datazone.ListDomains']?.count).toBe(2);
      expect(slept).toEqual([51]);
    } finally {
      clients.destroy();
      await emu.close();
    }
  });
});
