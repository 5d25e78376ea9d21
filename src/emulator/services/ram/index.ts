/**
 * RAM service of the emulator: resource shares of DataZone domains, their associations, the
 * invitations of accounts outside the organisation and the managed permissions. The behavioural
 * spec is docs/emulator/ram.md.
 */
import type { EmulatorWorld, ServiceImpl } from '../../types.js';
import {
  associateResourceShare,
  disassociateResourceShare,
  getResourceShareAssociations,
} from './associations.js';
import { acceptResourceShareInvitation, getResourceShareInvitations } from './invitations.js';
import { listPermissions, listResourceSharePermissions } from './permissions.js';
import { createResourceShare, deleteResourceShare, getResourceShares } from './shares.js';
import { ramState } from './state.js';

/** Builds the RAM service over the world. */
export function createRamService(world: EmulatorWorld): ServiceImpl {
  ramState(world);
  return {
    service: 'ram',
    handlers: {
      CreateResourceShare: createResourceShare(world),
      GetResourceShares: getResourceShares(world),
      DeleteResourceShare: deleteResourceShare(world),
      AssociateResourceShare: associateResourceShare(world),
      DisassociateResourceShare: disassociateResourceShare(world),
      GetResourceShareAssociations: getResourceShareAssociations(world),
      GetResourceShareInvitations: getResourceShareInvitations(world),
      AcceptResourceShareInvitation: acceptResourceShareInvitation(world),
      ListPermissions: listPermissions,
      ListResourceSharePermissions: listResourceSharePermissions(world),
    },
  };
}
