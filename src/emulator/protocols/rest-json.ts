/**
 * restJson1 (DataZone, RAM). Routing matches METHOD and the operation's requestUri template
 * (`/v2/domains/{domainIdentifier}/projects/{identifier}`, greedy `{name+}` labels); label values
 * are percent-decoded. Query members come from the query string (repeated keys are lists;
 * booleans and numbers are parsed per shape), header members from headers, the rest from the JSON
 * body. The response status is the modelled `responseCode` (204 answers with an empty body); only
 * body members are serialised, timestamps as epoch seconds unless the member says ISO-8601.
 * Errors carry `x-amzn-errortype: <Code>` and `{"message": ...}`, the SDK's first choice.
 */
import type { MemberRef, OperationDef, ServiceModel, ShapeDef } from '../model/index.js';
import { shapeOf } from '../model/index.js';
import {
  parseJsonBody,
  structureFromJson,
  structureToJson,
  toJson,
  type JsonFlavour,
} from './json-values.js';
import { parseTimestamp } from './timestamps.js';
import { DecodeError, type Protocol, type RawRequest, type WireError } from './types.js';

const FLAVOUR: JsonFlavour = { defaultTimestamp: 'unixTimestamp', useJsonName: true };

type Segment = { kind: 'literal'; text: string } | { kind: 'label'; name: string; greedy: boolean };

interface Route {
  operation: string;
  method: string;
  segments: Segment[];
  literals: number;
  /** Query keys that the template requires (`/path?versions`), rare but modelled. */
  requiredQuery: string[];
}

function compileRoute(operation: string, op: OperationDef): Route {
  const [pathPart = '', queryPart = ''] = op.http.requestUri.split('?');
  const segments: Segment[] = pathPart
    .split('/')
    .slice(1)
    .map((text) => {
      const label = /^\{([^}+]+)(\+?)\}$/.exec(text);
      return label
        ? { kind: 'label', name: label[1] ?? '', greedy: label[2] === '+' }
        : { kind: 'literal', text };
    });
  const requiredQuery = queryPart === '' ? [] : queryPart.split('&').map((kv) => kv.split('=')[0] ?? '');
  return {
    operation,
    method: op.http.method,
    segments,
    literals: segments.filter((s) => s.kind === 'literal').length,
    requiredQuery,
  };
}

function decodeSegment(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new DecodeError(`Malformed percent-encoding in path segment ${text}`);
  }
}

/**
 * Matches path segments against a template; returns label values or undefined. Labels may be
 * empty (the SDK sends `GET /v2/domains/` for an empty identifier): validation then reports the
 * member's length, as the service does, instead of an unknown operation.
 */
function matchRoute(route: Route, parts: string[]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  let i = 0;
  for (let s = 0; s < route.segments.length; s++) {
    const segment = route.segments[s] as Segment;
    if (segment.kind === 'literal') {
      if (parts[i] !== segment.text) return undefined;
      i++;
    } else if (segment.greedy) {
      const rest = route.segments.length - s - 1;
      const take = parts.length - i - rest;
      if (take < 1) return undefined;
      labels[segment.name] = parts
        .slice(i, i + take)
        .map(decodeSegment)
        .join('/');
      i += take;
    } else {
      if (i >= parts.length) return undefined;
      labels[segment.name] = decodeSegment(parts[i] as string);
      i++;
    }
  }
  return i === parts.length ? labels : undefined;
}

