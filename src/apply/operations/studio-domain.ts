/** Carries out changes to studio-domain resources. */
import { ApplyError, type Operation } from '../types.js';

/** Create, update, replace or delete one studio-domain. */
export const studioDomainOperation: Operation = async ({ change }) => {
  throw new ApplyError(`${change.action} of ${change.address.kind} is not implemented yet`);
};
