/**
 * The generated constraint walk (issue 4, acceptance 2): for every served operation and every
 * constrained top-level input member, one violating request through the real SDK client must be
 * answered with the service's validation error (400) naming the member, and a conforming request
 * must not be rejected by the wire layer's validation (it may fail later: not found, conflict…).
 */
import { describe, expect, it } from 'vitest';
import * as dataZoneSdk from '@aws-sdk/client-datazone';
import * as ramSdk from '@aws-sdk/client-ram';
import * as sageMakerSdk from '@aws-sdk/client-sagemaker';
import * as stsSdk from '@aws-sdk/client-sts';
import { serviceModel, shapeOf, type MemberRef } from '../../src/emulator/model/index.js';
import { SERVICE_CODES } from '../../src/emulator/service-wire.js';
import type { ServiceName } from '../../src/emulator/types.js';
import { INSTANT_DURATIONS, withEmulator, type ClientFactories } from '../helpers/emulator.js';
import { conformingValue, violationsOf } from './conforming-values.js';

const SDKS: Record<ServiceName, Record<string, unknown>> = {
  datazone: dataZoneSdk,
  ram: ramSdk,
  sagemaker: sageMakerSdk,
  sts: stsSdk,
};

type Sendable = { send(command: unknown): Promise<unknown>; destroy(): void };

function client(factories: ClientFactories, service: ServiceName): Sendable {
  switch (service) {
    case 'datazone':
      return factories.dataZone() as unknown as Sendable;
    case 'ram':
      return factories.ram() as unknown as Sendable;
    case 'sagemaker':
      return factories.sageMaker() as unknown as Sendable;
    case 'sts':
      return factories.sts() as unknown as Sendable;
  }
}

interface Outcome {
  name: string;
  status: number | undefined;
  message: string;
}

async function call(
  sender: Sendable,
  service: ServiceName,
  operation: string,
  input: Record<string, unknown>,
): Promise<Outcome> {
  const Command = SDKS[service][`${operation}Command`] as new (input: unknown) => unknown;
  if (typeof Command !== 'function') throw new Error(`no ${operation}Command in the ${service} SDK`);
  try {
    const out = (await sender.send(new Command(input))) as { $metadata?: { httpStatusCode?: number } };
    return { name: 'ok', status: out.$metadata?.httpStatusCode, message: '' };
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
}

/**
 * Members of the (newer) model that the installed SDK does not serialise (reference §9): the SDK
 * drops them, so no request can carry them. validate-input.test.ts covers their constraints.
 */
const UNKNOWN_TO_SDK = new Set(['datazone.PutEnvironmentBlueprintConfiguration.resourceConfigurations']);

/** Messages the wire layer writes for constraint and decoding failures. */
const WIRE_VALIDATION = /^(1 validation error detected|Value at )/;

interface Case {
  service: ServiceName;
  operation: string;
  member: string;
  constraint: string;
  input: Record<string, unknown>;
  conforming: Record<string, unknown>;
}

function buildCases(): Case[] {
  const cases: Case[] = [];
  for (const service of ['datazone', 'ram', 'sagemaker', 'sts'] as const) {
    const model = serviceModel(service);
    for (const [operation, op] of Object.entries(model.operations)) {
      if (!op.input) continue;
      const shape = shapeOf(model, op.input);
      const members = shape.members ?? {};
      const required = new Set(shape.required ?? []);
      const base = conformingValue(model, { shape: op.input }) as Record<string, unknown>;
      for (const [member, ref] of Object.entries(members) as [string, MemberRef][]) {
        if (ref.idempotencyToken || UNKNOWN_TO_SDK.has(`${service}.${operation}.${member}`)) continue;
        const conforming = { ...base, [member]: conformingValue(model, ref) };
        for (const violation of violationsOf(model, ref, required.has(member))) {
          const input = { ...conforming };
          if (violation.value === undefined) delete input[member];
          else input[member] = violation.value;
          cases.push({ service, operation, member, constraint: violation.constraint, input, conforming });
        }
      }
    }
  }
  return cases;
}

describe('generated constraint walk', () => {
  const emu = withEmulator({ behaviour: { durations: zeroDurations() } });
  const cases = buildCases();

  it('covers every served operation of every service', () => {
    const operations = new Set(cases.map((c) => `${c.service}.${c.operation}`));
    // Operations without constrained members (e.g. GetCallerIdentity) have nothing to walk.
    expect(operations.size).toBeGreaterThan(55);
    expect(cases.length).toBeGreaterThan(300);
  });

  for (const service of ['datazone', 'ram', 'sagemaker', 'sts'] as const) {
    it(`${service}: each violation is rejected and each conforming value accepted by validation`, async () => {
      const sender = client(emu, service);
      const validation = SERVICE_CODES[service].validation;
      const failures: string[] = [];
      try {
        for (const c of cases.filter((x) => x.service === service)) {
          const label = `${c.operation}.${c.member} (${c.constraint})`;
          const bad = await call(sender, service, c.operation, c.input);
          const namesMember = new RegExp(`Value at '${c.member}[.']`).test(bad.message);
          if (bad.name !== validation.code || bad.status !== validation.status || !namesMember) {
            failures.push(`${label}: violating request got ${bad.name} ${bad.status} ${bad.message}`);
          }
          const good = await call(sender, service, c.operation, c.conforming);
          if (WIRE_VALIDATION.test(good.message))
            failures.push(`${label}: conforming request got ${good.name} ${good.message}`);
        }
      } finally {
        sender.destroy();
      }
      expect(failures).toEqual([]);
    });
  }
});

function zeroDurations() {
  return { ...INSTANT_DURATIONS };
}
