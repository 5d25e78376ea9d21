/**
 * The control surface of a running emulator (in-process); control-http.ts serves the same
 * operations under `/__emulator/`, a path AWS never uses.
 */
import type { EmulatorBehaviour, ServiceName } from './types.js';
import { EmulatorServiceError } from './types.js';
import type { EmulatorCore, RequestEvent } from './core.js';
import { callContext } from './core.js';
import type { EmulatorStats } from './knobs/counters.js';
import type { FaultSpec } from './knobs/faults.js';
import type { ProjectFaultSpecs } from './knobs/project-faults.js';
import { mergeBehaviour, type BehaviourPatch } from './behaviour.js';
import { advanceClock } from './clock.js';
import { homeCaller, resolveCaller } from './identity.js';
import { createServices } from './services/index.js';
import { validateInput, violationMessage } from './validate-input.js';
import { resetWorld } from './world.js';

/** In-process control of an emulator. */
export interface EmulatorControl {
  /** Request counts by service/operation and status, and mutating counts. */
  stats(): EmulatorStats;
  resetStats(): void;
  /** Empties the world (all services, issued STS keys included); the emulated clock keeps its offset. */
  reset(): Promise<void>;
  /** Replaces the fault rules. */
  setFaults(specs: readonly FaultSpec[]): void;
  clearFaults(): void;
  /** The fault rules in force (with remaining counts). */
  faults(): FaultSpec[];
  /** Replaces the project fault rules (failed deployments, UPDATE_FAILED / DELETE_FAILED). */
  setProjectFaults(specs: ProjectFaultSpecs): void;
  /** The project fault rules in force (with remaining counts). */
  projectFaults(): Required<ProjectFaultSpecs>;
  /** Moves the emulated clock forward (async lifecycles progress without sleeping). */
  advanceClock(ms: number): Promise<void>;
  /** Changes behaviour knobs for the following requests (durations merge member by member). */
  setBehaviour(patch: BehaviourPatch): void;
  behaviour(): EmulatorBehaviour;
  /** Subscribes to the event emitted after each request; returns the unsubscribe function. */
  on(event: 'request', listener: (event: RequestEvent) => void): () => void;
  /** Calls a service's test hook (ServiceImpl.control) as the home account in us-east-1. */
  serviceControl(service: ServiceName, name: string, body: unknown): Promise<unknown>;
  /** Exceptions thrown by handlers that were not EmulatorServiceErrors (answered as 500). */
  internalErrors(): readonly unknown[];
  /**
   * Calls one operation's handler in-process in `region`, as the home account or, given
   * `accessKeyId`, as whoever a request signed with that key acts as (an STS-issued key: the
   * assumed role in its account). The input is validated against the model as a request's is,
   * but no wire, latency, limit, fault or count applies. A seam for seeding large worlds (the
   * benchmark's 10,000 projects) with exactly the records the API would have made; a modelled
   * error is thrown as an EmulatorServiceError.
   */
  invoke(
    service: ServiceName,
    operation: string,
    input: Record<string, unknown>,
    region: string,
    accessKeyId?: string,
  ): Promise<unknown>;
}

/** Builds the control surface over a core. */
export function createControl(core: EmulatorCore): EmulatorControl {
  const persist = async () => {
    await core.writer?.save();
  };
  return {
    stats: () => core.counters.snapshot(),
    resetStats: () => core.counters.reset(),
    async reset() {
      resetWorld(core.world);
      core.services = createServices(core.world, core.serviceFactories);
      core.internalErrors.length = 0;
      await persist();
    },
    setFaults: (specs) => core.faults.set(specs),
    clearFaults: () => core.faults.clear(),
    faults: () => core.faults.list(),
    setProjectFaults: (specs) => core.projectFaults.set(specs),
    projectFaults: () => core.projectFaults.list(),
    async advanceClock(ms) {
      advanceClock(core.world, ms);
      await persist();
    },
    setBehaviour(patch) {
      core.behaviour = mergeBehaviour(core.behaviour, patch);
    },
    behaviour: () => structuredClone(core.behaviour),
    on(_event, listener) {
      core.events.on('request', listener);
      return () => core.events.off('request', listener);
    },
    async serviceControl(service, name, body) {
      const hook = core.services[service].control?.[name];
      if (!hook)
        throw new EmulatorServiceError(
          'UnknownControlHook',
          `service ${service} has no control hook ${name}`,
          404,
        );
      const result = await hook(
        body,
        callContext(core, homeCaller(core.behaviour.homeAccountId), 'us-east-1'),
      );
      await persist();
      return result;
    },
    internalErrors: () => [...core.internalErrors],
    async invoke(service, operation, input, region, accessKeyId) {
      const model = core.protocols[service].model;
      const shape = model.operations[operation]?.input;
      const handler = core.services[service].handlers[operation];
      if (!shape || !handler)
        throw new EmulatorServiceError('UnknownOperation', `${service} has no operation ${operation}`, 404);
      const violation = validateInput(model, shape, input);
      if (violation) throw new EmulatorServiceError('ValidationException', violationMessage(violation), 400);
      const home = core.behaviour.homeAccountId;
      const caller = accessKeyId ? resolveCaller(core.world, accessKeyId, home) : homeCaller(home);
      const output = await handler(input, callContext(core, caller, region));
      await persist();
      return output;
    },
  };
}
