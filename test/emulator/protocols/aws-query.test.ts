/** awsQuery codec: form decoding (lists, structures), XML output with escaping, error codes. */
import { describe, expect, it } from 'vitest';
import { serviceModel } from '../../../src/emulator/model/index.js';
import { awsQueryProtocol } from '../../../src/emulator/protocols/aws-query.js';
import type { RawRequest } from '../../../src/emulator/protocols/types.js';

const sts = awsQueryProtocol(serviceModel('sts'));

function form(body: string): RawRequest {
  return { method: 'POST', path: '/', query: '', headers: {}, body: Buffer.from(body) };
}

describe('awsQuery', () => {
  it('resolves the Action and decodes scalars, lists of structures and numbers', () => {
    const request = form(
      'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2FR&RoleSessionName=s&DurationSeconds=900' +
        '&Tags.member.1.Key=k1&Tags.member.1.Value=v1&Tags.member.2.Key=k2&Tags.member.2.Value=v%26' +
        '&TransitiveTagKeys.member.1=k1',
    );
    expect(sts.resolveOperation(request)).toBe('AssumeRole');
    expect(sts.decodeInput(request, 'AssumeRole')).toEqual({
      RoleArn: 'arn:aws:iam::1:role/R',
      RoleSessionName: 's',
      DurationSeconds: 900,
      Tags: [
        { Key: 'k1', Value: 'v1' },
        { Key: 'k2', Value: 'v&' },
      ],
      TransitiveTagKeys: ['k1'],
    });
  });

  it('does not resolve unknown actions', () => {
    expect(sts.resolveOperation(form('Action=GetSessionToken&Version=2011-06-15'))).toBeUndefined();
  });

  it('writes the XML envelope with ISO timestamps and escapes text', () => {
    const out = sts.encodeOutput(
      'AssumeRole',
      {
        Credentials: {
          AccessKeyId: 'A<&>',
          SecretAccessKey: 's"\'',
          SessionToken: 't',
          Expiration: new Date('2026-01-01T00:00:00Z'),
        },
        AssumedRoleUser: { Arn: 'arn', AssumedRoleId: 'id' },
      },
      'req-1',
    );
    expect(out.status).toBe(200);
    expect(out.body).toBe(
      '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>' +
        '<AssumedRoleUser><Arn>arn</Arn><AssumedRoleId>id</AssumedRoleId></AssumedRoleUser>' +
        '<Credentials><AccessKeyId>A&lt;&amp;&gt;</AccessKeyId><Expiration>2026-01-01T00:00:00.000Z</Expiration>' +
        '<SecretAccessKey>s&quot;&apos;</SecretAccessKey><SessionToken>t</SessionToken></Credentials>' +
        '</AssumeRoleResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></AssumeRoleResponse>',
    );
  });

  it('writes errors with the modelled awsQuery code and Receiver for 5xx', () => {
    const error = sts.encodeError(
      { code: 'MalformedPolicyDocumentException', message: 'bad <doc>', status: 400 },
      'r',
    );
    expect(error.body).toBe(
      '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>MalformedPolicyDocument</Code><Message>bad &lt;doc&gt;</Message></Error><RequestId>r</RequestId></ErrorResponse>',
    );
    expect(sts.encodeError({ code: 'InternalFailure', message: 'x', status: 500 }, 'r').body).toContain(
      '<Type>Receiver</Type>',
    );
  });
});
