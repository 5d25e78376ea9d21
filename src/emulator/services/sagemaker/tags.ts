/**
 * AddTags, DeleteTags and ListTags on Studio domains. Studio tags what it creates with
 * `sagemaker:domain-arn` (reference §11); whether the domain itself carries that tag is
 * unverified, and the emulator adds it on purpose: the tool must ignore `sagemaker:*` and `aws:*`
 * keys, and one such key in every ListTags proves it does. System tags do not count toward the
 * 50-tag limit and cannot be removed; `aws:` keys are reserved for AWS. AddTags may set
 * `sagemaker:domain-arn` (the Studio isolation guide backfills exactly that key with add-tags);
 * CreateDomain may not, since the caller cannot know the ARN yet (decisions.md, item 9).
 */
import type { EmulatorWorld, OperationHandler } from '../../types.js';
import type { CallContext } from '../../types.js';
import { findTaggable } from './lookups.js';
import { sageMakerPage } from './paging.js';
import { validationError } from './settings.js';
import { sageMakerState, userProfiles } from './state.js';

/** The system tag the emulator puts on every domain (value: the domain ARN). */
export const SYSTEM_DOMAIN_ARN_TAG = 'sagemaker:domain-arn';

/** User tags per resource. */
export const TAG_LIMIT = 50;

type Tag = { Key: string; Value: string };

function isSystem(key: string): boolean {
  return key === SYSTEM_DOMAIN_ARN_TAG;
}

/**
 * Tags of an input, checked: no `aws:` keys, unique keys (the last one wins), and the system key
 * only where `allowSystem` (AddTags).
 */
export function tagsFromInput(value: unknown, allowSystem = false): Tag[] {
  if (!Array.isArray(value)) return [];
  const byKey = new Map<string, string>();
  for (const tag of value as { Key?: unknown; Value?: unknown }[]) {
    const key = String(tag.Key);
    if (key.toLowerCase().startsWith('aws:')) {
      throw validationError(`Tag keys starting with 'aws:' are reserved for AWS use (${key}).`);
    }
    if (isSystem(key) && !allowSystem) {
      throw validationError(
        `The tag ${SYSTEM_DOMAIN_ARN_TAG} is set by SageMaker when the domain is created.`,
      );
    }
    byKey.set(key, String(tag.Value ?? ''));
  }
  return [...byKey].map(([Key, Value]) => ({ Key, Value }));
}

/**
 * The tagged resource of an ARN: a user profile of a live domain of the caller (issue 16: AddTags,
 * DeleteTags and ListTags take a user profile's ARN as well), else a domain.
 */
function taggable(
  world: EmulatorWorld,
  arn: string,
  ctx: CallContext,
): { holder: { tags: Tag[] }; arn: string } {
  const profile = Object.values(userProfiles(world)).find((p) => p.UserProfileArn === arn);
  if (profile) {
    try {
      findTaggable(
        sageMakerState(world),
        `${arn.split(':user-profile/')[0]}:domain/${profile.DomainId}`,
        ctx,
      );
      return { holder: profile, arn };
    } catch {
      // The profile's domain is gone or not the caller's: the resource does not exist for it.
    }
  }
  const domain = findTaggable(sageMakerState(world), arn, ctx);
  return { holder: domain, arn: domain.ids.DomainArn };
}

function userTagCount(domain: { tags: Tag[] }): number {
  return domain.tags.filter((t) => !isSystem(t.Key)).length;
}

/** AddTags: adds or overwrites tags; answers the tags it was given. */
export function addTags(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const found = taggable(world, String(input.ResourceArn), ctx);
    const domain = found.holder;
    const tags = tagsFromInput(input.Tags, true);
    const merged = [...domain.tags];
    for (const tag of tags) {
      const at = merged.findIndex((t) => t.Key === tag.Key);
      if (at >= 0) merged[at] = tag;
      else merged.push(tag);
    }
    if (merged.filter((t) => !isSystem(t.Key)).length > TAG_LIMIT) {
      throw validationError(`A resource can have at most ${TAG_LIMIT} tags; it has ${userTagCount(domain)}.`);
    }
    domain.tags = merged;
    return { Tags: tags };
  };
}

/** DeleteTags: removes the keys (absent keys are ignored); the system tag cannot be removed. */
export function deleteTags(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const found = taggable(world, String(input.ResourceArn), ctx);
    const domain = found.holder;
    const keys = Array.isArray(input.TagKeys) ? input.TagKeys.map(String) : [];
    if (keys.some((k) => isSystem(k) || k.toLowerCase().startsWith('aws:'))) {
      throw validationError(`System tags (aws:*, ${SYSTEM_DOMAIN_ARN_TAG}) cannot be removed.`);
    }
    domain.tags = domain.tags.filter((t) => !keys.includes(t.Key));
    return {};
  };
}

/** ListTags: every tag of the resource, system tag included, paginated. */
export function listTags(world: EmulatorWorld): OperationHandler {
  return (input, ctx) => {
    const found = taggable(world, String(input.ResourceArn), ctx);
    const domain = found.holder;
    const page = sageMakerPage(domain.tags, input, ctx, `ListTags:${found.arn}`, (t) => t.Key);
    return { Tags: page.items.map((t) => ({ ...t })), NextToken: page.nextToken };
  };
}
