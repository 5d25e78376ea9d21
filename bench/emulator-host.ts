/**
 * Starts the benchmark's emulator in a worker thread (emulator-worker.ts) and talks to it: the
 * endpoint, the request counts since the last call, and close.
 */
import { Worker } from 'node:worker_threads';
import type { EmulatorOptions } from '../src/emulator/server.js';
import type {
  HostMessage,
  InvokeCall,
  InvokeOutcome,
  TimelineEntry,
  WorkerMessage,
} from './emulator-worker.js';
import type { OperationCount } from './trace.js';

/** An emulator running in a worker thread. */
export interface HostedEmulator {
  readonly endpoint: string;
  /** Request counts since the previous call (or the start). */
  takeCounts(): Promise<OperationCount[]>;
  /** The requests answered since the previous call (or the start), in order. */
  takeTimeline(): Promise<TimelineEntry[]>;
  /** Runs a batch of in-process calls in order (seeding; nothing is counted). */
  invoke(calls: InvokeCall[]): Promise<InvokeOutcome[]>;
  close(): Promise<void>;
}

/** Starts an emulator in a worker thread with these options (functions cannot cross the thread). */
export async function startHostedEmulator(
  options: Omit<EmulatorOptions, 'serviceFactories' | 'port'>,
): Promise<HostedEmulator> {
  const worker = new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), {
    workerData: { module: new URL('./emulator-worker.ts', import.meta.url).href, options },
  });
  const waiting = new Map<number, (message: WorkerMessage) => void>();
  let nextId = 1;
  const endpoint = await new Promise<string>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') resolve(message.endpoint);
      else waiting.get(message.id)?.(message);
    });
  });
  const ask = (
    message: { type: 'counts' | 'timeline' | 'close' } | { type: 'invoke'; calls: InvokeCall[] },
  ) =>
    new Promise<WorkerMessage>((resolve) => {
      const id = nextId++;
      waiting.set(id, (m) => {
        waiting.delete(id);
        resolve(m);
      });
      worker.postMessage({ ...message, id } satisfies HostMessage);
    });
  return {
    endpoint,
    async takeCounts() {
      const m = await ask({ type: 'counts' });
      return m.type === 'counts' ? m.counts : [];
    },
    async takeTimeline() {
      const m = await ask({ type: 'timeline' });
      return m.type === 'timeline' ? m.timeline : [];
    },
    async invoke(calls) {
      const m = await ask({ type: 'invoke', calls });
      return m.type === 'invoked' ? m.outcomes : [];
    },
    async close() {
      await ask({ type: 'close' });
      await worker.terminate();
    },
  };
}
