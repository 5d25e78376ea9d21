/**
 * Tags of domains (TagResource, UntagResource, ListTagsForResource), addressed by the domain ARN
 * `arn:aws:datazone:{region}:{account}:domain/{id}`. Only domains carry tags in the emulator.
 */
import type {
  ListTagsForResourceRequest,
  TagResourceRequest,
  UntagResourceRequest,
} from '@aws-sdk/client-datazone';
import { fail, type DzCall, type DzHandler } from './call.js';
import { findDomain } from './lookups.js';
import type { DomainRecord } from './state.js';

const DOMAIN_ARN = /^arn:aws[a-z-]*:datazone:([a-z0-9-]+):(\d{12}):domain\/(dzd[-_][a-zA-Z0-9_-]{1,36})$/;

function domainOfArn(call: DzCall, arn: string): DomainRecord {
  const match = DOMAIN_ARN.exec(arn);
  if (!match) {
    // UntagResource models no ValidationException: an unparseable ARN is simply not found there.
    fail(
      call.op === 'UntagResource' ? 'ResourceNotFoundException' : 'ValidationException',
      `Invalid resource ARN ${arn}.`,
    );
  }
  const domain = findDomain(call, match[3] ?? '', 'owner');
  if (domain.arn !== arn) fail('ResourceNotFoundException', `Resource ${arn} not found.`);
  return domain;
}

const tagResource: DzHandler<TagResourceRequest> = (input, call) => {
  const domain = domainOfArn(call, input.resourceArn ?? '');
  Object.assign(domain.tags, input.tags ?? {});
  return {};
};

const untagResource: DzHandler<UntagResourceRequest> = (input, call) => {
  const domain = domainOfArn(call, input.resourceArn ?? '');
  for (const key of input.tagKeys ?? []) delete domain.tags[key];
  return {};
};

const listTagsForResource: DzHandler<ListTagsForResourceRequest> = (input, call) => {
  const domain = domainOfArn(call, input.resourceArn ?? '');
  return { tags: { ...domain.tags } };
};

/** Tagging handlers by operation name. */
export const tagHandlers = {
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
};
