/** STS over the real @aws-sdk/client-sts (awsQuery): identity of home and assumed-role credentials. */
import { describe, expect, it } from 'vitest';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { withEmulator } from '../../helpers/emulator.js';

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

describe('STS', () => {
  const emu = withEmulator();

  it('reports unrecognised credentials as the home account user', async () => {
    const who = await emu.sts().send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/emulator' });
  });

  it('AssumeRole issues credentials that act as the role account', async () => {
    const out = await emu.sts().send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::444455556666:role/path/Deployer',
        RoleSessionName: 'sess',
        DurationSeconds: 900,
      }),
    );
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(out.Credentials?.Expiration).toBeInstanceOf(Date);
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::444455556666:assumed-role/Deployer/sess');
    // No session policy or tags: STS sends no PackedPolicySize.
    expect(out.PackedPolicySize).toBeUndefined();
    const other = await emu.asAccount('777788889999');
    const who = await other.sts().send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe('777788889999');
    expect(who.Arn).toBe('arn:aws:sts::777788889999:assumed-role/SmusGitOpsDeployer/smus-gitops-test');
    expect(who.UserId).toMatch(/^AROA[A-Z2-7]{17}:smus-gitops-test$/);
  });

  it('reports PackedPolicySize for a session policy, and refuses one over 100 %', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
    });
    const out = await emu.sts().send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::444455556666:role/R',
        RoleSessionName: 'sess',
        Policy: policy,
      }),
    );
    expect(out.PackedPolicySize).toBeGreaterThan(0);
    expect(out.PackedPolicySize).toBeLessThanOrEqual(100);
    const huge = JSON.stringify({
      Version: '2012-10-17',
      Statement: Array.from({ length: 40 }, (_, i) => ({
        Effect: 'Allow',
        Action: `s3:Get${i}`,
        Resource: `arn:aws:s3:::bucket-${i}/*`,
      })),
    });
    const error = await failure(
      emu.sts().send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::444455556666:role/R',
          RoleSessionName: 'sess',
          Policy: huge,
        }),
      ),
    );
    expect(error.name).toBe('PackedPolicyTooLargeException');
  });

  it('validates AssumeRole per model (DurationSeconds range, session name pattern) as ValidationError', async () => {
    const tooShort = await failure(
      emu.sts().send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::444455556666:role/R',
          RoleSessionName: 's',
          DurationSeconds: 10,
        }),
      ),
    );
    expect(tooShort.name).toBe('ValidationError');
    expect(tooShort.$metadata.httpStatusCode).toBe(400);
    expect(tooShort.message).toContain("Value at 'DurationSeconds'");
    const badName = await failure(
      emu.sts().send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::444455556666:role/R',
          RoleSessionName: 'has space',
        }),
      ),
    );
    expect(badName.name).toBe('ValidationError');
    expect(badName.message).toContain("Value at 'RoleSessionName'");
  });

  it('answers an unknown action with InvalidAction in the XML error format', async () => {
    const response = await fetch(`${emu.endpoint}/`, {
      method: 'POST',
      headers: {
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIAX/20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=0',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'Action=GetSessionToken&Version=2011-06-15',
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toMatch(
      /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code><Message>.*<\/Message><\/Error><RequestId>[^<]+<\/RequestId><\/ErrorResponse>$/,
    );
  });
});
