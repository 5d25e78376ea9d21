/**
 * An unmanaged resource planted before a campaign: a domain no manifest declares, created
 * through the SDK as someone else would. The tool must never change or delete it; its emulator
 * record is compared before and after.
 */
import { CreateDomainCommand, DataZoneClient } from '@aws-sdk/client-datazone';
import type { RunningEmulator } from '../../../src/emulator/server.js';
import type { DataZoneState } from '../../../src/emulator/services/datazone/state.js';

/** A planted resource and how to check it is untouched. */
export interface Planted {
  /** True while the record is exactly as planted. */
  untouched(): boolean;
}

function domainRecord(emulator: RunningEmulator, id: string): string {
  const dz = (emulator.world.services.datazone ?? {}) as Partial<DataZoneState>;
  const record = dz.domains?.[id];
  return record ? JSON.stringify(record) : 'gone';
}

/** Creates an undeclared domain named `name` with the given credentials. */
export async function plantUnmanagedDomain(
  emulator: RunningEmulator,
  credentials: { accessKeyId: string; secretAccessKey: string },
  name = 'unmanaged-by-someone-else',
): Promise<Planted> {
  const client = new DataZoneClient({
    endpoint: emulator.endpoint,
    region: 'us-east-1',
    credentials,
    maxAttempts: 1,
  });
  try {
    const out = await client.send(
      new CreateDomainCommand({
        name,
        domainExecutionRole: 'arn:aws:iam::111122223333:role/service-role/SomeoneElse',
        domainVersion: 'V2',
        serviceRole: 'arn:aws:iam::111122223333:role/service-role/SomeoneElseService',
      }),
    );
    const id = out.id ?? '';
    const before = domainRecord(emulator, id);
    return { untouched: () => domainRecord(emulator, id) === before };
  } finally {
    client.destroy();
  }
}
