/**
 * Opt-in measurement of where the suite's time goes (issue 18): with SMUS_TEST_CPU_LOG=<file> set,
 * vitest.config.ts runs this before each test file, and it appends `<cpu ms> <wall ms> <timer ms>
 * <path>` to that file: the file's CPU time in its worker (user + system; the in-process emulator
 * included, child processes not), its wall time, and the sum of the delays of the setTimeout timers that
 * fired while it ran (the real waiting the tool and the tests asked for, the SDK's own timers and
 * fetch's keep-alive timers left out; overlapping waits count each).
 * CPU and timer time are load-robust where wall time is not: on a shared 2-core machine they tell
 * what a file costs and what it waits for, wall time mostly how busy the machine was.
 */
import { appendFileSync } from 'node:fs';
import { afterAll, expect } from 'vitest';

const TIMERS = Symbol.for('smus-gitops.cpu-probe.timers');
type Counted = typeof setTimeout & { [TIMERS]?: { ms: number } };

// One wrapper per worker (files share it: isolate is false), counting into a shared total.
const current = globalThis.setTimeout as Counted;
const counter = current[TIMERS] ?? { ms: 0 };
if (!current[TIMERS]) {
  const original = globalThis.setTimeout;
  const counted = ((handler: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
    // Counted when it fires: a cleared timer (a request timeout that did not strike) waited for nothing.
    // The SDK's own timers (its deferred socket listeners fire after 1 s of every request's life,
    // waiting for nothing) and fetch's (undici's keep-alive and header timeouts of idle sockets,
    // 4-6 s after the GitHub tests' last request) are not the tool's or the tests' waits: left out
    // by their origin.
    const asked = typeof delay === 'number' && delay > 0 ? delay : 0;
    const stack = asked > 0 ? (new Error().stack ?? '') : '';
    const ms = stack.includes('node_modules/@smithy') || stack.includes('deps/undici') ? 0 : asked;
    return original(
      (...a: unknown[]) => {
        counter.ms += ms;
        handler(...a);
      },
      delay,
      ...args,
    );
  }) as unknown as Counted;
  counted[TIMERS] = counter;
  Object.assign(counted, original);
  globalThis.setTimeout = counted;
}

// Taken when vitest runs this setup file, before it imports the test file: the import counts too.
const cpu = process.cpuUsage();
const wall = performance.now();
const timers = counter.ms;
afterAll(() => {
  const used = process.cpuUsage(cpu);
  const file = expect.getState().testPath ?? 'unknown';
  const ms = (n: number) => Math.round(n);
  const line = `${ms((used.user + used.system) / 1000)} ${ms(performance.now() - wall)} ${ms(counter.ms - timers)} ${file}\n`;
  appendFileSync(process.env.SMUS_TEST_CPU_LOG ?? 'smus-test-cpu.log', line);
});
