/**
 * The request pipeline between the socket and the service handlers:
 * identify (SigV4 scope) → resolve the operation → knobs (latency, hang, reset, TPS, faults) →
 * decode → validate → handler → persist → encode. It never throws: every failure becomes the
 * protocol's error response, and a handler bug becomes an internal error kept for inspection.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceName } from './types.js';
import { isEmulatorServiceError } from './service-error.js';
import type { EmulatorCore, RequestEvent } from './core.js';
import { callContext } from './core.js';
import { parseSigV4, resolveCaller } from './identity.js';
import { drawLatency, sleep } from './knobs/latency.js';
import { SERVICE_CODES, isMutating, isServiceName, type CodeAndStatus } from './service-wire.js';
import { DecodeError, type RawRequest, type WireResponse } from './protocols/types.js';
import { validateInput, violationMessage } from './validate-input.js';

/** What to do with the socket, and what to count. */
export interface DispatchResult {
  /** Undefined means: destroy the socket without answering (injected connection reset). */
  response: WireResponse | undefined;
  event: RequestEvent;
}

function plainError(status: number, code: string, message: string): WireResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': code },
    body: JSON.stringify({ message }),
  };
}

/** Handles one AWS API request (control endpoints are routed before this). */
export async function dispatch(core: EmulatorCore, request: RawRequest): Promise<DispatchResult> {
  const scope = parseSigV4(request.headers['authorization']);
  const unknown = (status: number, code: string, message: string): DispatchResult => ({
    response: plainError(status, code, message),
    event: { service: 'unknown', operation: '(unknown)', mutating: false, status, accountId: '' },
  });
  if (!scope) return unknown(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
  if (!isServiceName(scope.service)) {
    return unknown(
      400,
      'UnrecognizedClientException',
      `The emulator does not serve the signing name ${scope.service}`,
    );
  }
  const service: ServiceName = scope.service;
  const protocol = core.protocols[service];
  const codes = SERVICE_CODES[service];
  const caller = resolveCaller(core.world, scope.accessKeyId, core.behaviour.homeAccountId);
  const requestId = randomUUID();
  const operation = protocol.resolveOperation(request);
  const event: RequestEvent = {
    service,
    operation: operation ?? '(unknown)',
    mutating: operation ? isMutating(service, operation) : false,
    status: 0,
    accountId: caller.accountId,
  };
  const answer = (response: WireResponse | undefined): DispatchResult => {
    event.status = response?.status ?? 0;
    return { response, event };
  };
  const fail = (error: CodeAndStatus, message: string) =>
    answer(protocol.encodeError({ code: error.code, status: error.status, message }, requestId));

  if (!operation) {
    return fail(
      codes.unknownOperation,
      `The operation is not served by the emulator (${request.method} ${request.path})`,
    );
  }

  const faults = core.faults.draw(service, operation);
  event.waitedMs = drawLatency(core.latency, core.random) + faults.hangMs;
  await sleep(event.waitedMs);
  if (faults.reset) return answer(undefined);
  const limited = !core.limiter.take({
    accountId: caller.accountId,
    region: scope.region,
    service,
    operation,
    mutating: event.mutating,
  });
  if (limited || faults.throttle) return fail(codes.throttling, 'Rate exceeded');
  if (faults.error500) return fail(codes.internal, 'Injected internal error');
  if (faults.notFound) return fail(codes.notFound, 'Injected: the resource was not found');

  let input: Record<string, unknown>;
  try {
    input = protocol.decodeInput(request, operation);
  } catch (error) {
    if (error instanceof DecodeError) return fail(codes.validation, error.message);
    throw error;
  }
  const inputShape = protocol.model.operations[operation]?.input;
  const violation = inputShape ? validateInput(protocol.model, inputShape, input) : undefined;
  if (violation) return fail(codes.validation, violationMessage(violation));

  const handler = core.services[service].handlers[operation];
  if (!handler) {
    // Modelled but not (yet) implemented: 501 is neither a validation error nor retried by the SDK.
    return fail(
      { code: codes.internal.code, status: 501 },
      `${operation} is not implemented by the emulator`,
    );
  }
  let output: unknown;
  try {
    output = await handler(input, callContext(core, caller, scope.region));
  } catch (error) {
    if (isEmulatorServiceError(error)) {
      const modelled = protocol.model.shapes[error.code]?.error?.httpStatusCode;
      const wireCode = Object.values(codes).find((c: CodeAndStatus) => c.code === error.code);
      const status = error.status ?? modelled ?? wireCode?.status ?? 400;
      await core.writer?.save();
      return fail({ code: error.code, status }, error.message);
    }
    core.internalErrors.push(error);
    return fail(codes.internal, 'The emulator failed internally while handling the request');
  }
  // Durable before the answer: a caller that saw success finds its change after a crash.
  await core.writer?.save();
  if (faults.commitThenFail)
    return fail(codes.internal, 'Injected internal error after the change was committed');
  try {
    return answer(protocol.encodeOutput(operation, output, requestId));
  } catch (error) {
    core.internalErrors.push(error);
    return fail(codes.internal, 'The emulator failed to encode the response');
  }
}
