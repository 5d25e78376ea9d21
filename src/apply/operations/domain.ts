/** Carries out changes to domain resources. */
import { ApplyError, type Operation } from '../types.js';

/** Create, update, replace or delete one domain. */
export const domainOperation: Operation = async ({ change }) => {
  throw new ApplyError(`${change.action} of ${change.address.kind} is not implemented yet`);
};
