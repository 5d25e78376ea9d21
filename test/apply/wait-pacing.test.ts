/**
 * Issue 18: apply's waits are paced instead of looking every second. The pause grows with the
 * time waited; a wait of a named kind aims its first look at when earlier ones of the run ended;
 * a caller that just saw the resource busy skips the first look. The clock is virtual (sleeps
 * move it at once), so the looks are counted exactly.
 */
import { describe, expect, test } from 'vitest';
import type { ClientFactory } from '../../src/aws/clients.js';
import { createOperationContext } from '../../src/apply/context.js';
import { RateBudget } from '../../src/aws/rate-budget.js';
import type { IdRegistry, OperationContext } from '../../src/apply/types.js';
import { MAX_PAUSE_MS, WaitPacer } from '../../src/apply/wait-pacing.js';

/** A context on a virtual clock, and the clock. */
function virtualContext(): { ctx: OperationContext; now: () => number } {
  let clock = 0;
  const timing = { now: () => clock, sleep: async (ms: number) => void (clock += ms) };
  const ctx = createOperationContext({
    clients: {} as ClientFactory,
    ids: {} as IdRegistry,
    timing,
    random: () => 0.5,
    budget: new RateBudget(() => 10, timing),
    roleFor: () => undefined,
    domainAccount: () => '111122223333',
    deadline: 24 * 3600_000,
    maxRetries: 0,
    log: () => undefined,
  });
  return { ctx, now: timing.now };
}

/** Waits for something that is done `doneAfterMs` after the wait starts; returns the looks made. */
async function lookCount(
  ctx: OperationContext,
  now: () => number,
  doneAfterMs: number,
  options: { pace?: string; checkFirst?: boolean; timeoutMs?: number } = {},
): Promise<{ looks: number; lateMs: number }> {
  const start = now();
  let looks = 0;
  await ctx.waitFor(
    'it',
    async () => {
      looks++;
      return now() - start >= doneAfterMs ? true : undefined;
    },
    options,
  );
  return { looks, lateMs: now() - start - doneAfterMs };
}

describe('paced waits', () => {
  test('a short wait looks every second, as before', async () => {
    const { ctx, now } = virtualContext();
    expect(await lookCount(ctx, now, 2_000)).toEqual({ looks: 3, lateMs: 0 });
  });

  test('an hour-long wait looks a few dozen times, not 3,600, and sees the end within the longest pause', async () => {
    const { ctx, now } = virtualContext();
    const { looks, lateMs } = await lookCount(ctx, now, 3_600_000, { timeoutMs: 2 * 3_600_000 });
    expect(looks).toBeLessThan(260);
    expect(looks).toBeGreaterThan(200);
    expect(lateMs).toBeLessThanOrEqual(MAX_PAUSE_MS);
  });

  test('a long pause is cut short so that the last look falls on the timeout, then the wait gives up', async () => {
    const { ctx, now } = virtualContext();
    const looks: number[] = [];
    await expect(
      ctx.waitFor('never', async () => void looks.push(now()), { timeoutMs: 100_000 }),
    ).rejects.toThrow('timed out waiting for never after 100s');
    expect(looks.at(-1)).toBe(100_000);
    expect(looks.at(-2)).toBeLessThan(100_000 - 1_000);
  });

  test('a named kind aims its first look at when the earlier wait of the run ended', async () => {
    const { ctx, now } = virtualContext();
    // The first deployment of the run: looks at 1 s, 2 s, 3 s (busy answer, so no look at 0).
    expect(await lookCount(ctx, now, 3_000, { pace: 'deploy', checkFirst: false })).toEqual({
      looks: 3,
      lateMs: 0,
    });
    // The next ones: one look, at 3 s; then a little earlier each time while that still sees it done.
    expect(await lookCount(ctx, now, 3_000, { pace: 'deploy', checkFirst: false })).toEqual({
      looks: 1,
      lateMs: 0,
    });
    const third = await lookCount(ctx, now, 3_000, { pace: 'deploy', checkFirst: false });
    expect(third.looks).toBe(2);
    // Another kind learned nothing from it.
    expect(await lookCount(ctx, now, 3_000, { pace: 'other', checkFirst: false })).toEqual({
      looks: 3,
      lateMs: 0,
    });
  });

  test('the pacer learns the observed end, and aims 10% earlier after a first-look hit', () => {
    const pacer = new WaitPacer();
    const first = pacer.schedule('k');
    expect(first.pause(0)).toBe(1_000);
    first.done(2_000);
    expect(pacer.expectedMs('k')).toBe(2_000);
    const second = pacer.schedule('k');
    expect(second.pause(0)).toBe(2_000);
    second.done(2_000);
    expect(pacer.expectedMs('k')).toBe(1_800);
    const unnamed = pacer.schedule(undefined);
    unnamed.pause(0);
    unnamed.done(5_000);
    expect(pacer.expectedMs('k')).toBe(1_800);
  });
});
