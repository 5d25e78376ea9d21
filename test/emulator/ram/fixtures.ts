/**
 * Shared set-up of the RAM tests: the accounts, emulator options, a DataZone domain seeded into
 * the world (so the RAM tests do not depend on the DataZone handlers) and an error matcher.
 */
import { expect } from 'vitest';
import type { EmulatorWorld } from '../../../src/emulator/types.js';
import { dataZoneState, type DomainRecord } from '../../../src/emulator/services/datazone/state.js';

/** The home account (static test credentials act as it). */
export const HOME = '111122223333';
/** An account in the organisation. */
export const IN_ORG = '222233334444';
/** An account outside the organisation (needs an accepted invitation). */
export const EXTERNAL = '444455556666';
/** Emulated duration of an in-organisation association, in ms. */
export const ASSOCIATE_MS = 60_000;

/** Emulator options of the RAM tests: small pages, one external account, a long association. */
export const ramEmulatorOptions = {
  behaviour: {
    externalAccountIds: [EXTERNAL],
    defaultPageSize: 2,
    durations: {
      domainCreate: 0,
      domainDelete: 0,
      projectDeploy: 0,
      projectDelete: 0,
      ramAssociate: ASSOCIATE_MS,
      studioCreate: 0,
      studioUpdate: 0,
      studioDelete: 0,
    },
  },
};

/** Puts a DataZone domain of `accountId` into the world and returns its ARN. */
export function seedDomain(world: EmulatorWorld, id: string, accountId = HOME, region = 'us-east-1'): string {
  const arn = `arn:aws:datazone:${region}:${accountId}:domain/${id}`;
  const record = {
    id,
    arn,
    accountId,
    region,
    name: `domain-${id}`,
    domainVersion: 'V2',
    rootDomainUnitId: `root${id}`,
    portalUrl: `https://${id}.sagemaker.${region}.on.aws`,
    tags: {},
    createdAt: 0,
    lastUpdatedAt: 0,
  } as unknown as DomainRecord;
  dataZoneState(world).domains[id] = record;
  return arn;
}

/** Asserts that `promise` rejects with the SDK exception `name` and HTTP status `status`. */
export async function expectServiceError(
  promise: Promise<unknown>,
  name: string,
  status = 400,
): Promise<void> {
  await expect(promise).rejects.toMatchObject({ name, $metadata: { httpStatusCode: status } });
}
