/**
 * SageMaker service of the emulator: Studio domains and their tags. The behavioural spec is
 * docs/emulator/sagemaker.md.
 */
import type { EmulatorWorld, ServiceImpl } from '../../types.js';
import { createDomain, deleteDomain, describeDomain, listDomains, updateDomain } from './domains.js';
import { sageMakerState } from './state.js';
import { addTags, deleteTags, listTags } from './tags.js';
import {
  createUserProfile,
  deleteUserProfile,
  describeUserProfile,
  listUserProfiles,
  updateUserProfile,
} from './user-profiles.js';

/** Builds the SageMaker service over the world. */
export function createSageMakerService(world: EmulatorWorld): ServiceImpl {
  sageMakerState(world);
  return {
    service: 'sagemaker',
    handlers: {
      CreateDomain: createDomain(world),
      DescribeDomain: describeDomain(world),
      UpdateDomain: updateDomain(world),
      DeleteDomain: deleteDomain(world),
      ListDomains: listDomains(world),
      AddTags: addTags(world),
      DeleteTags: deleteTags(world),
      ListTags: listTags(world),
      CreateUserProfile: createUserProfile(world),
      DescribeUserProfile: describeUserProfile(world),
      UpdateUserProfile: updateUserProfile(world),
      DeleteUserProfile: deleteUserProfile(world),
      ListUserProfiles: listUserProfiles(world),
    },
  };
}
