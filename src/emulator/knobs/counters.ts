/**
 * Request counters: every request is counted, faulted ones included, by service/operation and by
 * status (`0` stands for a connection reset without a response).
 */

/** Counts of one operation. */
export interface OperationStats {
  service: string;
  operation: string;
  mutating: boolean;
  count: number;
  byStatus: Record<string, number>;
}

/** All counts since start or the last reset of the stats. */
export interface EmulatorStats {
  total: number;
  mutating: number;
  byStatus: Record<string, number>;
  /** Keyed by `service.Operation`, e.g. `datazone.CreateProject`. */
  operations: Record<string, OperationStats>;
}

/** Accumulates EmulatorStats. */
export class Counters {
  private stats: EmulatorStats = Counters.empty();

  private static empty(): EmulatorStats {
    return { total: 0, mutating: 0, byStatus: {}, operations: {} };
  }

  /** Counts one request. */
  record(service: string, operation: string, mutating: boolean, status: number): void {
    const s = this.stats;
    s.total += 1;
    if (mutating) s.mutating += 1;
    s.byStatus[status] = (s.byStatus[status] ?? 0) + 1;
    const key = `${service}.${operation}`;
    const op = (s.operations[key] ??= { service, operation, mutating, count: 0, byStatus: {} });
    op.count += 1;
    op.byStatus[status] = (op.byStatus[status] ?? 0) + 1;
  }

  /** A deep copy of the counts. */
  snapshot(): EmulatorStats {
    return structuredClone(this.stats);
  }

  /** Zeroes every count. */
  reset(): void {
    this.stats = Counters.empty();
  }
}
