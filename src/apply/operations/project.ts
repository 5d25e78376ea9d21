/** Carries out changes to project resources. */
import { ApplyError, type Operation } from '../types.js';

/** Create, update, replace or delete one project. */
export const projectOperation: Operation = async ({ change }) => {
  throw new ApplyError(`${change.action} of ${change.address.kind} is not implemented yet`);
};
