/**
 * Builds the AWS SDK clients the tool uses, once per (account, region): explicit retry settings
 * and request timeouts (so SDK retries are visible and bounded), an optional endpoint override
 * (`--endpoint-url`, `--local`), and credentials from the standard chain or, for an associated
 * account, from STS AssumeRole on the role its AccountAssociation declares.
 */
import { DataZoneClient } from '@aws-sdk/client-datazone';
import { RAMClient } from '@aws-sdk/client-ram';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { AssumeRoleCommand, STSClient, type AssumeRoleCommandInput } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { NodeHttpHandler } from '@smithy/node-http-handler';
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
  /**
   * Which role of another account `assumed` takes (issue 19.3): `read` (plan, drift, export) the
   * declared reader role when there is one, `write` (apply, the default) the deployer role.
   */
  access?: 'read' | 'write';
  /** RoleSessionName of every assumed role, so CloudTrail ties each call to the run. */
  sessionName?: string;
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

/**
 * What a manifest declares beside a deployer role (`assumeRoleArn`): the read-only role of the same
 * account that plan, drift and export assume instead, and the ExternalId both roles' trust requires.
 */
export interface RoleDeclaration {
  readerRoleArn?: string;
  externalId?: string;
}

/** The credential chain found nothing: said plainly instead of an empty caller account. */
export class NoCredentialsError extends Error {
  override name = 'NoCredentials';
}

/**
 * `provider` with its "nothing found" failure turned into a NoCredentialsError that says what to
 * set; the SDK's own message ("Could not load credentials from any providers") is kept after it.
 */
export function explainMissingCredentials(
  provider: AwsCredentialIdentityProvider,
): AwsCredentialIdentityProvider {
  return async (properties) => {
    try {
      return await provider(properties);
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'CredentialsProviderError') throw error;
      throw new NoCredentialsError(
        `no AWS credentials found: set AWS_PROFILE (or --profile), AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where a role provides them (OIDC in CI, an instance or container role); ${error.message}`,
        { cause: error },
      );
    }
  };
}

/** Connections per host the shared handler keeps: above the read's 64 calls in flight. */
const SHARED_MAX_SOCKETS = 128;

/** Builds and caches clients per account and region. */
export class ClientFactory {
  private readonly cache = new Map<string, AwsClients>();
  // Every SDK client built so far (clients are built on first use), for destroy.
  private readonly built: { destroy(): void }[] = [];
  private roles: ReadonlyMap<string, RoleDeclaration> = new Map();
  // One HTTP handler (and its pools of kept-alive connections) for every client: the accounts
  // and services of a region share its endpoints' hosts, and SigV4 signs each request, not the
  // connection. A handler per client opened 649 connections for a 10,000-project plan over 500
  // associated accounts, each one a TLS handshake against AWS.
  private handler: NodeHttpHandler | undefined;

  constructor(private readonly settings: ClientSettings) {}

  /** The reader roles and ExternalIds the manifests declare, by deployer role ARN. */
  declareRoles(roles: ReadonlyMap<string, RoleDeclaration>): void {
    this.roles = roles;
  }

  /** Clients acting as the tool's own identity in `region`. */
  home(region: string): AwsClients {
    return this.build('home', region, this.settings.credentials);
  }

  /**
   * Clients acting in another account through the deployer role `roleArn`, or through its declared
   * reader role when this factory only reads. The role is assumed with the home identity's STS
   * client of the region (assumeRole), passing the declared ExternalId and this run's session name;
   * the SDK client keeps the credentials and assumes the role again before they expire.
   */
  assumed(roleArn: string, region: string): AwsClients {
    const declared = this.roles.get(roleArn);
    const role = this.settings.access === 'read' ? (declared?.readerRoleArn ?? roleArn) : roleArn;
    const key = `role:${role}`;
    const existing = this.cache.get(`${key}@${region}`);
    if (existing) return existing;
    const params: AssumeRoleCommandInput = {
      RoleArn: role,
      RoleSessionName: this.settings.sessionName ?? 'smus-gitops',
      ...(declared?.externalId ? { ExternalId: declared.externalId } : {}),
    };
    return this.build(key, region, () => assumeRole(this.home(region).sts, params));
  }

  /** Closes every client's sockets. */
  destroy(): void {
    for (const client of this.built.splice(0)) client.destroy();
    this.handler?.destroy();
    this.handler = undefined;
    this.cache.clear();
  }

  private requestHandler(): NodeHttpHandler {
    this.handler ??= new NodeHttpHandler({
      requestTimeout: this.settings.requestTimeoutMs,
      connectionTimeout: 5_000,
      // Without it this SDK only warns when the timeout passes, and a hung call hangs the run.
      throwOnRequestTimeout: true,
      // The read keeps up to 64 calls in flight (live/read-live.ts) across all its clients.
      httpAgent: { keepAlive: true, maxSockets: SHARED_MAX_SOCKETS },
      httpsAgent: { keepAlive: true, maxSockets: SHARED_MAX_SOCKETS },
    });
    return this.handler;
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
      requestHandler: this.requestHandler(),
      ...(this.settings.endpoint ? { endpoint: this.settings.endpoint } : {}),
      ...(credentials ? { credentials } : {}),
    };
    const callLog = this.settings.callLog;
    const where = { account: accountKey, region };
    // Each client is built on first use: a plan reading 500 associated accounts uses only their
    // DataZone client, and the three others it never calls were ~2,000 idle SDK clients (their
    // configs, middleware stacks, HTTP agents), most of a 10,000-project plan's peak memory.
    const lazy = <C extends { destroy(): void }>(make: () => C): (() => C) => {
      let client: C | undefined;
      return () => {
        if (!client) {
          client = make();
          this.built.push(client);
        }
        return client;
      };
    };
    const dataZone = lazy(() => {
      const client = new DataZoneClient(config);
      if (callLog) instrumentClient(client, where, callLog);
      return client;
    });
    const ram = lazy(() => {
      const client = new RAMClient(config);
      if (callLog) instrumentClient(client, where, callLog);
      return client;
    });
    const sageMaker = lazy(() => {
      const client = new SageMakerClient(config);
      if (callLog) instrumentClient(client, where, callLog);
      return client;
    });
    const sts = lazy(() => {
      const client = new STSClient(config);
      if (callLog) instrumentClient(client, where, callLog);
      return client;
    });
    const clients: AwsClients = {
      accountKey,
      region,
      get dataZone() {
        return dataZone();
      },
      get ram() {
        return ram();
      },
      get sageMaker() {
        return sageMaker();
      },
      get sts() {
        return sts();
      },
    };
    this.cache.set(cacheKey, clients);
    return clients;
  }
}

/**
 * The temporary credentials of one role, assumed through `sts` (the home identity's client of the
 * region). Not the SDK's fromTemporaryCredentials: it builds an STS client of its own for every
 * role and keeps it, and a plan over 500 associated accounts held 500 idle STS clients (their
 * configs and middleware stacks) through the whole read, live data that V8 grows the heap
 * against. The SDK client memoises what this returns and calls it again before `expiration`.
 */
async function assumeRole(sts: STSClient, params: AssumeRoleCommandInput): Promise<AwsCredentialIdentity> {
  const { Credentials: c } = await sts.send(new AssumeRoleCommand(params));
  if (!c?.AccessKeyId || !c.SecretAccessKey)
    throw new Error(`Invalid response from STS.assumeRole call with role ${params.RoleArn ?? ''}`);
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
    expiration: c.Expiration,
  };
}
