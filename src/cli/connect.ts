/**
 * How a command reaches AWS: the real endpoints with the standard credential chain, an endpoint
 * override (`--endpoint-url`), or the embedded emulator (`--local`, started in-process with its
 * state under `.smus-gitops/`). Returns the client factory and a closer.
 */
import { STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import {
  ClientFactory,
  DEFAULT_CLIENT_SETTINGS,
  explainMissingCredentials,
  type ClientSettings,
} from '../aws/clients.js';
import type { CliIo } from './io.js';
import type { GlobalOptions } from './global-options.js';
import { callLogSettings } from './logger.js';

/** An open connection. */
export interface Connection {
  clients: ClientFactory;
  /** The emulator endpoint when `--local`. */
  localEndpoint?: string;
  /** The region of the AWS profile in use (`--profile`, else AWS_PROFILE or default), when it sets one. */
  profileRegion?: string;
  close(): Promise<void>;
}

// The embedded emulator accepts any signature; these identify the caller as its home account.
const LOCAL_CREDENTIALS = { accessKeyId: 'AKIASMUSGITOPSLOCAL1', secretAccessKey: 'smus-gitops-local' };

/** Opens the connection the global options ask for. */
export async function connect(
  io: CliIo,
  options: GlobalOptions,
  settings: Partial<ClientSettings> = {},
): Promise<Connection> {
  const base: ClientSettings = { ...DEFAULT_CLIENT_SETTINGS, ...callLogSettings(io, options), ...settings };
  if (options.local) {
    const { startLocalEmulator } = await import('../emulator/local.js');
    const external = (io.env['SMUS_GITOPS_LOCAL_EXTERNAL_ACCOUNTS'] ?? '')
      .split(',')
      .filter((a) => /^\d{12}$/.test(a.trim()));
    const emulator = await startLocalEmulator(io.cwd, {
      behaviour: { externalAccountIds: external.map((a) => a.trim()) },
    });
    const clients = new ClientFactory({
      ...base,
      endpoint: emulator.endpoint,
      credentials: LOCAL_CREDENTIALS,
    });
    return {
      clients,
      localEndpoint: emulator.endpoint,
      close: async () => {
        clients.destroy();
        await emulator.close();
      },
    };
  }
  const clients = new ClientFactory({
    ...base,
    sessionName: base.sessionName ?? sessionName(io.env),
    ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
    credentials: explainMissingCredentials(credentialProvider(io, options)),
  });
  const profileRegion = await regionOfProfile(options.profile);
  return { clients, ...(profileRegion ? { profileRegion } : {}), close: async () => clients.destroy() };
}

/**
 * The tool's own credentials: `--profile` through the shared config and credentials files (static
 * keys, SSO, role_arn, credential_process); else keys given in the command's environment; else the
 * SDK's standard chain (which honours AWS_PROFILE, web identity in CI, container and instance roles).
 */
function credentialProvider(io: CliIo, options: GlobalOptions): AwsCredentialIdentityProvider {
  if (options.profile) return fromIni({ profile: options.profile });
  const key = io.env['AWS_ACCESS_KEY_ID'];
  const secret = io.env['AWS_SECRET_ACCESS_KEY'];
  if (key && secret) {
    const credentials = {
      accessKeyId: key,
      secretAccessKey: secret,
      sessionToken: io.env['AWS_SESSION_TOKEN'],
    };
    return () => Promise.resolve(credentials);
  }
  return fromNodeProviderChain();
}

/**
 * The region the profile's config names, resolved by the SDK exactly as a client without a region
 * would (AWS_REGION first, then the profile's `region`); undefined when none is set.
 */
async function regionOfProfile(profile: string | undefined): Promise<string | undefined> {
  const sts = new STSClient(profile ? { profile } : {});
  try {
    return await sts.config.region();
  } catch {
    return undefined;
  } finally {
    sts.destroy();
  }
}

/**
 * `smus-gitops-<run id>`: the RoleSessionName of every assumed role, so CloudTrail shows which run
 * made a call. In GitHub Actions the run id and attempt; elsewhere the start time.
 */
export function sessionName(env: CliIo['env'], now = Date.now()): string {
  const runId = env['GITHUB_RUN_ID']
    ? `${env['GITHUB_RUN_ID']}-${env['GITHUB_RUN_ATTEMPT'] ?? '1'}`
    : `local-${now}`;
  // RoleSessionName allows [\w+=,.@-] and at most 64 characters.
  return `smus-gitops-${runId}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}
