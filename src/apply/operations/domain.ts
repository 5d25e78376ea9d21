/**
 * Carries out changes to domains (DataZone V2). A create looks the name up first (ListDomains has
 * no name filter: every page, exact name, in the domain's account) and adopts what it finds;
 * CreateDomain carries a deterministic client token, and a conflict or lost answer is resolved by
 * looking the name up again. Creates wait for AVAILABLE and record the domain's ids; deletes wait
 * until it is gone. A replace (the KMS key is immutable) deletes, then creates.
 */
import { randomUUID } from 'node:crypto';
import {
  CreateDomainCommand,
  DeleteDomainCommand,
  GetDomainCommand,
  ListDomainsCommand,
  type DomainSummary,
  type GetDomainCommandOutput,
} from '@aws-sdk/client-datazone';
import type { AwsClients } from '../../aws/clients.js';
import type { ManifestOf } from '../../model/manifest.js';
import { ownTags } from '../../model/normalized.js';
import { normalizeSso } from '../../model/normalized.js';
import { ApplyError, type Operation, type OperationContext, type OperationInput } from '../types.js';
import { clientToken, describeError, domainRef, getOrGone, isConflict, isGone, listAll } from './dz-calls.js';
import { reconcileOwners } from './unit-owners.js';
import { normalizeOwners } from '../../model/owners.js';
import { ssoRequest, updateDomainFields } from './dz-domain-update.js';
import { isTransient } from '../retry.js';
import { assertNever } from '../../model/manifest.js';

/** Where a domain lives and how its calls are made. */
export interface DomainTarget {
  name: string;
  region: string;
  account: string;
  clients: AwsClients;
  scope: string;
}

function targetOf(ctx: OperationContext, name: string, region: string): DomainTarget {
  const account = ctx.domainAccount(name);
  return { name, region, account, clients: ctx.home(region), scope: `${account}/${region}` };
}

/** The live domain of that name in the target's account and region (DELETED ones excluded). */
async function findDomain(ctx: OperationContext, t: DomainTarget): Promise<DomainSummary | undefined> {
  const items = await listAll(ctx, 'ListDomains', t.scope, (nextToken) =>
    t.clients.dataZone.send(new ListDomainsCommand({ nextToken })),
  );
  // ListDomains also lists domains shared with the caller: only the domain account's own count.
  const found = items.filter(
    (d) => d.name === t.name && d.status !== 'DELETED' && (!t.account || d.managedAccountId === t.account),
  );
  if (found.length > 1)
    throw new ApplyError(
      `${found.length} live domains are named ${t.name} in ${t.region}: resolve the ambiguity by hand`,
    );
  return found[0];
}

/** Waits until the domain is AVAILABLE; CREATION_FAILED is an ApplyError. */
async function waitAvailable(
  ctx: OperationContext,
  t: DomainTarget,
  id: string,
): Promise<GetDomainCommandOutput> {
  return ctx.waitFor(`domain ${t.name} to become AVAILABLE`, async () => {
    const got = await getOrGone(ctx, 'GetDomain', t.scope, () =>
      t.clients.dataZone.send(new GetDomainCommand({ identifier: id })),
    );
    if (got?.status === 'CREATION_FAILED')
      throw new ApplyError(`domain ${t.name} (${id}) failed to create (CREATION_FAILED)`);
    return got?.status === 'AVAILABLE' ? got : undefined;
  });
}

/** Waits until the domain is gone (or DELETED); DELETION_FAILED is an ApplyError. */
async function waitGone(ctx: OperationContext, t: DomainTarget, id: string): Promise<void> {
  await ctx.waitFor(`domain ${t.name} to be deleted`, async () => {
    const got = await getOrGone(ctx, 'GetDomain', t.scope, () =>
      t.clients.dataZone.send(new GetDomainCommand({ identifier: id })),
    );
    if (got?.status === 'DELETION_FAILED')
      throw new ApplyError(`domain ${t.name} (${id}) failed to delete (DELETION_FAILED)`);
    return got === undefined || got.status === 'DELETED' ? true : undefined;
  });
}

function accountOfArn(arn: string | undefined): string | undefined {
  return arn?.split(':')[4] || undefined;
}

/** Records the domain's ids for the operations of its contents. */
function record(ctx: OperationContext, t: DomainTarget, domain: GetDomainCommandOutput): void {
  ctx.ids.setDomain(t.name, {
    id: domain.id ?? '',
    region: t.region,
    arn: domain.arn ?? '',
    rootDomainUnitId: domain.rootDomainUnitId ?? '',
    accountId: accountOfArn(domain.arn) ?? t.account,
  });
}

