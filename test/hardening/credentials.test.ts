/**
 * Issue 17 (credentials) and 19.3 (reader roles), against the emulator's STS:
 * - another account is reached through the SDK's fromTemporaryCredentials, with the declared
 *   ExternalId and a per-run RoleSessionName (`smus-gitops-<run id>`, seen in the assumed-role ARN);
 * - a reading factory (plan, drift, export) assumes the declared reader role, a writing one
 *   (apply) the deployer role;
 * - `--profile` takes credentials and the default region from the shared files;
 * - missing credentials say so instead of "credentials are of account ; refusing to act".
 * A recording proxy in front of the emulator shows what the SDK sent to STS.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ClientFactory, DEFAULT_CLIENT_SETTINGS } from '../../src/aws/clients.js';
import { connect, sessionName } from '../../src/cli/connect.js';
import type { CliIo } from '../../src/cli/io.js';
import { declaredRoles } from '../../src/model/roles.js';
import type { Manifest } from '../../src/model/manifest.js';
import { runCli } from '../helpers/cli.js';
import { HOME_CREDENTIALS, startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

const DEPLOYER = 'arn:aws:iam::444455556666:role/SmusGitOpsDeployer';
const READER = 'arn:aws:iam::444455556666:role/SmusGitOpsReader';

const association = {
  apiVersion: 'smus-gitops/v1alpha1',
  kind: 'AccountAssociation',
  metadata: { name: '444455556666', domain: 'corp' },
  spec: { access: 'portal', assumeRoleArn: DEPLOYER, readerRoleArn: READER, externalId: 'corp-ext-1' },
} as unknown as Manifest;

let emu: TestEmulator;
let proxy: Server;
let proxyEndpoint: string;
const stsBodies: string[] = [];

beforeAll(async () => {
  emu = await startTestEmulator();
  const target = new URL(emu.endpoint);
  // Forwards everything to the emulator, keeping the STS (form-encoded) request bodies.
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (String(req.headers['content-type']).includes('x-www-form-urlencoded'))
        stsBodies.push(body.toString());
      const out = request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 500, answer.headers);
          answer.pipe(res);
        },
      );
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyEndpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  await emu.close();
});
afterEach(() => {
  stsBodies.length = 0;
  vi.unstubAllEnvs();
});

async function callerArn(access: 'read' | 'write'): Promise<string | undefined> {
  const factory = new ClientFactory({
    ...DEFAULT_CLIENT_SETTINGS,
    endpoint: proxyEndpoint,
    credentials: { ...HOME_CREDENTIALS },
    access,
    sessionName: sessionName({ GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '2' }),
  });
  factory.declareRoles(declaredRoles([association]));
  try {
    const out = await factory.assumed(DEPLOYER, 'us-east-1').sts.send(new GetCallerIdentityCommand({}));
    return out.Arn;
  } finally {
    factory.destroy();
  }
}

describe('assumed roles', () => {
  it('a reading run assumes the reader role, with the ExternalId and the run in the session name', async () => {
    expect(await callerArn('read')).toBe(
      'arn:aws:sts::444455556666:assumed-role/SmusGitOpsReader/smus-gitops-4242-2',
    );
    const assume = stsBodies.filter((b) => b.includes('Action=AssumeRole'));
    expect(assume.length).toBeGreaterThan(0);
    for (const body of assume) {
      const params = new URLSearchParams(body);
      expect(params.get('RoleArn')).toBe(READER);
      expect(params.get('ExternalId')).toBe('corp-ext-1');
      expect(params.get('RoleSessionName')).toBe('smus-gitops-4242-2');
    }
  });

  it('an applying run assumes the deployer role', async () => {
    expect(await callerArn('write')).toBe(
      'arn:aws:sts::444455556666:assumed-role/SmusGitOpsDeployer/smus-gitops-4242-2',
    );
    expect(stsBodies.some((b) => new URLSearchParams(b).get('RoleArn') === READER)).toBe(false);
  });

  it('session names outside GitHub Actions carry the start time, within STS limits', () => {
    expect(sessionName({}, 1_700_000_000_000)).toBe('smus-gitops-local-1700000000000');
    expect(sessionName({ GITHUB_RUN_ID: 'x'.repeat(80) })).toHaveLength(64);
  });
});

function sharedFiles(config: string, credentials: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'smus-aws-config-'));
  writeFileSync(join(dir, 'config'), config);
  writeFileSync(join(dir, 'credentials'), credentials);
  vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'credentials'));
  for (const name of [
    'AWS_REGION',
    'AWS_DEFAULT_REGION',
    'AWS_PROFILE',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
  ])
    vi.stubEnv(name, undefined);
  // No instance-metadata probe from this machine.
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
}

function io(env: Record<string, string> = {}): CliIo {
  return {
    stdout: () => undefined,
    stderr: () => undefined,
    env,
    cwd: process.cwd(),
    isTTY: false,
    interrupted: new Promise(() => undefined),
  };
}

describe('--profile', () => {
  it('takes the credentials and the default region from the named profile', async () => {
    sharedFiles(
      '[default]\nregion = us-west-2\n[profile team]\nregion = eu-west-1\n',
      '[team]\naws_access_key_id = AKIAPROFILETEAM00001\naws_secret_access_key = team-secret\n',
    );
    const connection = await connect(io(), {
      profile: 'team',
      endpointUrl: emu.endpoint,
      logLevel: 'warn',
      logFormat: 'json',
      color: false,
    });
    try {
      expect(connection.profileRegion).toBe('eu-west-1');
      const sts = connection.clients.home('eu-west-1').sts;
      const credentials = await sts.config.credentials();
      expect(credentials.accessKeyId).toBe('AKIAPROFILETEAM00001');
      const caller = await sts.send(new GetCallerIdentityCommand({}));
      expect(caller.Account).toMatch(/^\d{12}$/);
    } finally {
      await connection.close();
    }
  });

  it('export uses the profile region', async () => {
    sharedFiles(
      '[profile team]\nregion = ap-southeast-2\n',
      '[team]\naws_access_key_id = AKIAPROFILETEAM00001\naws_secret_access_key = s\n',
    );
    const out = mkdtempSync(join(tmpdir(), 'smus-export-profile-'));
    const run = await runCli([
      'export',
      '--studio-domains',
      '--out',
      out,
      '--profile',
      'team',
      '--endpoint-url',
      emu.endpoint,
    ]);
    expect(run.stdout).toContain('of Studio domains (ap-southeast-2)');
  });

  it('a missing profile is a clear credentials error', async () => {
    sharedFiles('', '');
    const dir = mkdtempSync(join(tmpdir(), 'smus-noprofile-'));
    writeFileSync(
      join(dir, 'domain.yaml'),
      'apiVersion: smus-gitops/v1alpha1\nkind: Domain\nmetadata:\n  name: corp\nspec:\n  region: us-east-1\n  account: "111122223333"\n  executionRole: arn:aws:iam::111122223333:role/Exec\n',
    );
    const run = await runCli(['plan', '.', '--profile', 'absent', '--endpoint-url', emu.endpoint], {
      cwd: dir,
    });
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('NoCredentials: no AWS credentials found: set AWS_PROFILE (or --profile)');
    expect(run.stderr).not.toContain('credentials are of account ;');
  });
});

describe('no credentials at all', () => {
  it('says so instead of "credentials are of account ; refusing to act"', async () => {
    sharedFiles('', '');
    const dir = mkdtempSync(join(tmpdir(), 'smus-nocreds-'));
    writeFileSync(
      join(dir, 'domain.yaml'),
      'apiVersion: smus-gitops/v1alpha1\nkind: Domain\nmetadata:\n  name: corp\nspec:\n  region: us-east-1\n  account: "111122223333"\n  executionRole: arn:aws:iam::111122223333:role/Exec\n',
    );
    const run = await runCli(['plan', '.', '--endpoint-url', emu.endpoint], { cwd: dir });
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain(
      'GetCallerIdentity failed for region us-east-1: NoCredentials: no AWS credentials found:',
    );
    expect(run.stderr).not.toContain('credentials are of account ;');
  });
});
