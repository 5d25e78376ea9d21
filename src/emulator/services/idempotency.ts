/**
 * Client-token idempotency shared by the services: the first call with a token runs and its
 * answer is remembered with a fingerprint of the input; a repeat with the same token and the same
 * input answers the remembered result (nothing runs twice), a repeat with other input fails with
 * the service's mismatch error. That is what lets an SDK retry converge after a commit-then-fail:
 * the SDK fills `@idempotencyToken` members once and reuses them on every attempt.
 *
 * Answers are stored in the (plain JSON) world with their dates tagged, and replayed exactly.
 */
import type { EmulatorServiceError } from '../types.js';

/** A remembered call: fingerprint of the input without the token, and the JSON-encoded answer. */
export interface TokenRecord {
  fingerprint: string;
  result: unknown;
}

const DATE_TAG = '$emulatorDate';

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Canonical JSON of an input without its token member: equal inputs give equal strings. */
export function fingerprintOf(input: Record<string, unknown>, tokenMember: string): string {
  const { [tokenMember]: _token, ...rest } = input;
  return JSON.stringify(canonical(rest));
}

function encode(value: unknown): unknown {
  if (value instanceof Date) return { [DATE_TAG]: value.getTime() };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  }
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record[DATE_TAG] === 'number') return new Date(record[DATE_TAG]);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

/** How one service keys and refuses replays. */
export interface TokenScope {
  /** The ledger (a slot of the service's world state). */
  ledger: Record<string, TokenRecord>;
  /** Ledger key: operation, caller and token (a token is private to its caller). */
  key: string;
  /** Fingerprint of the input (see fingerprintOf). */
  fingerprint: string;
  /** The service's error for the same token with different input. */
  mismatch: () => EmulatorServiceError;
}

/** Runs `perform` once per ledger key and replays its answer for a repeat with the same input. */
export function replayOrRun<T>(scope: TokenScope, perform: () => T): T {
  const seen = scope.ledger[scope.key];
  if (seen) {
    if (seen.fingerprint !== scope.fingerprint) throw scope.mismatch();
    return decode(seen.result) as T;
  }
  const result = perform();
  scope.ledger[scope.key] = { fingerprint: scope.fingerprint, result: encode(result) };
  return result;
}
