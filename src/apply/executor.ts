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

/** Executes `run` for every actionable change, respecting `dependsOn`. */
export async function executeGraph(
  changes: readonly Change[],
  run: (change: Change) => Promise<void>,
  options: ExecutorOptions,
): Promise<ChangeOutcome[]> {
  const work = changes.filter(isActionable);
  const keys = new Set(work.map((c) => identityKey(c.address)));
  const state = new Map<string, 'pending' | 'running' | 'done' | 'failed' | 'skipped'>(
    work.map((c) => [identityKey(c.address), 'pending']),
  );
  const outcomes = new Map<string, ChangeOutcome>();
  let failed = false;
  const running = new Set<Promise<void>>();

  const ready = () =>
    work.filter((c) => {
      const k = identityKey(c.address);
      return state.get(k) === 'pending' && c.dependsOn.every((d) => !keys.has(d) || state.get(d) === 'done');
    });

  const start = (change: Change) => {
    const key = identityKey(change.address);
    state.set(key, 'running');
    const began = options.now();
    options.onEvent({ type: 'start', change });
    const task = run(change).then(
      () => {
        const elapsedMs = options.now() - began;
        state.set(key, 'done');
        outcomes.set(key, { change, status: 'done', elapsedMs });
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
      for (const change of ready()) {
        if (running.size >= options.concurrency) break;
        start(change);
      }
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }

  const pending = work.filter((c) => state.get(identityKey(c.address)) === 'pending');
  if (pending.length > 0 && !failed && !options.shouldStop?.()) {
    const names = pending.map((c) => identityKey(c.address)).join(', ');
    throw new Error(`dependency cycle among: ${names}`);
  }
  for (const change of pending) outcomes.set(identityKey(change.address), { change, status: 'skipped' });
  return work.map((c) => outcomes.get(identityKey(c.address))!);
}