function scalarFromString(model: ServiceModel, ref: MemberRef, text: string, path: string): unknown {
  const shape = shapeOf(model, ref.shape);
  switch (shape.type) {
    case 'integer':
    case 'long':
      if (!/^-?\d+$/.test(text)) throw new DecodeError(`Value at '${path}' must be an integer`);
      return Number(text);
    case 'float':
    case 'double': {
      const n = Number(text);
      if (text.trim() === '' || Number.isNaN(n)) throw new DecodeError(`Value at '${path}' must be a number`);
      return n;
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false')
        throw new DecodeError(`Value at '${path}' must be true or false`);
      return text === 'true';
    case 'timestamp':
      return parseTimestamp(text, path);
    default:
      return text;
  }
}

function fromQuery(
  model: ServiceModel,
  ref: MemberRef,
  shape: ShapeDef,
  params: URLSearchParams,
  key: string,
  path: string,
): unknown {
  if (shape.type === 'list') {
    const values = params.getAll(key);
    if (values.length === 0) return undefined;
    const member = shape.member as MemberRef;
    return values.map((v, i) => scalarFromString(model, member, v, `${path}.${i + 1}.member`));
  }
  const value = params.get(key);
  return value === null ? undefined : scalarFromString(model, ref, value, path);
}

/** Builds the restJson1 protocol over a service model. */
export function restJsonProtocol(model: ServiceModel): Protocol {
  // Most specific first: more literal segments win, so `/v2/domains/{id}/projects` beats `/v2/domains/{id}/{x}`.
  const routes = Object.entries(model.operations)
    .map(([name, op]) => compileRoute(name, op))
    .sort((a, b) => b.literals - a.literals || b.segments.length - a.segments.length);

  const match = (request: RawRequest): { route: Route; labels: Record<string, string> } | undefined => {
    const parts = request.path.split('/').slice(1);
    const params = new URLSearchParams(request.query);
    for (const route of routes) {
      if (route.method !== request.method) continue;
      if (!route.requiredQuery.every((key) => params.has(key))) continue;
      const labels = matchRoute(route, parts);
      if (labels) return { route, labels };
    }
    return undefined;
  };

  return {
    model,
    resolveOperation: (request) => match(request)?.route.operation,

    decodeInput(request, operation) {
      const op = model.operations[operation] as OperationDef;
      if (!op.input) return {};
      const found = match(request);
      const labels = found?.labels ?? {};
      const params = new URLSearchParams(request.query);
      const shape = shapeOf(model, op.input);
      const hasBody = Object.values(shape.members ?? {}).some((ref) => !ref.location);
      const body = hasBody ? parseJsonBody(request.body) : {};
      const input = structureFromJson(
        model,
        op.input,
        body,
        FLAVOUR,
        '',
        (ref) => ref.location !== undefined,
      );
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const key = ref.locationName ?? name;
        const target = shapeOf(model, ref.shape);
        let value: unknown;
        if (ref.location === 'uri') {
          const raw = labels[key];
          value = raw === undefined ? undefined : scalarFromString(model, ref, raw, name);
        } else if (ref.location === 'querystring') {
          value = fromQuery(model, ref, target, params, key, name);
        } else if (ref.location === 'header') {
          const raw = request.headers[key.toLowerCase()];
          value = raw === undefined ? undefined : scalarFromString(model, ref, raw, name);
        } else {
          continue;
        }
        if (value !== undefined) input[name] = value;
      }
      return input;
    },

    encodeOutput(operation, output, requestId) {
      const op = model.operations[operation] as OperationDef;
      const status = op.http.responseCode ?? 200;
      const headers: Record<string, string> = { 'x-amzn-requestid': requestId };
      if (status === 204 || !op.output) return { status, headers, body: '' };
      const value = typeof output === 'object' && output !== null ? (output as Record<string, unknown>) : {};
      const shape = shapeOf(model, op.output);
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        if (ref.location === 'header' && value[name] !== undefined && value[name] !== null) {
          const encoded = toJson(model, ref, value[name], FLAVOUR);
          headers[(ref.locationName ?? name).toLowerCase()] = String(encoded);
        }
      }
      const body = structureToJson(model, op.output, value, FLAVOUR, (ref) => ref.location !== undefined);
      headers['content-type'] = 'application/json';
      return { status, headers, body: JSON.stringify(body) };
    },

    encodeError(error: WireError, requestId) {
      return {
        status: error.status,
        headers: {
          'content-type': 'application/json',
          'x-amzn-errortype': error.code,
          'x-amzn-requestid': requestId,
        },
        body: JSON.stringify({ message: error.message }),
      };
    },
  };
}
