/**
 * The state of one running emulator that the dispatcher, the control surface and the server
 * share: the world and the services over it, the behaviour knobs, the wire-layer knobs (latency,
 * rate limits, faults), counters, the state writer and the request event stream.
 */
import { EventEmitter } from 'node:events';
import type {
  CallContext,
  EmulatorBehaviour,
  EmulatorWorld,
  ServiceFactory,
  ServiceImpl,
  ServiceName,
} from './types.js';
import type { Protocol } from './protocols/types.js';
import type { Caller } from './identity.js';
import type { LatencySetting } from './knobs/latency.js';
import { RateLimiter, type RateLimitSetting } from './knobs/rate-limit.js';
import { FaultInjector } from './knobs/faults.js';
import { ProjectFaults, type ProjectFaultSpecs } from './knobs/project-faults.js';
import { Counters } from './knobs/counters.js';
import { StateWriter } from './persistence.js';
import { createServices } from './services/index.js';
import { createProtocols } from './service-wire.js';
import { createRng } from './rng.js';
import { emulatedNow } from './clock.js';
import { newId } from './ids.js';

/** The event emitted after each request (status 0 = connection reset without a response). */
export interface RequestEvent {
  service: ServiceName | 'unknown';
  operation: string;
  mutating: boolean;
  status: number;
  accountId: string;
  /**
   * The wait the latency knob drew for this request (and an injected hang), ms: lets a benchmark
   * tell the modelled latency from what the machine adds to a round trip (bench/transport.ts).
   */
  waitedMs?: number;
}

/** Everything mutable of one emulator. */
export interface EmulatorCore {
  readonly world: EmulatorWorld;
  services: Record<ServiceName, ServiceImpl>;
  behaviour: EmulatorBehaviour;
  readonly seed: number;
  readonly random: () => number;
  readonly protocols: Record<ServiceName, Protocol>;
  readonly faults: FaultInjector;
  /** Injected project deployment/update/delete failures (service-level, unlike `faults`). */
  readonly projectFaults: ProjectFaults;
  readonly limiter: RateLimiter;
  readonly counters: Counters;
  readonly latency: LatencySetting | undefined;
  readonly writer: StateWriter | undefined;
  /** Non-service exceptions thrown by handlers (answered as 500), kept for test inspection. */
  readonly internalErrors: unknown[];
  readonly events: EventEmitter;
  /** Factory overrides, applied again on reset. */
  readonly serviceFactories: Partial<Record<ServiceName, ServiceFactory>>;
}

/** What the core is built from. */
export interface CoreSettings {
  world: EmulatorWorld;
  behaviour: EmulatorBehaviour;
  seed: number;
  latency: LatencySetting | undefined;
  rateLimits: RateLimitSetting;
  rateLimitScale: number;
  statePath: string | undefined;
  serviceFactories: Partial<Record<ServiceName, ServiceFactory>>;
  /** Project faults in force from the start (the CLI's --fail-deployments / --fail-project-lifecycle). */
  projectFaults?: ProjectFaultSpecs;
}

/** Builds the core. */
export function createCore(settings: CoreSettings): EmulatorCore {
  const random = createRng(settings.seed);
  const world = settings.world;
  const projectFaults = new ProjectFaults();
  if (settings.projectFaults) projectFaults.set(settings.projectFaults);
  return {
    world,
    services: createServices(world, settings.serviceFactories),
    behaviour: settings.behaviour,
    seed: settings.seed,
    random,
    protocols: createProtocols(),
    faults: new FaultInjector(random),
    projectFaults,
    limiter: new RateLimiter(settings.rateLimits, settings.rateLimitScale),
    counters: new Counters(),
    latency: settings.latency,
    writer: settings.statePath ? new StateWriter(settings.statePath, () => world) : undefined,
    internalErrors: [],
    events: new EventEmitter(),
    serviceFactories: settings.serviceFactories,
  };
}

/** The CallContext of a request by `caller` in `region`. */
export function callContext(core: EmulatorCore, caller: Caller, region: string): CallContext {
  return {
    accountId: caller.accountId,
    region,
    callerArn: caller.arn,
    now: () => emulatedNow(core.world),
    newId: (prefix?: string) => newId(core.world, core.seed, prefix),
    options: core.behaviour,
    projectFaults: core.projectFaults,
  };
}
