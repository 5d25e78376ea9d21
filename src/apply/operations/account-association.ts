/**
 * Carries out changes to account associations: RAM shares of the domain to an account (one share
 * per domain and access level, owned by the domain account). Create adds the account to the share
 * (creating the share when needed) and waits for ASSOCIATED, accepting the invitation as the
 * account when it is outside the organisation. An access change moves the account to the other
 * share before leaving the old one, so the account never loses access in between. Delete leaves the
 * share (or deletes it with its last principal) and waits until the association is over.
 */
import { accessOf } from '../../live/account-associations.js';
import type { LiveResource } from '../../live/types.js';
import { assertNever } from '../../model/manifest.js';
import type { NormalAccountAssociation } from '../../model/normalized.js';
import type { DesiredResource } from '../../plan/desired.js';
import { ApplyError, type Operation, type OperationContext } from '../types.js';
import { waitAssociated, waitDisassociated } from './ram-association-wait.js';
import { shareLockKey, withShareLocks } from './ram-share-lock.js';
import { ensureSharedWith, findShare, removeFromShare, type Access, type ShareTarget } from './ram-shares.js';

/** The domain an association belongs to, as the registry knows it. */
interface DomainFacts {
  name: string;
  region: string;
  arn: string;
  account: string;
}

function domainFacts(ctx: OperationContext, name: string): DomainFacts {
  const info = ctx.ids.domain(name);
  if (!info?.arn)
    throw new ApplyError(`domain ${name} is not known, so its account associations cannot be changed`);
  return { name, region: info.region, arn: info.arn, account: info.accountId || ctx.domainAccount(name) };
}

function shareTarget(ctx: OperationContext, domain: DomainFacts, access: Access): ShareTarget {
  return {
    ram: ctx.home(domain.region).ram,
    scope: `${domain.account}/${domain.region}`,
    domainName: domain.name,
    domainArn: domain.arn,
    access,
  };
}

/** The declared access level (the manifest default is portal). */
function desiredAccess(desired: DesiredResource | undefined): Access {
  const normal = desired?.normal as NormalAccountAssociation | undefined;
  if (normal) return normal.access;
  if (desired?.manifest.kind === 'AccountAssociation') return desired.manifest.spec.access ?? 'portal';
  return 'portal';
}

/** The live access level: from the normal value, else from the share's permission. */
function liveAccess(live: LiveResource): Access {
  const normal = live.normal as NormalAccountAssociation | undefined;
  return normal?.access ?? accessOf(live.meta.permissionArn);
}

/** Shares the domain with the account at the access level and waits for ASSOCIATED. */
async function associate(
  ctx: OperationContext,
  domain: DomainFacts,
  account: string,
  access: Access,
): Promise<void> {
  const target = shareTarget(ctx, domain, access);
  const shareArn = await withShareLocks([shareLockKey(domain.arn, access)], () =>
    ensureSharedWith(ctx, target, account),
  );
  await waitAssociated(ctx, target, shareArn, { account, domain: domain.name, region: domain.region });
}

/**
 * The domain facts a removal needs. The live share's ARN names its region and owner, so a removal
 * still works when the registry no longer knows the domain (e.g. it is being torn down).
 */
function removalFacts(ctx: OperationContext, name: string, live: LiveResource): DomainFacts {
  if (ctx.ids.domain(name)?.arn) return domainFacts(ctx, name);
  const [, , , region, owner] = (live.meta.shareArn ?? '').split(':');
  if (!region || !owner) return domainFacts(ctx, name);
  return { name, region, arn: live.meta.domainArn ?? name, account: owner };
}

/** Ends the account's association with the live share and waits until it is over. */
async function dissociate(
  ctx: OperationContext,
  domain: DomainFacts,
  account: string,
  live: LiveResource,
): Promise<void> {
  const access = liveAccess(live);
  const target = shareTarget(ctx, domain, access);
  const shareArn = live.meta.shareArn ?? (await findShare(ctx, target))?.resourceShareArn;
  if (!shareArn) return;
  await withShareLocks([shareLockKey(domain.arn, access)], () =>
    removeFromShare(ctx, target, shareArn, account),
  );
  await waitDisassociated(ctx, target, shareArn, account);
}

/** Create, update, replace or delete one account-association. */
export const accountAssociationOperation: Operation = async ({ change, desired, live }, ctx) => {
  const account = change.address.name;
  const action = change.action;
  switch (action) {
    case 'create':
      return associate(ctx, domainFacts(ctx, change.address.domain ?? ''), account, desiredAccess(desired));
    case 'update': {
      const domain = domainFacts(ctx, change.address.domain ?? '');
      const access = desiredAccess(desired);
      // Join the new share first: the account keeps access throughout the move.
      await associate(ctx, domain, account, access);
      if (live && live.meta.shareArn && liveAccess(live) !== access)
        await dissociate(ctx, domain, account, live);
      return;
    }
    case 'replace': {
      const name = change.address.domain ?? '';
      if (live) await dissociate(ctx, removalFacts(ctx, name, live), account, live);
      return associate(ctx, domainFacts(ctx, name), account, desiredAccess(desired));
    }
    case 'delete':
      if (live) await dissociate(ctx, removalFacts(ctx, change.address.domain ?? '', live), account, live);
      return;
    case 'noop':
    case 'unmanaged':
      return;
    default:
      return assertNever(action);
  }
};
