/**
 * Request counts of one benchmark phase, by (account, operation): the emulator's own counters do
 * not split by account, and TPS limits are metered per account, so the bound needs the split.
 * The counting itself happens next to the emulator (emulator-worker.ts).
 */

/** Requests of one (account, service.Operation). */
export interface OperationCount {
  account: string;
  service: string;
  operation: string;
  mutating: boolean;
  count: number;
  /** Answers with status ≥ 400 or no answer (reset): throttling, injected and real errors. */
  errors: number;
  /** DataZone and RAM throttling answers (status 429). */
  throttled: number;
}

/** Calls per `service.Operation` over all accounts, sorted by name. */
export function callsByOperation(counts: readonly OperationCount[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of counts) {
    const key = `${r.service}.${r.operation}`;
    out[key] = (out[key] ?? 0) + r.count;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Total requests. */
export function totalCalls(counts: readonly OperationCount[]): number {
  return counts.reduce((n, r) => n + r.count, 0);
}

/** What a phase's timeline shows of one operation, in ms from the phase's start. */
export interface OperationTrace {
  operation: string;
  calls: number;
  throttled: number;
  /** Its first and last answer, and the end of the phase. */
  firstMs: number;
  lastMs: number;
  endMs: number;
  /** The longest pause between two consecutive answers (a stalled pipeline shows here). */
  longestGapMs: number;
}

/**
 * The trace of `operation` in a timeline (emulator-worker.ts TimelineEntry tuples: epoch ms,
 * `service.Operation`, status), relative to `beganAt`; all zero when it was not called.
 */
export function operationTrace(
  timeline: readonly (readonly [number, string, number])[],
  operation: string,
  beganAt: number,
  endedAt: number,
): OperationTrace {
  const times = timeline.filter((e) => e[1] === operation).map((e) => e[0] - beganAt);
  let longestGapMs = 0;
  for (let i = 1; i < times.length; i++) longestGapMs = Math.max(longestGapMs, times[i]! - times[i - 1]!);
  return {
    operation,
    calls: times.length,
    throttled: timeline.filter((e) => e[1] === operation && e[2] === 429).length,
    firstMs: times[0] ?? 0,
    lastMs: times.at(-1) ?? 0,
    endMs: endedAt - beganAt,
    longestGapMs,
  };
}
