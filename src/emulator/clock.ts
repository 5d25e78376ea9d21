/**
 * The emulated clock: real time plus an offset kept in the world. Moving the offset (control
 * endpoint `clock/advance`) lets tests skip async lifecycles without sleeping, and keeping it in
 * the world makes a restarted emulator continue at the same emulated instant offset.
 */
import type { EmulatorWorld } from './types.js';

/** The emulated now. */
export function emulatedNow(world: EmulatorWorld): Date {
  return new Date(Date.now() + world.clockOffsetMs);
}

/** Moves the emulated clock forward by `ms` (negative values are refused: time never runs back). */
export function advanceClock(world: EmulatorWorld, ms: number): void {
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(`clock advance must be a non-negative number of ms, got ${ms}`);
  world.clockOffsetMs += ms;
}
