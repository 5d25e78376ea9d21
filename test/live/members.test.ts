/**
 * MemberNames: the bulk listing of a domain's profiles (SearchUserProfiles / SearchGroupProfiles)
 * names every member exactly as the one-by-one Gets do, and replaces them; a search that fails is
 * a skip, not a failure, and the Gets take over.
 */
import { ListProjectMembershipsCommand, ListProjectsCommand } from '@aws-sdk/client-datazone';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AwsClients, ClientFactory } from '../../src/aws/clients.js';
import { createLimiter } from '../../src/live/limit.js';
import { MemberNames } from '../../src/live/members.js';
import { ReadPacing } from '../../src/live/pacing.js';
import { ReadContext, type LiveReadEvent } from '../../src/live/read-context.js';
import type { MemberDetails } from '@aws-sdk/client-datazone';
import { withEmulator } from '../helpers/emulator.js';
import { factoryFor, LIVE_EMULATOR_OPTIONS, seedOrg, virtualTime, type Seeded } from './seed.js';

const emu = withEmulator(LIVE_EMULATOR_OPTIONS);
let seeded: Seeded;
let factory: ClientFactory;
let clients: AwsClients;
let members: MemberDetails[];

beforeAll(async () => {
  seeded = await seedOrg(emu);
  factory = factoryFor(emu);
  clients = factory.home('us-east-1');
  const projects = await clients.dataZone.send(
    new ListProjectsCommand({ domainIdentifier: seeded.domainId }),
  );
  members = [];
  for (const p of projects.items ?? []) {
    const out = await clients.dataZone.send(
      new ListProjectMembershipsCommand({ domainIdentifier: seeded.domainId, projectIdentifier: p.id }),
    );
    for (const m of out.members ?? []) if (m.memberDetails) members.push(m.memberDetails);
  }
});

afterAll(() => {
  emu.emulator.control.clearFaults();
  factory.destroy();
});

function resolver(events: LiveReadEvent[] = []) {
  const read = new ReadContext(createLimiter(4), (e) => events.push(e), new ReadPacing(virtualTime()));
  return { read, names: new MemberNames(read) };
}

const resolveAll = (names: MemberNames) =>
  Promise.all(members.map((m) => names.resolve(clients, seeded.domainId, m)));

describe('MemberNames', () => {
  test('the bulk listing names every member as the Gets do, without a Get', async () => {
    const one = await resolveAll(resolver().names);
    expect(one.length).toBeGreaterThan(3);
    expect(one).not.toContain(undefined);

    const { read, names } = resolver();
    emu.emulator.control.resetStats();
    await names.prefetch(clients, seeded.domainId);
    expect(await resolveAll(names)).toEqual(one);
    const calls = emu.emulator.control.stats().operations;
    expect(calls['datazone.GetUserProfile']).toBeUndefined();
    expect(calls['datazone.GetGroupProfile']).toBeUndefined();
    expect(calls['datazone.SearchUserProfiles']?.count).toBe(1);
    expect(read.failures).toEqual([]);
  });

  test('a failing search is skipped and the Gets take over', async () => {
    const expected = await resolveAll(resolver().names);
    emu.emulator.control.setFaults([{ operation: 'SearchGroupProfiles', error500Pct: 100 }]);
    const events: LiveReadEvent[] = [];
    const { read, names } = resolver(events);
    await names.prefetch(clients, seeded.domainId);
    expect(await resolveAll(names)).toEqual(expected);
    expect(read.failures).toEqual([]);
    expect(events).toContainEqual(
      expect.objectContaining({ code: 'live.skip', operation: 'SearchGroupProfiles' }),
    );
    emu.emulator.control.clearFaults();
  });
});
