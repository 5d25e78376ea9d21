/**
 * DataZone's clientToken contract. The model marks `clientToken` with `@idempotencyToken` on
 * CreateDomain, CreateDomainUnit, UpdateDomain and DeleteDomain ("a unique, case-sensitive
 * identifier that is provided to ensure the idempotency of the request"); the SDK fills it when
 * the caller omits it and reuses it on every retry. The same token with the same input answers
 * the first result; with other input DataZone documents no dedicated error, so the emulator
 * answers ConflictException, the modelled "request conflicts with the current state" error of
 * all four operations (docs/emulator/decisions.md).
 */
import { serviceModel } from '../../model/index.js';
import { EmulatorServiceError } from '../../types.js';
import { fingerprintOf, replayOrRun } from '../idempotency.js';
import type { DzCall } from './call.js';

/** Operations whose input has an `@idempotencyToken` member, and the member's name (from the model). */
function tokenMembers(): ReadonlyMap<string, string> {
  const model = serviceModel('datazone');
  const found = new Map<string, string>();
  for (const [operation, def] of Object.entries(model.operations)) {
    const members = def.input ? (model.shapes[def.input]?.members ?? {}) : {};
    for (const [name, ref] of Object.entries(members)) {
      if (ref.idempotencyToken) found.set(operation, name);
    }
  }
  return found;
}

const TOKEN_MEMBERS = tokenMembers();

/** Runs the handler, or replays its first answer when the call repeats a client token. */
export function withDataZoneToken(
  input: Record<string, unknown>,
  call: DzCall,
  perform: () => unknown,
): unknown {
  const member = TOKEN_MEMBERS.get(call.op);
  const token = member ? input[member] : undefined;
  if (!member || typeof token !== 'string' || token === '') return perform();
  call.state.idempotency ??= {};
  return replayOrRun(
    {
      ledger: call.state.idempotency,
      key: `${call.op}|${call.ctx.accountId}|${call.ctx.region}|${token}`,
      fingerprint: fingerprintOf(input, member),
      mismatch: () =>
        new EmulatorServiceError(
          'ConflictException',
          `The client token ${token} was already used with a different ${call.op} request.`,
        ),
    },
    perform,
  );
}
