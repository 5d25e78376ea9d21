/**
 * awsJson1_1 (SageMaker): every call is `POST /` with `X-Amz-Target: <prefix>.<Operation>` and a
 * JSON body of PascalCase members; timestamps are epoch seconds. Errors are status 400 (SageMaker's
 * errors model no status) with `{"__type": "<Code>", "Message": ...}`; the SDK reads `__type` first.
 */
import type { OperationDef, ServiceModel } from '../model/index.js';
import { parseJsonBody, structureFromJson, structureToJson, type JsonFlavour } from './json-values.js';
import type { Protocol } from './types.js';

const FLAVOUR: JsonFlavour = { defaultTimestamp: 'unixTimestamp', useJsonName: false };

/** Builds the awsJson1_1 protocol over a service model. */
export function awsJsonProtocol(model: ServiceModel): Protocol {
  const prefix = `${model.metadata.targetPrefix ?? model.metadata.serviceId}.`;
  const contentType = `application/x-amz-json-${model.metadata.jsonVersion ?? '1.1'}`;
  return {
    model,
    resolveOperation(request) {
      const target = request.headers['x-amz-target'];
      if (request.method !== 'POST' || !target?.startsWith(prefix)) return undefined;
      const operation = target.slice(prefix.length);
      return Object.hasOwn(model.operations, operation) ? operation : undefined;
    },
    decodeInput(request, operation) {
      const op = model.operations[operation] as OperationDef;
      const body = parseJsonBody(request.body);
      return op.input ? structureFromJson(model, op.input, body, FLAVOUR, '') : {};
    },
    encodeOutput(operation, output, requestId) {
      const op = model.operations[operation] as OperationDef;
      const value = typeof output === 'object' && output !== null ? (output as Record<string, unknown>) : {};
      const body = op.output ? structureToJson(model, op.output, value, FLAVOUR) : {};
      return {
        status: 200,
        headers: { 'content-type': contentType, 'x-amzn-requestid': requestId },
        body: JSON.stringify(body),
      };
    },
    encodeError(error, requestId) {
      return {
        status: error.status,
        headers: { 'content-type': contentType, 'x-amzn-requestid': requestId },
        body: JSON.stringify({ __type: error.code, Message: error.message }),
      };
    },
  };
}
