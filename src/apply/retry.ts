/**
 * Which failures are worth another try, and how long to wait: throttling, server errors and
 * dropped or timed-out connections are transient; everything else (validation, conflict,
 * not-found, access denied) is an answer. Backoff is exponential with full jitter, capped.
 */

/** The error's name/code as the SDK reports it. */
export function errorName(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { name?: unknown; code?: unknown; Code?: unknown };
    return String(e.name ?? e.code ?? e.Code ?? 'Error');
  }
  return 'Error';
}

function status(error: unknown): number | undefined {
  const meta = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata;
  return meta?.httpStatusCode;
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
]);
const NETWORK = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'TimeoutError',
  'RequestTimeout',
  'AbortError',
]);

/** True when the error is throttling. */
export function isThrottling(error: unknown): boolean {
  return THROTTLING.has(errorName(error)) || status(error) === 429;
}

/** True when another try may succeed. */
export function isTransient(error: unknown): boolean {
  if (isThrottling(error)) return true;
  const code = status(error);
  if (code !== undefined && code >= 500) return true;
  const name = errorName(error);
  const message = error instanceof Error ? error.message : '';
  return (
    NETWORK.has(name) ||
    NETWORK.has((error as { code?: string })?.code ?? '') ||
    /socket hang up|ECONNRESET|timed? ?out/i.test(message)
  );
}

/** Delay before attempt `attempt` (1-based retry count): full jitter over an exponential ceiling. */
export function backoffMs(attempt: number, random: () => number, baseMs = 100, capMs = 5_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling) + 1;
}
