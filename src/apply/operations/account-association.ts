/** Carries out changes to account-association resources. */
import { ApplyError, type Operation } from '../types.js';

/** Create, update, replace or delete one account-association. */
export const accountAssociationOperation: Operation = async ({ change }) => {
  throw new ApplyError(`${change.action} of ${change.address.kind} is not implemented yet`);
};
