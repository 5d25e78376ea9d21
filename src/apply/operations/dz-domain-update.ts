/**
 * An in-place domain update: UpdateDomain for the fields it takes (description, roles, single
 * sign-on), sent only when one differs, and the tags through TagResource / UntagResource (the
 * domain's tags are not an UpdateDomain member). AWS-owned keys (`aws:*`, `sagemaker:*`) are
 * never added or removed.
 */
import {
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateDomainCommand,
  type AuthType,
  type GetDomainCommandOutput,
  type SingleSignOn,
  type UserAssignment,
} from '@aws-sdk/client-datazone';
import equal from 'fast-deep-equal';
import { normalizeDomain } from '../../live/domains.js';
import type { ManifestOf } from '../../model/manifest.js';
import { ownTags, type NormalDomain } from '../../model/normalized.js';
import { normalizeDesired } from '../../plan/normalize-desired.js';
import type { OperationContext } from '../types.js';
import type { DomainTarget } from './domain.js';

/** The API form of normalised single sign-on settings. */
export function ssoRequest(sso: NormalDomain['singleSignOn']): SingleSignOn {
  return {
    type: sso.type as AuthType,
    userAssignment: sso.userAssignment as UserAssignment | undefined,
    idcInstanceArn: sso.idcInstanceArn,
  };
}

/** The tag calls that turn `live` into `desired` (own keys only). */
export function tagChanges(
  desired: Record<string, string> | undefined,
  live: Record<string, string> | undefined,
): { set: Record<string, string>; remove: string[] } {
  const want = ownTags(desired) ?? {};
  const have = ownTags(live) ?? {};
  const set = Object.fromEntries(Object.entries(want).filter(([k, v]) => have[k] !== v));
  const remove = Object.keys(have).filter((k) => !(k in want));
  return { set, remove };
}

/** Brings a live, AVAILABLE domain to the manifest's description, roles, SSO and tags. */
export async function updateDomainFields(
  ctx: OperationContext,
  t: DomainTarget,
  m: ManifestOf<'Domain'>,
  domain: GetDomainCommandOutput,
): Promise<void> {
  const id = domain.id ?? '';
  const arn = domain.arn ?? '';
  const desired = normalizeDesired(m) as NormalDomain;
  const live = normalizeDomain(domain, undefined);
  const fields = (d: NormalDomain) => [d.description, d.executionRole, d.serviceRole, d.singleSignOn];
  if (!equal(fields(desired), fields(live))) {
    await ctx.call('UpdateDomain', t.scope, () =>
      t.clients.dataZone.send(
        new UpdateDomainCommand({
          identifier: id,
          // '' clears a description the manifest no longer sets (an absent member changes nothing).
          description: desired.description ?? (live.description !== undefined ? '' : undefined),
          domainExecutionRole: desired.executionRole,
          serviceRole: desired.serviceRole,
          singleSignOn: ssoRequest(desired.singleSignOn),
        }),
      ),
    );
  }
  const tags = await ctx.call('ListTagsForResource', t.scope, () =>
    t.clients.dataZone.send(new ListTagsForResourceCommand({ resourceArn: arn })),
  );
  const { set, remove } = tagChanges(desired.tags, tags.tags);
  if (Object.keys(set).length > 0) {
    await ctx.call('TagResource', t.scope, () =>
      t.clients.dataZone.send(new TagResourceCommand({ resourceArn: arn, tags: set })),
    );
  }
  if (remove.length > 0) {
    await ctx.call('UntagResource', t.scope, () =>
      t.clients.dataZone.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: remove })),
    );
  }
}
