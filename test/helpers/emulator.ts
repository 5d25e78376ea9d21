/**
 * Shared test helper: starts the emulator on a random port and builds REAL @aws-sdk clients
 * pointed at it (endpoint override, static fake credentials, region us-east-1, one attempt so a
 * test sees an injected fault directly instead of the SDK's retry of it).
 *
 * Two styles:
 * - `const emu = await startTestEmulator(options)` … `await emu.close()`;
 * - `const emu = withEmulator(options)` inside a `describe`: registers beforeAll/afterAll hooks and
 *   returns a handle whose members are usable inside tests.
 */
import { afterAll, beforeAll } from 'vitest';
import { DataZoneClient, type DataZoneClientConfig } from '@aws-sdk/client-datazone';
import { RAMClient, type RAMClientConfig } from '@aws-sdk/client-ram';
import { SageMakerClient, type SageMakerClientConfig } from '@aws-sdk/client-sagemaker';
import { AssumeRoleCommand, STSClient, type STSClientConfig } from '@aws-sdk/client-sts';
import type { Timing } from '../../src/aws/rate-budget.js';
import { INSTANT_DURATIONS } from '../../src/emulator/behaviour.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/server.js';

/** Every async lifecycle immediate (the emulator's own constant, re-exported for tests). */
export { INSTANT_DURATIONS };

/** Static credentials of the home account (any access key that STS did not issue). */
export const HOME_CREDENTIALS = {
  accessKeyId: 'AKIAEMULATORTEST0001',
  secretAccessKey: 'emulator-secret',
} as const;

/** The example organisation's cloud: instant lifecycles, and APAC's 777788889999 outside the organisation. */
export const EXAMPLE_BEHAVIOUR = { durations: INSTANT_DURATIONS, externalAccountIds: ['777788889999'] };

/** Environment of a CLI run that calls the emulator as the home account (with `--endpoint-url`). */
export const CLI_ENV: Readonly<Record<string, string>> = {
  AWS_ACCESS_KEY_ID: HOME_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: HOME_CREDENTIALS.secretAccessKey,
};

/** Credentials as the SDK takes them. */
export interface TestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Factories of real SDK clients that call the emulator with one set of credentials. */
export interface ClientFactories {
  readonly credentials: TestCredentials;
  dataZone(options?: Partial<DataZoneClientConfig>): DataZoneClient;
  ram(options?: Partial<RAMClientConfig>): RAMClient;
  sageMaker(options?: Partial<SageMakerClientConfig>): SageMakerClient;
  sts(options?: Partial<STSClientConfig>): STSClient;
}

/** A started emulator plus client factories for the home account and any other account. */
export interface TestEmulator extends ClientFactories {
  readonly emulator: RunningEmulator;
  readonly endpoint: string;
  /** Client factories acting as `accountId` (STS AssumeRole on `arn:aws:iam::<id>:role/SmusGitOpsDeployer`). */
  asAccount(accountId: string): Promise<ClientFactories>;
  close(): Promise<void>;
}

function factories(endpoint: string, credentials: TestCredentials): ClientFactories {
  const base = { endpoint, region: 'us-east-1', credentials, maxAttempts: 1 };
  return {
    credentials,
    dataZone: (options) => new DataZoneClient({ ...base, ...options }),
    ram: (options) => new RAMClient({ ...base, ...options }),
    sageMaker: (options) => new SageMakerClient({ ...base, ...options }),
    sts: (options) => new STSClient({ ...base, ...options }),
  };
}

/**
 * The tool's clock and sleep on the emulator's clock: `now` is the emulated time, and a sleep moves
 * the emulated clock forward by its length instead of waiting. A wait for a lifecycle (a project
 * deploying for 2 s) still sees it in progress, polls on its schedule and sees it end, pacing and
 * backoff still compute their delays: only the real waiting is gone (issue 18). Not for emulators
 * with rate limits or latency, which meter real time.
 */
export function emulatorTiming(emulator: RunningEmulator): Timing {
  return {
    now: () => Date.now() + emulator.world.clockOffsetMs,
    sleep: async (ms) => {
      if (ms > 0) await emulator.control.advanceClock(ms);
      // One macrotask turn, so that a waiting loop lets I/O (the emulator's answers) in between.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** Emulators started here, by endpoint, with the timing the tool may use against them. */
const running = new Map<string, Timing>();

/**
 * The timing for a tool run against `endpoint`: emulatorTiming when the endpoint is a running test
 * emulator without rate limits or latency (both meter real time), undefined (real time) otherwise.
 */
export function timingFor(endpoint: string | undefined): Timing | undefined {
  return endpoint === undefined ? undefined : running.get(endpoint);
}

/** Starts an emulator (random port by default) and returns it with client factories. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0, ...options });
  const realTime = (options.rateLimits !== undefined && options.rateLimits !== 'off') || !!options.latency;
  if (!realTime) running.set(emulator.endpoint, emulatorTiming(emulator));
  const home = factories(emulator.endpoint, { ...HOME_CREDENTIALS });
  return {
    ...home,
    emulator,
    endpoint: emulator.endpoint,
    async asAccount(accountId) {
      const sts = home.sts();
      try {
        const out = await sts.send(
          new AssumeRoleCommand({
            RoleArn: `arn:aws:iam::${accountId}:role/SmusGitOpsDeployer`,
            RoleSessionName: 'smus-gitops-test',
          }),
        );
        const c = out.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('AssumeRole returned no credentials');
        return factories(emulator.endpoint, {
          accessKeyId: c.AccessKeyId,
          secretAccessKey: c.SecretAccessKey,
          sessionToken: c.SessionToken,
        });
      } finally {
        sts.destroy();
      }
    },
    close: () => {
      running.delete(emulator.endpoint);
      return emulator.close();
    },
  };
}

/**
 * Registers beforeAll/afterAll hooks that start and stop an emulator for the enclosing
 * `describe` (or file) and returns a handle that forwards to it; use the handle inside tests only.
 */
export function withEmulator(options: EmulatorOptions = {}): TestEmulator {
  let current: TestEmulator | undefined;
  beforeAll(async () => {
    current = await startTestEmulator(options);
  });
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
  const get = (): TestEmulator => {
    if (!current) throw new Error('withEmulator: the emulator is only available inside tests');
    return current;
  };
  return {
    get emulator() {
      return get().emulator;
    },
    get endpoint() {
      return get().endpoint;
    },
    get credentials() {
      return get().credentials;
    },
    dataZone: (o) => get().dataZone(o),
    ram: (o) => get().ram(o),
    sageMaker: (o) => get().sageMaker(o),
    sts: (o) => get().sts(o),
    asAccount: (id) => get().asAccount(id),
    close: () => get().close(),
  };
}
