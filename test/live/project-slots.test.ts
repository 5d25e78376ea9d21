/**
 * Issue 18 (peak memory of a 10,000-project plan): a project is read in a ReadContext.resource
 * slot that it holds from its first call until it is normalised, waits included (the whole project
 * list, the names). A project whose calls are answered but which still waits for the list keeps
 * its slot, so the next project is not started: at most the bound's projects hold their answers
 * and async state at once, however many are listed. Before, the slot covered the calls only, and
 * every listed project's read went on waiting beside the others.
 */
import { ListProjectsCommand, type ProjectSummary } from '@aws-sdk/client-datazone';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClientFactory } from '../../src/aws/clients.js';
import type { DomainContext } from '../../src/live/domain-context.js';
import { createLimiter, type Limiter } from '../../src/live/limit.js';
import { MemberNames } from '../../src/live/members.js';
import { profileNames } from '../../src/live/project-profiles.js';
import { readProject, type ProjectNames } from '../../src/live/projects.js';
import { ReadContext } from '../../src/live/read-context.js';
import { UnitPaths } from '../../src/live/resolve-names.js';
import { withEmulator } from '../helpers/emulator.js';
import { factoryFor, fullScope, LIVE_EMULATOR_OPTIONS, seedOrg, type Seeded } from './seed.js';

const emu = withEmulator(LIVE_EMULATOR_OPTIONS);
let seeded: Seeded;
let factory: ClientFactory;
let listed: ProjectSummary[];

beforeAll(async () => {
  seeded = await seedOrg(emu);
  factory = factoryFor(emu);
  const out = await factory
    .home('us-east-1')
    .dataZone.send(new ListProjectsCommand({ domainIdentifier: seeded.domainId }));
  listed = out.items ?? [];
});

afterAll(() => factory.destroy());

/** A promise settled from outside. */
function gate<T = void>() {
  let open: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

/** Lets every pending callback and I/O event of this turn run. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('project read slots', () => {
  test('a project whose calls are answered keeps its slot while it waits for the list', async () => {
    expect(listed.length).toBeGreaterThanOrEqual(2);
    const [first, second] = listed as [ProjectSummary, ProjectSummary];
    const started: string[] = [];
    const oneSlot = createLimiter(1);
    const slots: Limiter = (task) =>
      oneSlot(() => {
        started.push('slot');
        return task();
      });
    // The first project's two calls (GetProject, ListProjectMemberships) answered.
    const answered = gate();
    let calls = 0;
    const inner = createLimiter(8);
    const limit: Limiter = (task) =>
      inner(async () => {
        const value = await task();
        calls += 1;
        if (calls === 2) answered.open();
        return value;
      });
    const read = new ReadContext(limit, undefined, undefined, slots);
    const dc: DomainContext = {
      scope: fullScope().domains[0]!,
      domain: {
        id: seeded.domainId,
        name: 'corp',
        arn: seeded.domainArn,
        region: 'us-east-1',
        accountId: '',
        rootDomainUnitId: seeded.rootUnitId,
      },
      clients: factory.home('us-east-1'),
      read,
      where: 'domain corp',
    };
    const names = (): Promise<ProjectNames> =>
      Promise.resolve({
        units: new UnitPaths(seeded.rootUnitId, new Map()),
        profiles: profileNames([]),
        members: new MemberNames(read),
      });
    const list = gate<unknown>();

    const reads = [readProject(dc, first, names, list.promise), readProject(dc, second, names, list.promise)];
    await answered.promise;
    for (let i = 0; i < 5; i++) await turn();
    // Answered, but waiting for the list: the slot is still the first project's.
    expect(started).toEqual(['slot']);
    expect(calls).toBe(2);

    list.open(undefined);
    const resources = await Promise.all(reads);
    expect(started).toEqual(['slot', 'slot']);
    expect(calls).toBeGreaterThanOrEqual(4);
    expect(resources.map((r) => r?.address.name)).toEqual([first.name, second.name]);
    expect(resources.every((r) => r?.normal !== undefined)).toBe(true);
    expect(read.failures).toEqual([]);
  });
});
