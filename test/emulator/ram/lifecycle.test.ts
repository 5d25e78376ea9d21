/**
 * The pure derivations behind RAM's async states, and that RAM's state survives a JSON round trip
 * (the world is written to a state file): the same statuses come back at the same instants.
 */
import { describe, expect, it } from 'vitest';
import {
  INVITATION_TTL_MS,
  associationStatus,
  associationUpdatedAt,
  invitationStatus,
} from '../../../src/emulator/services/ram/lifecycle.js';
import { isAccountAssociated } from '../../../src/emulator/services/ram/queries.js';
import { associationKey, ramState } from '../../../src/emulator/services/ram/state.js';
import type { EmulatorWorld } from '../../../src/emulator/types.js';
import { HOME, IN_ORG } from './fixtures.js';

const SHARE = `arn:aws:ram:us-east-1:${HOME}:resource-share/00000000-0000-4000-8000-000000000000`;
const DOMAIN = `arn:aws:datazone:us-east-1:${HOME}:domain/dzd_life00000001`;

describe('association and invitation status', () => {
  it('derives ASSOCIATING → ASSOCIATED → DISASSOCIATING → DISASSOCIATED from instants', () => {
    const a = {
      shareArn: SHARE,
      type: 'PRINCIPAL' as const,
      entity: IN_ORG,
      external: false,
      createdAt: 0,
      associatedAt: 10,
    };
    expect(associationStatus(a, 9)).toBe('ASSOCIATING');
    expect(associationStatus(a, 10)).toBe('ASSOCIATED');
    const gone = { ...a, disassociateRequestedAt: 20, disassociatedAt: 30 };
    expect(associationStatus(gone, 25)).toBe('DISASSOCIATING');
    expect(associationStatus(gone, 30)).toBe('DISASSOCIATED');
    expect(associationUpdatedAt(gone, 25)).toBe(20);
    expect(associationUpdatedAt(gone, 31)).toBe(30);
  });

  it('expires an unaccepted invitation after seven days and fails its association', () => {
    const invitation = {
      arn: 'arn:aws:ram:us-east-1:111122223333:resource-share-invitation/x',
      shareArn: SHARE,
      senderAccountId: HOME,
      receiverAccountId: IN_ORG,
      region: 'us-east-1',
      createdAt: 0,
    };
    const a = { shareArn: SHARE, type: 'PRINCIPAL' as const, entity: IN_ORG, external: true, createdAt: 0 };
    expect(invitationStatus(invitation, INVITATION_TTL_MS - 1)).toBe('PENDING');
    expect(associationStatus(a, INVITATION_TTL_MS - 1, invitation)).toBe('ASSOCIATING');
    expect(invitationStatus(invitation, INVITATION_TTL_MS)).toBe('EXPIRED');
    expect(associationStatus(a, INVITATION_TTL_MS, invitation)).toBe('FAILED');
    expect(invitationStatus({ ...invitation, acceptedAt: 5 }, INVITATION_TTL_MS)).toBe('ACCEPTED');
  });
});

describe('RAM state in a state file', () => {
  it('answers the same after a JSON round trip', () => {
    const world: EmulatorWorld = { version: 1, clockOffsetMs: 0, idCounter: 0, services: {} };
    const state = ramState(world);
    state.shares[SHARE] = {
      arn: SHARE,
      name: 'DataZone-x',
      owningAccountId: HOME,
      region: 'us-east-1',
      allowExternalPrincipals: true,
      tags: [],
      permissionArns: [],
      createdAt: 0,
      lastUpdatedAt: 0,
    };
    for (const [type, entity] of [
      ['RESOURCE', DOMAIN],
      ['PRINCIPAL', IN_ORG],
    ] as const) {
      state.associations[associationKey(SHARE, type, entity)] = {
        shareArn: SHARE,
        type,
        entity,
        external: false,
        createdAt: 0,
        associatedAt: 100,
      };
    }
    const copy = JSON.parse(JSON.stringify(world)) as EmulatorWorld;
    for (const w of [world, copy]) {
      expect(isAccountAssociated(w, DOMAIN, IN_ORG, 99)).toBe(false);
      expect(isAccountAssociated(w, DOMAIN, IN_ORG, 100)).toBe(true);
      expect(isAccountAssociated(w, DOMAIN, '999988887777', 100)).toBe(false);
    }
  });
});
