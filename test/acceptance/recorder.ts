/**
 * Records every request and answer an acceptance run sees, as JSON lines, through an SDK
 * middleware (no mocking: the middleware only observes). A run against real AWS leaves a file
 * that can be replayed by eye or diffed against an emulator run of the same scenarios, so a
 * difference becomes a new emulator test (docs/acceptance.md).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** One recorded call. */
export interface RecordedCall {
  at: string;
  target: string;
  service: string;
  operation: string;
  input: unknown;
  status?: number;
  output?: unknown;
  error?: { name: string; message: string };
}

// Credentials must never reach the file, whatever the scenario asks for.
const SECRET_KEYS = new Set(['SecretAccessKey', 'SessionToken', 'secretAccessKey', 'sessionToken']);

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => key !== '$metadata')
        .map(([key, v]) => [key, SECRET_KEYS.has(key) ? '<redacted>' : redact(v)]),
    );
  }
  return value;
}

/** The part of an SDK client the recorder needs (every v3 client has it). */
interface Recordable {
  middlewareStack: {
    add(
      middleware: (
        next: (args: { input: object }) => Promise<{ output: unknown }>,
        context: { clientName?: string; commandName?: string },
      ) => (args: { input: object }) => Promise<{ output: unknown }>,
      options: { step: 'initialize'; name: string },
    ): void;
  };
}

/** Writes recorded calls to `file` (JSON lines, appended). */
export class CallRecorder {
  readonly calls: RecordedCall[] = [];

  constructor(
    readonly file: string,
    private readonly target: string,
  ) {
    mkdirSync(dirname(file), { recursive: true });
  }

  /** Adds the recording middleware to a client and returns the client. */
  attach<C>(client: C): C {
    (client as unknown as Recordable).middlewareStack.add(
      (next, context) => async (args) => {
        const entry: RecordedCall = {
          at: new Date().toISOString(),
          target: this.target,
          service: (context.clientName ?? '').replace(/Client$/, ''),
          operation: (context.commandName ?? '').replace(/Command$/, ''),
          input: redact(args.input),
        };
        try {
          const result = await next(args);
          const metadata = (result.output as { $metadata?: { httpStatusCode?: number } }).$metadata;
          this.write({ ...entry, status: metadata?.httpStatusCode, output: redact(result.output) });
          return result;
        } catch (error) {
          const e = error as Error & { $metadata?: { httpStatusCode?: number } };
          this.write({
            ...entry,
            status: e.$metadata?.httpStatusCode,
            error: { name: e.name, message: e.message },
          });
          throw error;
        }
      },
      { step: 'initialize', name: 'smusAcceptanceRecorder' },
    );
    return client;
  }

  private write(call: RecordedCall): void {
    this.calls.push(call);
    appendFileSync(this.file, `${JSON.stringify(call)}\n`);
  }
}
