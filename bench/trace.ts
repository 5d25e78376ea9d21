/**
 * Request counts of one benchmark phase, by (account, operation): the emulator's own counters do
 * not split by account, and TPS limits are metered per account, so the bound needs the split.
 * The counting itself happens next to the emulator (emulator-worker.ts).
 */
import type { DeserializeMiddleware, InitializeMiddleware, MiddlewareStack } from '@aws-sdk/types';

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
  timeline: readonly (readonly [number, string, number, ...number[]])[],
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

/** One SDK call of a timeline, in ms relative to the timeline's origin. */
export interface TimedCall {
  operation: string;
  /** `send` called (before signing, serialising and the request). */
  start: number;
  /** The request handed to the HTTP handler (after signing). */
  sent: number;
  /** The HTTP response's head arrived (before it was parsed). */
  answered: number;
  /** `send` resolved or rejected (after parsing). */
  end: number;
}

/**
 * Records every SDK call of the given clients with its start, request, answer and end times, so a
 * plan's wall time can be taken apart: time in the emulator (sent → answered), SDK work around
 * it (start → sent, answered → end), and the tool's own gaps between one call's end and the
 * next call's start. Two middlewares: one outermost (initialize), one innermost (around the HTTP
 * handler, below the deserialiser).
 */
export class Timeline {
  private origin = performance.now();
  private calls: TimedCall[] = [];
  // The call of each request in flight, found again by the inner middleware through its args.
  private readonly inFlight = new WeakMap<object, TimedCall>();

  /** Hooks a client (again harmlessly: the middlewares have fixed names and override themselves). */
  attach<I extends object, O extends object>(client: { middlewareStack: MiddlewareStack<I, O> }): void {
    const outer: InitializeMiddleware<I, O> = (next, context) => async (args) => {
      const call: TimedCall = {
        operation: (context.commandName ?? 'Command').replace(/Command$/, ''),
        start: this.now(),
        sent: Number.NaN,
        answered: Number.NaN,
        end: Number.NaN,
      };
      this.calls.push(call);
      this.inFlight.set(args.input, call);
      try {
        return await next(args);
      } finally {
        call.end = this.now();
      }
    };
    const inner: DeserializeMiddleware<I, O> = (next) => async (args) => {
      const call = this.inFlight.get(args.input);
      if (call) call.sent = this.now();
      try {
        return await next(args);
      } finally {
        if (call) call.answered = this.now();
      }
    };
    client.middlewareStack.add(outer, {
      step: 'initialize',
      name: 'smusBenchTimelineOuter',
      priority: 'high',
      override: true,
    });
    client.middlewareStack.add(inner, {
      step: 'deserialize',
      name: 'smusBenchTimelineInner',
      priority: 'low',
      override: true,
    });
  }

  private now(): number {
    return Math.round((performance.now() - this.origin) * 10) / 10;
  }

  /** Starts a new timeline (origin now, no calls). */
  reset(): void {
    this.origin = performance.now();
    this.calls = [];
  }

  /** The calls since the last reset, by start time. */
  take(): TimedCall[] {
    return [...this.calls].sort((a, b) => a.start - b.start);
  }
}

/**
 * The timeline as lines: each call's start, its time in the SDK before the request, in the
 * emulator, and in the SDK after the answer, and the gap since the latest end of a call before it
 * (time in which nothing was in flight).
 */
export function timelineLines(calls: readonly TimedCall[], end?: number): string[] {
  let lastEnd = 0;
  const lines = calls.map((c) => {
    const idle = Math.max(0, c.start - lastEnd);
    lastEnd = Math.max(lastEnd, c.end);
    const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '?').padStart(6);
    return `${f(c.start)} → ${f(c.end)} ms  ${c.operation.padEnd(28)} sdk ${f(c.sent - c.start)} wire ${f(c.answered - c.sent)} parse ${f(c.end - c.answered)}  idle before ${f(idle)}`;
  });
  if (end !== undefined)
    lines.push(
      `${end.toFixed(1).padStart(6)} ms  read done (idle ${(end - lastEnd).toFixed(1)} ms after the last call)`,
    );
  return lines;
}

/**
 * Of the read windows (`[from, to]` in timeline ms), the time no request was on the wire: the
 * tool's own share (SDK work before and after each request, its own waits and computing), as
 * opposed to the time the emulator, the transport and the latency took.
 */
export function offWireMs(
  calls: readonly TimedCall[],
  windows: readonly (readonly [number, number])[],
): number {
  let off = 0;
  for (const [from, to] of windows) {
    // Walk the window in request order, counting only gaps no request covers.
    let reached = from;
    const spans = calls
      .filter((c) => Number.isFinite(c.sent) && Number.isFinite(c.answered))
      .map((c) => [Math.max(from, c.sent), Math.min(to, c.answered)] as const)
      .filter(([s, e]) => e > s)
      .sort((a, b) => a[0] - b[0]);
    for (const [s, e] of spans) {
      if (s > reached) off += s - reached;
      reached = Math.max(reached, e);
    }
    if (to > reached) off += to - reached;
  }
  return Math.round(off * 10) / 10;
}
