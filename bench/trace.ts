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
