/**
 * Issues 19.12 and 19.13: what the tool prints is escaped for its sink and free of credentials.
 * A committed file name holding a newline must not start a `::error` workflow command in text
 * output; an AWS error that echoes the request (here a hostile endpoint that answers every call
 * with the request's headers) must not print the session token, the signature or the keys.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { renderDiagnosticsGithub } from '../../src/render/diagnostics.js';
import { redactSecrets } from '../../src/render/redact.js';

const INJECTED = 'x\n::error file=README.md,line=1::pwned\n.yaml';

describe('file names are escaped for their sink', () => {
  const dir = mkdtempSync(join(tmpdir(), 'smus-escape-'));
  writeFileSync(join(dir, INJECTED), 'apiVersion: smus-gitops/v1alpha1\nkind: Nope\n');

  it.each([['validate'], ['plan']])('%s text output keeps the name on one line', async (command) => {
    const run = await runCli([command, '.', '--local'], { cwd: dir });
    const printed = `${run.stdout}${run.stderr}`;
    expect(run.exitCode).toBe(1);
    expect(printed).toContain('x\\n::error file=README.md,line=1::pwned\\n.yaml:2:');
    expect(printed.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
  });

  it('GitHub annotations percent-encode the name and redact credentials', () => {
    const text = renderDiagnosticsGithub(
      [
        {
          code: 'SG100',
          severity: 'error',
          message: 'bad\nX-Amz-Security-Token=IQoJb3JpZ2luSECRET',
          location: { file: INJECTED, start: { line: 2, col: 1 } },
        },
      ],
      { fileCount: 1, documentCount: 1, counts: {} },
    );
    expect(text.split('\n')[0]).toBe(
      '::error file=x%0A%3A%3Aerror file=README.md%2Cline=1%3A%3Apwned%0A.yaml,line=2,col=1,title=SG100::bad%0AX-Amz-Security-Token=***',
    );
  });
});

describe('credentials are redacted from every printed error', () => {
  it.each([
    [
      'X-Amz-Security-Token=IQoJb3JpZ2luX2VjEAAa&X-Amz-Signature=abc123',
      'X-Amz-Security-Token=***&X-Amz-Signature=***',
    ],
    [
      'Authorization: AWS4-HMAC-SHA256 Credential=ASIAABCDEFGHIJKLMNOP/20260101/us-east-1/sts/aws4_request, Signature=ff',
      'Authorization: AWS4-HMAC-SHA256 ***',
    ],
    ['key ASIAABCDEFGHIJKLMNOP secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'key ASIA*** secret ***'],
    ['aws_session_token = FwoGZXIvYXdzEJr', 'aws_session_token = ***'],
    ['<SessionToken>abc</SessionToken>', '<SessionToken>***</SessionToken>'],
    // Ordinary text, ARNs and hex digests (commit SHAs) are left alone.
    [
      'arn:aws:iam::111122223333:role/x at 0123456789abcdef0123456789abcdef01234567',
      'arn:aws:iam::111122223333:role/x at 0123456789abcdef0123456789abcdef01234567',
    ],
  ])('%s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  const TOKEN = 'IQoJb3JpZ2luX2VjECHOEDTOKENabcdefghijklmnop0123456789';
  const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYECHOSECRET1';
  let server: Server;
  let endpoint: string;
  beforeAll(async () => {
    // Answers every call with an error whose message is the request's headers, as a
    // misconfigured proxy or a wrong --endpoint-url can.
    server = createServer((request, response) => {
      const echo = JSON.stringify(request.headers).replace(/[<>&]/g, ' ');
      request.resume();
      request.on('end', () => {
        const xml = `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>${echo}</Message></Error><RequestId>r1</RequestId></ErrorResponse>`;
        response.writeHead(403, { 'content-type': 'text/xml', 'x-amzn-errortype': 'AccessDeniedException' });
        response.end(
          request.headers['content-type']?.includes('x-www-form-urlencoded')
            ? xml
            : JSON.stringify({ message: echo }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('plan against an echoing endpoint prints the failure without the token, signature or keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smus-redact-'));
    writeFileSync(
      join(dir, 'domain.yaml'),
      'apiVersion: smus-gitops/v1alpha1\nkind: Domain\nmetadata:\n  name: corp\nspec:\n  region: us-east-1\n  executionRole: arn:aws:iam::111122223333:role/Exec\n',
    );
    const run = await runCli(['plan', '.', '--endpoint-url', endpoint], {
      cwd: dir,
      env: {
        AWS_ACCESS_KEY_ID: 'ASIAECHOEDKEY0000001',
        AWS_SECRET_ACCESS_KEY: SECRET,
        AWS_SESSION_TOKEN: TOKEN,
      },
    });
    const printed = `${run.stdout}${run.stderr}`;
    expect(run.exitCode).not.toBe(0);
    expect(printed).toContain('AccessDenied');
    // The echo reached the output, redacted (so the test proves the redaction, not a silent endpoint).
    expect(printed).toContain('"x-amz-security-token":"***"');
    expect(printed).toContain('AWS4-HMAC-SHA256 Credential=***');
    expect(printed).toContain('Signature=***');
    for (const secret of [TOKEN, SECRET, 'ASIAECHOEDKEY0000001']) expect(printed).not.toContain(secret);
  });
});