/** CreateDomain with the manifest's fields; returns the new id. */
async function createDomain(
  ctx: OperationContext,
  t: DomainTarget,
  m: ManifestOf<'Domain'>,
  generation: string,
): Promise<string> {
  const s = m.spec;
  const out = await ctx.call('CreateDomain', t.scope, () =>
    t.clients.dataZone.send(
      new CreateDomainCommand({
        name: t.name,
        description: s.description,
        domainExecutionRole: s.executionRole,
        serviceRole: s.serviceRole,
        kmsKeyIdentifier: s.kmsKey,
        singleSignOn: ssoRequest(normalizeSso(s.singleSignOn)),
        domainVersion: 'V2',
        tags: ownTags(s.tags),
        clientToken: clientToken('Domain', t.account, t.region, t.name, generation),
      }),
    ),
  );
  if (!out.id) throw new ApplyError(`CreateDomain of ${t.name} answered no id`);
  return out.id;
}

/**
 * Brings the domain of the manifest into existence: adopts a live one of that name (waiting out a
 * deletion in progress first), else creates it; then waits for AVAILABLE, brings an adopted domain
 * to the desired state, and records its ids.
 */
async function ensureDomain(
  ctx: OperationContext,
  m: ManifestOf<'Domain'>,
  generation: string,
): Promise<void> {
  const t = targetOf(ctx, m.metadata.name, m.spec.region);
  let found = await findDomain(ctx, t);
  if (found?.status === 'DELETING' && found.id) {
    await waitGone(ctx, t, found.id);
    found = undefined;
  }
  let id = found?.id;
  let adopted = id !== undefined;
  if (!id) {
    try {
      id = await createDomain(ctx, t, m, generation);
    } catch (error) {
      if (!isConflict(error) && !isTransient(error)) throw error;
      id = (await findDomain(ctx, t))?.id;
      if (!id)
        throw new ApplyError(`CreateDomain of ${t.name} failed: ${describeError(error)}`, { cause: error });
      adopted = true;
    }
  }
  const domain = await waitAvailable(ctx, t, id);
  record(ctx, t, domain);
  if (adopted) {
    ctx.log({ kind: 'Domain', name: t.name, id }, 'adopted existing domain');
    await updateDomainFields(ctx, t, m, domain);
  }
  await reconcileRootOwners(ctx, m);
}

/**
 * Brings the root unit's owners to `spec.owners` (issue 15), as a unit's are brought (unit-owners.ts:
 * added before removed, the tool's own ownership kept). Absent owners are not managed. Runs after
 * `record`, which is where the root unit's id comes from.
 */
async function reconcileRootOwners(ctx: OperationContext, m: ManifestOf<'Domain'>): Promise<void> {
  const owners = normalizeOwners(m.spec.owners);
  if (!owners) return;
  const d = domainRef(ctx, m.metadata.name);
  await reconcileOwners(ctx, d, d.rootDomainUnitId, owners);
}

/** DeleteDomain and wait until it is gone; already gone counts as deleted. */
async function deleteDomain(ctx: OperationContext, t: DomainTarget, id: string): Promise<void> {
  try {
    await ctx.call('DeleteDomain', t.scope, () =>
      t.clients.dataZone.send(new DeleteDomainCommand({ identifier: id })),
    );
  } catch (error) {
    if (isGone(error)) return;
    if (isConflict(error)) {
      throw new ApplyError(
        `domain ${t.name} cannot be deleted while it still holds projects or domain units: ${describeError(error)}`,
        { cause: error },
      );
    }
    throw error;
  }
  await waitGone(ctx, t, id);
}

function manifestOf(input: OperationInput): ManifestOf<'Domain'> {
  const m = input.desired?.manifest;
  if (m?.kind !== 'Domain')
    throw new ApplyError(`${input.change.action} of Domain/${input.change.address.name} needs its manifest`);
  return m;
}

/** Create, update, replace or delete one domain. */
export const domainOperation: Operation = async (input, ctx) => {
  const { change, live } = input;
  const name = change.address.name;
  const region = change.address.region ?? ctx.ids.domain(name)?.region ?? '';
  const liveId = live?.id ?? change.id;
  switch (change.action) {
    case 'create':
      // A fresh generation per run: a domain of this name deleted by an earlier apply must not be
      // answered for (the service replays a client token's first result). Retries within the run
      // reuse it (the SDK resends the same request), and adoption by name covers a crash.
      return ensureDomain(ctx, manifestOf(input), randomUUID());
    case 'update': {
      const m = manifestOf(input);
      const t = targetOf(ctx, name, m.spec.region);
      if (!liveId) return ensureDomain(ctx, m, randomUUID());
      const domain = await waitAvailable(ctx, t, liveId);
      record(ctx, t, domain);
      await updateDomainFields(ctx, t, m, domain);
      return reconcileRootOwners(ctx, m);
    }
    case 'replace': {
      const m = manifestOf(input);
      if (liveId) await deleteDomain(ctx, targetOf(ctx, name, region || m.spec.region), liveId);
      // A new generation: the deleted domain's client token must not be answered with the old domain.
      return ensureDomain(ctx, m, liveId ?? 'replace');
    }
    case 'delete':
      if (!liveId) return;
      return deleteDomain(ctx, targetOf(ctx, name, region), liveId);
    case 'noop':
    case 'unmanaged':
      return;
    default:
      return assertNever(change.action);
  }
};
