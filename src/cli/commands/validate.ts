/** `smus-gitops validate`: loads and checks manifests. */
import type { CommandRegistrar } from '../main.js';

/** Adds the `validate` command. */
export const registerValidateCommand: CommandRegistrar = (program) => {
  program.command('validate').description('validate manifests');
};
