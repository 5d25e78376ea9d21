/**
 * Timestamp formats on the wire. The format of a member is the member's `timestampFormat`, else
 * the target shape's, else the protocol default: restJson and awsJson bodies use epoch seconds
 * (a JSON number, fractions allowed), restJson query strings use ISO-8601, awsQuery uses ISO-8601.
 * The SDK throws a TypeError when a timestamp arrives in another format, so this must be exact.
 */
import type { MemberRef, ServiceModel } from '../model/index.js';
import { DecodeError } from './types.js';

/** The botocore names of the formats. */
export type TimestampFormat = 'unixTimestamp' | 'iso8601' | 'rfc822';

/** The wire format of a timestamp member. */
export function timestampFormatOf(
  model: ServiceModel,
  ref: MemberRef,
  fallback: TimestampFormat,
): TimestampFormat {
  const format = ref.timestampFormat ?? model.shapes[ref.shape]?.timestampFormat;
  return format === 'unixTimestamp' || format === 'iso8601' || format === 'rfc822' ? format : fallback;
}

/**
 * Converts what a handler returned as a timestamp into a Date. Handlers are asked for Dates;
 * epoch milliseconds (what the world stores) and ISO strings are accepted too, to be forgiving.
 */
export function asDate(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  if (typeof value === 'string') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

/** Formats a Date for the wire. */
export function formatTimestamp(date: Date, format: TimestampFormat): number | string {
  switch (format) {
    case 'unixTimestamp':
      return date.getTime() / 1000;
    case 'iso8601':
      return date.toISOString();
    case 'rfc822':
      return date.toUTCString();
    default:
      return assertNever(format);
  }
}

/** Parses a wire timestamp (number = epoch seconds; string = ISO-8601, RFC 822, or epoch seconds). */
export function parseTimestamp(value: unknown, path: string): Date {
  let date: Date | undefined;
  if (typeof value === 'number') date = new Date(value * 1000);
  else if (typeof value === 'string')
    date = /^-?\d+(\.\d+)?$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
  if (!date || Number.isNaN(date.getTime()))
    throw new DecodeError(`Value at '${path}' is not a valid timestamp`);
  return date;
}

function assertNever(value: never): never {
  throw new Error(`unhandled timestamp format ${String(value)}`);
}
