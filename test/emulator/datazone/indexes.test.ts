/**
 * The emulator's DataZone indexes (projects by domain, user and group profiles by natural key)
 * answer exactly what the whole-table scans they replace answered — the same records, in the
 * table's insertion order, the first matching profile — across inserts, deletes made behind the
 * index's back (sweeps, removed domains), re-inserted ids and tables that were loaded rather than
 * built through the index; and through the SDK, names and principals stay per domain.
 */
import {
  CreateProjectCommand,
  DeleteProjectCommand,
  GetGroupProfileCommand,
  GetUserProfileCommand,
  ListProjectsCommand,
} from '@aws-sdk/client-datazone';
import { describe, expect, it } from 'vitest';
import {
  addGroupProfile,
  addProject,
  addUserProfile,
  findGroupProfile,
  findUserProfile,
  projectsInDomain,
} from '../../../src/emulator/services/datazone/indexes.js';
import type {
  DataZoneState,
  GroupProfileRecord,
  ProjectRecord,
  UserProfileRecord,
} from '../../../src/emulator/services/datazone/state.js';
import { allPages, bareProfile, createDomain, dataZoneEmulator, expectError, HOME } from './sdk.js';

const emu = dataZoneEmulator();

/** A small deterministic generator (the test must replay the same operations every run). */
function lcg(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    // The high bits: an LCG modulo a power of two repeats its low bits with a short period.
    return Math.floor((s / 2 ** 31) * n);
  };
}

const DOMAINS = ['dzd_a', 'dzd_b', 'dzd_c'];

function project(id: string, domainId: string): ProjectRecord {
  return { id, domainId, name: id } as ProjectRecord;
}

function emptyState(): DataZoneState {
  return { projects: {}, userProfiles: {}, groupProfiles: {} } as unknown as DataZoneState;
}

