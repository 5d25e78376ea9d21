/**
 * Carries out changes to studio domains (SageMaker AI). CreateDomain has no client token but
 * names are unique per account and region, so a create looks the name up first and, when the
 * create is refused as ResourceInUse (a retried create that had gone through, or a concurrent
 * one), adopts the domain of that name and converges it. Updates send the changed members and
 * wait for InService; tags go through AddTags / DeleteTags. Every domain created or adopted gets
 * the ownership tag; one in another account is reached through its role. Deletes keep the home EFS file system
 * (RetentionPolicy Retain, the API's safe default: user data is never destroyed by a plan).
 */
import {
  AddTagsCommand,
  CreateDomainCommand,
  DeleteDomainCommand,
  DeleteTagsCommand,
  UpdateDomainCommand,
} from '@aws-sdk/client-sagemaker';
import { assertNever, type ManifestOf } from '../../model/manifest.js';
import type { NormalStudioDomain } from '../../model/normalized.js';
import { STUDIO_MANAGED_TAG, STUDIO_MANAGED_VALUE } from '../../model/studio-marker.js';
import { normalizeDesired } from '../../plan/normalize-desired.js';
import { errorName } from '../retry.js';
import { ApplyError, type Operation, type OperationContext, type OperationInput } from '../types.js';
import {
  describe,
  findDomainByName,
  isNotFound,
  readNormal,
  waitGone,
  waitInService,
  type StudioWhere,
} from './studio-lifecycle.js';
import {
  createDomainRequest,
  immutableDifferences,
  tagChanges,
  updateDomainMembers,
} from './studio-requests.js';

// A domain name freed by a delete in progress, or a lost race, earns a bounded number of new tries.
const CREATE_ATTEMPTS = 3;

function whereOf(ctx: OperationContext, input: OperationInput): StudioWhere {
  const manifest = input.desired?.manifest;
  const region =
    (manifest?.kind === 'StudioDomain' ? manifest.spec.region : undefined) ??
    input.live?.address.region ??
    input.change.address.region;
  if (!region) throw new ApplyError(`studio domain ${input.change.address.name} has no region`);
  // Another account (the address carries it only then) is reached through its role, as the plan read it.
  const account = input.change.address.account;
  const roleArn = account
    ? (ctx.accountRole(account) ??
      (manifest?.kind === 'StudioDomain' ? manifest.spec.assumeRoleArn : undefined) ??
      input.live?.meta.roleArn)
    : undefined;
  if (account && !roleArn)
    throw new ApplyError(
      `studio domain ${input.change.address.name}: no role to assume in account ${account}`,
    );
  const clients = roleArn ? ctx.assumed(roleArn, region) : ctx.home(region);
  return {
    sageMaker: clients.sageMaker,
    scope: `${clients.accountKey}/${region}`,
    name: input.change.address.name,
  };
}

function declared(input: OperationInput): {
  manifest: ManifestOf<'StudioDomain'>;
  normal: NormalStudioDomain;
} {
  const manifest = input.desired?.manifest;
  if (manifest?.kind !== 'StudioDomain')
    throw new ApplyError(`studio domain ${input.change.address.name} is not declared`);
  const normal = (input.desired?.normal ?? normalizeDesired(manifest)) as NormalStudioDomain;
  return { manifest, normal };
}

/** Writes the ownership tag: from now on the domain is the tool's (model/studio-marker.ts). */
async function markManaged(ctx: OperationContext, where: StudioWhere, arn: string): Promise<void> {
  await ctx.call('AddTags', where.scope, () =>
    where.sageMaker.send(
      new AddTagsCommand({
        ResourceArn: arn,
        Tags: [{ Key: STUDIO_MANAGED_TAG, Value: STUDIO_MANAGED_VALUE }],
      }),
    ),
  );
}

/** Creates the domain (or adopts the one of that name) and brings it to the declared value. */
async function create(ctx: OperationContext, where: StudioWhere, input: OperationInput): Promise<void> {
  const { manifest, normal } = declared(input);
  for (let attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
    let existing = await findDomainByName(ctx, where);
    if (existing?.Status === 'Deleting') {
      await waitGone(ctx, where, existing.DomainId ?? '');
      existing = undefined;
    }
    if (!existing) {
      try {
        const out = await ctx.call('CreateDomain', where.scope, () =>
          where.sageMaker.send(new CreateDomainCommand(createDomainRequest(manifest))),
        );
        await waitInService(ctx, where, out.DomainId ?? '');
        return;
      } catch (error) {
        // ResourceInUse: the name is taken after all (our own retried create, or a race): adopt it.
        if (errorName(error) !== 'ResourceInUse' || attempt === CREATE_ATTEMPTS) throw error;
        continue;
      }
    }
    ctx.log({ studioDomain: where.name, id: existing.DomainId }, 'adopting the existing studio domain');
    const current = await waitInService(ctx, where, existing.DomainId ?? '');
    const live = await readNormal(ctx, where, current);
    const immutable = immutableDifferences(normal, live);
    if (immutable.length > 0) {
      throw new ApplyError(
        `studio domain ${where.name} already exists with a different ${immutable.join(', ')}; it is not replaced on adoption`,
      );
    }
    // Found by name at apply time (a retried create of ours, or a race): ours from now on.
    await markManaged(ctx, where, current.DomainArn ?? '');
    return converge(ctx, where, { id: current.DomainId ?? '', arn: current.DomainArn ?? '' }, normal, live);
  }
}

