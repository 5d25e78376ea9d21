/** Carries out changes to account-pool resources. */
import { ApplyError, type Operation } from '../types.js';

/** Create, update, replace or delete one account-pool. */
export const accountPoolOperation: Operation = async ({ change }) => {
  throw new ApplyError(`${change.action} of ${change.address.kind} is not implemented yet`);
};
