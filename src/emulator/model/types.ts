/**
 * Types of the generated constraint tables (`<service>.generated.json`, written by
 * `scripts/gen-emulator-constraints.ts` from the botocore models). They mirror botocore's JSON
 * layout, reduced to what the wire layer needs: HTTP bindings, member locations, constraints and
 * error status codes.
 */

/** A reference from a structure member (or list member / map key / value) to a shape. */
export interface MemberRef {
  shape: string;
  /** `uri`, `querystring`, `header` or `headers`; absent for body members. */
  location?: string;
  /** Name on the wire for located members (label, query key, header name). */
  locationName?: string;
  timestampFormat?: string;
  jsonName?: string;
  flattened?: boolean;
  queryName?: string;
  /** Filled by the SDK when the caller omits it. */
  idempotencyToken?: boolean;
}

/** One shape of the model, reduced to its constraints. */
export interface ShapeDef {
  type:
    | 'structure'
    | 'string'
    | 'list'
    | 'map'
    | 'integer'
    | 'long'
    | 'float'
    | 'double'
    | 'boolean'
    | 'timestamp'
    | 'blob';
  members?: Record<string, MemberRef>;
  required?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  union?: boolean;
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  timestampFormat?: string;
  flattened?: boolean;
  exception?: boolean;
  sensitive?: boolean;
  /** Present on error shapes; `httpStatusCode` is the modelled status. */
  error?: { httpStatusCode?: number; code?: string; senderFault?: boolean };
}

/** One served operation. */
export interface OperationDef {
  http: { method: string; requestUri: string; responseCode?: number };
  input?: string;
  output?: string;
  /** awsQuery: the element that wraps the output inside `<XResponse>`. */
  resultWrapper?: string;
  errors: string[];
}

/** Service-wide facts of the model. */
export interface ModelMetadata {
  apiVersion: string;
  protocol: string;
  signingName?: string;
  endpointPrefix?: string;
  targetPrefix?: string;
  jsonVersion?: string;
  xmlNamespace?: string;
  serviceId: string;
}

/** A whole generated table. */
export interface ServiceModel {
  metadata: ModelMetadata;
  operations: Record<string, OperationDef>;
  shapes: Record<string, ShapeDef>;
}
