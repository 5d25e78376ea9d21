/**
 * The benchmark's emulator, in a worker thread: on two cores the emulator and the tool must not
 * share one event loop, or the tool's CPU time would show up as emulator latency (and the other
 * way round). The worker counts requests by (account, operation) itself and answers the host's
 * messages: `counts` (then resets them), `timeline` (the requests answered since the last such message), `invoke` (a batch of in-process calls that seed the
 * world, control.ts `invoke`) and `close`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../src/emulator/server.js';
import type { ServiceName } from '../src/emulator/types.js';
import type { OperationCount } from './trace.js';

/** One in-process call of a seeding batch. */
export interface InvokeCall {
  service: ServiceName;
  operation: string;
  input: Record<string, unknown>;
  region: string;
  /** Acts as this key's caller (an STS-issued key) instead of the home account. */
  accessKeyId?: string;
}

/** The outcome of one call: its output, or the error's code and message. */
export type InvokeOutcome = { output: unknown } | { error: string };

/** Messages the host sends. */
export type HostMessage =
  | { type: 'counts'; id: number }
  | { type: 'timeline'; id: number }
  | { type: 'close'; id: number }
  | { type: 'invoke'; id: number; calls: InvokeCall[] };

/** Messages the worker sends. */
export type WorkerMessage =
  | { type: 'ready'; endpoint: string }
  | { type: 'counts'; id: number; counts: OperationCount[] }
  | { type: 'timeline'; id: number; timeline: TimelineEntry[] }
  | { type: 'closed'; id: number }
  | { type: 'invoked'; id: number; outcomes: InvokeOutcome[] };

/**
 * One answered request: epoch ms when it was answered (after latency and the TPS check),
 * `service.Operation`, status and the latency the emulator drew for it (ms). Where the bound is
 * not met, the timeline shows why (bench/trace.ts); the drawn latency lets bench/transport.ts
 * measure what a round trip costs beyond it.
 */
export type TimelineEntry = [atMs: number, operation: string, status: number, waitedMs: number];

/** Runs a batch in order (a later call may depend on an earlier one's record). */
async function invokeAll(emulator: RunningEmulator, calls: InvokeCall[]): Promise<InvokeOutcome[]> {
  const outcomes: InvokeOutcome[] = [];
  for (const c of calls) {
    try {
      outcomes.push({
        output: await emulator.control.invoke(c.service, c.operation, c.input, c.region, c.accessKeyId),
      });
    } catch (error) {
      outcomes.push({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  }
  return outcomes;
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('emulator-worker must run in a worker thread');
  const emulator = await startEmulator({ ...(workerData as { options: EmulatorOptions }).options, port: 0 });
  let table = new Map<string, OperationCount>();
  // A few thousand small tuples per phase: cheap enough to keep always.
  let timeline: TimelineEntry[] = [];
  emulator.control.on('request', (event) => {
    const key = `${event.accountId}|${event.service}.${event.operation}`;
    let row = table.get(key);
    if (!row) {
      row = {
        account: event.accountId,
        service: event.service,
        operation: event.operation,
        mutating: event.mutating,
        count: 0,
        errors: 0,
        throttled: 0,
      };
      table.set(key, row);
    }
    row.count += 1;
    timeline.push([Date.now(), `${event.service}.${event.operation}`, event.status, event.waitedMs ?? 0]);
    if (event.status === 0 || event.status >= 400) row.errors += 1;
    if (event.status === 429) row.throttled += 1;
  });
  port.on('message', (message: HostMessage) => {
    if (message.type === 'counts') {
      const counts = [...table.values()];
      table = new Map();
      port.postMessage({ type: 'counts', id: message.id, counts } satisfies WorkerMessage);
    } else if (message.type === 'timeline') {
      const taken = timeline;
      timeline = [];
      port.postMessage({ type: 'timeline', id: message.id, timeline: taken } satisfies WorkerMessage);
    } else if (message.type === 'invoke') {
      void invokeAll(emulator, message.calls).then((outcomes) =>
        port.postMessage({ type: 'invoked', id: message.id, outcomes } satisfies WorkerMessage),
      );
    } else {
      void emulator.close().then(() => {
        port.postMessage({ type: 'closed', id: message.id } satisfies WorkerMessage);
        port.close();
      });
    }
  });
  port.postMessage({ type: 'ready', endpoint: emulator.endpoint } satisfies WorkerMessage);
}

void main();
