/**
 * Per-service wire facts beyond the model: which protocol a service speaks and which error codes
 * it uses for situations the wire layer raises itself (validation, throttling, internal errors,
 * injected not-found, unknown operations). Codes follow each service's real behaviour; where the
 * model has a matching error shape its status wins.
 */
import type { ServiceName } from './types.js';
import { serviceModel } from './model/index.js';
import type { Protocol } from './protocols/types.js';
import { restJsonProtocol } from './protocols/rest-json.js';
import { awsJsonProtocol } from './protocols/aws-json.js';
import { awsQueryProtocol } from './protocols/aws-query.js';

/** An error code and its HTTP status. */
export interface CodeAndStatus {
  code: string;
  status: number;
}

/** The error codes the wire layer answers on behalf of a service. */
export interface ServiceCodes {
  /** Constraint violations: DataZone/SageMaker `ValidationException`, RAM `InvalidParameterException`, STS `ValidationError`. */
  validation: CodeAndStatus;
  throttling: CodeAndStatus;
  internal: CodeAndStatus;
  notFound: CodeAndStatus;
  unknownOperation: CodeAndStatus;
}

/** The codes per service. */
export const SERVICE_CODES: Readonly<Record<ServiceName, ServiceCodes>> = {
  datazone: {
    validation: { code: 'ValidationException', status: 400 },
    throttling: { code: 'ThrottlingException', status: 429 },
    internal: { code: 'InternalServerException', status: 500 },
    notFound: { code: 'ResourceNotFoundException', status: 404 },
    unknownOperation: { code: 'UnknownOperationException', status: 404 },
  },
  ram: {
    // RAM models no ValidationException; bad parameters are InvalidParameterException (400).
    validation: { code: 'InvalidParameterException', status: 400 },
    throttling: { code: 'ThrottlingException', status: 429 },
    internal: { code: 'ServerInternalException', status: 500 },
    notFound: { code: 'UnknownResourceException', status: 400 },
    unknownOperation: { code: 'UnknownOperationException', status: 404 },
  },
  sagemaker: {
    // Unmodelled in SageMaker's model; the service answers them with status 400 (reference §1.3).
    validation: { code: 'ValidationException', status: 400 },
    throttling: { code: 'ThrottlingException', status: 400 },
    internal: { code: 'InternalServerException', status: 500 },
    notFound: { code: 'ResourceNotFound', status: 400 },
    unknownOperation: { code: 'UnknownOperationException', status: 400 },
  },
  sts: {
    validation: { code: 'ValidationError', status: 400 },
    throttling: { code: 'Throttling', status: 400 },
    internal: { code: 'InternalFailure', status: 500 },
    notFound: { code: 'InvalidClientTokenId', status: 403 },
    unknownOperation: { code: 'InvalidAction', status: 400 },
  },
};

/** Builds the protocol of each service over its generated model. */
export function createProtocols(): Record<ServiceName, Protocol> {
  return {
    datazone: restJsonProtocol(serviceModel('datazone')),
    ram: restJsonProtocol(serviceModel('ram')),
    sagemaker: awsJsonProtocol(serviceModel('sagemaker')),
    sts: awsQueryProtocol(serviceModel('sts')),
  };
}

/**
 * Whether an operation changes state, by AWS naming convention (Get/List/Search/Describe read).
 * STS calls never count as mutating: they are identity plumbing, not the tool's writes.
 */
export function isMutating(service: ServiceName, operation: string): boolean {
  if (service === 'sts') return false;
  return !/^(Get|List|Search|Describe)/.test(operation);
}

/** Whether `name` is one of the served signing names. */
export function isServiceName(name: string): name is ServiceName {
  return name === 'datazone' || name === 'ram' || name === 'sagemaker' || name === 'sts';
}
