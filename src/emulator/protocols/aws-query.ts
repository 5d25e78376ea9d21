/**
 * awsQuery (STS): requests are form-encoded (`Action=AssumeRole&Version=2011-06-15&RoleArn=...`;
 * lists as `Name.member.N`, maps as `Name.entry.N.key|value`, structures as `Name.Member`).
 * Responses are XML: `<XResponse xmlns=NS><XResult>…</XResult><ResponseMetadata><RequestId>…`,
 * timestamps in ISO-8601. Errors:
 * `<ErrorResponse><Error><Type>Sender|Receiver</Type><Code>…</Code><Message>…</Message></Error><RequestId>…</RequestId></ErrorResponse>`,
 * where the code is the error shape's `error.code` when modelled (e.g. `MalformedPolicyDocument`).
 */
import type { MemberRef, OperationDef, ServiceModel } from '../model/index.js';
import { shapeOf } from '../model/index.js';
import { asDate, formatTimestamp, parseTimestamp, timestampFormatOf } from './timestamps.js';
import { DecodeError, type Protocol, type RawRequest } from './types.js';
import { element, escapeXml } from './xml.js';

function formParams(request: RawRequest): URLSearchParams {
  const params = new URLSearchParams(request.query);
  if (request.method === 'POST') {
    for (const [key, value] of new URLSearchParams(request.body.toString('utf8'))) params.append(key, value);
  }
  return params;
}

/** Decodes the value of `ref` found under `key` (and its sub-keys) in the form. */
function fromForm(model: ServiceModel, ref: MemberRef, params: URLSearchParams, key: string): unknown {
  const shape = shapeOf(model, ref.shape);
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        const value = fromForm(
          model,
          member,
          params,
          `${key}.${member.queryName ?? member.locationName ?? name}`,
        );
        if (value !== undefined) out[name] = value;
      }
      return Object.keys(out).length > 0 || params.has(key) ? out : undefined;
    }
    case 'list': {
      // An empty list is sent as `Name=` (no members).
      if (params.get(key) === '') return [];
      const base = shape.flattened || ref.flattened ? key : `${key}.member`;
      const items: unknown[] = [];
      for (let i = 1; ; i++) {
        const item = fromForm(model, shape.member as MemberRef, params, `${base}.${i}`);
        if (item === undefined) break;
        items.push(item);
      }
      return items.length > 0 ? items : undefined;
    }
    case 'map': {
      const base = shape.flattened ? key : `${key}.entry`;
      const out: Record<string, unknown> = {};
      for (let i = 1; params.has(`${base}.${i}.key`); i++) {
        out[params.get(`${base}.${i}.key`) as string] = fromForm(
          model,
          shape.value as MemberRef,
          params,
          `${base}.${i}.value`,
        );
      }
      return Object.keys(out).length > 0 ? out : undefined;
    }
    default: {
      const text = params.get(key);
      if (text === null) return undefined;
      switch (shape.type) {
        case 'integer':
        case 'long':
        case 'float':
        case 'double': {
          const n = Number(text);
          if (text.trim() === '' || Number.isNaN(n))
            throw new DecodeError(`Value at '${key}' must be a number`);
          return n;
        }
        case 'boolean':
          return text === 'true';
        case 'timestamp':
          return parseTimestamp(text, key);
        default:
          return text;
      }
    }
  }
}

/** Encodes a value of `ref` as the inner XML of its element. */
function toXml(model: ServiceModel, ref: MemberRef, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const shape = shapeOf(model, ref.shape);
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object') return undefined;
      const record = value as Record<string, unknown>;
      let out = '';
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        const inner = toXml(model, member, record[name]);
        if (inner !== undefined) out += element(member.locationName ?? name, inner);
      }
      return out;
    }
    case 'list': {
      if (!Array.isArray(value)) return undefined;
      const member = shape.member as MemberRef;
      return value
        .map((item) => element(member.locationName ?? 'member', toXml(model, member, item) ?? ''))
        .join('');
    }
    case 'map': {
      if (typeof value !== 'object') return undefined;
      return Object.entries(value as Record<string, unknown>)
        .map(([k, v]) =>
          element(
            'entry',
            element('key', escapeXml(k)) + element('value', toXml(model, shape.value as MemberRef, v) ?? ''),
          ),
        )
        .join('');
    }
    case 'timestamp': {
      const date = asDate(value);
      return date
        ? escapeXml(String(formatTimestamp(date, timestampFormatOf(model, ref, 'iso8601'))))
        : undefined;
    }
    default:
      return escapeXml(String(value));
  }
}

/** Builds the awsQuery protocol over a service model. */
export function awsQueryProtocol(model: ServiceModel): Protocol {
  const namespace = model.metadata.xmlNamespace ?? '';
  return {
    model,
    resolveOperation(request) {
      const action = formParams(request).get('Action');
      return action !== null && Object.hasOwn(model.operations, action) ? action : undefined;
    },
    decodeInput(request, operation) {
      const op = model.operations[operation] as OperationDef;
      if (!op.input) return {};
      const params = formParams(request);
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shapeOf(model, op.input).members ?? {})) {
        const value = fromForm(model, member, params, member.queryName ?? member.locationName ?? name);
        if (value !== undefined) out[name] = value;
      }
      return out;
    },
    encodeOutput(operation, output, requestId) {
      const op = model.operations[operation] as OperationDef;
      const result = op.output ? (toXml(model, { shape: op.output }, output ?? {}) ?? '') : '';
      const wrapped = op.resultWrapper ? element(op.resultWrapper, result) : result;
      const body =
        `<${operation}Response xmlns="${escapeXml(namespace)}">${wrapped}` +
        `${element('ResponseMetadata', element('RequestId', escapeXml(requestId)))}</${operation}Response>`;
      return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
    },
    encodeError(error, requestId) {
      const code = model.shapes[error.code]?.error?.code ?? error.code;
      const type = error.status >= 500 ? 'Receiver' : 'Sender';
      // STS answers errors in its XML namespace, as it does results (the SDKs ignore it; the
      // AWS CLI and other XML parsers see it).
      const inner = element(
        'ErrorResponse',
        element(
          'Error',
          element('Type', type) +
            element('Code', escapeXml(code)) +
            element('Message', escapeXml(error.message)),
        ) + element('RequestId', escapeXml(requestId)),
      );
      const body = namespace
        ? inner.replace('<ErrorResponse>', `<ErrorResponse xmlns="${escapeXml(namespace)}">`)
        : inner;
      return {
        status: error.status,
        headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
        body,
      };
    },
  };
}
