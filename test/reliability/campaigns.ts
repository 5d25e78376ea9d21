/** Sizes of the full campaigns (issue 9), lowered through the environment for a quick look. */
function size(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The campaign sizes in force. */
export const SIZES = {
  faultRuns: size('SMUS_FAULT_RUNS', 500),
  crashRandom: size('SMUS_CRASH_RANDOM', 200),
  modelRuns: size('SMUS_MODEL_RUNS', 200),
  modelLength: size('SMUS_MODEL_LENGTH', 30),
  hostileRuns: size('SMUS_HOSTILE_RUNS', 10_000),
};

/**
 * The long campaigns are split into parts, one test file each, so that vitest's two worker
 * processes share them evenly (one file runs in one process). Measured per-run costs (2 cores):
 * fault ≈ 1 s, mostly CPU; crash ≈ 2.3 s, mostly CPU (a subprocess per kill); model ≈ 16 s, of
 * which ≈ 2 s CPU (the rest is the SDK's own retry backoff, real time); hostile ≈ 3 ms.
 */
export const PARTS = { fault: 2, crash: 3, model: 4 };

/**
 * Sequences of a model part run this many at a time in its process: a sequence mostly waits
 * (the SDK's retry backoff), so a few overlap on one core without slowing each other down.
 */
export const MODEL_LANES = 6;

/** Runs of part `part` (0-based) out of `parts` for a total of `total`. */
export function runsOfPart(total: number, part: number, parts: number): number {
  return Math.floor(total / parts) + (part < total % parts ? 1 : 0);
}
