/**
 * Deterministic resource ids. Live DataZone ids are 14 lowercase alphanumerics (`dzd_4dfv1ls60cg1ev`);
 * ours have the same form, derived from (seed, counter) so that a seeded run is reproducible and a
 * restarted emulator (counter kept in the world) never reissues an id.
 */
import { createHash } from 'node:crypto';
import type { EmulatorWorld } from './types.js';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `length` characters of ALPHABET derived from a hash of the seed and counter. */
export function idChars(seed: number, counter: number, length = 14, alphabet = ALPHABET): string {
  const digest = createHash('sha256').update(`${seed}:${counter}`).digest();
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[(digest[i] ?? 0) % alphabet.length];
  return out;
}

/** Issues the next id of the world, e.g. `newId(world, seed, 'dzd_')` → `dzd_k3m9x0q2w7p1za`. */
export function newId(world: EmulatorWorld, seed: number, prefix = ''): string {
  world.idCounter += 1;
  return `${prefix}${idChars(seed, world.idCounter)}`;
}
