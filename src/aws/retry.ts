/**
 * Which failures are worth another try, and how long to wait. The classification is the SDK's
 * own (`@smithy/service-error-classification`, the lists its standard retry strategy uses), so
 * the tool and the SDK agree on what a throttle is; the tool is the only layer that retries
 * (the clients are built with one attempt, see instrument.ts), so every throttle reaches the
 * rate budget. Backoff is exponential with full jitter, capped.
 */
import { isServerError, isThrottlingError, isTransientError } from '@smithy/service-error-classification';

/** The error's name/code as the SDK reports it. */
export function errorName(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { name?: unknown; code?: unknown; Code?: unknown };
    return String(e.name ?? e.code ?? e.Code ?? 'Error');
  }
  return 'Error';
}

type SdkError = Parameters<typeof isThrottlingError>[0];

// The classifiers read `name`, `code`, `$metadata` and `$retryable`; anything that is not an
// object (a thrown string) is neither throttling nor transient.
function asSdkError(error: unknown): SdkError | undefined {
  return error !== null && typeof error === 'object' ? (error as SdkError) : undefined;
}

/** True when the error is throttling (a throttling code, HTTP 429, or a throttling trait). */
export function isThrottling(error: unknown): boolean {
  const e = asSdkError(error);
  return e !== undefined && isThrottlingError(e);
}

/**
 * True when another try may succeed: throttling, a transient error (timeouts, reset or refused
 * connections, 500/502/503/504, a retryable trait) or any other server (5xx) error, as the SDK's
 * standard retry strategy decides.
 */
export function isTransient(error: unknown): boolean {
  const e = asSdkError(error);
  return e !== undefined && (isThrottlingError(e) || isTransientError(e) || isServerError(e));
}

/** Delay before attempt `attempt` (1-based retry count): full jitter over an exponential ceiling. */
export function backoffMs(attempt: number, random: () => number, baseMs = 100, capMs = 5_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling) + 1;
}
