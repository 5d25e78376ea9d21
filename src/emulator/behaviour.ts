/**
 * Defaults of the service behaviour knobs (types.ts `EmulatorBehaviour`). Durations are small but
 * not zero, so a tool that does not wait for async states fails against the emulator as it would
 * against AWS; tests that do not care set them to 0 or advance the clock.
 */
import type { EmulatorBehaviour } from './types.js';

/** The home account: credentials STS did not issue act as this account. */
export const DEFAULT_HOME_ACCOUNT = '111122223333';

/** Every async lifecycle immediate: for tests and benchmarks that are not about waiting. */
export const INSTANT_DURATIONS: Readonly<EmulatorBehaviour['durations']> = {
  domainCreate: 0,
  domainDelete: 0,
  projectDeploy: 0,
  projectDelete: 0,
  ramAssociate: 0,
  studioCreate: 0,
  studioUpdate: 0,
  studioDelete: 0,
};

/** A fresh copy of the default behaviour. */
export function defaultBehaviour(): EmulatorBehaviour {
  return {
    homeAccountId: DEFAULT_HOME_ACCOUNT,
    externalAccountIds: [],
    durations: {
      domainCreate: 2000,
      domainDelete: 2000,
      projectDeploy: 2000,
      projectDelete: 1000,
      ramAssociate: 1000,
      studioCreate: 2000,
      studioUpdate: 1000,
      studioDelete: 1000,
    },
    // Small on purpose: every list call of the tool gets paginated in tests.
    defaultPageSize: 5,
    notFoundAsAccessDenied: false,
    readAfterCreateMisses: 0,
    shuffleLists: false,
  };
}

/** A partial behaviour; `durations` may name only some durations (the rest keep their value). */
export type BehaviourPatch = Partial<Omit<EmulatorBehaviour, 'durations'>> & {
  durations?: Partial<EmulatorBehaviour['durations']>;
};

/** Applies a partial update (durations merge member by member). */
export function mergeBehaviour(
  base: EmulatorBehaviour,
  patch: BehaviourPatch | undefined,
): EmulatorBehaviour {
  if (!patch) return base;
  return { ...base, ...patch, durations: { ...base.durations, ...(patch.durations ?? {}) } };
}
