/**
 * The benchmark's emulator, in a worker thread: on two cores the emulator and the tool must not
 * share one event loop, or the tool's CPU time would show up as emulator latency (and the other
 * way round). The worker counts requests by (account, operation) itself and answers the host's
 * messages: `counts` (then resets them) and `close`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startEmulator, type EmulatorOptions } from '../src/emulator/server.js';
import type { OperationCount } from './trace.js';

/** Messages the host sends. */
export type HostMessage = { type: 'counts'; id: number } | { type: 'close'; id: number };

/** Messages the worker sends. */
export type WorkerMessage =
  | { type: 'ready'; endpoint: string }
  | { type: 'counts'; id: number; counts: OperationCount[] }
  | { type: 'closed'; id: number };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('emulator-worker must run in a worker thread');
  const emulator = await startEmulator({ ...(workerData as { options: EmulatorOptions }).options, port: 0 });
  let table = new Map<string, OperationCount>();
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
    if (event.status === 0 || event.status >= 400) row.errors += 1;
    if (event.status === 429) row.throttled += 1;
  });
  port.on('message', (message: HostMessage) => {
    if (message.type === 'counts') {
      const counts = [...table.values()];
      table = new Map();
      port.postMessage({ type: 'counts', id: message.id, counts } satisfies WorkerMessage);
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
