/** Carries out changes to project-profile resources. */
import { ApplyError, type Operation } from '../types.js';

/** Create, update, replace or delete one project-profile. */
export const projectProfileOperation: Operation = async ({ change }) => {
  throw new ApplyError(`${change.action} of ${change.address.kind} is not implemented yet`);
};
