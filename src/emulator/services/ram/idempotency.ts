/**
 * RAM's clientToken contract: a repeated token with the same parameters returns the first
 * answer; with different parameters it fails with IdempotentParameterMismatchException (both
 * documented on every RAM operation that takes a clientToken). RAM's clientToken is not an SDK
 * idempotency token, so a caller that sends none gets a fresh one.
 */
import { EmulatorServiceError, type CallContext } from '../../types.js';
import { fingerprintOf, replayOrRun } from '../idempotency.js';
import { newUuid } from './arns.js';
import type { RamState } from './state.js';

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
  return replayOrRun(
    {
      ledger: state.idempotency,
      key: `${operation}|${ctx.accountId}|${given}`,
      fingerprint: fingerprintOf(input, 'clientToken'),
      mismatch: () =>
        new EmulatorServiceError(
          'IdempotentParameterMismatchException',
          `The client token ${given} was already used with different parameters.`,
        ),
    },
    () => perform(given),
  );
}
