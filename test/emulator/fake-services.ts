/**
 * Fake service factories for the wire layer's own tests: handlers that record their decoded
 * input and return fixed outputs or throw, so the tests pin the protocols without depending on
 * the real DataZone/RAM/SageMaker logic.
 */
import type { ServiceFactory } from '../../src/emulator/types.js';
import { EmulatorServiceError } from '../../src/emulator/types.js';

/** Inputs the fake handlers received, by operation. */
export const received: Record<string, Record<string, unknown>[]> = {};

function record(operation: string, input: Record<string, unknown>): void {
  (received[operation] ??= []).push(input);
}

/** 2026-01-02T03:04:05.678Z, a timestamp with a fraction of a second. */
export const WHEN = new Date('2026-01-02T03:04:05.678Z');

/** A DataZone with a few fixed answers. */
export const fakeDataZone: ServiceFactory = (world) => ({
  service: 'datazone',
  handlers: {
    GetDomain(input, ctx) {
      record('GetDomain', input);
      if (input.identifier === 'dzd_conflict') throw new EmulatorServiceError('ConflictException', 'busy');
      if (input.identifier === 'dzd_quota')
        throw new EmulatorServiceError('ServiceQuotaExceededException', 'too many');
      if (input.identifier === 'dzd_denied') throw new EmulatorServiceError('AccessDeniedException', 'no');
      if (input.identifier === 'dzd_bug') throw new TypeError('handler bug');
      return {
        id: input.identifier,
        name: `domain of ${ctx.accountId}`,
        status: 'AVAILABLE',
        createdAt: WHEN,
        lastUpdatedAt: WHEN,
        // Not a member of GetDomainOutput: must not reach the wire.
        secretInternalField: 'x',
      };
    },
    GetProject(input) {
      record('GetProject', input);
      return {
        id: input.identifier,
        domainId: input.domainIdentifier,
        name: 'p',
        createdBy: 'me',
        createdAt: WHEN,
        lastUpdatedAt: WHEN,
      };
    },
    ListTagsForResource(input) {
      record('ListTagsForResource', input);
      return { tags: { arn: String(input.resourceArn) } };
    },
    UntagResource(input) {
      record('UntagResource', input);
      return {};
    },
    ListProjects(input) {
      record('ListProjects', input);
      return {
        items: [
          { id: 'p1', domainId: 'dzd_x', name: 'p', createdBy: 'me', createdAt: WHEN, updatedAt: WHEN },
        ],
      };
    },
    DeleteProject(input) {
      record('DeleteProject', input);
      return {};
    },
    CreateProject(input, ctx) {
      record('CreateProject', input);
      const counter = ((world.services.datazone as { created?: string[] } | undefined) ?? {}) as {
        created?: string[];
      };
      counter.created = [...(counter.created ?? []), String(input.name)];
      world.services.datazone = counter;
      return {
        id: ctx.newId(),
        domainId: input.domainIdentifier,
        name: input.name,
        createdBy: 'me',
        createdAt: ctx.now(),
      };
    },
  },
});

/** A SageMaker with a fixed DescribeDomain. */
export const fakeSageMaker: ServiceFactory = () => ({
  service: 'sagemaker',
  handlers: {
    DescribeDomain(input) {
      record('DescribeDomain', input);
      if (input.DomainId === 'd-missing')
        throw new EmulatorServiceError('ResourceNotFound', 'no such domain');
      return {
        DomainId: input.DomainId,
        DomainName: 'studio',
        Status: 'InService',
        CreationTime: WHEN,
        LastModifiedTime: WHEN,
      };
    },
  },
});

/** A RAM with a fixed GetResourceShares. */
export const fakeRam: ServiceFactory = () => ({
  service: 'ram',
  handlers: {
    GetResourceShares(input) {
      record('GetResourceShares', input);
      if (input.resourceShareStatus === 'DELETED')
        throw new EmulatorServiceError('UnknownResourceException', 'gone');
      return {
        resourceShares: [
          {
            name: 'share',
            resourceShareArn: 'arn:aws:ram:us-east-1:111122223333:resource-share/x',
            creationTime: WHEN,
            lastUpdatedTime: WHEN,
          },
        ],
      };
    },
  },
  control: {
    echo: (body, ctx) => ({ body, accountId: ctx.accountId }),
  },
});

/** All three fakes, for `serviceFactories`. */
export const FAKES = { datazone: fakeDataZone, sagemaker: fakeSageMaker, ram: fakeRam };
