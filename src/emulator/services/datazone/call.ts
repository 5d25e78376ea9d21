/**
 * What every DataZone handler works with: the wire layer's CallContext plus the world, DataZone's
 * slice of it, the operation name (error messages and "is ResourceNotFound modelled here?" depend
 * on it) and the emulated instant, read once so that one call sees one clock.
 */
import { EmulatorServiceError, type CallContext, type EmulatorWorld } from '../../types.js';
import type { DataZoneState } from './state.js';

/** One DataZone call in flight. */
export interface DzCall {
  readonly ctx: CallContext;
  readonly world: EmulatorWorld;
  readonly state: DataZoneState;
  /** Model operation name, e.g. `CreateProject`. */
  readonly op: string;
  /** The emulated instant of this call, epoch ms. */
  readonly nowMs: number;
}

/** A DataZone handler: modelled input (already validated by the wire layer) in, modelled output out. */
// The input type parameter lets each handler name the SDK input shape it reads; the wire layer
// has validated the object against the model, so the cast in index.ts is sound.
export type DzHandler<I = Record<string, unknown>> = (input: I, call: DzCall) => unknown;

/** Shorthand for throwing a modelled error. */
export function fail(code: string, message: string): never {
  throw new EmulatorServiceError(code, message);
}

/** Shuffle seed for every DataZone listing (stable, so page boundaries stay consistent). */
export const SHUFFLE_SEED = 20180510;

/** Page options shared by DataZone list operations. */
export function pageOptions<T>(call: DzCall, listingKey: string, key: (item: T) => string) {
  return {
    defaultPageSize: call.ctx.options.defaultPageSize,
    maxPageSize: call.ctx.options.maxPageSize,
    listingKey: `${call.op}:${call.ctx.accountId}:${listingKey}`,
    shuffleSeed: call.ctx.options.shuffleLists ? SHUFFLE_SEED : undefined,
    key,
  };
}
