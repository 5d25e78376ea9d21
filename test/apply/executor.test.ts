/**
 * The executor starts, finishes and skips changes exactly as the straightforward algorithm it
 * replaced (re-scan every change for readiness after each finish, start the ready ones in plan
 * order): random dependency graphs, random finishing orders, failures, dependencies outside the
 * work, duplicate dependencies and cycles, driven the same way through both and compared event by
 * event. Also a graph of 20,000 changes, which the old scan made quadratic, runs to the end.
 */
import { describe, expect, it } from 'vitest';
import { executeGraph, isActionable, type ExecutorOptions } from '../../src/apply/executor.js';
import { identityKey } from '../../src/model/identity.js';
import type { Change } from '../../src/plan/types.js';

type Executor = typeof executeGraph;

/** The algorithm before readiness was counted, kept as the oracle. */
const scanningExecutor: Executor = async (changes, run, options) => {
  const work = changes.filter(isActionable);
  const keys = new Set(work.map((c) => identityKey(c.address)));
  const state = new Map<string, string>(work.map((c) => [identityKey(c.address), 'pending']));
  const outcomes = new Map<string, Awaited<ReturnType<Executor>>[number]>();
  let failed = false;
  const running = new Set<Promise<void>>();
  const ready = () =>
    work.filter(
      (c) =>
        state.get(identityKey(c.address)) === 'pending' &&
        c.dependsOn.every((d) => !keys.has(d) || state.get(d) === 'done'),
    );
  const start = (change: Change) => {
    const key = identityKey(change.address);
    state.set(key, 'running');
    options.onEvent({ type: 'start', change });
    const task = run(change).then(
      () => {
        state.set(key, 'done');
        outcomes.set(key, { change, status: 'done', elapsedMs: 0 });
        options.onEvent({ type: 'finish', change, elapsedMs: 0 });
      },
      (error: unknown) => {
        failed = true;
        state.set(key, 'failed');
        outcomes.set(key, { change, status: 'failed', error, elapsedMs: 0 });
        options.onEvent({ type: 'fail', change, elapsedMs: 0, error });
      },
    );
    const tracked = task.finally(() => running.delete(tracked));
    running.add(tracked);
  };
  for (;;) {
    if (!failed && !options.shouldStop?.()) {
      for (const change of ready()) {
        if (running.size >= options.concurrency) break;
        start(change);
      }
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }
  const pending = work.filter((c) => state.get(identityKey(c.address)) === 'pending');
  if (pending.length > 0 && !failed && !options.shouldStop?.())
    throw new Error(`dependency cycle among: ${pending.map((c) => identityKey(c.address)).join(', ')}`);
  for (const change of pending) outcomes.set(identityKey(change.address), { change, status: 'skipped' });
  return work.map((c) => outcomes.get(identityKey(c.address))!);
};

function lcg(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    // The high bits: an LCG modulo a power of two repeats its low bits with a short period.
    return Math.floor((s / 2 ** 31) * n);
  };
}

function change(name: string, dependsOn: string[], action: Change['action'] = 'create'): Change {
  return { address: { kind: 'Domain', name }, action, reason: 'missing', fields: [], dependsOn } as Change;
}

/** A random graph: mostly earlier dependencies, some later ones, some outside the work, a few no-ops. */
function randomGraph(rnd: (n: number) => number, size: number, cycles: boolean): Change[] {
  return Array.from({ length: size }, (_, i) => {
    const deps: string[] = [];
    for (let d = rnd(4); d > 0; d--) {
      const target = cycles || rnd(5) > 0 ? rnd(size) : i > 0 ? rnd(i) : size + 1;
      if (cycles || target < i || target > size) deps.push(`Domain/c${target}`);
    }
    if (deps.length > 0 && rnd(4) === 0) deps.push(deps[0]!);
    return change(`c${i}`, deps, rnd(10) === 0 ? 'noop' : 'create');
  });
}

/** Runs `executor`, finishing one running change at a time in an order drawn from `seed` (some failing). */
async function drive(
  executor: Executor,
  changes: Change[],
  seed: number,
  concurrency: number,
  failing: boolean,
) {
  const rnd = lcg(seed);
  const running: { key: string; settle: (ok: boolean) => void }[] = [];
  const events: string[] = [];
  const options: ExecutorOptions = {
    concurrency,
    now: () => 0,
    onEvent: (e) => events.push(`${e.type} ${identityKey(e.change.address)}`),
  };
  let ended = false;
  const result = executor(
    changes,
    (c) =>
      new Promise<void>((resolve, reject) =>
        running.push({
          key: identityKey(c.address),
          settle: (ok) => (ok ? resolve() : reject(new Error('failed'))),
        }),
      ),
    options,
  ).then(
    (outcomes) => outcomes.map((o) => `${identityKey(o.change.address)} ${o.status}`),
    (error: unknown) => [String(error)],
  );
  void result.finally(() => (ended = true));
  while (!ended) {
    // Let the executor settle completely before the next change finishes.
    await new Promise((resolve) => setImmediate(resolve));
    if (running.length > 0) running.splice(rnd(running.length), 1)[0]!.settle(!failing || rnd(40) > 0);
  }
  return { events, outcomes: await result };
}

describe('executeGraph', () => {
  it('runs every graph exactly as the scanning algorithm did', async () => {
    let failures = 0;
    let cycles = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rnd = lcg(seed * 7919);
      const graph = randomGraph(rnd, 5 + rnd(40), seed % 10 === 0);
      const concurrency = 1 + rnd(6);
      const failing = seed % 3 === 0;
      const counted = await drive(executeGraph, graph, seed, concurrency, failing);
      const scanned = await drive(scanningExecutor, graph, seed, concurrency, failing);
      expect(counted).toEqual(scanned);
      if (counted.outcomes.some((o) => o.endsWith(' failed'))) failures += 1;
      if (counted.outcomes[0]?.includes('dependency cycle')) cycles += 1;
    }
    // The graphs did exercise failures and cycles.
    expect(failures).toBeGreaterThan(0);
    expect(cycles).toBeGreaterThan(0);
  });

  it('runs a chain-and-fan graph of 20,000 changes to the end in plan order', async () => {
    const graph = Array.from({ length: 20_000 }, (_, i) =>
      change(`c${i}`, i === 0 ? [] : [`Domain/c${i % 100 === 0 ? i - 100 : i - (i % 100)}`]),
    );
    const started: string[] = [];
    const outcomes = await executeGraph(graph, () => Promise.resolve(), {
      concurrency: 64,
      now: () => 0,
      onEvent: (e) => {
        if (e.type === 'start') started.push(identityKey(e.change.address));
      },
    });
    expect(outcomes.every((o) => o.status === 'done')).toBe(true);
    expect(started).toHaveLength(20_000);
    expect(started.slice(0, 3)).toEqual(['Domain/c0', 'Domain/c1', 'Domain/c2']);
  });
});
