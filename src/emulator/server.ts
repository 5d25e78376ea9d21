/**
 * The emulator's HTTP server: AWS DataZone and RAM (restJson1), SageMaker (awsJson1_1) and STS
 * (awsQuery) for the operations the tool uses, reached by the real @aws-sdk clients through an
 * endpoint override. Requests are routed by the SigV4 signing name (see dispatch.ts); paths under
 * `/__emulator/` are the control endpoints (control-http.ts). The behaviour is specified in
 * docs/emulator/wire.md.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { EmulatorWorld, ServiceFactory, ServiceName } from './types.js';
import { defaultBehaviour, mergeBehaviour, type BehaviourPatch } from './behaviour.js';
import { createCore, type RequestEvent } from './core.js';
import { createControl, type EmulatorControl } from './control.js';
import { CONTROL_PREFIX, handleControl } from './control-http.js';
import { dispatch } from './dispatch.js';
import type { LatencySetting } from './knobs/latency.js';
import type { ProjectFaultSpecs } from './knobs/project-faults.js';
import type { RateLimitSetting } from './knobs/rate-limit.js';
import { loadWorld } from './persistence.js';
import type { RawRequest, WireResponse } from './protocols/types.js';
import { emptyWorld } from './world.js';
import { allowedHosts, MAX_BODY_BYTES, refusal } from './request-guard.js';

export type { EmulatorControl } from './control.js';
export type { RequestEvent } from './core.js';
export type { EmulatorStats, OperationStats } from './knobs/counters.js';
export type { FaultSpec } from './knobs/faults.js';
export type { DeploymentFaultSpec, LifecycleFaultSpec, ProjectFaultSpecs } from './knobs/project-faults.js';
export type { BehaviourPatch } from './behaviour.js';

/** How to start an emulator. */
export interface EmulatorOptions {
  /** 0 (default) = a random free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Persist the world to this file (atomic temp + rename) and load it at start when it exists. */
  statePath?: string;
  /** Service behaviour (durations, quirks, accounts); defaults in behaviour.ts. */
  behaviour?: BehaviourPatch;
  /** Added to every request; default none. */
  latency?: LatencySetting;
  /** Per-operation TPS: the documented limits, none (default), or explicit TPS by `Op` or `service.Op`. */
  rateLimits?: RateLimitSetting;
  /** Multiplies every TPS (the bench runs faster than AWS); default 1. */
  rateLimitScale?: number;
  /** Seed of ids, jitter, faults and shuffling; default 1. */
  seed?: number;
  /** Project failures to inject from the start (knobs/project-faults.ts); default none. */
  projectFaults?: ProjectFaultSpecs;
  /** Replaces service factories (a seam for the wire layer's own tests; not for production use). */
  serviceFactories?: Partial<Record<ServiceName, ServiceFactory>>;
}

/** A started emulator. */
export interface RunningEmulator {
  /** `http://HOST:PORT`. */
  readonly endpoint: string;
  readonly world: EmulatorWorld;
  readonly control: EmulatorControl;
  /** Stops serving, waits for state writes, and closes open connections. */
  close(): Promise<void>;
}

/** A body larger than MAX_BODY_BYTES (a chunked one has no content-length to refuse up front). */
class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function refuse(response: ServerResponse, status: number, message: string): void {
  const body = Buffer.from(
    JSON.stringify({ error: status === 413 ? 'PayloadTooLarge' : 'Forbidden', message }),
  );
  // The connection is not reused: the refused body may still be arriving.
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(body.length),
    connection: 'close',
  });
  response.end(body);
}

function toRawRequest(request: IncomingMessage, body: Buffer): RawRequest {
  const url = request.url ?? '/';
  const q = url.indexOf('?');
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return {
    method: request.method ?? 'GET',
    path: q === -1 ? url : url.slice(0, q),
    query: q === -1 ? '' : url.slice(q + 1),
    headers,
    body,
  };
}

function send(response: ServerResponse, wire: WireResponse): void {
  const body = Buffer.from(wire.body, 'utf8');
  response.writeHead(wire.status, { ...wire.headers, 'content-length': String(body.length) });
  response.end(body);
}

/** Starts an emulator and resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const world = (options.statePath ? loadWorld(options.statePath) : undefined) ?? emptyWorld();
  const core = createCore({
    world,
    behaviour: mergeBehaviour(defaultBehaviour(), options.behaviour),
    seed: options.seed ?? 1,
    latency: options.latency,
    rateLimits: options.rateLimits ?? 'off',
    rateLimitScale: options.rateLimitScale ?? 1,
    statePath: options.statePath,
    serviceFactories: options.serviceFactories ?? {},
    projectFaults: options.projectFaults,
  });
  const control = createControl(core);
  const sockets = new Set<Socket>();
  // Set once the port is known (before the first request can arrive).
  let hosts: ReadonlySet<string> = new Set();

  const server = createServer((request, response) => {
    void (async () => {
      try {
        const refused = refusal(request.headers, hosts);
        if (refused) {
          refuse(response, refused.status, refused.message);
          return;
        }
        let body: Buffer;
        try {
          body = await readBody(request);
        } catch (error) {
          if (!(error instanceof BodyTooLarge)) throw error;
          refuse(response, 413, `request bodies are limited to ${MAX_BODY_BYTES} bytes`);
          return;
        }
        const raw = toRawRequest(request, body);
        if (raw.path.startsWith(CONTROL_PREFIX)) {
          send(response, await handleControl(control, raw.method, raw.path, body));
          return;
        }
        const result = await dispatch(core, raw);
        if (result.response) send(response, result.response);
        else request.socket.destroy();
        finish(result.event);
      } catch (error) {
        // Never crash the server: an unexpected failure is a 500 and is kept for inspection.
        core.internalErrors.push(error);
        if (!response.headersSent && !request.socket.destroyed) {
          send(response, {
            status: 500,
            headers: { 'content-type': 'application/json' },
            body: '{"message":"emulator failure"}',
          });
        }
      }
    })();
  });
  const finish = (event: RequestEvent) => {
    core.counters.record(event.service, event.operation, event.mutating, event.status);
    core.events.emit('request', event);
  };
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Keep the first flush durable: create the state file at start when asked for one.
  if (core.writer) await core.writer.save();

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(host, port);
  let closed: Promise<void> | undefined;
  return {
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    world,
    control,
    close() {
      closed ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        // Idle keep-alive sockets would hold close() open; hung requests are abandoned.
        for (const socket of sockets) socket.destroy();
        await stopped;
        await core.writer?.flush();
      })();
      return closed;
    },
  };
}
