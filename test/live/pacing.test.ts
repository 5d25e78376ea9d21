/**
 * ReadPacing: calls are paced per (scope, service operation) at the documented TPS × scale,
 * transient failures are retried with backoff, answers (not-found, validation) are not, and the
 * last failure comes through once the retries are spent. Virtual time: nothing really waits.
 */
import { describe, expect, test } from 'vitest';
import type { AwsClients } from '../../src/aws/clients.js';
import { createLimiter } from '../../src/live/limit.js';
import { ReadPacing, viaDataZone } from '../../src/live/pacing.js';
import { virtualTime } from './seed.js';

function clientsOf(accountKey: string, region = 'us-east-1'): AwsClients {
  // Only the rate scope (account key and region) is used by the pacing.
  return { accountKey, region } as AwsClients;
}

function failure(name: string, status: number): Error {
  return Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });
}

const limit = createLimiter(64);

describe('ReadPacing', () => {
  test('calls of one operation and scope go out at most at its TPS × scale', async () => {
    const time = virtualTime();
    const pacing = new ReadPacing({ ...time, rateScale: 10 });
    const at: number[] = [];
    const home = viaDataZone(clientsOf('home'));
    // ListProjects: documented 8 TPS, × 10.
    await Promise.all(
      Array.from({ length: 41 }, () =>
        pacing.run(home, 'ListProjects', limit, () => Promise.resolve(at.push(time.timing.now()))),
      ),
    );
    expect(at).toHaveLength(41);
    // 40 intervals at 80/s: half a second at least.
    expect(Math.max(...at) - Math.min(...at)).toBeGreaterThanOrEqual(500);
  });

  test('another scope or operation has a budget of its own', async () => {
    const time = virtualTime();
    const pacing = new ReadPacing(time);
    const at: Record<string, number> = {};
    const ops = [
      [viaDataZone(clientsOf('home')), 'ListProjects'],
      [viaDataZone(clientsOf('role:a')), 'ListProjects'],
      [viaDataZone(clientsOf('home', 'eu-west-1')), 'ListProjects'],
      [viaDataZone(clientsOf('home')), 'GetProject'],
    ] as const;
    await Promise.all(
      ops.map(([via, op], i) =>
        pacing.run(via, op, limit, () => Promise.resolve((at[String(i)] = time.timing.now()))),
      ),
    );
    // Each bucket starts with one token: nobody waited.
    expect(Object.values(at)).toEqual([0, 0, 0, 0]);
  });

  test('transient failures are retried until the call succeeds', async () => {
    const pacing = new ReadPacing(virtualTime());
    const answers = [failure('ThrottlingException', 429), failure('InternalServerException', 500)];
    let calls = 0;
    const result = await pacing.run(viaDataZone(clientsOf('home')), 'GetProject', limit, () => {
      calls += 1;
      const next = answers.shift();
      return next ? Promise.reject(next) : Promise.resolve('ok');
    });
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  test('an answer is not retried, and retries end with the last failure', async () => {
    const pacing = new ReadPacing({ ...virtualTime(), maxRetries: 2 });
    let calls = 0;
    const notFound = pacing.run(viaDataZone(clientsOf('home')), 'GetProject', limit, () => {
      calls += 1;
      return Promise.reject(failure('ResourceNotFoundException', 404));
    });
    await expect(notFound).rejects.toThrow('ResourceNotFoundException');
    expect(calls).toBe(1);

    calls = 0;
    const down = pacing.run(viaDataZone(clientsOf('home')), 'GetProject', limit, () => {
      calls += 1;
      return Promise.reject(failure('ServiceUnavailableException', 503));
    });
    await expect(down).rejects.toThrow('ServiceUnavailableException');
    expect(calls).toBe(3);
  });
});