/** Sends the changed mutable members (then waits for InService) and the tag changes. */
async function converge(
  ctx: OperationContext,
  where: StudioWhere,
  domain: { id: string; arn: string },
  desired: NormalStudioDomain,
  live: NormalStudioDomain,
): Promise<void> {
  const members = updateDomainMembers(desired, live);
  if (members) {
    const send = () =>
      ctx.call('UpdateDomain', where.scope, () =>
        where.sageMaker.send(new UpdateDomainCommand({ DomainId: domain.id, ...members })),
      );
    try {
      await send();
    } catch (error) {
      // Busy (a retried update that went through, or a transition in progress): settle, then send again.
      if (errorName(error) !== 'ResourceInUse') throw error;
      await waitInService(ctx, where, domain.id);
      await send();
    }
    await waitInService(ctx, where, domain.id);
  }
  const tags = tagChanges(desired.tags, live.tags);
  if (tags.add.length > 0) {
    await ctx.call('AddTags', where.scope, () =>
      where.sageMaker.send(new AddTagsCommand({ ResourceArn: domain.arn, Tags: tags.add })),
    );
  }
  if (tags.remove.length > 0) {
    await ctx.call('DeleteTags', where.scope, () =>
      where.sageMaker.send(new DeleteTagsCommand({ ResourceArn: domain.arn, TagKeys: tags.remove })),
    );
  }
}

/** Brings the live domain to the declared value. */
async function update(ctx: OperationContext, where: StudioWhere, input: OperationInput): Promise<void> {
  const { normal } = declared(input);
  const live = input.live;
  if (!live) throw new ApplyError(`studio domain ${where.name} is not live, so it cannot be updated`);
  let current = live.meta.status === 'InService' ? undefined : await waitInService(ctx, where, live.id);
  let liveNormal = live.normal as NormalStudioDomain | undefined;
  if (!liveNormal) {
    current ??= await waitInService(ctx, where, live.id);
    liveNormal = await readNormal(ctx, where, current);
  }
  const arn = live.meta.arn ?? current?.DomainArn ?? '';
  // The reviewed plan said this live domain is adopted: the tag comes first, so a failed update
  // still leaves it owned (the next plan shows the remaining drift as an update, not an adoption).
  if (input.change.reason === 'adopt') await markManaged(ctx, where, arn);
  await converge(ctx, where, { id: live.id, arn }, normal, liveNormal);
}

/**
 * Deletes the domain (home EFS retained) and waits until it is gone. A domain already gone is
 * success; one that is busy is waited for; one still holding user profiles, spaces or apps is an
 * ApplyError with SageMaker's reason.
 */
async function remove(ctx: OperationContext, where: StudioWhere, domainId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.call('DeleteDomain', where.scope, () =>
        where.sageMaker.send(
          new DeleteDomainCommand({ DomainId: domainId, RetentionPolicy: { HomeEfsFileSystem: 'Retain' } }),
        ),
      );
      break;
    } catch (error) {
      if (isNotFound(error)) return;
      if (errorName(error) !== 'ResourceInUse') throw error;
      const status = (await describe(ctx, where, domainId))?.Status;
      if (status === undefined) return;
      if (status === 'Deleting') break;
      if ((status !== 'Pending' && status !== 'Updating') || attempt >= CREATE_ATTEMPTS) {
        throw new ApplyError(`studio domain ${where.name} cannot be deleted: ${(error as Error).message}`, {
          cause: error,
        });
      }
      await waitInService(ctx, where, domainId);
    }
  }
  await waitGone(ctx, where, domainId);
}

/** Create, update, replace or delete one studio-domain. */
export const studioDomainOperation: Operation = async (input, ctx) => {
  const action = input.change.action;
  switch (action) {
    case 'create':
      return create(ctx, whereOf(ctx, input), input);
    case 'update':
      return update(ctx, whereOf(ctx, input), input);
    case 'replace': {
      const where = whereOf(ctx, input);
      const id = input.live?.id ?? input.change.id;
      if (id) await remove(ctx, where, id);
      return create(ctx, where, input);
    }
    case 'delete': {
      const id = input.live?.id ?? input.change.id;
      if (id) await remove(ctx, whereOf(ctx, input), id);
      return;
    }
    case 'noop':
    case 'unmanaged':
      return;
    default:
      return assertNever(action);
  }
};