describe('DataZone indexes', () => {
  it('answer as the scans do through random inserts, deletes behind their back and re-inserts', () => {
    for (const seed of [1, 2, 3]) {
      const rnd = lcg(seed);
      const state = emptyState();
      // A profile is created only when none of its domain has its key (on first reference, as the
      // handlers do), so no two profiles of one table share a key.
      const userFree = (u: UserProfileRecord) =>
        !Object.values(state.userProfiles).some(
          (p) => p.domainId === u.domainId && p.type === u.type && p.identifier === u.identifier,
        );
      const groupFree = (g: GroupProfileRecord) =>
        !Object.values(state.groupProfiles).some(
          (p) => p.domainId === g.domainId && p.groupName === g.groupName,
        );
      const user = (id: string, domainId: string) =>
        ({ id, domainId, type: rnd(2) ? 'IAM' : 'SSO', identifier: `who${rnd(6)}` }) as UserProfileRecord;
      const group = (id: string, domainId: string) =>
        ({ id, domainId, groupName: `team${rnd(6)}` }) as GroupProfileRecord;
      // Records already in the tables before the index exists (a world loaded from its file).
      for (let i = 0; i < 20; i++) {
        const domainId = DOMAINS[rnd(3)]!;
        state.projects[`p${i}`] = project(`p${i}`, domainId);
        const u = user(`u${i}`, domainId);
        if (userFree(u)) state.userProfiles[u.id] = u;
        const g = group(`g${i}`, domainId);
        if (groupFree(g)) state.groupProfiles[g.id] = g;
      }
      for (let step = 0; step < 400; step++) {
        const domainId = DOMAINS[rnd(3)]!;
        const id = rnd(40);
        const op = rnd(5);
        if (op === 0 && !state.projects[`p${id}`]) addProject(state, project(`p${id}`, domainId));
        else if (op === 1) delete state.projects[`p${id}`];
        else if (op === 2 && !state.userProfiles[`u${id}`]) {
          const u = user(`u${id}`, domainId);
          if (userFree(u)) addUserProfile(state, u);
        } else if (op === 3 && !state.groupProfiles[`g${id}`]) {
          const g = group(`g${id}`, domainId);
          if (groupFree(g)) addGroupProfile(state, g);
        } else if (op === 4) {
          delete state.userProfiles[`u${id}`];
          delete state.groupProfiles[`g${id}`];
        }
        // Not after every step: an id deleted and inserted again before the next look must move too.
        if (rnd(4) !== 0) continue;
        for (const d of DOMAINS) {
          expect(projectsInDomain(state, d)).toEqual(
            Object.values(state.projects).filter((p) => p.domainId === d),
          );
          for (let w = 0; w < 6; w++) {
            for (const type of ['IAM', 'SSO'] as const)
              expect(findUserProfile(state, d, type, `who${w}`)).toBe(
                Object.values(state.userProfiles).find(
                  (p) => p.domainId === d && p.type === type && p.identifier === `who${w}`,
                ),
              );
            expect(findGroupProfile(state, d, `team${w}`)).toBe(
              Object.values(state.groupProfiles).find((g) => g.domainId === d && g.groupName === `team${w}`),
            );
          }
        }
      }
    }
  });

  it('moves an id deleted behind its back and inserted again to the end, as the table does', () => {
    const state = emptyState();
    addProject(state, project('p1', 'dzd_a'));
    addProject(state, project('p2', 'dzd_a'));
    expect(projectsInDomain(state, 'dzd_a').map((p) => p.id)).toEqual(['p1', 'p2']);
    delete state.projects['p1'];
    addProject(state, project('p1', 'dzd_a'));
    expect(Object.keys(state.projects)).toEqual(['p2', 'p1']);
    expect(projectsInDomain(state, 'dzd_a').map((p) => p.id)).toEqual(['p2', 'p1']);
  });

  it('keeps project names and principals per domain through the API', async () => {
    const dz = emu.dataZone();
    const [one, two] = [await createDomain(dz), await createDomain(dz)];
    const create = async (domainId: string, name: string) =>
      dz.send(
        new CreateProjectCommand({
          projectProfileId: await bareProfile(dz, domainId),
          domainIdentifier: domainId,
          name,
          membershipAssignments: [
            { member: { groupIdentifier: 'analysts' }, designation: 'PROJECT_CONTRIBUTOR' },
            {
              member: { userIdentifier: `arn:aws:iam::${HOME}:role/Analyst` },
              designation: 'PROJECT_CONTRIBUTOR',
            },
          ],
        }),
      );
    const names = async (domainId: string) =>
      (
        await allPages((nextToken) =>
          dz.send(new ListProjectsCommand({ domainIdentifier: domainId, nextToken })),
        )
      ).items
        .map((p) => p.name)
        .sort();
    const a = await create(one.id, 'shared');
    await create(two.id, 'shared');
    await create(one.id, 'b');
    await create(one.id, 'c');
    await expectError(create(one.id, 'b'), 'ConflictException');
    expect(await names(one.id)).toEqual(['b', 'c', 'shared']);
    expect(await names(two.id)).toEqual(['shared']);

    // Deleted (gone at once with instant durations): no longer listed, and its name is free again.
    await dz.send(new DeleteProjectCommand({ domainIdentifier: one.id, identifier: a.id }));
    expect(await names(one.id)).toEqual(['b', 'c']);
    const again = await create(one.id, 'shared');
    expect(again.id).not.toBe(a.id);
    expect(await names(one.id)).toEqual(['b', 'c', 'shared']);

    // One profile per principal per domain, found again on the next reference.
    const group = (domainId: string) =>
      dz.send(new GetGroupProfileCommand({ domainIdentifier: domainId, groupIdentifier: 'analysts' }));
    const user = (domainId: string) =>
      dz.send(
        new GetUserProfileCommand({
          domainIdentifier: domainId,
          userIdentifier: `arn:aws:iam::${HOME}:role/Analyst`,
        }),
      );
    expect((await group(one.id)).id).toBe((await group(one.id)).id);
    expect((await group(one.id)).id).not.toBe((await group(two.id)).id);
    expect((await user(one.id)).id).toBe((await user(one.id)).id);
    expect((await user(one.id)).id).not.toBe((await user(two.id)).id);
    expect((await user(two.id)).domainId).toBe(two.id);
  });
});
