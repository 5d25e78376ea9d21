/** restJson1 codec: routing specificity, empty labels, decoding errors, 204/201 status, body members only. */
import { describe, expect, it } from 'vitest';
import { serviceModel } from '../../../src/emulator/model/index.js';
import { restJsonProtocol } from '../../../src/emulator/protocols/rest-json.js';
import { DecodeError, type RawRequest } from '../../../src/emulator/protocols/types.js';

const dz = restJsonProtocol(serviceModel('datazone'));

function req(method: string, url: string, body = ''): RawRequest {
  const [path = '', query = ''] = url.split('?');
  return { method, path, query, headers: {}, body: Buffer.from(body) };
}

describe('restJson1', () => {
  it.each([
    ['GET', '/v2/domains', 'ListDomains'],
    ['POST', '/v2/domains', 'CreateDomain'],
    ['GET', '/v2/domains/dzd_1', 'GetDomain'],
    ['GET', '/v2/domains/', 'GetDomain'],
    ['GET', '/v2/domains/dzd_1/projects', 'ListProjects'],
    ['GET', '/v2/domains/dzd_1/projects/p1', 'GetProject'],
    ['POST', '/v2/domains/dzd_1/projects/p1/createMembership', 'CreateProjectMembership'],
    ['GET', '/v2/domains/dzd_1/account-pools/a1/accounts', 'ListAccountsInAccountPool'],
    ['GET', '/tags/arn%3Aaws%3Adatazone%3Aus-east-1%3A1%3Adomain%2Fdzd_1', 'ListTagsForResource'],
    ['PUT', '/v2/domains/dzd_1/projects/p1', undefined],
    ['GET', '/v3/domains', undefined],
  ])('%s %s → %s', (method, url, operation) => {
    expect(dz.resolveOperation(req(method, url))).toBe(operation);
  });

  it('decodes labels, query and body together', () => {
    const input = dz.decodeInput(
      req(
        'POST',
        '/v2/domains/dzd_1/projects',
        JSON.stringify({ name: 'p', description: 'd', unknownMember: 1 }),
      ),
      'CreateProject',
    );
    expect(input).toEqual({ domainIdentifier: 'dzd_1', name: 'p', description: 'd' });
  });

  it('decodes booleans and integers from the query string and rejects malformed ones', () => {
    const input = dz.decodeInput(req('GET', '/v2/domains?maxResults=5&status=AVAILABLE'), 'ListDomains');
    expect(input).toEqual({ maxResults: 5, status: 'AVAILABLE' });
    expect(() => dz.decodeInput(req('GET', '/v2/domains?maxResults=five'), 'ListDomains')).toThrow(
      DecodeError,
    );
    expect(() => dz.decodeInput(req('POST', '/v2/domains', '{not json'), 'CreateDomain')).toThrow(
      DecodeError,
    );
  });

  it('answers the modelled status; 204 has an empty body; only body members are written', () => {
    const created = dz.encodeOutput(
      'CreateProject',
      { id: 'p', domainId: 'd', name: 'n', createdBy: 'u', extra: 1 },
      'r',
    );
    expect(created.status).toBe(201);
    expect(JSON.parse(created.body)).toEqual({ id: 'p', domainId: 'd', name: 'n', createdBy: 'u' });
    const deleted = dz.encodeOutput('DeleteProject', {}, 'r');
    expect(deleted).toMatchObject({ status: 204, body: '' });
  });

  it('writes errors with x-amzn-errortype and a message body', () => {
    const error = dz.encodeError({ code: 'ConflictException', message: 'dup', status: 409 }, 'r');
    expect(error.status).toBe(409);
    expect(error.headers['x-amzn-errortype']).toBe('ConflictException');
    expect(JSON.parse(error.body)).toEqual({ message: 'dup' });
  });

  it('writes epoch seconds by default and ISO strings for date-time members', () => {
    const when = new Date('2026-01-02T03:04:05.678Z');
    const domain = JSON.parse(dz.encodeOutput('GetDomain', { id: 'd', createdAt: when }, 'r').body) as Record<
      string,
      unknown
    >;
    expect(domain.createdAt).toBe(1767323045.678);
    const project = JSON.parse(
      dz.encodeOutput('GetProject', { id: 'p', createdAt: when }, 'r').body,
    ) as Record<string, unknown>;
    expect(project.createdAt).toBe('2026-01-02T03:04:05.678Z');
  });
});
