/**
 * The CLI's `--local` mode: an in-process emulator whose world lives in
 * `<cwd>/.smus-gitops/emulator-state.json`, so successive commands see the same "cloud".
 */
import { join } from 'node:path';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from './server.js';

/** The state file of `--local` under a working directory. */
export function localStatePath(cwd: string): string {
  return join(cwd, '.smus-gitops', 'emulator-state.json');
}

/** Starts an emulator with its state in the working directory's `.smus-gitops/` folder (created if needed). */
export function startLocalEmulator(
  cwd: string,
  options: Omit<EmulatorOptions, 'statePath'> = {},
): Promise<RunningEmulator> {
  return startEmulator({ ...options, statePath: localStatePath(cwd) });
}
