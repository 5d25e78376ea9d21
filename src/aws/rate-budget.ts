/**
 * Per-operation token buckets at the documented TPS, adaptive: a throttled call halves the
 * bucket's rate (down to an eighth of the documented one), and each success wins back a twentieth
 * of it, so a run slows down when AWS pushes back and speeds up again when it stops. Clock and
 * sleep are passed in (tests and benchmarks drive them).
 *
 * The bucket holds one token plus SLACK_MS of rate, never a second's worth: AWS documents a rate,
 * not a burst. A bucket that refilled to a full second during an idle spell (an operation waiting
 * on its prerequisites) spent it at once when work arrived, emptying the service's own bucket, so
 * the calls after it, sent at exactly the rate but arriving with the network's jitter, were
 * throttled (21 CreateProject of the org bench, each halving the rate). The slack still keeps what
 * a late timer or a rounded-up sleep would otherwise lose, so the rate is held on average.
 */

/** Time effects the budget needs. */
export interface Timing {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * What a bucket may save beyond its next token: half a second at its rate. Enough to catch up
 * after the event loop or a loaded machine stalls (200 ms was not: the no-change re-plan fell from
 * 0.99 to 0.95 of its bound), while a service bucket holding a second of rate keeps half of it
 * after such a catch-up, so the jitter of the calls that follow does not get them throttled.
 */
export const SLACK_MS = 500;

/** The most tokens a bucket at `rate` holds: one call, plus SLACK_MS worth. */
export function capacityOf(rate: number): number {
  return 1 + (rate * SLACK_MS) / 1000;
}

interface Bucket {
  rate: number;
  max: number;
  tokens: number;
  updatedAt: number;
  /** Serialises waiters so tokens go out in arrival order. */
  queue: Promise<void>;
}

/** Budgets keyed by operation and scope (account/region). */
export class RateBudget {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly tpsOf: (operation: string) => number,
    private readonly timing: Timing,
    private readonly scale = 1,
  ) {}

  private bucket(operation: string, scope: string): Bucket {
    const key = `${scope}\u0000${operation}`;
    let b = this.buckets.get(key);
    if (!b) {
      const max = this.tpsOf(operation) * this.scale;
      // Start with one token: a burst of a full second would overshoot a limiter that refills continuously.
      b = { rate: max, max, tokens: 1, updatedAt: this.timing.now(), queue: Promise.resolve() };
      this.buckets.set(key, b);
    }
    return b;
  }

  /** Waits until the operation may be called once more in `scope`. */
  take(operation: string, scope: string): Promise<void> {
    const b = this.bucket(operation, scope);
    const turn = b.queue.then(async () => {
      for (;;) {
        const now = this.timing.now();
        b.tokens = Math.min(capacityOf(b.rate), b.tokens + ((now - b.updatedAt) / 1000) * b.rate);
        b.updatedAt = now;
        if (b.tokens >= 1) {
          b.tokens -= 1;
          return;
        }
        await this.timing.sleep(Math.ceil(((1 - b.tokens) / b.rate) * 1000));
      }
    });
    b.queue = turn.catch(() => undefined);
    return turn;
  }

  /** The call was throttled: halve the rate (floor: an eighth of the documented rate). */
  throttled(operation: string, scope: string): void {
    const b = this.bucket(operation, scope);
    b.rate = Math.max(b.max / 8, b.rate / 2);
    b.tokens = Math.min(b.tokens, 0);
  }

  /** The call succeeded: win back part of the rate. */
  succeeded(operation: string, scope: string): void {
    const b = this.bucket(operation, scope);
    b.rate = Math.min(b.max, b.rate + b.max / 20);
  }

  /** Current rate of a bucket (for reports and tests). */
  rateOf(operation: string, scope: string): number {
    return this.bucket(operation, scope).rate;
  }
}
