/** Latency knob: every request waits `fixedMs` plus a seeded uniform jitter in [0, jitterMs). */

/** The latency setting of EmulatorOptions. */
export interface LatencySetting {
  fixedMs: number;
  jitterMs: number;
}

/** Delay of one request in ms (0 when no latency is configured). */
export function drawLatency(setting: LatencySetting | undefined, random: () => number): number {
  if (!setting) return 0;
  return Math.max(0, setting.fixedMs + (setting.jitterMs > 0 ? random() * setting.jitterMs : 0));
}

/** Resolves after `ms` (immediately for 0, without a timer turn). */
export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
