/**
 * The retry classification and backoff moved to src/aws/retry.ts, shared by the live read and
 * the apply; this re-export keeps the apply's operations importing from where they always did.
 */
export { backoffMs, errorName, isThrottling, isTransient } from '../aws/retry.js';
