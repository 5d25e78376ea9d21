/** Carries out changes to domain-unit resources. */
import { ApplyError, type Operation } from '../types.js';

/** Create, update, replace or delete one domain-unit. */
export const domainUnitOperation: Operation = async ({ change }) => {
  throw new ApplyError(`${change.action} of ${change.address.kind} is not implemented yet`);
};
