/**
 * Rate pacing and retries for the live read. Every SDK call of the read takes a token from a
 * per-(account/region scope, service operation) bucket at the documented TPS × scale (the same
 * table and RateBudget the apply uses), so an org-sized read stays under the limits AWS meters
 * instead of running into them; a call that fails transiently anyway (throttling, 5xx, a reset or
 * timed-out connection: apply's classification) is retried with capped exponential backoff and
 * full jitter. Clock, sleep and randomness are injected so tests never really wait.
 */
import type { AwsClients } from '../aws/clients.js';
import { tpsOf } from '../aws/documented-tps.js';
import { RateBudget, type Timing } from '../aws/rate-budget.js';
import { backoffMs, isThrottling, isTransient } from '../aws/retry.js';
import type { Limiter } from './limit.js';

/** The service a read call goes to (its budget is kept per service operation). */
export type ReadService = 'datazone' | 'ram' | 'sagemaker' | 'sts';

/** Which clients a call is made with, and to which service: together the rate scope of the call. */
export interface Via {
  clients: AwsClients;
  service: ReadService;
}

/** How the read paces and retries. */
export interface PacingOptions {
  /**
   * Multiplies every documented TPS (benchmarks against an emulator scaled the same way). Default
   * 1; Infinity turns pacing off (an emulator without rate limits), retries stay.
   */
  rateScale?: number;
  /** Tool retries of a transient failure (the only retry layer: the SDK makes one attempt). Default 8. */
  maxRetries?: number;
  /** Real time when unset. */
  timing?: Timing;
  /** Jitter source; Math.random when unset. */
  random?: () => number;
}

/**
 * Default tool retries per read call: as many as apply's, since the SDK no longer retries
 * underneath (it made three attempts per tool attempt before; see src/aws/instrument.ts).
 */
export const DEFAULT_READ_RETRIES = 8;

const REAL_TIME: Timing = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Paces and retries the calls of one read. */
export class ReadPacing {
  private readonly budget: RateBudget;
  private readonly timing: Timing;
  private readonly random: () => number;
  private readonly maxRetries: number;
  private readonly paced: boolean;

  constructor(options: PacingOptions = {}) {
    this.timing = options.timing ?? REAL_TIME;
    this.random = options.random ?? Math.random;
    this.maxRetries = Math.max(0, options.maxRetries ?? DEFAULT_READ_RETRIES);
    this.paced = Number.isFinite(options.rateScale ?? 1);
    this.budget = new RateBudget(
      (key) => {
        const dot = key.indexOf('.');
        return tpsOf(key.slice(0, dot), key.slice(dot + 1));
      },
      this.timing,
      options.rateScale ?? 1,
    );
  }

  /**
   * Runs one SDK call: a token first (waiting for it outside the concurrency limiter, so calls of
   * a saturated operation never hold the slots other operations need), then a slot, then the call;
   * transient failures are retried, anything else (and the last failure) is thrown.
   */
  async run<T>(via: Via, operation: string, limit: Limiter, send: () => Promise<T>): Promise<T> {
    const key = `${via.service}.${operation}`;
    // AWS meters per account and region; the clients' account key stands for the account.
    const scope = `${via.clients.accountKey}@${via.clients.region}`;
    for (let attempt = 1; ; attempt++) {
      if (this.paced) await this.budget.take(key, scope);
      try {
        const result = await limit(send);
        this.budget.succeeded(key, scope);
        return result;
      } catch (error) {
        if (isThrottling(error)) this.budget.throttled(key, scope);
        if (!isTransient(error) || attempt > this.maxRetries) throw error;
        await this.timing.sleep(backoffMs(attempt, this.random));
      }
    }
  }
}

/** DataZone calls made with `clients`. */
export function viaDataZone(clients: AwsClients): Via {
  return { clients, service: 'datazone' };
}

/** RAM calls made with `clients`. */
export function viaRam(clients: AwsClients): Via {
  return { clients, service: 'ram' };
}

/** SageMaker calls made with `clients`. */
export function viaSageMaker(clients: AwsClients): Via {
  return { clients, service: 'sagemaker' };
}

/** STS calls made with `clients`. */
export function viaSts(clients: AwsClients): Via {
  return { clients, service: 'sts' };
}
