/**
 * Indexes over the largest DataZone tables: projects by domain, user profiles by (domain, type,
 * identifier), group profiles by (domain, name). Handlers used to scan the whole world for each of
 * these (every domain's projects on each CreateProject, every profile on each member), so seeding
 * ten domains cost time in the square of the domains. The world stays plain JSON: an index is kept
 * beside its table (a WeakMap keyed by the table object, so a reloaded or reset world gets fresh
 * ones), built by one scan on first use and then kept up to date by the inserts below — every
 * insert into these three tables goes through `addProject`, `addUserProfile` or `addGroupProfile`.
 * Deletes need no hook: an entry whose record is no longer in its table is dropped when met.
 * Answers are the same as the scans they replace: records in the table's insertion order, and
 * the profile with the key (profiles are created only on a miss, so no two of a table share one).
 * A record put into a table by hand (a test copying a record to make two live resources of one
 * name, which no handler allows) is not seen until `forgetIndexes` is called.
 */
import type { DataZoneState, GroupProfileRecord, ProjectRecord, UserProfileRecord } from './state.js';

type Projects = DataZoneState['projects'];
type Users = DataZoneState['userProfiles'];
type Groups = DataZoneState['groupProfiles'];

// Per projects table: domain id → (project id → record), in the table's insertion order.
const projectsByDomain = new WeakMap<Projects, Map<string, Map<string, ProjectRecord>>>();
// Per profile table: natural key → profile id (the first profile with that key in the table).
const usersByKey = new WeakMap<Users, Map<string, string>>();
const groupsByKey = new WeakMap<Groups, Map<string, string>>();

const userKey = (domainId: string, type: string, identifier: string) =>
  `${domainId}\u0000${type}\u0000${identifier}`;
const groupKey = (domainId: string, name: string) => `${domainId}\u0000${name}`;

function domainBuckets(table: Projects): Map<string, Map<string, ProjectRecord>> {
  let buckets = projectsByDomain.get(table);
  if (!buckets) {
    buckets = new Map();
    for (const [id, record] of Object.entries(table)) bucketOf(buckets, record.domainId).set(id, record);
    projectsByDomain.set(table, buckets);
  }
  return buckets;
}

function bucketOf<T>(buckets: Map<string, Map<string, T>>, domainId: string): Map<string, T> {
  let bucket = buckets.get(domainId);
  if (!bucket) {
    bucket = new Map();
    buckets.set(domainId, bucket);
  }
  return bucket;
}

/** The domain's projects in the table's insertion order (what `inDomain(state.projects, …)` answered). */
export function projectsInDomain(state: DataZoneState, domainId: string): ProjectRecord[] {
  const bucket = domainBuckets(state.projects).get(domainId);
  if (!bucket) return [];
  const out: ProjectRecord[] = [];
  for (const [id, record] of bucket) {
    // Deleted (swept, or its domain removed) since it was indexed: forget it.
    if (state.projects[id] === record) out.push(record);
    else bucket.delete(id);
  }
  return out;
}

/** Inserts a new project into the table and its index. */
export function addProject(state: DataZoneState, project: ProjectRecord): void {
  const bucket = bucketOf(domainBuckets(state.projects), project.domainId);
  // A key deleted and set again moves to the end of an object's order; do the same in the index.
  bucket.delete(project.id);
  state.projects[project.id] = project;
  bucket.set(project.id, project);
}

function userIndex(table: Users): Map<string, string> {
  let index = usersByKey.get(table);
  if (!index) {
    index = new Map();
    for (const p of Object.values(table)) {
      const key = userKey(p.domainId, p.type, p.identifier);
      if (!index.has(key)) index.set(key, p.id);
    }
    usersByKey.set(table, index);
  }
  return index;
}

function groupIndex(table: Groups): Map<string, string> {
  let index = groupsByKey.get(table);
  if (!index) {
    index = new Map();
    for (const g of Object.values(table)) {
      const key = groupKey(g.domainId, g.groupName);
      if (!index.has(key)) index.set(key, g.id);
    }
    groupsByKey.set(table, index);
  }
  return index;
}

/** The domain's first user profile of this type and identifier, if any. */
export function findUserProfile(
  state: DataZoneState,
  domainId: string,
  type: UserProfileRecord['type'],
  identifier: string,
): UserProfileRecord | undefined {
  const index = userIndex(state.userProfiles);
  const key = userKey(domainId, type, identifier);
  const id = index.get(key);
  if (id === undefined) return undefined;
  const profile = state.userProfiles[id];
  if (profile && profile.domainId === domainId && profile.type === type && profile.identifier === identifier)
    return profile;
  // Its profile was removed (with its domain): rebuild from the table, which answers as a scan would.
  usersByKey.delete(state.userProfiles);
  const fresh = userIndex(state.userProfiles).get(key);
  return fresh === undefined ? undefined : state.userProfiles[fresh];
}

/** The domain's first group profile of this name, if any. */
export function findGroupProfile(
  state: DataZoneState,
  domainId: string,
  name: string,
): GroupProfileRecord | undefined {
  const index = groupIndex(state.groupProfiles);
  const key = groupKey(domainId, name);
  const id = index.get(key);
  if (id === undefined) return undefined;
  const group = state.groupProfiles[id];
  if (group && group.domainId === domainId && group.groupName === name) return group;
  groupsByKey.delete(state.groupProfiles);
  const fresh = groupIndex(state.groupProfiles).get(key);
  return fresh === undefined ? undefined : state.groupProfiles[fresh];
}

/** Inserts a new user profile into the table and its index. */
export function addUserProfile(state: DataZoneState, profile: UserProfileRecord): void {
  const index = userIndex(state.userProfiles);
  state.userProfiles[profile.id] = profile;
  const key = userKey(profile.domainId, profile.type, profile.identifier);
  const first = index.get(key);
  if (first === undefined || !state.userProfiles[first]) index.set(key, profile.id);
}

/** Inserts a new group profile into the table and its index. */
export function addGroupProfile(state: DataZoneState, group: GroupProfileRecord): void {
  const index = groupIndex(state.groupProfiles);
  state.groupProfiles[group.id] = group;
  const key = groupKey(group.domainId, group.groupName);
  const first = index.get(key);
  if (first === undefined || !state.groupProfiles[first]) index.set(key, group.id);
}

/**
 * Drops the indexes of this state's tables, so the next lookup rebuilds them by one scan: for a
 * world edited in place outside the handlers (a test that copies a record), whose inserts the
 * indexes would otherwise never see.
 */
export function forgetIndexes(state: DataZoneState): void {
  projectsByDomain.delete(state.projects);
  usersByKey.delete(state.userProfiles);
  groupsByKey.delete(state.groupProfiles);
}
