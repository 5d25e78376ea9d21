/**
 * RAM's clientToken contract: a repeated token with the same parameters returns the first
 * answer; with different parameters it fails with IdempotentParameterMismatchException. RAM's
 * clientToken is not an SDK idempotency token, so a caller that sends none gets a fresh one.
 * Answers are stored in the (plain JSON) world with their dates tagged, and replayed exactly.
 */
import { EmulatorServiceError, type CallContext } from '../../types.js';
import { newUuid } from './arns.js';
import type { RamState } from './state.js';

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

/**
 * Runs `perform(clientToken)` once per (operation, caller, token) and replays its answer for a
 * repeat with the same input. `perform` must include the token in its answer.
 */
export function withClientToken<T>(
  state: RamState,
  operation: string,
  input: Record<string, unknown>,
  ctx: CallContext,
  perform: (clientToken: string) => T,
): T {
  const given =
    typeof input.clientToken === 'string' && input.clientToken !== '' ? input.clientToken : undefined;
  if (given === undefined) return perform(newUuid(ctx));
  const key = `${operation}|${ctx.accountId}|${given}`;
  const { clientToken: _token, ...rest } = input;
  const fingerprint = JSON.stringify(canonical(rest));
  const seen = state.idempotency[key];
  if (seen) {
    if (seen.fingerprint !== fingerprint) {
      throw new EmulatorServiceError(
        'IdempotentParameterMismatchException',
        `The client token ${given} was already used with different parameters.`,
      );
    }
    return decode(seen.result) as T;
  }
  const result = perform(given);
  state.idempotency[key] = { fingerprint, result: encode(result) };
  return result;
}
