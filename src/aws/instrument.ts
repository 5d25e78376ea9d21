/**
 * What every SDK client gets besides credentials: one attempt per send (the tool's own retry in
 * src/aws/retry.ts, which feeds the rate budget, is the only retry layer, so no throttle is
 * absorbed unseen by the SDK) and a middleware that reports each call as a structured event
 * (operation, service, account, region, request id, throttle, duration) to the logger passed in.
 */
import type { InitializeMiddleware, MiddlewareStack } from '@aws-sdk/types';
import { errorName, isThrottling } from './retry.js';

/** The part of a logger the call events need (a pino logger fits). */
export interface CallLogger {
  debug(event: object, message: string): void;
}

/** One AWS call as the middleware saw it. */
export interface CallEvent {
  service: string;
  operation: string;
  account: string;
  region: string;
  requestId?: string;
  /** HTTP attempts the SDK made for this send (1: the SDK does not retry; the tool does). */
  attempts?: number;
  httpStatus?: number;
  durationMs: number;
  outcome: 'ok' | 'error';
  error?: string;
  throttled?: boolean;
}

/** SDK attempts per send: one, the tool retries (see the module comment). */
export const SDK_MAX_ATTEMPTS = 1;

interface Metadata {
  $metadata?: { requestId?: string; attempts?: number; httpStatusCode?: number };
}

/**
 * Adds the call-event middleware to a client. It sits at the initialize step, so it times the
 * whole send (signing, the request, parsing) and sees the parsed output or error.
 */
export function instrumentClient<I extends object, O extends object>(
  client: { middlewareStack: MiddlewareStack<I, O> },
  where: { account: string; region: string },
  log: CallLogger,
  now: () => number = () => performance.now(),
): void {
  const middleware: InitializeMiddleware<I, O> = (next, context) => async (args) => {
    const started = now();
    const base = {
      service: (context.clientName ?? 'Client').replace(/Client$/, ''),
      operation: (context.commandName ?? 'Command').replace(/Command$/, ''),
      account: where.account,
      region: where.region,
    };
    try {
      const result = await next(args);
      const meta = (result.output as Metadata).$metadata;
      log.debug(event(base, meta, now() - started, 'ok'), 'aws call');
      return result;
    } catch (error) {
      const meta = (error as Metadata | undefined)?.$metadata;
      log.debug(
        {
          ...event(base, meta, now() - started, 'error'),
          error: errorName(error),
          throttled: isThrottling(error),
        },
        'aws call',
      );
      throw error;
    }
  };
  client.middlewareStack.add(middleware, {
    step: 'initialize',
    name: 'smusGitopsCallEvents',
    override: true,
  });
}

function event(
  base: Pick<CallEvent, 'service' | 'operation' | 'account' | 'region'>,
  meta: Metadata['$metadata'],
  durationMs: number,
  outcome: CallEvent['outcome'],
): CallEvent {
  return {
    ...base,
    ...(meta?.requestId ? { requestId: meta.requestId } : {}),
    ...(meta?.attempts !== undefined ? { attempts: meta.attempts } : {}),
    ...(meta?.httpStatusCode !== undefined ? { httpStatus: meta.httpStatusCode } : {}),
    durationMs: Math.round(durationMs),
    outcome,
  };
}
