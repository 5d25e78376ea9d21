/** Creation and reset of the emulator world (types.ts `EmulatorWorld`). */
import type { EmulatorWorld } from './types.js';

/** An empty world at version 1. */
export function emptyWorld(): EmulatorWorld {
  return { version: 1, clockOffsetMs: 0, idCounter: 0, services: {} };
}

/**
 * Empties a world in place: holders of the object (tests, services) keep a valid reference.
 * The clock offset is kept, so emulated time never runs backwards across a reset.
 */
export function resetWorld(world: EmulatorWorld): void {
  world.idCounter = 0;
  world.services = {};
}

/** Checks that parsed JSON is a world this version can use. */
export function asWorld(value: unknown, source: string): EmulatorWorld {
  const w = value as Partial<EmulatorWorld> | null;
  if (typeof w !== 'object' || w === null || w.version !== 1) {
    throw new Error(`${source}: not an emulator state file of version 1`);
  }
  if (
    typeof w.clockOffsetMs !== 'number' ||
    typeof w.idCounter !== 'number' ||
    typeof w.services !== 'object'
  ) {
    throw new Error(`${source}: malformed emulator state`);
  }
  return w as EmulatorWorld;
}
