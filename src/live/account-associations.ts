/**
 * Account associations, read from RAM in the domain's account: the ACTIVE shares the caller owns
 * that hold the domain's ARN, their principals, and each share's permission. Every principal
 * whose association is live (ASSOCIATED, or ASSOCIATING while an invitation is pending) is one
 * AccountAssociation. The lists hold everything the normal value needs, so every association
 * is read fully.
 */
import {
  GetResourceShareAssociationsCommand,
  GetResourceSharesCommand,
  ListResourceSharePermissionsCommand,
  type ResourceShare,
  type ResourceShareAssociation,
} from '@aws-sdk/client-ram';
import type { NormalAccountAssociation } from '../model/normalized.js';
import type { DomainContext } from './domain-context.js';
import { liveResource, READ_FAILED_META } from './resource.js';
import type { LiveResource } from './types.js';
import { viaRam } from './pacing.js';
import { RAM_MAX_RESULTS } from './page-sizes.js';

const LIVE_STATUSES = new Set(['ASSOCIATED', 'ASSOCIATING']);

/** `portal` for the permissions that grant portal login, else `api` (MANIFESTS.md AccountAssociation). */
export function accessOf(permissionArn: string | undefined): NormalAccountAssociation['access'] {
  return permissionArn?.endsWith('WithPortalAccess') ? 'portal' : 'api';
}

/** What the RAM reads found: the associations, and which accounts are ASSOCIATED (undefined if unknown). */
export interface AssociationRead {
  resources: LiveResource[];
  /** Accounts whose association is ASSOCIATED; undefined when a list failed (then nothing is known). */
  associatedAccounts: Set<string> | undefined;
}

/** Reads the domain's account associations. */
export async function readAccountAssociations(dc: DomainContext): Promise<AssociationRead> {
  const { domain, clients, read } = dc;
  const ram = clients.ram;
  const shares = await read.list<ResourceShare>(
    'GetResourceShares',
    dc.where,
    viaRam(clients),
    async (nextToken) => {
      const out = await ram.send(
        new GetResourceSharesCommand({
          resourceOwner: 'SELF',
          resourceShareStatus: 'ACTIVE',
          maxResults: RAM_MAX_RESULTS,
          nextToken,
        }),
      );
      return { items: out.resourceShares, nextToken: out.nextToken };
    },
  );
  const holding = await read.list<ResourceShareAssociation>(
    'GetResourceShareAssociations',
    `${dc.where} resource`,
    viaRam(clients),
    async (nextToken) => {
      const out = await ram.send(
        new GetResourceShareAssociationsCommand({
          associationType: 'RESOURCE',
          resourceArn: domain.arn,
          maxResults: RAM_MAX_RESULTS,
          nextToken,
        }),
      );
      return { items: out.resourceShareAssociations, nextToken: out.nextToken };
    },
  );
  if (!shares || !holding) return { resources: [], associatedAccounts: undefined };
  const holdingArns = new Set(
    holding.filter((a) => LIVE_STATUSES.has(a.status ?? '')).map((a) => a.resourceShareArn ?? ''),
  );
  const domainShares = shares.filter(
    (s) => s.status === 'ACTIVE' && holdingArns.has(s.resourceShareArn ?? ''),
  );
  if (domainShares.length === 0) return { resources: [], associatedAccounts: new Set() };

  const [principals, permissions] = await Promise.all([
    read.list<ResourceShareAssociation>(
      'GetResourceShareAssociations',
      `${dc.where} principals`,
      viaRam(clients),
      async (nextToken) => {
        const out = await ram.send(
          new GetResourceShareAssociationsCommand({
            associationType: 'PRINCIPAL',
            resourceShareArns: domainShares.map((s) => s.resourceShareArn ?? ''),
            maxResults: RAM_MAX_RESULTS,
            nextToken,
          }),
        );
        return { items: out.resourceShareAssociations, nextToken: out.nextToken };
      },
    ),
    Promise.all(domainShares.map((share) => sharePermission(dc, share))),
  ]);
  if (!principals) return { resources: [], associatedAccounts: undefined };

  const live = principals.filter((p) => LIVE_STATUSES.has(p.status ?? ''));
  const resources = domainShares.flatMap((share, index) => {
    const arn = share.resourceShareArn ?? '';
    const mine = live.filter((p) => p.resourceShareArn === arn);
    const permission = permissions[index];
    return mine.map((principal) => {
      const account = principal.associatedEntity ?? '';
      const normal: NormalAccountAssociation = {
        access: accessOf(permission?.arn),
        status: principal.status === 'ASSOCIATED' ? 'ASSOCIATED' : 'ASSOCIATING',
      };
      return liveResource({
        address: { kind: 'AccountAssociation', domain: domain.name, name: account },
        id: `${arn}/${account}`,
        normal: permission ? normal : undefined,
        summary: principal,
        meta: {
          shareArn: arn,
          shareName: share.name,
          status: principal.status,
          permissionArn: permission?.arn,
          principalCount: mine.length,
          [READ_FAILED_META]: permission ? undefined : 'ListResourceSharePermissions',
        },
        lastUpdatedAt: principal.lastUpdatedTime,
      });
    });
  });
  const associatedAccounts = new Set(
    live.filter((p) => p.status === 'ASSOCIATED').map((p) => p.associatedEntity ?? ''),
  );
  return { resources, associatedAccounts };
}

/** The share's permission for the domain (the first, there is one per resource type); undefined on failure. */
async function sharePermission(
  dc: DomainContext,
  share: ResourceShare,
): Promise<{ arn?: string } | undefined> {
  const items = await dc.read.list(
    'ListResourceSharePermissions',
    `${dc.where} share ${share.name ?? ''}`,
    viaRam(dc.clients),
    async (nextToken) => {
      const out = await dc.clients.ram.send(
        new ListResourceSharePermissionsCommand({
          resourceShareArn: share.resourceShareArn ?? '',
          maxResults: RAM_MAX_RESULTS,
          nextToken,
        }),
      );
      return { items: out.permissions, nextToken: out.nextToken };
    },
  );
  if (!items) return undefined;
  const forDomain = items.find((p) => (p.resourceType ?? '').toLowerCase() === 'datazone:domain') ?? items[0];
  return { arn: forDomain?.arn };
}
