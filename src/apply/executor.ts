/**
 * Runs the plan's changes as a dependency graph with bounded concurrency. On the first failure it
 * starts nothing new, lets in-flight changes finish, and marks the rest skipped, so a report
 * always says exactly what was and was not done. A graph where nothing can start although work
 * remains has a cycle, which is reported with its members rather than hanging.
 */
import { identityKey } from '../model/identity.js';
import type { Change } from '../plan/types.js';

/** Outcome of one change. */
export interface ChangeOutcome {
  change: Change;
  status: 'done' | 'failed' | 'skipped';
  error?: unknown;
  elapsedMs?: number;
  /** The id a done create or replace gave the resource, where its kind has one (apply-plan.ts). */
  id?: string;
}

/** Progress events, in the order they happen. */
export type ExecutorEvent =
  | { type: 'start'; change: Change }
  | { type: 'finish'; change: Change; elapsedMs: number }
  | { type: 'fail'; change: Change; elapsedMs: number; error: unknown };

/** How to run the graph. */
export interface ExecutorOptions {
  concurrency: number;
  now(): number;
  onEvent(event: ExecutorEvent): void;
  /** Stop starting new work (e.g. the deadline passed or the user interrupted). */
  shouldStop?(): boolean;
}

/** True for changes apply acts on. */
export function isActionable(change: Change): boolean {
  return (
    change.action === 'create' ||
    change.action === 'update' ||
    change.action === 'replace' ||
    change.action === 'delete'
  );
}

/** A binary min-heap of indices: the ready changes, taken in plan order. */
class IndexHeap {
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(value: number): void {
    const a = this.items;
    a.push(value);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= value) break;
      a[i] = a[parent]!;
      i = parent;
    }
    a[i] = value;
  }

  pop(): number | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= a.length) break;
      const child = left + 1 < a.length && a[left + 1]! < a[left]! ? left + 1 : left;
      if (a[child]! >= last) break;
      a[i] = a[child]!;
      i = child;
    }
    a[i] = last;
    return top;
  }
}

/**
 * Executes `run` for every actionable change, respecting `dependsOn`. Whenever there is room,
 * it starts the ready changes (every dependency among the work done) in plan order. Readiness is
 * counted, not searched for: each change holds the number of its dependencies not yet done, and a
 * finished change releases its dependents, so a run costs about the size of the graph — scanning
 * every change for readiness after each finish made a 10,000-change apply quadratic.
 */
export async function executeGraph(
  changes: readonly Change[],
  run: (change: Change) => Promise<void>,
  options: ExecutorOptions,
): Promise<ChangeOutcome[]> {
  const work = changes.filter(isActionable);
  const workKeys = work.map((c) => identityKey(c.address));
  const keys = new Set(workKeys);
  const state = new Map<string, 'pending' | 'running' | 'done' | 'failed' | 'skipped'>(
    workKeys.map((k) => [k, 'pending']),
  );
  const outcomes = new Map<string, ChangeOutcome>();
  let failed = false;
  const running = new Set<Promise<void>>();

  // Dependencies outside the work (no-ops, unactionable changes) are met already.
  const unmet = work.map(() => 0);
  const dependents = new Map<string, number[]>();
  const ready = new IndexHeap();
  work.forEach((change, index) => {
    for (const dependency of new Set(change.dependsOn)) {
      if (!keys.has(dependency)) continue;
      unmet[index] = (unmet[index] ?? 0) + 1;
      const list = dependents.get(dependency);
      if (list) list.push(index);
      else dependents.set(dependency, [index]);
    }
    if (unmet[index] === 0) ready.push(index);
  });
  const release = (key: string) => {
    for (const index of dependents.get(key) ?? []) {
      unmet[index] = (unmet[index] ?? 0) - 1;
      if (unmet[index] === 0) ready.push(index);
    }
  };

  const start = (change: Change, key: string) => {
    state.set(key, 'running');
    const began = options.now();
    options.onEvent({ type: 'start', change });
    const task = run(change).then(
      () => {
        const elapsedMs = options.now() - began;
        state.set(key, 'done');
        outcomes.set(key, { change, status: 'done', elapsedMs });
        release(key);
        options.onEvent({ type: 'finish', change, elapsedMs });
      },
      (error: unknown) => {
        const elapsedMs = options.now() - began;
        failed = true;
        state.set(key, 'failed');
        outcomes.set(key, { change, status: 'failed', error, elapsedMs });
        options.onEvent({ type: 'fail', change, elapsedMs, error });
      },
    );
    const tracked = task.finally(() => running.delete(tracked));
    running.add(tracked);
  };

  for (;;) {
    if (!failed && !options.shouldStop?.()) {
      while (running.size < options.concurrency && ready.size > 0) {
        const index = ready.pop()!;
        const key = workKeys[index]!;
        if (state.get(key) === 'pending') start(work[index]!, key);
      }
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }

  const pending = work.filter((_, i) => state.get(workKeys[i]!) === 'pending');
  if (pending.length > 0 && !failed && !options.shouldStop?.()) {
    const names = pending.map((c) => identityKey(c.address)).join(', ');
    throw new Error(`dependency cycle among: ${names}`);
  }
  for (const change of pending) outcomes.set(identityKey(change.address), { change, status: 'skipped' });
  return work.map((_, i) => outcomes.get(workKeys[i]!)!);
}
