/**
 * Where an acceptance run goes: real AWS when `SMUS_ACC=1` (credentials and region from the
 * standard AWS environment, an existing V2 domain in `SMUS_ACC_DOMAIN_ID`), otherwise a local
 * emulator started for the run. Both give the same real SDK clients with the call recorder
 * attached, a unique name prefix, and a way to wait for asynchronous states.
 */
import { DataZoneClient } from '@aws-sdk/client-datazone';
import { RAMClient } from '@aws-sdk/client-ram';
import { STSClient } from '@aws-sdk/client-sts';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { CallRecorder } from './recorder.js';

/** True when the run targets real AWS. */
export const AGAINST_AWS = process.env.SMUS_ACC === '1';

/** What the scenarios work with. */
export interface AcceptanceTarget {
  readonly kind: 'aws' | 'emulator';
  readonly dataZone: DataZoneClient;
  readonly ram: RAMClient;
  readonly sts: STSClient;
  readonly recorder: CallRecorder;
  /** Prefix of every resource name the run creates (`smusacc-<time>-<random>`). */
  readonly prefix: string;
  /** A V2 domain the scenarios may create units, pools, profiles and projects in. */
  domainId(): Promise<string>;
  /** Polls `probe` until it returns true (real AWS is asynchronous; the emulator is instant here). */
  waitFor(what: string, probe: () => Promise<boolean>): Promise<void>;
  close(): Promise<void>;
}

function uniquePrefix(): string {
  const time = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `smusacc-${time}-${Math.random().toString(36).slice(2, 6)}`;
}

function recordFile(kind: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return process.env.SMUS_ACC_RECORD ?? join('acceptance-records', `${kind}-${stamp}.jsonl`);
}

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number, stepMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}

/** Opens the target chosen by the environment. */
export async function openTarget(): Promise<AcceptanceTarget> {
  const prefix = uniquePrefix();
  if (AGAINST_AWS) {
    const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    const domainId = process.env.SMUS_ACC_DOMAIN_ID;
    if (!region || !domainId) throw new Error('SMUS_ACC=1 needs AWS_REGION and SMUS_ACC_DOMAIN_ID');
    const recorder = new CallRecorder(recordFile('aws'), 'aws');
    const config = { region, maxAttempts: 5 };
    return {
      kind: 'aws',
      dataZone: recorder.attach(new DataZoneClient(config)),
      ram: recorder.attach(new RAMClient(config)),
      sts: recorder.attach(new STSClient(config)),
      recorder,
      prefix,
      domainId: () => Promise.resolve(domainId),
      waitFor: (what, probe) => waitFor(what, probe, 10 * 60_000, 5_000),
      close: () => Promise.resolve(),
    };
  }
  return emulatorTarget(prefix);
}

async function emulatorTarget(prefix: string): Promise<AcceptanceTarget> {
  const emulator: RunningEmulator = await startEmulator({
    port: 0,
    behaviour: {
      durations: { domainCreate: 0, domainDelete: 0, projectDeploy: 0, projectDelete: 0, ramAssociate: 0 },
    },
  });
  const recorder = new CallRecorder(recordFile('emulator'), 'emulator');
  const config = {
    endpoint: emulator.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAACCEPTANCE000001', secretAccessKey: 'acceptance' },
    maxAttempts: 3,
  };
  const dataZone = recorder.attach(new DataZoneClient(config));
  let domain: Promise<string> | undefined;
  return {
    kind: 'emulator',
    dataZone,
    ram: recorder.attach(new RAMClient(config)),
    sts: recorder.attach(new STSClient(config)),
    recorder,
    prefix,
    domainId() {
      // Against AWS the domain is given; here the run creates one like it.
      domain ??= (async () => {
        const { CreateDomainCommand } = await import('@aws-sdk/client-datazone');
        const out = await dataZone.send(
          new CreateDomainCommand({
            name: `${prefix}-domain`,
            domainExecutionRole: 'arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution',
            domainVersion: 'V2',
          }),
        );
        return out.id ?? '';
      })();
      return domain;
    },
    waitFor: (what, probe) => waitFor(what, probe, 5_000, 10),
    close: () => emulator.close(),
  };
}
