/**
 * Injected faults. A spec matches an operation (or `*`), optionally of one service, and applies
 * to every matching request or only to the next `count` ones. Each percentage is drawn from the
 * seeded RNG per request, so a seeded run injects the same faults in the same places.
 */
import type { ServiceName } from '../types.js';

/** One fault rule (percentages are 0–100). */
export interface FaultSpec {
  operation: string;
  service?: ServiceName;
  /** Answer the protocol's throttling error. */
  throttlePct?: number;
  /** Answer 500 InternalServerException without running the handler. */
  error500Pct?: number;
  /** Destroy the socket without answering. */
  resetPct?: number;
  /** Wait this long before handling (with a large value the client's timeout fires first). */
  hangMs?: number;
  /** Run the handler, keep its effect, then answer 500 InternalServerException. */
  commitThenFailPct?: number;
  /** Answer the service's not-found error without running the handler. */
  notFoundPct?: number;
  /** Apply to the next N matching requests only. */
  count?: number;
}

/** What happens to one request. */
export interface FaultDecision {
  hangMs: number;
  reset: boolean;
  throttle: boolean;
  error500: boolean;
  notFound: boolean;
  commitThenFail: boolean;
}

/** No fault at all. */
export const NO_FAULT: FaultDecision = {
  hangMs: 0,
  reset: false,
  throttle: false,
  error500: false,
  notFound: false,
  commitThenFail: false,
};

/** Checks a spec list received over HTTP; throws a readable error. */
export function parseFaultSpecs(value: unknown): FaultSpec[] {
  if (!Array.isArray(value)) throw new Error('faults must be a JSON list');
  return value.map((item, i) => {
    if (
      typeof item !== 'object' ||
      item === null ||
      typeof (item as { operation?: unknown }).operation !== 'string'
    ) {
      throw new Error(`fault ${i}: an object with an "operation" string is required`);
    }
    return { ...(item as FaultSpec) };
  });
}

/** The active fault rules. */
export class FaultInjector {
  private specs: FaultSpec[] = [];

  constructor(private readonly random: () => number) {}

  /** Replaces the rules (copies them: `count` is consumed here, not in the caller's objects). */
  set(specs: readonly FaultSpec[]): void {
    this.specs = specs.map((spec) => ({ ...spec }));
  }

  /** Removes every rule. */
  clear(): void {
    this.specs = [];
  }

  /** The rules in force (remaining counts included). */
  list(): FaultSpec[] {
    return this.specs.map((spec) => ({ ...spec }));
  }

  /** Draws the faults of one request; consumes one `count` of every matching rule. */
  draw(service: ServiceName, operation: string): FaultDecision {
    if (this.specs.length === 0) return NO_FAULT;
    const decision: FaultDecision = { ...NO_FAULT };
    const roll = (pct: number | undefined) => pct !== undefined && pct > 0 && this.random() * 100 < pct;
    for (const spec of this.specs) {
      if (spec.operation !== '*' && spec.operation !== operation) continue;
      if (spec.service !== undefined && spec.service !== service) continue;
      if (spec.count !== undefined) {
        if (spec.count <= 0) continue;
        spec.count -= 1;
      }
      decision.hangMs = Math.max(decision.hangMs, spec.hangMs ?? 0);
      decision.reset ||= roll(spec.resetPct);
      decision.throttle ||= roll(spec.throttlePct);
      decision.error500 ||= roll(spec.error500Pct);
      decision.notFound ||= roll(spec.notFoundPct);
      decision.commitThenFail ||= roll(spec.commitThenFailPct);
    }
    this.specs = this.specs.filter((spec) => spec.count === undefined || spec.count > 0);
    return decision;
  }
}
