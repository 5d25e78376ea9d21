/** The per-share lock: holders of one key take turns; overlapping key sets cannot deadlock. */
import { describe, expect, it } from 'vitest';
import { shareLockKey, withShareLocks } from '../../../src/apply/operations/ram-share-lock.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('withShareLocks', () => {
  it('runs holders of one key one at a time, in arrival order', async () => {
    const order: string[] = [];
    const gate = deferred();
    const first = withShareLocks(['k'], async () => {
      order.push('first:start');
      await gate.promise;
      order.push('first:end');
    });
    const second = withShareLocks(['k'], async () => {
      order.push('second');
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(order).toEqual(['first:start']);
    gate.resolve();
    await Promise.all([first, second]);
    expect(order).toEqual(['first:start', 'first:end', 'second']);
  });

  it('lets different keys run together and releases the lock when the work fails', async () => {
    const gate = deferred();
    const slow = withShareLocks(['a'], () => gate.promise);
    await expect(withShareLocks(['b'], async () => 'b')).resolves.toBe('b');
    gate.resolve();
    await slow;
    await expect(withShareLocks(['a'], () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(withShareLocks(['a'], async () => 'again')).resolves.toBe('again');
  });

  it('takes overlapping key sets in one order, so opposite orders do not deadlock', async () => {
    const results = await Promise.all([
      withShareLocks(['x', 'y'], async () => 1),
      withShareLocks(['y', 'x'], async () => 2),
    ]);
    expect(results).toEqual([1, 2]);
    expect(shareLockKey('arn', 'api')).not.toBe(shareLockKey('arn', 'portal'));
  });
});
