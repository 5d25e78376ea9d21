/**
 * Conversions between JSON documents and modelled values, shared by restJson1 and awsJson1_1:
 * inbound, timestamps become Dates (everything else passes through for the validator to judge);
 * outbound, only modelled members are written, timestamps in their member's format, and null or
 * undefined members are left out.
 */
import type { MemberRef, ServiceModel } from '../model/index.js';
import { shapeOf } from '../model/index.js';
import { DecodeError } from './types.js';
import {
  asDate,
  formatTimestamp,
  parseTimestamp,
  timestampFormatOf,
  type TimestampFormat,
} from './timestamps.js';

/** Options of a JSON flavour. */
export interface JsonFlavour {
  /** Format of timestamps without an explicit one. */
  defaultTimestamp: TimestampFormat;
  /** Whether members may be renamed on the wire with `jsonName` (restJson1 yes, awsJson no). */
  useJsonName: boolean;
}

/** The wire name of a member. */
export function wireName(name: string, ref: MemberRef, flavour: JsonFlavour): string {
  return flavour.useJsonName && ref.jsonName ? ref.jsonName : name;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Decodes a JSON value of the shape `ref` points at. */
export function fromJson(
  model: ServiceModel,
  ref: MemberRef,
  value: unknown,
  flavour: JsonFlavour,
  path: string,
): unknown {
  if (value === null || value === undefined) return value;
  const shape = shapeOf(model, ref.shape);
  switch (shape.type) {
    case 'timestamp':
      return parseTimestamp(value, path);
    case 'structure':
      return isObject(value) ? structureFromJson(model, ref.shape, value, flavour, path) : value;
    case 'list':
      return Array.isArray(value) && shape.member
        ? value.map((item, i) =>
            fromJson(model, shape.member as MemberRef, item, flavour, `${path}.${i + 1}.member`),
          )
        : value;
    case 'map': {
      if (!isObject(value) || !shape.value) return value;
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value))
        out[key] = fromJson(model, shape.value, item, flavour, `${path}.${key}`);
      return out;
    }
    default:
      return value;
  }
}

/** Decodes the body members of a structure; `skip` filters members bound elsewhere (labels, query). */
export function structureFromJson(
  model: ServiceModel,
  shapeName: string,
  value: Record<string, unknown>,
  flavour: JsonFlavour,
  path: string,
  skip: (ref: MemberRef) => boolean = () => false,
): Record<string, unknown> {
  const shape = shapeOf(model, shapeName);
  const out: Record<string, unknown> = {};
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    if (skip(ref)) continue;
    const raw = value[wireName(name, ref, flavour)];
    if (raw === undefined) continue;
    out[name] = fromJson(model, ref, raw, flavour, path ? `${path}.${name}` : name);
  }
  return out;
}

/** Encodes a modelled value of the shape `ref` points at; undefined means "leave it out". */
export function toJson(model: ServiceModel, ref: MemberRef, value: unknown, flavour: JsonFlavour): unknown {
  if (value === null || value === undefined) return undefined;
  const shape = shapeOf(model, ref.shape);
  switch (shape.type) {
    case 'timestamp': {
      const date = asDate(value);
      return date
        ? formatTimestamp(date, timestampFormatOf(model, ref, flavour.defaultTimestamp))
        : undefined;
    }
    case 'structure':
      return isObject(value) ? structureToJson(model, ref.shape, value, flavour) : undefined;
    case 'list':
      return Array.isArray(value) && shape.member
        ? value.map((item) => toJson(model, shape.member as MemberRef, item, flavour) ?? null)
        : undefined;
    case 'map': {
      if (!isObject(value) || !shape.value) return undefined;
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const encoded = toJson(model, shape.value, item, flavour);
        if (encoded !== undefined) out[key] = encoded;
      }
      return out;
    }
    case 'blob':
      return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value;
    default:
      return value;
  }
}

/** Encodes the (body) members of a structure; `skip` filters members bound elsewhere. */
export function structureToJson(
  model: ServiceModel,
  shapeName: string,
  value: Record<string, unknown>,
  flavour: JsonFlavour,
  skip: (ref: MemberRef) => boolean = () => false,
): Record<string, unknown> {
  const shape = shapeOf(model, shapeName);
  const out: Record<string, unknown> = {};
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    if (skip(ref)) continue;
    const encoded = toJson(model, ref, value[name], flavour);
    if (encoded !== undefined) out[wireName(name, ref, flavour)] = encoded;
  }
  return out;
}

/** Parses a JSON request body (empty = `{}`); throws a DecodeError on malformed JSON or a non-object. */
export function parseJsonBody(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DecodeError('The request body is not valid JSON');
  }
  if (!isObject(parsed)) throw new DecodeError('The request body must be a JSON object');
  return parsed;
}
