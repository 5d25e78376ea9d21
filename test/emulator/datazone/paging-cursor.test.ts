/**
 * Page tokens resume after the last item returned, not at an offset: account pools listed two
 * per page sorted by name, one deleted from the first page, and the following pages still return
 * every surviving pool exactly once.
 */
import {
  CreateAccountPoolCommand,
  DeleteAccountPoolCommand,
  ListAccountPoolsCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import { createDomain, dataZoneEmulator, OTHER } from './sdk.js';

const emu = dataZoneEmulator();

describe('paging with a deletion between pages', () => {
  it('returns every surviving account pool exactly once', async () => {
    const dz = emu.dataZone();
    const domain = await createDomain(dz);
    const ids = new Map<string, string>();
    for (const name of ['p1', 'p2', 'p3', 'p4', 'p5']) {
      const pool = await dz.send(
        new CreateAccountPoolCommand({
          domainIdentifier: domain.id,
          name,
          resolutionStrategy: 'MANUAL',
          accountSource: { accounts: [{ awsAccountId: OTHER, supportedRegions: ['us-east-1'] }] },
        }),
      );
      ids.set(name, pool.id ?? '');
    }
    const list = (nextToken?: string) =>
      dz.send(
        new ListAccountPoolsCommand({
          domainIdentifier: domain.id,
          sortBy: 'NAME',
          sortOrder: 'ASCENDING',
          maxResults: 2,
          nextToken,
        }),
      );
    const first = await list();
    expect(first.items?.map((p) => p.name)).toEqual(['p1', 'p2']);
    await dz.send(new DeleteAccountPoolCommand({ domainIdentifier: domain.id, identifier: ids.get('p1') }));
    const seen = [...(first.items ?? [])].map((p) => p.name);
    let token = first.nextToken;
    while (token) {
      const page = await list(token);
      seen.push(...(page.items ?? []).map((p) => p.name));
      token = page.nextToken;
    }
    expect(seen).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
  });
});
