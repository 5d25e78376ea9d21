/**
 * The benchmark's latency model, in one place (issue 18: "20 ± 5 ms"). The bench's setting
 * `{ fixedMs, jitterMs }` reads as the issue and the report line write it, `fixedMs ± jitterMs`:
 * every request of a network scenario waits a time drawn uniformly from
 * [fixedMs − jitterMs, fixedMs + jitterMs), so its mean is `fixedMs`. The emulator's own knob is a
 * floor plus a jitter above it (src/emulator/knobs/latency.ts); emulatorLatency converts.
 *
 * The bounds (bound.ts, pr-bound.ts) charge every call on a chain the mean, meanLatencyMs: a
 * request's latency is drawn independently of what the tool does (as AWS's is), and a phase's
 * wall is never shorter than the latencies summed along any one chain of calls that depend on
 * each other, so its expected wall is at least that chain's expected sum, k × mean, whatever the
 * tool. A single run may draw below the mean and beat it by chance (never below k × floorMs,
 * floorLatencyMs); the figures are medians of several runs. The floor was the old bound's charge,
 * when the latency was 20 + [0, 5): a chain then averaged k × 22.5 ms, and no tool could reach
 * more than 20 / 22.5 ≈ 0.89 of it on average, a bound no tool could approach.
 */
import type { LatencySetting } from '../src/emulator/knobs/latency.js';

/** The bench's latency setting: `fixedMs ± jitterMs`, uniform. */
export interface BenchLatency {
  fixedMs: number;
  jitterMs: number;
}

/** The emulator's knob for the bench's setting: floor fixed − jitter, uniform over 2 × jitter. */
export function emulatorLatency(latency: BenchLatency): LatencySetting {
  const spread = Math.min(latency.jitterMs, latency.fixedMs);
  return { fixedMs: latency.fixedMs - spread, jitterMs: 2 * spread };
}

/** The mean latency of one request: what a bound charges each call of a chain. */
export function meanLatencyMs(latency: BenchLatency): number {
  return latency.fixedMs;
}

/** The width of the uniform latency (2 × jitter): how far one draw can be from another. */
export function latencyWidthMs(latency: BenchLatency): number {
  return emulatorLatency(latency).jitterMs;
}

/** The least latency any request can draw: what no run can beat. */
export function floorLatencyMs(latency: BenchLatency): number {
  return emulatorLatency(latency).fixedMs;
}
