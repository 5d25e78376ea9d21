/**
 * A small seeded random number generator (mulberry32). Latency jitter and fault draws come from
 * it so that a run with the same seed and the same request order injects the same faults.
 */

/** Returns a function yielding uniformly distributed numbers in [0, 1). */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
