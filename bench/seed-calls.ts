/**
 * The in-process part of seeding (bench/seed.ts) for account pools and project profiles: each is
 * created by the emulator's own handler (control.ts `invoke`) with exactly the input apply sends,
 * built by apply's request builders (`poolRequest`, `profileRequest` with the same references
 * resolved: blueprints by name from the domain's managed list, pools and units by name), so the
 * records are the ones the API would have made. Apply's only other calls for these creates are
 * name look-ups (adoption) that find nothing in a fresh world.
 */
import type { IdRegistry } from '../src/apply/types.js';
import { poolRequest } from '../src/apply/operations/account-pool.js';
import { profileRequest } from '../src/apply/operations/project-profile-request.js';
import type { DesiredResource } from '../src/plan/desired.js';
import type { NormalAccountPool, NormalProjectProfile } from '../src/model/normalized.js';
import type { InvokeCall, InvokeOutcome } from './emulator-worker.js';

/** Runs a batch of in-process emulator calls in order (emulator-host.ts, or control.invoke in tests). */
export type Invoke = (calls: InvokeCall[]) => Promise<InvokeOutcome[]>;

// Calls per message to the emulator's thread: large enough to amortise the message, small
// enough that the thread still answers other messages in between.
const BATCH = 500;

/** The output of one outcome, or an error naming what failed. */
export function outputOf(outcome: InvokeOutcome | undefined, what: string): unknown {
  if (!outcome) throw new Error(`seed: ${what}: no answer`);
  if ('error' in outcome) throw new Error(`seed: ${what}: ${outcome.error}`);
  return outcome.output;
}

/** Drops undefined members, as the SDK's serialisation and the emulator's decoding do. */
export function wireForm(input: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
}

/** Runs calls in batches, in order. */
export async function invokeBatched(invoke: Invoke, calls: InvokeCall[]): Promise<InvokeOutcome[]> {
  const outcomes: InvokeOutcome[] = [];
  for (let i = 0; i < calls.length; i += BATCH) outcomes.push(...(await invoke(calls.slice(i, i + BATCH))));
  return outcomes;
}

function domainOf(ids: IdRegistry, name: string) {
  const domain = ids.domain(name);
  if (!domain) throw new Error(`seed: domain ${name} was not created`);
  return domain;
}

/** Runs one create per resource and records the id each got in `ids` (as apply's registry would). */
async function createAll(
  invoke: Invoke,
  ids: IdRegistry,
  kind: 'AccountPool' | 'ProjectProfile',
  resources: readonly DesiredResource[],
  calls: InvokeCall[],
): Promise<void> {
  (await invokeBatched(invoke, calls)).forEach((o, i) => {
    const r = resources[i]!;
    const out = outputOf(o, `${calls[i]!.operation} ${r.address.name}`) as { id?: string };
    if (!out.id) throw new Error(`seed: ${calls[i]!.operation} ${r.address.name} answered no id`);
    ids.set(kind, r.address.domain ?? '', r.address.name, out.id);
  });
}

/** Creates the account pools in-process, as apply's CreateAccountPool would. */
export async function seedPools(
  invoke: Invoke,
  ids: IdRegistry,
  pools: readonly DesiredResource[],
): Promise<void> {
  const calls = pools.map((p): InvokeCall => {
    const domain = domainOf(ids, p.address.domain ?? '');
    return {
      service: 'datazone',
      operation: 'CreateAccountPool',
      region: domain.region,
      input: wireForm({
        domainIdentifier: domain.id,
        name: p.address.name,
        ...poolRequest(p.normal as NormalAccountPool),
      }),
    };
  });
  await createAll(invoke, ids, 'AccountPool', pools, calls);
}

/** The managed blueprints of a domain by name (what apply's context lists once per domain). */
async function blueprintsOf(invoke: Invoke, ids: IdRegistry, name: string): Promise<Map<string, string>> {
  const domain = domainOf(ids, name);
  const byName = new Map<string, string>();
  let nextToken: string | undefined;
  do {
    const [outcome] = await invoke([
      {
        service: 'datazone',
        operation: 'ListEnvironmentBlueprints',
        region: domain.region,
        input: wireForm({ domainIdentifier: domain.id, managed: true, nextToken }),
      },
    ]);
    const page = outputOf(outcome, `ListEnvironmentBlueprints ${name}`) as {
      items?: { id?: string; name?: string }[];
      nextToken?: string;
    };
    for (const item of page.items ?? []) if (item.name && item.id) byName.set(item.name, item.id);
    nextToken = page.nextToken;
  } while (nextToken);
  return byName;
}

/** Creates the project profiles in-process, as apply's CreateProjectProfile would (pools first). */
export async function seedProfiles(
  invoke: Invoke,
  ids: IdRegistry,
  profiles: readonly DesiredResource[],
): Promise<void> {
  const blueprints = new Map<string, Map<string, string>>();
  for (const name of new Set(profiles.map((p) => p.address.domain ?? '')))
    blueprints.set(name, await blueprintsOf(invoke, ids, name));
  const calls: InvokeCall[] = [];
  for (const p of profiles) {
    const name = p.address.domain ?? '';
    const domain = domainOf(ids, name);
    const need = (kind: 'AccountPool' | 'DomainUnit', what: string) => {
      const id = ids.get(kind, name, what);
      if (!id) throw new Error(`seed: ${kind} ${what} does not exist in domain ${name}`);
      return id;
    };
    const body = await profileRequest(p.normal as NormalProjectProfile, {
      blueprintId: (blueprint) => {
        const id = blueprints.get(name)?.get(blueprint);
        if (!id) throw new Error(`seed: blueprint ${blueprint} is not managed in domain ${name}`);
        return Promise.resolve(id);
      },
      poolId: (pool) => need('AccountPool', pool),
      unitId: (path) => (path ? need('DomainUnit', path) : domain.rootDomainUnitId),
    });
    calls.push({
      service: 'datazone',
      operation: 'CreateProjectProfile',
      region: domain.region,
      input: wireForm({ domainIdentifier: domain.id, name: p.address.name, ...body }),
    });
  }
  await createAll(invoke, ids, 'ProjectProfile', profiles, calls);
}
