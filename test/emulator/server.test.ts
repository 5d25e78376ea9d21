/**
 * The wire layer end to end through the real SDK clients: routing by signing name, decoding of
 * labels/query/body, response status and timestamp formats per member, error formats mapped to
 * the SDK's exception classes, unknown operations, unsigned requests and handler bugs.
 */
import { describe, expect, it } from 'vitest';
import {
  ConflictException,
  DataZoneServiceException,
  DeleteProjectCommand,
  GetDomainUnitCommand,
  GetDomainCommand,
  GetProjectCommand,
  ListProjectsCommand,
  ListTagsForResourceCommand,
  ServiceQuotaExceededException,
  UntagResourceCommand,
  AccessDeniedException,
} from '@aws-sdk/client-datazone';
import {
  DescribeDomainCommand,
  ResourceNotFound,
  ListDomainsCommand as ListStudioDomainsCommand,
} from '@aws-sdk/client-sagemaker';
import { GetResourceSharesCommand, UnknownResourceException } from '@aws-sdk/client-ram';
import { withEmulator } from '../helpers/emulator.js';
import { FAKES, WHEN, received } from './fake-services.js';

async function failure(
  promise: Promise<unknown>,
): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { $metadata: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail');
}

describe('restJson1 (DataZone, RAM)', () => {
  const emu = withEmulator({ serviceFactories: FAKES });

  it('routes by method and template, and serialises epoch-second timestamps with fractions', async () => {
    const out = await emu.dataZone().send(new GetDomainCommand({ identifier: 'dzd_abc123' }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.id).toBe('dzd_abc123');
    expect(out.name).toBe('domain of 111122223333');
    expect(out.createdAt).toEqual(WHEN);
    expect(out.lastUpdatedAt?.getTime()).toBe(WHEN.getTime());
    expect(out).not.toHaveProperty('secretInternalField');
  });

  it('serialises ISO-8601 members (date-time) as strings the SDK parses', async () => {
    const got = await emu
      .dataZone()
      .send(new GetProjectCommand({ domainIdentifier: 'dzd_abc123', identifier: 'prj1' }));
    expect(got.createdAt).toEqual(WHEN);
    const list = await emu.dataZone().send(new ListProjectsCommand({ domainIdentifier: 'dzd_abc123' }));
    expect(list.items?.[0]?.updatedAt).toEqual(WHEN);
  });

  it('percent-decodes labels and reads repeated query keys as lists', async () => {
    const arn = 'arn:aws:datazone:us-east-1:111122223333:domain/dzd_abc123';
    const tags = await emu.dataZone().send(new ListTagsForResourceCommand({ resourceArn: arn }));
    expect(tags.tags).toEqual({ arn });
    await emu.dataZone().send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['a', 'b c'] }));
    expect(received.UntagResource?.at(-1)).toEqual({ resourceArn: arn, tagKeys: ['a', 'b c'] });
  });

  it('parses integer query parameters per shape', async () => {
    await emu.dataZone().send(new ListProjectsCommand({ domainIdentifier: 'dzd_abc123', maxResults: 7 }));
    expect(received.ListProjects?.at(-1)).toEqual({ domainIdentifier: 'dzd_abc123', maxResults: 7 });
  });

  it('answers 204 with an empty body for DeleteProject', async () => {
    const out = await emu
      .dataZone()
      .send(new DeleteProjectCommand({ domainIdentifier: 'dzd_abc123', identifier: 'prj1' }));
    expect(out.$metadata.httpStatusCode).toBe(204);
  });

  it.each([
    ['dzd_conflict', ConflictException, 'ConflictException', 409],
    ['dzd_quota', ServiceQuotaExceededException, 'ServiceQuotaExceededException', 402],
    ['dzd_denied', AccessDeniedException, 'AccessDeniedException', 403],
  ])('maps a thrown %s to the SDK class with the modelled status', async (identifier, cls, name, status) => {
    const error = await failure(emu.dataZone().send(new GetDomainCommand({ identifier })));
    expect(error).toBeInstanceOf(cls);
    expect(error.name).toBe(name);
    expect(error.$metadata.httpStatusCode).toBe(status);
  });

  it('turns a handler bug into 500 InternalServerException and keeps the error', async () => {
    const error = await failure(emu.dataZone().send(new GetDomainCommand({ identifier: 'dzd_bug' })));
    expect(error.name).toBe('InternalServerException');
    expect(error.$metadata.httpStatusCode).toBe(500);
    const kept = emu.emulator.control.internalErrors();
    expect(kept.some((e) => e instanceof TypeError && e.message === 'handler bug')).toBe(true);
    // The server is still up.
    await emu.dataZone().send(new GetDomainCommand({ identifier: 'dzd_abc123' }));
  });

  it('answers a modelled but unimplemented operation with 501, not a validation error', async () => {
    const error = await failure(
      emu.dataZone().send(new GetDomainUnitCommand({ domainIdentifier: 'dzd_abc123', identifier: 'unit1' })),
    );
    expect(error.$metadata.httpStatusCode).toBe(501);
    expect(error.name).toBe('InternalServerException');
  });

  it('maps RAM errors and timestamps', async () => {
    const out = await emu.ram().send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }));
    expect(out.resourceShares?.[0]?.creationTime).toEqual(WHEN);
    const error = await failure(
      emu.ram().send(new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareStatus: 'DELETED' })),
    );
    expect(error).toBeInstanceOf(UnknownResourceException);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('answers an unknown path with 404 UnknownOperationException', async () => {
    const response = await fetch(`${emu.endpoint}/v2/nothing-here`, {
      headers: { authorization: signed('datazone') },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
  });

  it('refuses unsigned requests and unknown signing names', async () => {
    expect((await fetch(`${emu.endpoint}/v2/domains`)).status).toBe(403);
    const other = await fetch(`${emu.endpoint}/`, {
      method: 'POST',
      headers: { authorization: signed('s3') },
    });
    expect(other.status).toBe(400);
  });

  it('reports a DataZone validation error as ValidationException 400 with the member path', async () => {
    const error = await failure(emu.dataZone().send(new GetDomainCommand({ identifier: 'not-a-domain' })));
    expect(error.name).toBe('ValidationException');
    expect(error).toBeInstanceOf(DataZoneServiceException);
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe(
      "1 validation error detected: Value at 'identifier' failed to satisfy constraint: Member must satisfy regular expression pattern: dzd[-_][a-zA-Z0-9_-]{1,36}",
    );
  });
});

