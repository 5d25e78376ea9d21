/**
 * What the three wire protocols (restJson1, awsJson1_1, awsQuery) have in common: finding the
 * operation a request calls, decoding its input into the modelled object, and encoding an output
 * or an error. The dispatcher in ../dispatch.ts drives them and never looks at the wire format.
 */
import type { ServiceModel } from '../model/index.js';

/** A request as read from the socket. */
export interface RawRequest {
  method: string;
  /** Path without the query string, still percent-encoded. */
  path: string;
  /** Raw query string without the leading `?` (may be empty). */
  query: string;
  /** Header values by lower-case name. */
  headers: Readonly<Record<string, string | undefined>>;
  body: Buffer;
}

/** A response ready to be written. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** An error to encode: the modelled (or protocol) code, its message and its HTTP status. */
export interface WireError {
  code: string;
  message: string;
  status: number;
}

/** The input of a request could not be decoded (bad JSON, a non-number in an integer query parameter…). */
export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

/** One wire protocol bound to one service model. */
export interface Protocol {
  readonly model: ServiceModel;
  /** The served operation the request calls, or undefined when none matches. */
  resolveOperation(request: RawRequest): string | undefined;
  /** The modelled input object (timestamps as Date); throws DecodeError when the wire data is malformed. */
  decodeInput(request: RawRequest, operation: string): Record<string, unknown>;
  /** The success response of `operation` for the handler's output. */
  encodeOutput(operation: string, output: unknown, requestId: string): WireResponse;
  /** The error response in the protocol's error format. */
  encodeError(error: WireError, requestId: string): WireResponse;
}
