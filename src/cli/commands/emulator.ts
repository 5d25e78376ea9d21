/** `smus-gitops emulator`: serves the local API emulator (implemented with the emulator issue). */
import type { CommandRegistrar } from '../main.js';

/** Adds the `emulator` command. */
export const registerEmulatorCommand: CommandRegistrar = (program) => {
  program.command('emulator').description('serve the local AWS API emulator');
};
