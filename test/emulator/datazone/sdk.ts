/**
 * Shared pieces of the DataZone SDK tests: an emulator with zero durations (tests that care
 * set them), a V2 domain factory, an assertion that a call fails with a modelled error class, a
 * collector that follows nextToken, and a guard that no handler crashed (a 500 would hide a bug).
 */
import {
  CreateDomainCommand,
  CreateProjectProfileCommand,
  type CreateDomainCommandOutput,
  type DataZoneClient,
  DataZoneServiceException,
  ListEnvironmentBlueprintsCommand,
} from '@aws-sdk/client-datazone';
import { CreateResourceShareCommand } from '@aws-sdk/client-ram';
import { afterEach, beforeAll, expect } from 'vitest';
import { INSTANT_DURATIONS, withEmulator, type TestEmulator } from '../../helpers/emulator.js';

/** The account every test acts as by default (the emulator's home account). */
export const HOME = '111122223333';
/** A second account of the organisation. */
export const OTHER = '444455556666';
/** A domain execution role of the home account. */
export const EXECUTION_ROLE = `arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainExecution`;

/** An emulator for the enclosing file, failing any test after which a handler crashed. */
export function dataZoneEmulator(): TestEmulator {
  // Async states settle at once unless a test changes them.
  const emu = withEmulator({ behaviour: { durations: INSTANT_DURATIONS, defaultPageSize: 5 } });
  // Files share this module when vitest does not isolate them: each file starts from the same
  // counters and caches as if it were alone (ids repeat across the files' fresh emulators).
  beforeAll(() => {
    domainCounter = 0;
    bareProfiles.clear();
  });
  afterEach(() => {
    expect(emu.emulator.control.internalErrors()).toEqual([]);
  });
  return emu;
}

/** Creates an AVAILABLE V2 domain with a unique name. */
let domainCounter = 0;
export async function createDomain(
  client: DataZoneClient,
  name?: string,
): Promise<CreateDomainCommandOutput & { id: string }> {
  domainCounter += 1;
  const out = await client.send(
    new CreateDomainCommand({
      name: name ?? `domain-${domainCounter}`,
      domainExecutionRole: EXECUTION_ROLE,
      serviceRole: `arn:aws:iam::${HOME}:role/service-role/AmazonSageMakerDomainService`,
      domainVersion: 'V2',
    }),
  );
  return out as CreateDomainCommandOutput & { id: string };
}

/** The id of a managed blueprint of the domain, resolved by name. */
export async function blueprintId(client: DataZoneClient, domainId: string, name: string): Promise<string> {
  const out = await client.send(
    new ListEnvironmentBlueprintsCommand({ domainIdentifier: domainId, name, managed: true }),
  );
  const id = out.items?.[0]?.id;
  if (!id) throw new Error(`no blueprint ${name}`);
  return id;
}

/** Associates `account` with the domain through a RAM share (in-organisation: ASSOCIATED at once). */
export async function associate(emu: TestEmulator, domainArn: string, account: string): Promise<void> {
  const ram = emu.ram();
  await ram.send(
    new CreateResourceShareCommand({
      name: `DataZone-${account}-${domainArn.slice(-6)}`,
      resourceArns: [domainArn],
      principals: [account],
    }),
  );
}

/** Asserts that the call fails with the modelled DataZone error `name` (a real SDK exception class). */
export async function expectError(call: Promise<unknown>, name: string): Promise<DataZoneServiceException> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${name}`).toBeInstanceOf(DataZoneServiceException);
  expect((error as DataZoneServiceException).name).toBe(name);
  return error as DataZoneServiceException;
}

/** Follows nextToken through every page, returning all items and the number of pages. */
export async function allPages<T>(
  page: (nextToken: string | undefined) => Promise<{ items?: T[]; nextToken?: string }>,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const out = await page(token);
    items.push(...(out.items ?? []));
    token = out.nextToken;
    pages += 1;
  } while (token);
  return { items, pages };
}

const bareProfiles = new Map<string, Promise<string>>();

/**
 * The id of a profile without environment configurations in the domain (created on first use):
 * V2 domains refuse a project without a profile, and most project tests are not about profiles.
 */
export function bareProfile(client: DataZoneClient, domainId: string): Promise<string> {
  let id = bareProfiles.get(domainId);
  if (!id) {
    id = client
      .send(
        new CreateProjectProfileCommand({
          domainIdentifier: domainId,
          name: 'bare',
          allowCustomProjectResourceTags: true,
        }),
      )
      .then((out) => out.id ?? '');
    bareProfiles.set(domainId, id);
  }
  return id;
}
