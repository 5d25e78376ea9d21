/**
 * The contract between the emulator's wire layer (protocols, routing, validation, knobs) and its
 * service logic (DataZone, RAM, SageMaker, STS). The wire layer decodes a request into the
 * modelled input object (member names exactly as in the service model, timestamps as `Date`),
 * validates it against the generated constraint table, and calls the operation's handler. The
 * handler returns the modelled output object (timestamps as `Date`); the wire layer serialises it
 * in the member's timestamp format and the protocol's shape. Errors are thrown as
 * `EmulatorServiceError` with the modelled error code; the wire layer picks the status code and
 * the error wire format.
 */
import type { ProjectFaults } from './knobs/project-faults.js';

/** The four services the emulator speaks, keyed by SigV4 signing name. */
export type ServiceName = 'datazone' | 'ram' | 'sagemaker' | 'sts';

/** Who is calling and when: derived by the wire layer from the SigV4 credential of the request. */
export interface CallContext {
  /** Account the caller acts as (AssumeRole credentials act as the role's account). */
  readonly accountId: string;
  /** Region from the SigV4 credential scope. */
  readonly region: string;
  /** Caller ARN as STS GetCallerIdentity would return it. */
  readonly callerArn: string;
  /** The emulated clock (advanced by the control endpoint), never `Date.now()` directly. */
  now(): Date;
  /** Deterministic id generator (seeded) for resource ids. */
  newId(prefix?: string): string;
  /** Options that shape behaviour (durations, quirks, home account, external accounts). */
  readonly options: EmulatorBehaviour;
  /** Injected project failures (knobs/project-faults.ts); absent in handler-level harnesses. */
  readonly projectFaults?: ProjectFaults;
}

/** Behaviour knobs the services read; the wire-layer knobs (latency, TPS, faults) live elsewhere. */
export interface EmulatorBehaviour {
  /** The account that unrecognised credentials act as (default 111122223333). */
  homeAccountId: string;
  /** Accounts outside the organisation: their RAM associations wait for an accepted invitation. */
  externalAccountIds: readonly string[];
  /** Durations (ms of emulated time) of the async lifecycles; 0 means immediate. */
  durations: {
    domainCreate: number;
    domainDelete: number;
    projectDeploy: number;
    projectDelete: number;
    ramAssociate: number;
    studioCreate: number;
    studioUpdate: number;
    studioDelete: number;
  };
  /** Default page size when the caller sends no maxResults (small, to exercise pagination). */
  defaultPageSize: number;
  /**
   * Most items any page holds, even when the caller asks for more (AWS allows a service to answer
   * fewer than maxResults): tests set it small to page a caller that sends maxResults. Unset: none.
   */
  maxPageSize?: number;
  /** Answer 403 AccessDeniedException instead of 404 for missing domains and projects. */
  notFoundAsAccessDenied: boolean;
  /** Answer not-found for the first N reads of a resource after its create (eventual consistency). */
  readAfterCreateMisses: number;
  /** Return list pages in a shuffled order (seeded) to prove the tool does not rely on order. */
  shuffleLists: boolean;
}

/** A modelled service error, thrown by handlers. `code` is the model's error shape name. */
export class EmulatorServiceError extends Error {
  /** Marks this as a modelled error (not a bug in the emulator) across module copies. */
  readonly isEmulatorServiceError = true;
  constructor(
    /** Error shape name as in the model, e.g. `ConflictException`, `ResourceNotFound`. */
    readonly code: string,
    message: string,
    /** Overrides the modelled status (only for unmodelled codes such as SageMaker's ValidationException). */
    readonly status?: number,
  ) {
    super(message);
    this.name = code;
  }
}

/** One operation's logic: modelled input in, modelled output out (or a thrown service error). */
export type OperationHandler = (input: Record<string, unknown>, ctx: CallContext) => unknown;

/** A service's operations, by model operation name (e.g. `CreateProject`). */
export interface ServiceImpl {
  readonly service: ServiceName;
  readonly handlers: Readonly<Record<string, OperationHandler>>;
  /**
   * Test-only hooks served at `POST /__emulator/service/<service>/<name>` (a path AWS never uses),
   * e.g. registering what a custom account-pool Lambda answers. Body is JSON; the result is JSON.
   */
  readonly control?: Readonly<Record<string, (body: unknown, ctx: CallContext) => unknown>>;
}

/**
 * The emulator's whole state: plain JSON (numbers for instants as epoch milliseconds), so that it
 * can be written to a state file and read back. Each service owns the slot under its name and
 * initialises it lazily; services never keep state outside the world object.
 */
export interface EmulatorWorld {
  /** Bumped when the layout changes incompatibly; a state file of another version is refused. */
  version: 1;
  /** Emulated clock offset from the real clock, moved by the control endpoint. */
  clockOffsetMs: number;
  /** Counter behind deterministic ids. */
  idCounter: number;
  /** Per-service state, owned by the service module of the same name. */
  services: Partial<Record<ServiceName, unknown>>;
}

/** Builds a service over the world; called once per emulator instance (and again after a reset). */
export type ServiceFactory = (world: EmulatorWorld) => ServiceImpl;
