/** Carries out changes to blueprint-configuration resources. */
import { ApplyError, type Operation } from '../types.js';

/** Create, update, replace or delete one blueprint-configuration. */
export const blueprintConfigurationOperation: Operation = async ({ change }) => {
  throw new ApplyError(`${change.action} of ${change.address.kind} is not implemented yet`);
};
