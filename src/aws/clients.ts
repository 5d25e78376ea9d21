/**
 * Builds the AWS SDK clients the tool uses, once per (account, region): explicit retry settings
 * and request timeouts (so SDK retries are visible and bounded), an optional endpoint override
 * (`--endpoint-url`, `--local`), and credentials from the standard chain or, for an associated
 * account, from STS AssumeRole on the role its AccountAssociation declares.
 */
import { DataZoneClient } from '@aws-sdk/client-datazone';
import { RAMClient } from '@aws-sdk/client-ram';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { instrumentClient, SDK_MAX_ATTEMPTS, type CallLogger } from './instrument.js';

/** How clients are built. */
export interface ClientSettings {
  /** Send every call here instead of AWS (the emulator, or `--endpoint-url`). */
  endpoint?: string;
  /** Credentials of the tool itself; the standard provider chain when unset. */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** SDK attempts per call (first try included); the tool's own retries come on top. */
  maxAttempts: number;
  /** Per-request timeout, so a hung connection fails instead of stalling the run. */
  requestTimeoutMs: number;
  /** Receives one debug event per AWS call (instrument.ts); no events when unset. */
  callLog?: CallLogger;
}

/** The clients for one account and region. */
export interface AwsClients {
  readonly accountKey: string;
  readonly region: string;
  readonly dataZone: DataZoneClient;
  readonly ram: RAMClient;
  readonly sageMaker: SageMakerClient;
  readonly sts: STSClient;
}

/** Default settings: one SDK attempt (the tool's retry is the only layer, see instrument.ts), 30 s per request. */
export const DEFAULT_CLIENT_SETTINGS: ClientSettings = {
  maxAttempts: SDK_MAX_ATTEMPTS,
  requestTimeoutMs: 30_000,
};

// Refresh assumed credentials this long before they expire.
const REFRESH_MARGIN_MS = 5 * 60_000;

/** Credentials from AssumeRole, cached and refreshed before they expire. */
export function assumeRoleCredentials(
  sts: STSClient,
  roleArn: string,
  sessionName = 'smus-gitops',
): AwsCredentialIdentityProvider {
  let cached: AwsCredentialIdentity | undefined;
  let pending: Promise<AwsCredentialIdentity> | undefined;
  return async () => {
    if (cached?.expiration && cached.expiration.getTime() - Date.now() > REFRESH_MARGIN_MS) return cached;
    pending ??= (async () => {
      try {
        const out = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: sessionName }));
        const c = out.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey)
          throw new Error(`AssumeRole ${roleArn} returned no credentials`);
        cached = {
          accessKeyId: c.AccessKeyId,
          secretAccessKey: c.SecretAccessKey,
          sessionToken: c.SessionToken,
          expiration: c.Expiration,
        };
        return cached;
      } finally {
        pending = undefined;
      }
    })();
    return pending;
  };
}

/** Builds and caches clients per account and region. */
export class ClientFactory {
  private readonly cache = new Map<string, AwsClients>();

  constructor(private readonly settings: ClientSettings) {}

  /** Clients acting as the tool's own identity in `region`. */
  home(region: string): AwsClients {
    return this.build('home', region, this.settings.credentials);
  }

  /** Clients acting in another account through `roleArn` (assumed with the home identity's STS client). */
  assumed(roleArn: string, region: string): AwsClients {
    const key = `role:${roleArn}`;
    const existing = this.cache.get(`${key}@${region}`);
    if (existing) return existing;
    const credentials = assumeRoleCredentials(this.home(region).sts, roleArn);
    return this.build(key, region, credentials);
  }

  /** Closes every client's sockets. */
  destroy(): void {
    for (const clients of this.cache.values()) {
      clients.dataZone.destroy();
      clients.ram.destroy();
      clients.sageMaker.destroy();
      clients.sts.destroy();
    }
    this.cache.clear();
  }

  private build(
    accountKey: string,
    region: string,
    credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined,
  ): AwsClients {
    const cacheKey = `${accountKey}@${region}`;
    const existing = this.cache.get(cacheKey);
    if (existing) return existing;
    const config = {
      region,
      maxAttempts: this.settings.maxAttempts,
      retryMode: 'standard',
      // Resolve each command's middleware stack once per client, not on every send: with the
      // per-send resolution a 10,000-project read spent most of its CPU building stacks.
      cacheMiddleware: true,
      // throwOnRequestTimeout: without it this SDK only warns when the timeout passes, and a hung call hangs the run.
      requestHandler: {
        requestTimeout: this.settings.requestTimeoutMs,
        connectionTimeout: 5_000,
        throwOnRequestTimeout: true,
      },
      ...(this.settings.endpoint ? { endpoint: this.settings.endpoint } : {}),
      ...(credentials ? { credentials } : {}),
    };
    const clients: AwsClients = {
      accountKey,
      region,
      dataZone: new DataZoneClient(config),
      ram: new RAMClient(config),
      sageMaker: new SageMakerClient(config),
      sts: new STSClient(config),
    };
    const callLog = this.settings.callLog;
    if (callLog) {
      const where = { account: accountKey, region };
      instrumentClient(clients.dataZone, where, callLog);
      instrumentClient(clients.ram, where, callLog);
      instrumentClient(clients.sageMaker, where, callLog);
      instrumentClient(clients.sts, where, callLog);
    }
    this.cache.set(cacheKey, clients);
    return clients;
  }
}