describe('awsJson1_1 (SageMaker)', () => {
  const emu = withEmulator({ serviceFactories: FAKES });

  it('routes by X-Amz-Target and serialises epoch-second timestamps', async () => {
    const out = await emu.sageMaker().send(new DescribeDomainCommand({ DomainId: 'd-abc123' }));
    expect(out.DomainId).toBe('d-abc123');
    expect(out.CreationTime).toEqual(WHEN);
  });

  it('answers modelled errors as __type with status 400', async () => {
    const error = await failure(emu.sageMaker().send(new DescribeDomainCommand({ DomainId: 'd-missing' })));
    expect(error).toBeInstanceOf(ResourceNotFound);
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe('no such domain');
  });

  it('answers validation failures as ValidationException 400', async () => {
    const error = await failure(emu.sageMaker().send(new DescribeDomainCommand({ DomainId: 'NOT VALID' })));
    expect(error.name).toBe('ValidationException');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('answers an unserved target with 400 UnknownOperationException', async () => {
    const response = await fetch(`${emu.endpoint}/`, {
      method: 'POST',
      headers: {
        authorization: signed('sagemaker'),
        'x-amz-target': 'SageMaker.CreateModel',
        'content-type': 'application/x-amz-json-1.1',
      },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { __type: string }).__type).toBe('UnknownOperationException');
    // A served but unimplemented one (the fakes have no ListDomains) is a 501.
    const error = await failure(emu.sageMaker().send(new ListStudioDomainsCommand({})));
    expect(error.$metadata.httpStatusCode).toBe(501);
  });
});

/** An Authorization header with a SigV4 credential scope for `service` (signature not checked). */
export function signed(service: string, accessKeyId = 'AKIAEXAMPLE'): string {
  return `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=00`;
}
